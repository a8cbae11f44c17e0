/**
 * Apollo plugins of the HTTP endpoint only (the WebSocket runs its operations itself): the
 * no-store cache header without Apollo's cache-control machinery, mutations authorised against
 * the caller as committed, errors tagged with their request (for formatError's request id), and
 * the statement count for tests and benchmarks. The request is the context's (AppContext.scope).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { AppContext } from '../../core/context.ts';
import { DomainError, tagRequest, toGraphQLError } from '../../core/errors.ts';

/**
 * Apollo's cache-control plugin (on by default) only ever answered `cache-control: no-store` here:
 * no type or field has a cache hint. To compute that it registers `willResolveField`, which makes
 * Apollo wrap every resolver of the schema for good (HTTP and WebSocket share the schema) and run
 * a hook, allocate a policy and watch the result of every field of every operation — measurable
 * on lists (team figures, 500 members). Off, and the same header set once per response.
 */
export const noStorePlugin: ApolloServerPlugin<AppContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control'))
          response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    });
  },
};

/** The contract's errors as GraphQL errors (code, HTTP status), for code outside resolvers. */
export async function asGraphQLErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError) throw toGraphQLError(error);
    throw error;
  }
}

/**
 * A mutation is authorised against the caller as committed, not as the process's viewer cache
 * last heard (live/caches/directory.ts): a role change, a team move or a deactivation written in plain
 * SQL binds the very next write, even before its `dir` notification arrives. One statement per
 * mutation; queries keep the cache.
 */
export const freshWriterPlugin: ApolloServerPlugin<AppContext> = {
  requestDidStart() {
    return Promise.resolve({
      async didResolveOperation({ operation, contextValue }) {
        const { viewer, directory, auth } = contextValue;
        if (operation?.operation !== OperationTypeNode.MUTATION || !viewer || !directory) return;
        // signed in by cookie: the session as committed too (revoked elsewhere, not yet heard)
        if (auth?.sessionId !== undefined) {
          const { sessionId, service } = auth;
          contextValue.viewer = (
            await asGraphQLErrors(
              service.sessions.authenticateId(sessionId, { fresh: true, db: contextValue.db }),
            )
          ).viewer;
          return;
        }
        contextValue.viewer = await asGraphQLErrors(directory.fresh(viewer.email, contextValue.db));
      },
    });
  },
};

/** Adds `extensions.sqlStatements` (EXPOSE_SQL_COUNT: tests and benchmarks count statements). */
export const sqlCountPlugin: ApolloServerPlugin<AppContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        const scope = contextValue.scope;
        if (scope && response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements: scope.statements,
          };
        }
        return Promise.resolve();
      },
    });
  },
};

/** Tags each error of an operation with its request: formatError (errors.ts) names it when masking. */
export const requestErrorsPlugin: ApolloServerPlugin<AppContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        const requestId = contextValue.scope?.requestId;
        if (requestId !== undefined) for (const error of errors) tagRequest(error, requestId);
        return Promise.resolve();
      },
    });
  },
};
