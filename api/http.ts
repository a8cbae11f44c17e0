/**
 * HTTP surface: Apollo Server on /graphql (+ CSRF prevention, depth/alias/cost limits, body size
 * limit, masked errors), /healthz, and the static client at /. Each request runs in its own
 * request scope (request id, SQL statement count) and gets a fresh context.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { bearerToken } from './auth.ts';
import type { Config } from './config.ts';
import { createContext, type AppContext, type OrgSettings } from './context.ts';
import type { DatabaseHandle } from './db/client.ts';
import { demoEnabled, demoRouter } from './demo.ts';
import { createFormatError, DomainError, toGraphQLError } from './errors.ts';
import { errorFieldsPlugin } from './graphql/error-fields.ts';
import type { Viewer } from './permissions.ts';
import { currentRequestScope, runInRequestScope } from './request-scope.ts';
import { authenticateToken } from './session.ts';

export interface HttpDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  schema: GraphQLSchema;
  jwtSecret: string;
  org: OrgSettings;
}

export interface HttpServer {
  readonly server: Server;
  readonly apollo: ApolloServer<AppContext>;
  /** Stops accepting connections; in-flight requests finish. */
  stop(): Promise<void>;
}

/** Depth, alias and cost limits shared by HTTP and (later) WebSocket operations. */
export function createArmor(config: Config): ReturnType<ApolloArmor['protect']> {
  return new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: config.maxAliases },
    costLimit: { maxCost: config.maxCost },
    maxDirectives: { n: 20 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
}

/** The viewer a bearer token names: UNAUTHENTICATED for a bad token or an unknown or inactive user. */
export async function authenticate(
  deps: Pick<HttpDeps, 'database' | 'jwtSecret'>,
  authorization: string | undefined,
): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (token === undefined) return null;
  return (await authenticateToken(deps.database.db, deps.jwtSecret, token)).viewer;
}

const sqlCountPlugin: ApolloServerPlugin<AppContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        const scope = currentRequestScope();
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

export async function startHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const server = createServer(app);
  const armor = createArmor(config);
  const apollo = new ApolloServer<AppContext>({
    schema: deps.schema,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.stackTraces,
    allowBatchedHttpRequests: false,
    formatError: createFormatError({ logger, stackTraces: config.stackTraces }),
    validationRules: armor.validationRules,
    plugins: [
      // both come with CommonJS typings of Apollo's types; the runtime objects are the same
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ...(armor.plugins as unknown as ApolloServerPlugin<AppContext>[]),
      errorFieldsPlugin<AppContext>(),
      ...(config.exposeSqlCount ? [sqlCountPlugin] : []),
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

  if (demoEnabled(config)) app.use('/demo', demoRouter(config, deps.database, deps.jwtSecret));

  app.use(
    '/graphql',
    (req, res, next) => {
      const requestId = (req.header('x-request-id') ?? '').slice(0, 100) || randomUUID();
      res.setHeader('x-request-id', requestId);
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        logger.info(
          {
            requestId,
            method: req.method,
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'graphql request',
        );
      });
      runInRequestScope({ requestId, statements: 0 }, next);
    },
    express.json({ limit: config.maxBody }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          const viewer = await authenticate(deps, req.header('authorization'));
          return createContext({ db: deps.database.db, org: deps.org, viewer, logger });
        } catch (error) {
          if (error instanceof DomainError) throw toGraphQLError(error);
          throw error;
        }
      },
    }),
  );

  const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
  const built = `${clientDir}dist`;
  if (existsSync(built)) app.use(express.static(built));
  else app.get('/', (_req, res) => res.sendFile(`${clientDir}index.html`));

  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    // body-parser errors (too large, bad JSON) become the contract's error shape
    const status = (error as { status?: number }).status;
    if (res.headersSent || typeof status !== 'number' || status >= 500) return next(error);
    const tooLarge = status === 413;
    res.status(status).json({
      errors: [
        {
          message: tooLarge
            ? `Request body larger than ${config.maxBody}.`
            : 'Request body is not valid JSON.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'body', message: tooLarge ? 'too large' : 'not JSON' }],
          },
        },
      ],
    });
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
