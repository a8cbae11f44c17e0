/**
 * Per-request scope carried by AsyncLocalStorage: the request id (for logs and masked errors) and
 * the count of SQL statements the request ran, so tests and benchmarks can show that a request's
 * statement count does not grow with the rows it returns.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'drizzle-orm/logger';

export interface RequestScope {
  readonly requestId: string;
  statements: number;
  /** The GraphQL operation's type once resolved (query, mutation, subscription): a metrics label. */
  operation?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();
/** The scope each response is answered in, for what reads it after the answer (metrics). */
const scopes = new WeakMap<object, RequestScope>();

/** The scope `res` was answered in (requestScopeMiddleware), if any. */
export function requestScopeOf(res: object): RequestScope | undefined {
  return scopes.get(res);
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** drizzle logger: counts each statement against the current request. */
export const countingLogger: Logger = {
  logQuery() {
    const scope = storage.getStore();
    if (scope) scope.statements += 1;
  },
};

/** The minimal request/response surface the scope middleware needs (express's, or node's). */
interface ScopedRequest {
  method: string;
  header(name: string): string | undefined;
}
interface ScopedResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  on(event: 'finish', listener: () => void): unknown;
}
interface RequestLogger {
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * Middleware: runs the rest of the request in its own scope (request id from X-Request-Id or a new
 * one, echoed back) and logs one line when the response is finished.
 */
export function requestScopeMiddleware(logger: RequestLogger, message: string) {
  return (req: ScopedRequest, res: ScopedResponse, next: () => void): void => {
    const requestId = (req.header('x-request-id') ?? '').slice(0, 100) || randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          method: req.method,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        message,
      );
    });
    const scope: RequestScope = { requestId, statements: 0 };
    scopes.set(res, scope);
    runInRequestScope(scope, next);
  };
}
