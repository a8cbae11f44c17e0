/**
 * One Apollo Client per signed-in token (the dashboard): queries and mutations over HTTP POST
 * /graphql, subscriptions over the token's graphql-ws socket on the same path (socket.ts: opened at
 * once, kept alive, re-opened forever; its state feeds the reconnect indicator). dispose() closes
 * the socket: a sign-out or a token change leaks nothing.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import type { ConnectionStore } from './connection.ts';
import { createSocket, perToken } from './socket.ts';

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

export function createApollo(token: string, endpoint = '/graphql'): Apollo {
  const socket = createSocket(token, endpoint);
  const http = new HttpLink({ uri: endpoint, headers: { authorization: socket.authorization } });
  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(socket.client),
    http,
  );
  const client = new ApolloClient({ link, cache: createCache() });
  return {
    client,
    connection: socket.connection,
    dispose() {
      client.stop();
      socket.dispose();
    },
  };
}

/** The dashboard's Apollo for a token (one at a time; see perToken). */
export const apolloFor = perToken((token) => createApollo(token));
