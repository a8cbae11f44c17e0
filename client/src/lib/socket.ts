/**
 * The graphql-ws socket of one signed-in token or session, shared by the dashboard (through Apollo's
 * GraphQLWsLink) and the TV page (directly, tv/live.ts). A token goes in connection_init; a
 * session sends none, and the browser's cookie on the upgrade request signs the socket in. Opened at once (lazy: false), pinged every
 * KEEP_ALIVE_MS (a missing pong closes it so it is replaced), and re-opened forever with capped,
 * jittered exponential backoff; graphql-ws re-sends every active subscription on the new socket and
 * the server answers each with a fresh snapshot (leaderboard, active goals). A refused token or an
 * ended session (4401) ends the retries. Its state is `connection` (for the reconnect indicator).
 */
import { createClient, type Client } from 'graphql-ws';
import { createConnectionStore, type ConnectionStore } from './connection.ts';

/** Client ping interval; the server pings too (WS_KEEPALIVE_MS). */
export const KEEP_ALIVE_MS = 10_000;
/** A ping unanswered for this long means the socket is dead even if the browser has not noticed. */
export const PONG_TIMEOUT_MS = 5_000;
/** Backoff: 0.5 s, 1 s, 2 s, 4 s, then at most MAX_RETRY_WAIT_MS, each plus up to 1 s of jitter. */
export const MAX_RETRY_WAIT_MS = 8_000;

export function retryDelay(retries: number, random: () => number = Math.random): number {
  return Math.min(MAX_RETRY_WAIT_MS, 500 * 2 ** retries) + Math.floor(random() * 1000);
}

function wsUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export interface Socket {
  readonly client: Client;
  /** The socket's state, for the reconnect indicator. */
  readonly connection: ConnectionStore;
  /** The token's Authorization header, for the same client's HTTP requests; null for a session. */
  readonly authorization: string | null;
  dispose(): void;
}

/**
 * `token` null: a session (no authorization param; the upgrade request carries the cookie).
 * `params`: more of connection_init's payload (a TV: its client version and resolution).
 */
export function createSocket(
  token: string | null,
  endpoint: string,
  params: Record<string, unknown> = {},
): Socket {
  const connection = createConnectionStore();
  const authorization = token === null ? null : `Bearer ${token}`;
  let activeSocket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const client = createClient({
    url: wsUrl(endpoint),
    ...(authorization === null ? {} : { connectionParams: { ...params, authorization } }),
    lazy: false,
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    // a refused token (4401) ends the retries: the screen says so instead of spinning
    onNonLazyError: () => {},
    on: {
      connecting: () => connection.connecting(),
      connected: (socket) => {
        activeSocket = socket as WebSocket;
        connection.connected();
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4408, 'Pong timeout');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        activeSocket = null;
        const e = event as { code?: number; reason?: string } | null;
        connection.closed(e?.code ?? null, e?.reason ?? null);
      },
    },
  });
  return {
    client,
    connection,
    authorization,
    dispose() {
      clearTimeout(pongTimer);
      void client.dispose();
    },
  };
}

/**
 * One client per credential (a token, a session), created once and kept while the credential stays
 * the same (React may render twice); another one, or none (sign-out), disposes the previous client
 * and its socket. `same` says whether two credentials are the same one.
 */
export function perCredential<K, T extends { dispose(): void }>(
  create: (key: K) => T,
  same: (a: K, b: K) => boolean,
): (key: K | null) => T | null {
  let shared: { key: K; client: T } | null = null;
  return (key) => {
    if (shared && (key === null || !same(shared.key, key))) {
      shared.client.dispose();
      shared = null;
    }
    if (key === null) return null;
    shared ??= { key, client: create(key) };
    return shared.client;
  };
}

/** perCredential for bearer tokens (the TV); an empty token counts as none. */
export function perToken<T extends { dispose(): void }>(
  create: (token: string) => T,
): (token: string | null) => T | null {
  const shared = perCredential(create, (a, b) => a === b);
  return (token) => shared(token || null);
}
