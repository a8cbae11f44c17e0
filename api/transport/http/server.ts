/**
 * HTTP surface: Apollo Server on /graphql (+ CSRF prevention, the operation limits shared with the
 * WebSocket (core/graphql/limits.ts), the response size limit (core/graphql/response-limit.ts), body size
 * limit, masked errors), /healthz, and the static client at /. Each request runs in its own
 * request scope (request id, SQL statement count) and gets a fresh context. JSON POSTs to /graphql
 * take a shorter road to Apollo than express (graphql-post.ts).
 *
 * The server holds every client to bounded time and bytes: headers within HTTP_HEADERS_TIMEOUT_MS,
 * a whole request within HTTP_REQUEST_TIMEOUT_MS (the CSV upload within IMPORT_TIMEOUT_MS), at
 * most HTTP_MAX_CONNECTIONS sockets, and a refused body lingered on within limits before the
 * connection closes (http-guards.ts). A body is read only once its caller is known: POSTs to
 * /graphql, REST writes and the upload answer a missing or bad token before reading it.
 * Over 300 lines because it is the one place the routes are mounted in their order (guards first);
 * what each route does lives in its own file.
 */
import { existsSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import bytes from 'bytes';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { ConfigError, type Config, type OrgSettings } from '../../config.ts';
import { createContext, type AppContext } from '../../core/context.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { demoEnabled, demoRouter } from '../demo-sign-in.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { PeriodCache } from '../../live/caches/period-cache.ts';
import { BadInputError, createFormatError, toGraphQLError, UnauthenticatedError } from '../../core/errors.ts';
import { backupRouter } from '../backup/backup.route.ts';
import { exportRouter } from '../export/export.route.ts';
import { errorFieldsPlugin } from '../../core/graphql/error-fields.ts';
import { asGraphQLErrors, freshWriterPlugin, noStorePlugin, sqlCountPlugin } from './apollo-plugins.ts';
import { createOperationLimits, operationLimitsPlugin } from '../../core/graphql/limits.ts';
import { createResponseLimit } from '../../core/graphql/response-limit.ts';
import { accepts, bodyErrorResponse, createGraphQLPostHandler, lateBodyResponse } from './graphql-post.ts';
import { bodyDeadline, hasBody, lingerAfterAnswer } from './guards.ts';
import { importRouter, isUpload } from '../import/import.route.ts';
import { restError } from '../rest/respond.ts';
import { restRouter } from '../rest/router.ts';
import { requestScopeMiddleware } from '../../core/request-scope.ts';
import { createTokenVerifier } from '../../core/auth.ts';
import { authenticateCaller, type Caller } from '../../core/session.ts';
import { authRouter } from '../../modules/auth/routes.ts';
import type { AuthService } from '../../modules/auth/service.ts';
import type { OidcSignIn } from '../../modules/auth/oidc.ts';

export interface HttpDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  schema: GraphQLSchema;
  jwtSecret: string;
  org: OrgSettings;
  /** Who each token's user is (live/caches/directory.ts), shared with the WebSocket server. */
  directory: ViewerDirectory;
  /** Leaderboards kept in memory by the live hub, for queries (LiveHub.readBoard). */
  boards?: Pick<LiveHub, 'readBoard'>;
  /** Team figures kept until their period changes (live/caches/period-cache.ts). */
  figures?: Pick<PeriodCache, 'get'>;
  /** Sign-in and sessions (auth/): /auth routes, and the session cookie on /graphql. */
  auth?: AuthService;
  /** Single sign-on (OIDC_ISSUER): /auth/oidc routes. */
  oidc?: OidcSignIn | undefined;
  /** For /readyz: whether the listener hears every change, and whether the process is stopping. */
  readiness?: () => { listener: boolean; stopping: boolean };
}

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
  app.set('trust proxy', 'loopback');
  // its request handler is set once Apollo has started (below)
  const server = createServer({
    headersTimeout: config.httpHeadersTimeoutMs,
    // Node's own limit can only be one for every route: the longest (the upload's), plus a margin so
    // that the routes' deadlines (bodyDeadline below) answer first with the contract's error body
    requestTimeout: Math.max(config.httpRequestTimeoutMs, config.importTimeoutMs) + config.httpLingerMs,
    keepAliveTimeout: config.httpKeepAliveTimeoutMs,
    // how often Node looks for requests past those limits (30 s by default: a 10 s limit held 40)
    connectionsCheckingInterval: Math.min(1000, Math.ceil(config.httpHeadersTimeoutMs / 4)),
  });
  server.maxConnections = config.httpMaxConnections;
  const limits = createOperationLimits(config);
  const responseLimit = createResponseLimit<AppContext>(config.maxResponseBytes);
  const apollo = new ApolloServer<AppContext>({
    schema: deps.schema,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.stackTraces,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would stop Apollo first, and app.stop()
    // then waited on that second stop for ever, so the process ended with the database not closed
    stopOnTerminationSignals: false,
    formatError: createFormatError({
      logger,
      stackTraces: config.stackTraces,
      hideSuggestions: config.production,
    }),
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules],
    stringifyResult: responseLimit.stringifyResult,
    plugins: [
      // both come with CommonJS typings of Apollo's types; the runtime objects are the same
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      operationLimitsPlugin<AppContext>(limits),
      freshWriterPlugin,
      errorFieldsPlugin<AppContext>(),
      ...(config.exposeSqlCount ? [sqlCountPlugin] : []),
      // last: it measures the response as sent, after the others have added to it
      responseLimit.plugin,
    ],
    logger,
  });
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

  if (demoEnabled(config)) {
    const signIn = deps.auth ? { auth: deps.auth, logger } : undefined;
    app.use('/demo', demoRouter(config, deps.database, deps.jwtSecret, signIn));
  }
  if (deps.auth) {
    const auth = { auth: deps.auth, cookieSecure: config.cookieSecure, logger, oidc: deps.oidc };
    app.use('/auth', requestScopeMiddleware(logger, 'auth request'), authRouter(auth));
  }

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
    }),
  );
  app.use('/export', requestScopeMiddleware(logger, 'export request'), exportRouter(rest));
  app.use('/admin', requestScopeMiddleware(logger, 'backup request'), backupRouter(rest));

  const graphqlContext = (caller: Caller | null): Promise<AppContext> =>
    Promise.resolve(
      createContext({
        db: deps.database.db,
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
  const viewerOf = (headers: IncomingHttpHeaders): Promise<Caller | null> =>
    asGraphQLErrors(authenticateCaller(rest, headers));
  // every operation needs a caller: a POST without one is refused before its body is read
  const callerOf = async (headers: IncomingHttpHeaders): Promise<Caller> => {
    const caller = await viewerOf(headers);
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
    callerOf(req.headers).then(
      (caller) => {
        callers.set(req, caller);
        next();
      },
      (error: unknown) => graphqlPost.refuse(req, res, error),
    );
  };
  app.use(
    '/graphql',
    requestScopeMiddleware(logger, 'graphql request'),
    beforeBody,
    express.json({ limit: maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => graphqlContext(callers.get(req) ?? (await viewerOf(req.headers))),
    }),
  );

  const clientDir = fileURLToPath(new URL('../../../client/', import.meta.url));
  const built = `${clientDir}dist`;
  if (existsSync(built)) {
    // Vite names every asset after its content: a file never changes under its name, so browsers
    // keep it for a year without asking again (a TV's reload, a dashboard's next visit); index.html
    // (below) is asked for each time (max-age=0 with its ETag) and names the current files
    app.use('/assets', express.static(`${built}/assets`, { immutable: true, maxAge: '1y', index: false }));
    app.use(express.static(built));
    // SPA fallback: client-side routes (/tv, /goals, ... deep links and reloads) get the client's
    // index.html. Only extension-less paths outside the API's own prefixes, so a missing
    // /assets/x.js or /api/nothing is still a 404, not HTML.
    app.get(
      /^\/(?!(?:graphql|healthz|readyz|api|demo|import|export|auth|admin)(?:\/|$))[^.]*$/,
      (_req, res) => res.sendFile(`${built}/index.html`),
    );
  } else app.get('/', (_req, res) => res.sendFile(`${clientDir}index.html`));

  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    // body-parser errors (too large, bad JSON) become the contract's error shape
    const status = (error as { status?: number }).status;
    // answered already (a request past its deadline: its body's reader then fails on the closed socket)
    if (res.headersSent && status !== undefined && status < 500) return;
    if (res.headersSent || typeof status !== 'number' || status >= 500) return next(error);
    res.status(status).json(bodyErrorResponse(status === 413, config.maxBody));
  });

  const linger = { bytes: config.httpLingerBytes, ms: config.httpLingerMs };
  /** A body still arriving at its deadline: 408 with the contract's body, and the connection closed. */
  const late = (req: IncomingMessage, res: ServerResponse, ms: number) => {
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    const body = (req.url ?? '').startsWith('/graphql')
      ? lateBodyResponse(ms)
      : restError(BadInputError.one('body', `was not received within ${ms / 1000} s`), logger).body;
    const text = JSON.stringify(body);
    res.writeHead(408, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      connection: 'close',
    });
    res.end(text);
  };
  // JSON POSTs to /graphql skip express (graphql-post.ts); everything else goes through it
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (hasBody(req)) {
      const ms = isUpload(req) ? config.importTimeoutMs : config.httpRequestTimeoutMs;
      bodyDeadline(req, ms, () => late(req, res, ms));
      lingerAfterAnswer(req, res, linger);
    }
    if (accepts(req)) graphqlPost.handle(req, res);
    else app(req, res);
  };
  server.on('request', handle);
  // `Expect: 100-continue`: the upload asks for its body only once it has checked the caller
  // (import.route.ts); every other route at once, as Node does by default
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!isUpload(req)) res.writeContinue();
    handle(req, res);
  });
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
