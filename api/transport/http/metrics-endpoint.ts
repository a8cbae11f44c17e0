/**
 * GET /metrics (Prometheus), and what the HTTP server tells the metrics of each request.
 *
 * Invariants: /metrics is never public by default (config.ts metricsConfig): it answers on PORT
 * only with METRICS_TOKEN, on METRICS_PORT (loopback unless METRICS_HOST) with the token when one
 * is set; a missing or wrong token is 401, compared in constant time (hashes of equal length).
 * A request's labels are bounded whatever its URL: the route is the pattern express matched
 * under a mount of the fixed list below (the mount as listed, not as the URL spells it), else that
 * mount, else `other`; the method is one of a fixed list; the operation comes from Apollo
 * (operationTypePlugin), never from the body. Observing a request is one listener and, when it
 * closes, one increment and one observation (core/metrics.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Metrics } from '../../core/metrics.ts';
import type { AppContext } from '../../core/context.ts';
import { requestScopeOf } from '../../core/request-scope.ts';

/** The server's mounts (server.ts): a request under one is labelled by it. */
const MOUNTS = [
  '/graphql',
  '/healthz',
  '/readyz',
  '/metrics',
  '/api',
  '/import',
  '/export',
  '/auth',
  '/admin',
  '/demo',
  '/assets',
] as const;
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** What express leaves on a request it routed (express.Request's fields, on node's request). */
type Routed = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };

/** The route label: bounded by the code's mounts and route patterns. */
export function routeOf(req: Routed): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const at = url.indexOf('?');
  const path = (at === -1 ? url : url.slice(0, at)).toLowerCase();
  const mount = MOUNTS.find((m) => path === m || path.startsWith(`${m}/`));
  const pattern = req.route?.path;
  if (typeof pattern !== 'string') return mount ?? 'other';
  // a route of a router mounted under baseUrl, or of the app itself
  return req.baseUrl ? `${mount ?? 'other'}${pattern}` : pattern;
}

/** Observes one HTTP request until its connection is done with it (server.ts, for every request). */
export function observeRequest(metrics: Metrics, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once('close', () => {
    const method = req.method && METHODS.has(req.method) ? req.method : 'OTHER';
    metrics.httpRequest(
      {
        method,
        route: routeOf(req),
        operation: requestScopeOf(res)?.operation ?? 'none',
        status: res.writableFinished ? String(res.statusCode) : 'aborted',
      },
      (performance.now() - started) / 1000,
    );
  });
}

/** Records the operation's type (query, mutation, subscription) in the request scope: the label. */
export const operationTypePlugin: ApolloServerPlugin<AppContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ operation, contextValue }) {
        const scope = contextValue.scope;
        if (scope && operation) scope.operation = operation.operation;
        return Promise.resolve();
      },
    });
  },
};

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether an Authorization header carries `token` (Bearer), in time independent of its content. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header ?? '');
  // a missing header is compared too: the time does not tell whether one was sent
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

function answer(res: ServerResponse, status: number, code: string, message: string, headers = {}): void {
  const body = JSON.stringify({ error: { code, message, fields: [] } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** The /metrics handler: GET or HEAD, with the bearer token when one is configured. */
export function metricsHandler(metrics: Metrics, token: string | undefined, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(res, 405, 'BAD_USER_INPUT', 'Use GET.', { allow: 'GET, HEAD' });
      return;
    }
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      answer(res, 401, 'UNAUTHENTICATED', 'Send "Authorization: Bearer <METRICS_TOKEN>".', {
        'www-authenticate': 'Bearer realm="metrics"',
      });
      return;
    }
    metrics.scrape().then(
      (text) => {
        res.writeHead(200, {
          'content-type': metrics.contentType,
          'content-length': Buffer.byteLength(text),
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'metrics: scrape failed');
        answer(res, 500, 'INTERNAL_SERVER_ERROR', 'The metrics could not be collected.');
      },
    );
  };
}

export interface MetricsServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * METRICS_PORT: a server of its own answering /metrics only, with the main server's time bounds;
 * undefined when it is not set (/metrics is then on PORT with METRICS_TOKEN, or nowhere).
 */
export async function startMetricsPort(
  metrics: Metrics,
  config: Pick<Config, 'metrics' | 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'>,
  logger: Logger,
): Promise<MetricsServer | undefined> {
  const settings = config.metrics;
  if (settings?.port === undefined) return undefined;
  const handle = metricsHandler(metrics, settings.token, logger);
  const server: Server = createServer(
    { headersTimeout: config.httpHeadersTimeoutMs, requestTimeout: config.httpRequestTimeoutMs },
    (req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/metrics') handle(req, res);
      else answer(res, 404, 'NOT_FOUND', 'Only /metrics is served here.');
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host =
    settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
