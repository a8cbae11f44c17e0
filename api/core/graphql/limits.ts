/**
 * The limits every operation meets before it runs, the same over HTTP (Apollo) and WebSocket
 * (ws.ts), so neither transport is the cheaper way in:
 * - MAX_TOKENS while parsing (graphql's own `maxTokens`: parsing stops at the limit);
 * - MAX_DEPTH, MAX_ALIASES and 20 directives (graphql-armor validation rules);
 * - MAX_COST with the request's variables (query-cost.ts): lists counted at their size;
 * - no text the database cannot hold (text-input.ts: a NUL character);
 * - over HTTP, no subscriptions (they need the socket's session and stream).
 * A refusal is BAD_USER_INPUT naming the field `query`, HTTP status 400, and nothing has run.
 * The size of the response is bounded while it is built and sent (response-limit.ts).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { Config } from '../../config.ts';
import { operationCost } from './query-cost.ts';
import { nulCharacterField } from './text-input.ts';

type LimitSettings = Pick<Config, 'maxDepth' | 'maxAliases' | 'maxCost' | 'maxTokens'>;

export interface OperationLimits {
  /** For graphql's parse: the token limit. */
  readonly parseOptions: ParseOptions;
  /** Added to graphql's specified rules. */
  readonly validationRules: readonly ValidationRule[];
  /** The refusal of a valid operation that costs too much with these variables, if it does. */
  checkCost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError | undefined;
}

/** A refusal before anything runs: the contract's shape, status 400 over HTTP. */
export function refusal(field: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }], http: { status: 400 } },
  });
}

/** The refusal of text the database cannot hold (text-input.ts), if the operation brings any. */
export function textRefusal(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | undefined {
  const bad = nulCharacterField(document, variables);
  return bad && refusal(bad.field, bad.message);
}

/** A refusal of the operation itself. */
export function queryRefusal(message: string): GraphQLError {
  return refusal('query', message);
}

const KNOWN_PER_OPERATION = 100;

/**
 * What in the variables can change the cost: list sizes come from scalar arguments only (`limit`,
 * `count`, an id or its absence), so input objects and long strings count only as present.
 */
function sizingKey(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): string {
  let key = '';
  for (const definition of operation.variableDefinitions ?? []) {
    const value = variables?.[definition.variable.name.value];
    key +=
      value === undefined
        ? 'u,'
        : value === null
          ? 'n,'
          : typeof value === 'number' || typeof value === 'boolean'
            ? `${value},`
            : typeof value === 'string' && value.length <= 64
              ? `${JSON.stringify(value)},`
              : 'o,';
  }
  return key;
}

export function createOperationLimits(config: LimitSettings): OperationLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: 20 },
    // ours instead: the cost counts lists (query-cost.ts), parse counts tokens, and the one error
    // formatter hides suggestions on both transports (errors.ts)
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // Apollo's document cache and the socket's hand back the same document for the same text: its
  // cost is walked once per set of variables that can change it, not on every request (~25 µs)
  const known = new WeakMap<OperationDefinitionNode, Map<string, number | undefined>>();
  const cost = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ) => {
    let costs = known.get(operation);
    if (!costs) known.set(operation, (costs = new Map<string, number | undefined>()));
    const key = sizingKey(operation, variables);
    if (costs.has(key)) return costs.get(key);
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    const value = operationCost(schema, operation, fragments, variables);
    if (costs.size >= KNOWN_PER_OPERATION) costs.clear();
    costs.set(key, value);
    return value;
  };
  return {
    parseOptions: { maxTokens: config.maxTokens },
    validationRules: armor.validationRules,
    checkCost(schema, document, operation, variables) {
      const value = cost(schema, document, operation, variables);
      if (value === undefined || value <= config.maxCost) return undefined;
      return queryRefusal(
        `Query cost ${value} exceeds MAX_COST ${config.maxCost}: ask for fewer fields, smaller lists or fewer aliases.`,
      );
    },
  };
}

/** Apollo's side: the cost with the request's variables, and no subscriptions over HTTP. */
export function operationLimitsPlugin<T extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return Promise.resolve(); // Apollo refuses it itself (unknown operation)
          const refused =
            operation.operation === OperationTypeNode.SUBSCRIPTION
              ? queryRefusal(
                  'Subscriptions run over the WebSocket (graphql-ws on /graphql); send queries and mutations over HTTP.',
                )
              : (textRefusal(document, request.variables) ??
                limits.checkCost(schema, document, operation, request.variables));
          return refused ? Promise.reject(refused) : Promise.resolve();
        },
      });
    },
  };
}
