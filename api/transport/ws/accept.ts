/**
 * The checks of one subscribe message, in order: parsed under the token limit, one subscription
 * operation, validated with the same rules as HTTP (core/graphql/limits.ts: depth, aliases),
 * costed with its variables, and a signed-in socket. A valid document is parsed and validated once
 * per distinct query text (every TV sends the same one), and its AST shared by its subscribers and
 * by the shared execution of their events, which is keyed by it. A document is kept on the socket
 * only once accepted (until it completes: server.ts).
 */
import {
  getOperationAST,
  OperationTypeNode,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';
import type { Config, OrgSettings } from '../../config.ts';
import { createContext } from '../../core/context.ts';
import { createOperationLimits, queryRefusal, textRefusal } from '../../core/graphql/limits.ts';
import { limitResponse } from '../../core/graphql/response-limit.ts';
import type { Metrics } from '../../core/metrics.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { DirectFrames } from '../../live/ports.ts';
import { executionKey, sharedBytes } from '../../live/shared-execution.ts';
import type { Extra } from './connect.ts';
import { refusals } from './errors.ts';

/** Parsed and validated subscription documents by query text: every TV sends the same one. */
const DOCUMENT_CACHE_SIZE = 500;

export interface AcceptDeps {
  config: Config;
  schema: GraphQLSchema;
  database: DatabaseHandle;
  org: OrgSettings;
  live: LiveHub;
  directory: ViewerDirectory;
  logger: Logger;
  metrics?: Metrics | undefined;
}

export function createAccept(deps: AcceptDeps) {
  const { config, logger, live, directory, database, org, schema } = deps;
  const limits = createOperationLimits(config);
  const rules = [...specifiedRules, ...limits.validationRules];

  // One AST per distinct valid document, shared by its subscribers (and by the shared execution
  // of their events, which is keyed by it); the least recently used go first.
  const validDocuments = new Map<string, DocumentNode>();
  const knownValid = (query: string): DocumentNode | undefined => {
    const document = validDocuments.get(query);
    if (document) {
      validDocuments.delete(query);
      validDocuments.set(query, document);
    }
    return document;
  };
  const rememberValid = (query: string, document: DocumentNode) => {
    validDocuments.set(query, document);
    if (validDocuments.size > DOCUMENT_CACHE_SIZE) validDocuments.delete(validDocuments.keys().next().value!);
  };

  /** The checks of one subscribe message; its exec args once accepted, or why not. */
  return async (
    extra: Extra,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ) => {
    let document = knownValid(payload.query);
    const validated = document !== undefined;
    if (!document) {
      try {
        // the token limit stops the parser itself: a huge document is never built
        document = parse(payload.query, limits.parseOptions);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the query.')];
      }
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [queryRefusal('Unknown operation.')];
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [queryRefusal('Only subscriptions run over WebSocket; send queries and mutations over HTTP.')];
    }
    if (!validated) {
      const errors = validate(schema, document, rules);
      if (errors.length) return refusals(errors, document);
      rememberValid(payload.query, document);
    }
    const costly =
      textRefusal(document, payload.variables) ??
      limits.checkCost(schema, document, operation, payload.variables);
    if (costly) return [costly];
    const session = extra.session;
    if (!session) return [new GraphQLError('Not signed in.', { extensions: { code: 'UNAUTHENTICATED' } })];
    const viewer = await session.viewer();
    extra.documents?.set(id, document);
    if (deps.metrics) extra.kinds?.set(id, deps.metrics.subscriptionKind(operation, document));
    // the live fast path: shared events written straight into this subscription's frames
    const write = extra.frames(id, config.maxResponseBytes);
    const frames: DirectFrames = { payload: (event) => sharedBytes(args, key, event), write };
    const context = createContext({ db: database.db, org, viewer, logger, live, session, directory, frames });
    const args: ExecutionArgs = {
      schema,
      document,
      operationName: payload.operationName ?? null,
      variableValues: payload.variables ?? null,
      contextValue: limitResponse(context, config.maxResponseBytes),
    };
    const key = executionKey(args);
    return args;
  };
}
