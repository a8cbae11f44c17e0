/**
 * The API explorer: GraphiQL, built from npm with the web client (client/explorer.vite.config.ts,
 * into client/dist/explorer), served at /explorer and to browsers asking GET /graphql for HTML.
 * Invariants:
 * - Nothing off the origin: the page, its scripts, styles, fonts and Monaco's workers all come
 *   from /explorer/assets, and its Content-Security-Policy (this page only) says so, so an
 *   air-gapped install works and a compromised script cannot send anything elsewhere.
 * - Off (EXPLORER false, the default when NODE_ENV=production) means absent: /explorer and
 *   everything under it are 404, and GET /graphql answers exactly as without this module.
 * - The schema the page edits against is this server's own (printSchema), read from
 *   /explorer/schema.graphql by a signed-in caller only (the same rule as any operation), so the
 *   explorer works with INTROSPECTION off without opening the schema to anonymous callers.
 * docs/api.md#api-explorer tells the rest.
 */
import { existsSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Router } from 'express';
import { GraphQLError, printSchema, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { requestScopeMiddleware, requestScopeOf, type RequestScope } from '../../core/request-scope.ts';

/** As strict as GraphiQL allows: Monaco adds <style> elements, so styles alone may be inline. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  // fetch /graphql and /explorer/schema.graphql; the graphql-ws socket on /graphql ('self' covers ws: and wss:)
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DIR = fileURLToPath(new URL('../../../client/dist/explorer/', import.meta.url));
const PAGE = `${DIR}explorer.html`;

export interface ExplorerOptions {
  enabled: boolean;
  schema: GraphQLSchema;
  /**
   * The caller of a request (bearer token, else session cookie); rejects with a GraphQLError.
   * Its reads are counted in `scope` (the request's: core/request-scope.ts).
   */
  authenticate(headers: IncomingHttpHeaders, scope?: RequestScope): Promise<unknown>;
  logger: Logger;
}

export interface Explorer {
  /** GET /graphql: the page for a browser that prefers HTML; anything else goes on to Apollo. */
  forBrowsers: RequestHandler;
  /** Mounted at /explorer: the page, its assets and the schema; 404 when off. */
  router: Router;
}

/** What Apollo serves its landing page for: a GET whose Accept prefers HTML to JSON. */
const prefersHtml = (req: express.Request): boolean =>
  req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) ===
  'text/html';

const notFound: RequestHandler = (_req, res) => {
  res.status(404).type('text/plain').send('Not found');
};

export function createExplorer(options: ExplorerOptions): Explorer {
  const router = express.Router();
  if (!options.enabled) {
    router.use(notFound);
    return { forBrowsers: (_req, _res, next) => next(), router };
  }
  const page: RequestHandler = (_req, res, next) => {
    if (!existsSync(PAGE)) {
      res.status(404).type('text/plain').send('The API explorer is not built: run `npm run build`.');
      return;
    }
    res.setHeader('content-security-policy', EXPLORER_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendFile(PAGE, { headers: { 'cache-control': 'no-cache' } }, (error) => error && next(error));
  };
  let sdl: string | undefined;
  router.get('/', page);
  // content-named, like the client's own assets (server.ts)
  router.use('/assets', express.static(`${DIR}assets`, { immutable: true, maxAge: '1y', index: false }));
  router.get(
    '/schema.graphql',
    requestScopeMiddleware(options.logger, 'explorer request'),
    (req, res, next) => {
      options.authenticate(req.headers, requestScopeOf(req)).then(
        () => {
          sdl ??= printSchema(options.schema);
          res.setHeader('cache-control', 'no-store');
          res.setHeader('x-content-type-options', 'nosniff');
          res.type('text/plain').send(sdl);
        },
        (error: unknown) => {
          if (!(error instanceof GraphQLError)) return next(error);
          const status = error.extensions.code === 'UNAUTHENTICATED' ? 401 : 403;
          res.status(status).json({ errors: [error.toJSON()] });
        },
      );
    },
  );
  router.use(notFound);
  return {
    forBrowsers: (req, res, next) => (existsSync(PAGE) && prefersHtml(req) ? page(req, res, next) : next()),
    router,
  };
}
