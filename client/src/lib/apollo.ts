/**
 * One Apollo Client per signed-in credential (the dashboard): queries and mutations over HTTP POST
 * /graphql, subscriptions over the credential's graphql-ws socket on the same path (socket.ts:
 * opened at once, kept alive, re-opened forever; its state feeds the reconnect indicator). A token
 * goes in the Authorization header and connection_init; a session sends neither, the browser's
 * cookie signs both in (same-origin credentials). dispose() closes the socket: a sign-out or a
 * change of credential leaks nothing.
 *
 * The credential's end is noticed here, once for every screen: an UNAUTHENTICATED answer to any
 * operation, or (a session) the socket closed 4401 — the server closes a session's sockets the
 * moment it ends elsewhere ('Session ended') or expires — and `onRefused` gets the reason to show.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import type { ConnectionStore } from './connection.ts';
import { credentialRefused, sameCredential, type Credential } from './auth.ts';
import { createSocket, perCredential } from './socket.ts';

export interface Apollo {
  readonly client: ApolloClient;
  readonly connection: ConnectionStore;
  dispose(): void;
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

export const TOKEN_REFUSED = 'Your token was refused (expired or revoked). Sign in again.';
export const SESSION_ENDED =
  'You have been signed out: your session was ended from another window or device. Sign in again.';
export const SESSION_EXPIRED = 'Your session has expired. Sign in again.';

/** What the sign-in page says after the server refused this credential. */
function refusal(credential: Credential, reason: string | null): string {
  if (credential.kind === 'token') return TOKEN_REFUSED;
  return reason === 'Session expired' ? SESSION_EXPIRED : SESSION_ENDED;
}

export function createApollo(
  credential: Credential,
  endpoint = '/graphql',
  onRefused: (reason: string) => void = () => {},
): Apollo {
  const socket = createSocket(credential.kind === 'token' ? credential.token : null, endpoint);
  const http = new HttpLink({
    uri: endpoint,
    credentials: 'same-origin',
    ...(socket.authorization ? { headers: { authorization: socket.authorization } } : {}),
  });
  const refused = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
      onRefused(refusal(credential, null));
  });
  const link = ApolloLink.from([
    refused,
    ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      new GraphQLWsLink(socket.client),
      http,
    ),
  ]);
  // a token's refused socket shows on the indicator (its HTTP answers sign it out); a session's
  // socket closed 4401 is the session's end, heard without waiting for a request
  const unwatch =
    credential.kind === 'session'
      ? socket.connection.subscribe(() => {
          const state = socket.connection.getState();
          if (state.phase === 'failed') onRefused(refusal(credential, state.reason));
        })
      : () => {};
  const client = new ApolloClient({ link, cache: createCache() });
  return {
    client,
    connection: socket.connection,
    dispose() {
      unwatch();
      client.stop();
      socket.dispose();
    },
  };
}

/** The dashboard's Apollo for the signed-in credential (one at a time; see perCredential). */
export const apolloFor = perCredential(
  (credential: Credential) =>
    createApollo(credential, '/graphql', (reason) => credentialRefused(credential, reason)),
  sameCredential,
);
