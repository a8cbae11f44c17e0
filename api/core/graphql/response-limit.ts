/**
 * No response larger than MAX_RESPONSE_BYTES is sent, over HTTP or WebSocket, and one that is
 * sure to be larger stops being built. The cost limit (query-cost.ts) counts unbounded lists at
 * an assumed size; a larger organisation can still make an answer grow past it, and the server
 * must refuse that answer rather than hold it (and its JSON) in memory.
 * - While it runs: every list field's resolver adds a lower bound of what its items take in JSON
 *   (the keys selected on each item, one byte a value) to a count kept per execution; once the
 *   count passes the limit, that list and every list resolved after it fail at once
 *   (ResponseTooLargeError), so the rest of the answer is not built.
 * - Before it is sent: the JSON itself is measured (HTTP: once, in willSendResponse, and reused by
 *   Apollo's stringifyResult; WebSocket: per event, in ws.ts).
 * Either way the client gets one BAD_USER_INPUT error naming `query` instead of the data: HTTP
 * status 400 (the operation asks for too much: ask for less; 413 would blame the request's body),
 * and over the socket that event is replaced by the error while the subscription stays open.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { DomainError } from '../errors.ts';

const LIMIT = Symbol('pulse.maxResponseBytes');

/** Thrown by list fields once the answer is sure to pass the limit: the client's, not logged. */
export class ResponseTooLargeError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly maxBytes: number) {
    super(responseTooLargeMessage(maxBytes));
  }
  override extensions(): Record<string, unknown> {
    return { fields: [{ field: 'query', message: this.message }] };
  }
}

export function responseTooLargeMessage(maxBytes: number): string {
  return `The response would be larger than MAX_RESPONSE_BYTES (${maxBytes} bytes): ask for fewer fields, smaller lists or fewer aliases.`;
}

/** The one error a refused response is replaced by (already in the client's shape). */
export function responseTooLarge(maxBytes: number): GraphQLFormattedError {
  const message = responseTooLargeMessage(maxBytes);
  return { message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'query', message }] } };
}

/** Puts the limit on an operation's context; a copy of the context (shared execution) keeps it. */
export function limitResponse<T extends object>(context: T, maxBytes: number): T {
  Object.defineProperty(context, LIMIT, { value: maxBytes, enumerable: true, configurable: true });
  return context;
}

function limitOf(context: unknown): number | undefined {
  if (typeof context !== 'object' || context === null) return undefined;
  const value = (context as { [LIMIT]?: unknown })[LIMIT];
  return typeof value === 'number' ? value : undefined;
}

interface Count {
  bytes: number;
  exceeded: boolean;
}

// graphql-js coerces the variables into a new object for each execution, and hands that same
// object to every resolver of it: the key of one execution's count, shared events included
const counts = new WeakMap<object, Count>();
const itemBytes = new WeakMap<FieldNode, number>();

/** At least what one item of this list takes in JSON: `{"key":v,…},` for each key selected. */
function bytesPerItem(info: GraphQLResolveInfo): number {
  const node = info.fieldNodes[0]!;
  const known = itemBytes.get(node);
  if (known !== undefined) return known;
  let bytes = 2; // a value and its comma
  if (!isLeafType(getNamedType(info.returnType))) {
    const keys = new Set<string>();
    for (const fieldNode of info.fieldNodes) {
      for (const selection of fieldNode.selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
      }
    }
    bytes = 3; // {},
    for (const key of keys) bytes += key.length + 4; // "key":v,
  }
  itemBytes.set(node, bytes);
  return bytes;
}

function counted(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const max = limitOf(context);
    if (max === undefined) return resolve(source, args, context, info);
    let count = counts.get(info.variableValues);
    if (!count) counts.set(info.variableValues, (count = { bytes: 0, exceeded: false }));
    if (count.exceeded) throw new ResponseTooLargeError(max);
    const add = (list: unknown): unknown => {
      if (!Array.isArray(list)) return list;
      count.bytes += 2 + list.length * bytesPerItem(info);
      if (count.bytes > max) {
        count.exceeded = true;
        throw new ResponseTooLargeError(max);
      }
      return list;
    };
    const result = resolve(source, args, context, info);
    return result instanceof Promise ? result.then(add) : add(result);
  };
}

/** Counts every list field of the schema against the limit of the operation's context, if any. */
export function countListResponses(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type)))
        field.resolve = counted(field.resolve ?? defaultFieldResolver);
    }
  }
}

/** Whether an execution's errors say its answer was stopped for its size. */
export function stoppedForSize(errors: readonly { originalError?: unknown }[] | undefined): boolean {
  return errors?.some((e) => e.originalError instanceof ResponseTooLargeError) ?? false;
}

/** The byte length of a JSON string, without encoding it when its length alone decides. */
export function jsonTooLarge(json: string, maxBytes: number): boolean {
  if (json.length > maxBytes) return true;
  if (json.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(json) > maxBytes;
}

interface Serialised {
  readonly errors: unknown;
  readonly data: unknown;
  readonly extensions: unknown;
  readonly json: string;
}

/**
 * Apollo's side: the plugin measures each response once and refuses it (status 400) if it is too
 * large; `stringifyResult` then sends the JSON it measured instead of making it again.
 */
export function createResponseLimit<T extends BaseContext>(
  maxBytes: number,
): {
  plugin: ApolloServerPlugin<T>;
  stringifyResult: (value: { errors?: unknown; data?: unknown; extensions?: unknown }) => string;
} {
  const serialised = new WeakMap<object, Serialised>();
  // Apollo's own serialisation (prettyJSONStringify), fields in its order
  const stringify = (value: { errors?: unknown; data?: unknown; extensions?: unknown }) =>
    JSON.stringify({ errors: value.errors, data: value.data, extensions: value.extensions }) + '\n';
  const keyOf = (value: { errors?: unknown; data?: unknown }): object | undefined =>
    typeof value.data === 'object' && value.data !== null
      ? value.data
      : Array.isArray(value.errors)
        ? value.errors
        : undefined;

  return {
    plugin: {
      requestDidStart({ contextValue }) {
        limitResponse(contextValue, maxBytes);
        return Promise.resolve({
          willSendResponse({ response, errors }) {
            if (response.body.kind !== 'single') return Promise.resolve();
            const result = response.body.singleResult;
            const json = stoppedForSize(errors) ? undefined : stringify(result);
            if (json === undefined || jsonTooLarge(json, maxBytes)) {
              response.body.singleResult = {
                errors: [responseTooLarge(maxBytes)],
                ...(result.extensions ? { extensions: result.extensions } : {}),
              };
              response.http.status = 400;
              return Promise.resolve();
            }
            const key = keyOf(result);
            if (key)
              serialised.set(key, {
                errors: result.errors,
                data: result.data,
                extensions: result.extensions,
                json,
              });
            return Promise.resolve();
          },
        });
      },
    },
    stringifyResult(value) {
      const key = keyOf(value);
      const known = key ? serialised.get(key) : undefined;
      if (
        known &&
        known.data === value.data &&
        known.errors === value.errors &&
        known.extensions === value.extensions
      ) {
        return known.json;
      }
      const json = stringify(value);
      // a response no plugin measured (Apollo's own refusals): still never above the limit
      return jsonTooLarge(json, maxBytes) ? stringify({ errors: [responseTooLarge(maxBytes)] }) : json;
    },
  };
}
