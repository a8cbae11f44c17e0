/**
 * One Apollo Client per signed-in token: queries and mutations over HTTP POST /graphql, subscriptions
 * over graphql-ws on the same path. The WebSocket is opened at once (lazy: false), pinged every
 * KEEP_ALIVE_MS (a missing pong closes it so it is replaced), and re-opened forever with capped,
 * jittered exponential backoff; graphql-ws re-sends every active subscription on the new socket and
 * the server answers each with a fresh snapshot (leaderboard, active goals). Its state feeds the
 * reconnect indicator. dispose() closes the socket: a sign-out or a token change leaks nothing.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
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

export interface Apollo {
  readonly client: ApolloClient;
  readonly connection: ConnectionStore;
  dispose(): void;
}

function wsUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Value objects without an id live inside the field that returned them.
      Leaderboard: { keyFields: false },
      LeaderboardEntry: { keyFields: false },
      PerformancePeriod: { keyFields: false },
      PerformanceSummary: { keyFields: false },
      TeamPerformance: { keyFields: false },
      Query: {
        fields: {
          goals: { merge: false },
          achievements: { merge: false },
          users: { merge: false },
          teams: { merge: false },
        },
      },
      Team: { fields: { members: { merge: false } } },
    },
  });
}

export function createApollo(token: string, endpoint = '/graphql'): Apollo {
  const connection = createConnectionStore();
  const authorization = `Bearer ${token}`;
  let activeSocket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const ws = createClient({
    url: wsUrl(endpoint),
    connectionParams: { authorization },
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

  const http = new HttpLink({ uri: endpoint, headers: { authorization } });
  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    http,
  );
  const client = new ApolloClient({ link, cache: createCache() });
  return {
    client,
    connection,
    dispose() {
      clearTimeout(pongTimer);
      client.stop();
      void ws.dispose();
    },
  };
}

let shared: { token: string; apollo: Apollo } | null = null;

/**
 * The Apollo instance for a token, created once and kept while the token stays the same (React may
 * render twice); switching tokens or signing out disposes the previous one and its socket.
 */
export function apolloFor(token: string | null): Apollo | null {
  if (shared && shared.token !== token) {
    shared.apollo.dispose();
    shared = null;
  }
  if (!token) return null;
  shared ??= { token, apollo: createApollo(token) };
  return shared.apollo;
}
