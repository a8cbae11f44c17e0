/**
 * Every request's way in, holding each client to bounded time and bytes: headers within
 * HTTP_HEADERS_TIMEOUT_MS, a whole request within HTTP_REQUEST_TIMEOUT_MS (the CSV upload within
 * IMPORT_TIMEOUT_MS), at most HTTP_MAX_CONNECTIONS sockets, a body still arriving at its deadline
 * answered 408 with the contract's body, and a refused body lingered on within limits before the
 * connection closes (guards.ts). Body-parser errors become the contract's error shape. JSON POSTs
 * to /graphql skip express (graphql-post.ts); `Expect: 100-continue` is answered at once except
 * for the upload, which asks for its body only once it has checked the caller.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type express from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { BadInputError } from '../../core/errors.ts';
import type { Metrics } from '../../core/metrics.ts';
import { isUpload } from '../import/import.route.ts';
import { replicaHeader } from '../replica.ts';
import { restError } from '../rest/respond.ts';
import {
  accepts,
  bodyErrorResponse,
  lateBodyResponse,
  type createGraphQLPostHandler,
} from './graphql-post.ts';
import { bodyDeadline, hasBody, lingerAfterAnswer } from './guards.ts';
import { observeRequest } from './metrics-endpoint.ts';

/** The Node server with its timeouts; its request handler is set by serveRequests. */
export function createNodeServer(config: Config): Server {
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
  return server;
}

/** Last in express: body-parser errors (too large, bad JSON) as the contract's error shape. */
export function bodyErrorHandler(maxBody: string): express.ErrorRequestHandler {
  return (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const status = (error as { status?: number }).status;
    // answered already (a request past its deadline: its body's reader then fails on the closed socket)
    if (res.headersSent && status !== undefined && status < 500) return;
    if (res.headersSent || typeof status !== 'number' || status >= 500) return next(error);
    res.status(status).json(bodyErrorResponse(status === 413, maxBody));
  };
}

/** Routes each request (graphqlPost or express) under its deadline, and answers 100-continue. */
export function serveRequests(
  server: Server,
  options: {
    config: Config;
    logger: Logger;
    metrics?: Metrics | undefined;
    app: express.Express;
    graphqlPost: ReturnType<typeof createGraphQLPostHandler>;
  },
): void {
  const { config, logger, app, graphqlPost } = options;
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
  const nameReplica = replicaHeader(config.replicaName);
  // JSON POSTs to /graphql skip express (graphql-post.ts); everything else goes through it
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    nameReplica(res);
    if (options.metrics) observeRequest(options.metrics, req, res);
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
}
