/**
 * Per-request scope, carried explicitly: the request id (for logs and masked errors), the count
 * of SQL statements the request ran (so tests and benchmarks can show that a request's statement
 * count does not grow with the rows it returns) and the GraphQL operation's type (a metrics label).
 *
 * Invariant: nothing here is found through the async context (no AsyncLocalStorage: on Node 20 it
 * turns V8's promise hooks on for the whole process, 10-20 % of a small query's throughput). The
 * scope is made by requestScopeMiddleware and found from the request or response it belongs to
 * (requestScopeOf), the GraphQL context (AppContext.scope), or an error tagged with it (errors.ts).
 * A statement is counted because it runs through the request's database (`scopedDatabase`, a
 * per-request view of the shared one whose drizzle logger counts into the scope), so whatever runs
 * a statement for a request is handed that database, never the process's.
 */
import { randomUUID } from 'node:crypto';
import { countingInto, type Database } from '../db/client.ts';
import { inRequest } from './tracing/work.ts';

export interface RequestScope {
  readonly requestId: string;
  statements: number;
  /** The GraphQL operation's type once resolved (query, mutation, subscription): a metrics label. */
  operation?: string;
  /** The request's view of the database (scopedDatabase), made on first use. */
  db?: Database;
}

/** The scope of each request and of its response (both keys: express handlers hold either). */
const scopes = new WeakMap<object, RequestScope>();

/** The scope `req` or `res` is answered in (requestScopeMiddleware), if any. */
export function requestScopeOf(reqOrRes: object): RequestScope | undefined {
  return scopes.get(reqOrRes);
}

/**
 * `db` as `scope` uses it: the same connections, its statements (transactions included) counted
 * in the scope. Without a scope, `db` itself (nothing to count into). Made once per scope.
 */
export function scopedDatabase(db: Database, scope: RequestScope | undefined): Database {
  if (!scope) return db;
  return (scope.db ??= countingInto(db, scope));
}

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
 * Gives a request its scope (request id from X-Request-Id or a new one, echoed back), kept with
 * the request and its response, and logs one line when the response is finished.
 */
export function startRequestScope(
  req: object,
  method: string,
  requestIdHeader: string | undefined,
  res: ScopedResponse,
  logger: RequestLogger,
  message: string,
): RequestScope {
  const requestId = (requestIdHeader ?? '').slice(0, 100) || randomUUID();
  res.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    logger.info(
      { requestId, method, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
      message,
    );
  });
  const scope: RequestScope = { requestId, statements: 0 };
  scopes.set(req, scope);
  scopes.set(res, scope);
  return scope;
}

/** Express middleware: startRequestScope for each request (its work in it while tracing is on). */
export function requestScopeMiddleware(logger: RequestLogger, message: string) {
  return (req: ScopedRequest, res: ScopedResponse, next: () => void): void => {
    inRequest(startRequestScope(req, req.method, req.header('x-request-id'), res, logger, message), next);
  };
}
