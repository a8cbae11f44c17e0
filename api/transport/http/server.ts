/**
 * HTTP surface: the one place the routes are mounted, in their order: /healthz, /readyz,
 * /metrics, /demo, /auth, /unsubscribe, the REST routes (/api, /import, /export, /admin),
 * /graphql and /explorer (graphql-route.ts, on Apollo: apollo.ts), the client at /
 * (static-client.ts), and last the body error mapping. Each request runs in its own request
 * scope (request id, SQL statement count). Bounded time and bytes for every client, and the way a
 * request reaches express or the short GraphQL road, are entry.ts. A body is read only once its
 * caller is known: POSTs to /graphql, REST writes and the upload answer a missing or bad token
 * before reading it. What each route does lives in its own file.
 */
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import bytes from 'bytes';
import express from 'express';
import { ConfigError } from '../../config.ts';
import type { AppContext } from '../../core/context.ts';
import { demoEnabled, demoRouter } from '../demo-sign-in.ts';
import { backupRouter } from '../backup/backup.route.ts';
import { exportRouter } from '../export/export.route.ts';
import { Slots } from './slots.ts';
import { importRouter } from '../import/import.route.ts';
import { restRouter } from '../rest/router.ts';
import { unsubscribeRouter } from './unsubscribe.route.ts';
import { requestScopeMiddleware } from '../../core/request-scope.ts';
import { createTokenVerifier } from '../../core/auth.ts';
import { authRouter } from '../../modules/auth/routes.ts';
import { createApollo } from './apollo.ts';
import type { HttpDeps } from './deps.ts';
import { bodyErrorHandler, createNodeServer, serveRequests } from './entry.ts';
import { mountGraphQL } from './graphql-route.ts';
import { metricsHandler } from './metrics-endpoint.ts';
import { mountClient } from './static-client.ts';

export type { HttpDeps } from './deps.ts';

export interface HttpServer {
  readonly server: Server;
  readonly apollo: ApolloServer<AppContext>;
  /** Stops accepting connections; in-flight requests finish. */
  stop(): Promise<void>;
}

export async function startHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const { config, logger } = deps;
  const maxBodyBytes = bytes.parse(config.maxBody);
  if (maxBodyBytes === null || !(maxBodyBytes > 0))
    throw new ConfigError(`MAX_BODY must be a size such as 1mb or 500kb, not ${config.maxBody}`);
  const app = express();
  app.disable('x-powered-by');
  // whose X-Forwarded-For / -Proto to believe: req.ip (the throttles' address) and req.secure
  app.set('trust proxy', config.trustProxy.length === 0 ? false : config.trustProxy);
  // its request handler is set once Apollo has started (serveRequests, below)
  const server = createNodeServer(config);
  const apollo = createApollo(deps, server);
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const ok = await deps.database.ping();
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'database unavailable', database: deps.database.kind });
  });

  // readiness, for a load balancer or an orchestrator: the database answers, the listener hears
  // every change (else live boards and cached reads could be behind: the bridge says so), and the
  // process is not stopping. It listens only once migrated, so migrations are done by then.
  app.get('/readyz', async (_req, res) => {
    const database = await deps.database.ping();
    const { listener, stopping } = deps.readiness?.() ?? { listener: true, stopping: false };
    const ready = database && listener && !stopping;
    res.setHeader('cache-control', 'no-store');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', database, listener, stopping });
  });

  // Prometheus, with METRICS_TOKEN (on METRICS_PORT instead when that is set: app.ts)
  if (deps.metrics && config.metrics && config.metrics.port === undefined)
    app.get('/metrics', metricsHandler(deps.metrics, config.metrics.token, logger));

  if (demoEnabled(config)) {
    const signIn = deps.auth ? { auth: deps.auth, logger } : undefined;
    app.use('/demo', demoRouter(config, deps.database, deps.jwtSecret, signIn));
  }
  if (deps.auth) {
    const auth = { auth: deps.auth, cookieSecure: config.cookieSecure, logger, oidc: deps.oidc };
    app.use('/auth', requestScopeMiddleware(logger, 'auth request'), authRouter(auth));
  }

  // one-click unsubscribe links of notification mails (signed; no sign-in: unsubscribe.route.ts)
  app.use(
    '/unsubscribe',
    requestScopeMiddleware(logger, 'unsubscribe request'),
    unsubscribeRouter({ db: deps.database.db, secret: deps.jwtSecret, logger }),
  );

  // The seed's REST API (api/transport/rest/), over the same services, auth and validation as GraphQL.
  // one token verifier for every route (auth.ts: a token's signature is checked once, then remembered)
  const rest = {
    database: deps.database,
    verifyToken: createTokenVerifier(deps.jwtSecret),
    directory: deps.directory,
    sessions: deps.auth?.sessions,
    ...(deps.figures ? { figures: deps.figures } : {}),
    org: deps.org,
    logger,
  };
  app.use(
    '/api',
    requestScopeMiddleware(logger, 'rest request'),
    restRouter({ ...rest, maxBody: config.maxBody }),
  );
  app.use(
    '/import',
    requestScopeMiddleware(logger, 'import request'),
    importRouter({
      ...rest,
      maxBytes: config.maxImportBytes,
      maxConcurrent: config.importMaxConcurrent,
      maxConcurrentPerUser: config.importMaxConcurrentPerUser,
      metrics: deps.metrics,
    }),
  );
  app.use(
    '/export',
    requestScopeMiddleware(logger, 'export request'),
    exportRouter({
      ...rest,
      reportSlots: new Slots('reports', config.reportMaxConcurrent, config.reportMaxConcurrentPerUser),
    }),
  );
  app.use('/admin', requestScopeMiddleware(logger, 'backup request'), backupRouter(rest));

  // GraphiQL (EXPLORER) and /graphql: after the REST routes, before the client's fallback
  const graphqlPost = mountGraphQL(app, deps, { apollo, maxBodyBytes, rest });

  mountClient(app);

  app.use(bodyErrorHandler(config.maxBody));

  serveRequests(server, { config, logger, metrics: deps.metrics, app, graphqlPost });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return {
    server,
    apollo,
    stop: () => apollo.stop(),
  };
}
