/**
 * Per-request scope carried by AsyncLocalStorage: the request id (for logs and masked errors) and
 * the count of SQL statements the request ran, so tests and benchmarks can show that a request's
 * statement count does not grow with the rows it returns.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

export interface RequestScope {
  readonly requestId: string;
  statements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

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
