/**
 * Domain errors with the contract's codes, and the one boundary (formatError) that turns any error
 * into what a client sees, over HTTP (Apollo's formatError) and over the WebSocket (ws.ts) alike.
 * Unknown errors are logged with the request id (an error is tagged with its request where the
 * request is known: tagRequest, never looked up in the async context) and masked; in production graphql-js's "Did you
 * mean …" suggestions are cut from every message, so neither transport lists the schema to a
 * client that cannot introspect it; transport hints (extensions.http) never reach a client.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { recordedField } from './graphql/error-fields.ts';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the input field, relative to the argument (e.g. "targetValue", "activities.3.amount"). */
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly httpStatus: number = 200;
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  override readonly httpStatus = 401;
  constructor(message = 'Sign in first: send "Authorization: Bearer <token>".') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'Your role does not allow this.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(what: string, id: string | number) {
    super(`${what} ${id} does not exist.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    message: string,
    private readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  override extensions(): Record<string, unknown> {
    return this.details;
  }
}

export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly fields: FieldError[]) {
    super(
      fields.length === 1
        ? `Invalid ${fields[0]?.field}: ${fields[0]?.message}`
        : `${fields.length} invalid fields.`,
    );
  }
  static one(field: string, message: string): BadInputError {
    return new BadInputError([{ field, message }]);
  }
  override extensions(): Record<string, unknown> {
    return { fields: this.fields };
  }
}

/** Collects field errors and throws them together, so a client can mark every bad field at once. */
export class FieldErrors {
  private readonly list: FieldError[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }
  get size(): number {
    return this.list.length;
  }
  throwIfAny(): void {
    if (this.list.length) throw new BadInputError(this.list);
  }
  /** Throws the collected errors, or returns the parsed value they were collected for. */
  done<T>(value: T | undefined): T {
    this.throwIfAny();
    if (value === undefined) throw new Error('validation produced no value and no error');
    return value;
  }
  has(field: string): boolean {
    return this.list.some((e) => e.field === field);
  }
}

/** Turns a domain error into the GraphQLError thrown by code outside resolvers (context, plugins). */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.extensions(), http: { status: error.httpStatus } },
  });
}

/** The request each error reached a client from (formatError's request id). */
const requestOfError = new WeakMap<object, string>();

/** Tags `error` (as formatError will be given it) with the request it is answered for. */
export function tagRequest(error: unknown, requestId: string | undefined): void {
  if (requestId !== undefined && typeof error === 'object' && error !== null)
    requestOfError.set(error, requestId);
}

/**
 * A GraphQL context being made for the request `requestId`: its failure is the error Apollo would
 * make of it (a GraphQLError, "Context creation failed: " before a plain error's message), made
 * here, per request, and tagged with the request (Apollo formats it without any hook of ours).
 */
export async function makeContext<C>(requestId: string | undefined, make: () => Promise<C>): Promise<C> {
  try {
    return await make();
  } catch (thrown) {
    const error =
      thrown instanceof GraphQLError
        ? thrown
        : thrown instanceof Error
          ? new GraphQLError(`Context creation failed: ${thrown.message}`, { originalError: thrown })
          : new GraphQLError(`Unexpected error value: ${String(thrown)}`);
    tagRequest(error, requestId);
    throw error;
  }
}

/** Codes Apollo and graphql-js give to requests they refuse before our code runs: all the client's fault. */
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface FormatOptions {
  logger: Logger;
  stackTraces: boolean;
  /** Cut graphql-js's "Did you mean …" suggestions (production: introspection is off too). */
  hideSuggestions: boolean;
}

/** graphql-js appends its suggestions last: ` Did you mean "a", "b", or "c"?`, `… the enum value "X"?`. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const fields = formatted.extensions?.fields;
  return {
    ...formatted,
    message: formatted.message.replace(SUGGESTION, ''),
    ...(Array.isArray(fields)
      ? {
          extensions: {
            ...formatted.extensions,
            fields: fields.map((f: FieldError) => ({ ...f, message: f.message.replace(SUGGESTION, '') })),
          },
        }
      : {}),
  };
}

/**
 * The error a resolver or stream threw, below any GraphQLError wrappers: Apollo wraps resolver
 * errors (with a path), graphql-ws wraps errors thrown by a subscription's stream (without one).
 */
function originalOf(error: unknown): unknown {
  let current = unwrapResolverError(error);
  for (let depth = 0; depth < 5 && current instanceof GraphQLError && current.originalError; depth += 1) {
    current = current.originalError;
  }
  return current;
}

/** Apollo's formatError and the socket's: the single place where errors become client-visible. */
export function createFormatError(options: FormatOptions) {
  const format = createFormat(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    const { http: _http, ...extensions } = out.extensions ?? {};
    const result = out.extensions && 'http' in out.extensions ? { ...out, extensions } : out;
    return options.hideSuggestions ? withoutSuggestions(result) : result;
  };
}

function createFormat({ logger, stackTraces }: FormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.extensions() },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const existing = formatted.extensions?.fields;
      // a refusal that names no input field (parse error, limits, CSRF) is about the query itself
      const fields = Array.isArray(existing)
        ? existing
        : [{ field: recordedField(error) ?? 'query', message: formatted.message }];
      const { stacktrace: _stacktrace, ...rest } = formatted.extensions ?? {};
      return {
        ...formatted,
        extensions: { ...(stackTraces ? formatted.extensions : rest), code: 'BAD_USER_INPUT', fields },
      };
    }
    // Contract codes set on GraphQLErrors outside the resolvers (the context's UNAUTHENTICATED) are kept.
    const contractCode =
      (ERROR_CODES as readonly unknown[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR';
    if (contractCode && original instanceof GraphQLError) {
      return formatted;
    }
    const requestId = typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined;
    logger.error({ err: original, requestId, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error' + (requestId ? ` (request ${requestId})` : ''),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(requestId ? { requestId } : {}),
        ...(stackTraces && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
      },
    };
  };
}
