/** graphql-ws clients for tests: subscribe, collect every frame, wait for a condition. */
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';

export interface Frames<T> {
  readonly values: T[];
  readonly errors: unknown[];
  readonly completed: boolean;
  /** Resolves with the first collected value (from the start) for which `test` holds. */
  waitFor(test: (value: T, all: T[]) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves once an error arrived. */
  waitForError(timeoutMs?: number): Promise<unknown>;
  stop(): void;
}

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws') + '/graphql';
}

/** A WebSocket class whose upgrade requests carry `headers` (a cookie, an Origin), as a browser's do. */
export function socketWithHeaders(headers: Record<string, string>): ClientOptions['webSocketImpl'] {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export function connect(
  httpUrl: string,
  token: string | null,
  options: Partial<ClientOptions> = {},
): Client & { closes: { code: number; reason: string }[] } {
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    // a refused or closed socket is in `closes` for the test to check, not printed
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closes.push({ code: e.code, reason: String(e.reason) });
      },
    },
    ...options,
  });
  return Object.assign(client, { closes });
}

export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Frames<T> {
  const values: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) values.push(result.data);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  const waitUntil = <R>(check: () => R | undefined, timeoutMs: number, what: string): Promise<R> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (found !== undefined) {
          waiters.delete(attempt);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(attempt);
        reject(
          new Error(
            `timed out waiting for ${what}; got ${JSON.stringify({ values, errors }).slice(0, 2000)}`,
          ),
        );
      }, timeoutMs);
      waiters.add(attempt);
      attempt();
    });
  return {
    values,
    errors,
    get completed() {
      return completed;
    },
    // the frame is the event waited for; the deadline only bounds a failure (20 s: a busy CI host)
    waitFor: (test, timeoutMs = 20_000) =>
      waitUntil(() => values.find((v) => test(v, values)), timeoutMs, 'a matching frame'),
    waitForError: (timeoutMs = 20_000) => waitUntil(() => errors[0], timeoutMs, 'an error'),
    stop,
  };
}
