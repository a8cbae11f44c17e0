/**
 * /graphql and /explorer: every operation needs a caller (a bearer token, else the session
 * cookie; the token wins when both are sent), and a POST is refused before its body is read when
 * it has none or its Content-Length is over MAX_BODY. JSON POSTs take the short road to Apollo
 * (graphql-post.ts, returned for server.ts to route to); the rest goes through express with the
 * same checks. Each operation gets a fresh context, whose database counts its statements into the
 * request's scope (request-scope.ts), as the caller's authentication does.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createContext, type AppContext } from '../../core/context.ts';
import { makeContext, toGraphQLError, UnauthenticatedError } from '../../core/errors.ts';
import {
  requestScopeMiddleware,
  requestScopeOf,
  scopedDatabase,
  type RequestScope,
} from '../../core/request-scope.ts';
import { authenticateCaller, type Caller } from '../../core/session.ts';
import { asGraphQLErrors } from './apollo-plugins.ts';
import type { HttpDeps } from './deps.ts';
import { createExplorer } from './explorer.ts';
import { bodyErrorResponse, createGraphQLPostHandler } from './graphql-post.ts';

export function mountGraphQL(
  app: express.Express,
  deps: HttpDeps,
  options: {
    apollo: ApolloServer<AppContext>;
    maxBodyBytes: number;
    /** How the REST routes authenticate (core/session.ts authenticateCaller): the same here. */
    rest: Parameters<typeof authenticateCaller>[0];
  },
) {
  const { config, logger } = deps;
  const { apollo, maxBodyBytes, rest } = options;
  const graphqlContext = (caller: Caller | null, scope: RequestScope | undefined): Promise<AppContext> =>
    Promise.resolve(
      createContext({
        db: scopedDatabase(deps.database.db, scope),
        ...(scope ? { scope } : {}),
        org: deps.org,
        viewer: caller?.viewer ?? null,
        logger,
        directory: deps.directory,
        ...(deps.boards ? { boards: deps.boards } : {}),
        ...(deps.figures ? { figures: deps.figures } : {}),
        ...(deps.auth
          ? {
              auth: {
                service: deps.auth,
                sessionId: caller?.sessionId,
                viaApiToken: caller?.viaApiToken ?? false,
              },
            }
          : {}),
      }),
    );
  // a bearer token, else the session cookie (auth/): the token wins when both are sent
  const viewerOf = (headers: IncomingHttpHeaders, scope: RequestScope | undefined): Promise<Caller | null> =>
    asGraphQLErrors(authenticateCaller(rest, headers, scopedDatabase(deps.database.db, scope)));
  // every operation needs a caller: a POST without one is refused before its body is read
  const callerOf = async (headers: IncomingHttpHeaders, scope?: RequestScope): Promise<Caller> => {
    const caller = await viewerOf(headers, scope);
    if (!caller) throw toGraphQLError(new UnauthenticatedError());
    return caller;
  };
  const graphqlPost = createGraphQLPostHandler({
    apollo,
    maxBody: config.maxBody,
    maxBodyBytes,
    authenticate: callerOf,
    context: graphqlContext,
    logger,
  });
  // the express road (other content types, compressed bodies, GET): the same checks before the body
  const callers = new WeakMap<IncomingMessage, Caller>();
  const beforeBody: express.RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    if (Number(req.headers['content-length'] ?? NaN) > maxBodyBytes) {
      res.status(413).json(bodyErrorResponse(true, config.maxBody));
      return;
    }
    callerOf(req.headers, requestScopeOf(req)).then(
      (caller) => {
        callers.set(req, caller);
        next();
      },
      (error: unknown) => graphqlPost.refuse(req, res, error),
    );
  };
  // GraphiQL (EXPLORER): /explorer, and GET /graphql from a browser; when off, /explorer is 404
  const explorer = createExplorer({
    enabled: config.explorer,
    schema: deps.schema,
    authenticate: callerOf,
    logger,
  });
  app.get('/graphql', explorer.forBrowsers);
  app.use('/explorer', explorer.router);
  app.use(
    '/graphql',
    requestScopeMiddleware(logger, 'graphql request'),
    beforeBody,
    express.json({ limit: maxBodyBytes }),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const scope = requestScopeOf(req);
        return makeContext(scope?.requestId, async () =>
          graphqlContext(callers.get(req) ?? (await viewerOf(req.headers, scope)), scope),
        );
      },
    }),
  );
  return graphqlPost;
}
