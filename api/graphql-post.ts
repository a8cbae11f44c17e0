/**
 * POST /graphql with a JSON body, straight from node's HTTP server to Apollo, without express.
 *
 * Why: on the M5 operations (BENCHMARKS.md) a request's own work is one SQL statement and a small
 * GraphQL execution, and express's share of the server's CPU (router, body-parser, type-is,
 * content-type, negotiator, the ETag hash `res.send` computes for every response) was about as
 * large as graphql-js's. Every other request — GET, other paths, other content types, compressed
 * bodies — still goes through express exactly as before, so this path only has to be right for
 * the one common shape, and says so in `accepts`.
 *
 * Same behaviour as the express path for what it takes: the request scope (request id, statement
 * count, one log line), the body limit (MAX_BODY: 413 with the contract's error body, also when a
 * Content-Length announces more), JSON that is not an object or an array refused like
 * body-parser's strict mode (400), an empty body read as `{}`, Apollo's CSRF prevention and error
 * handling untouched (it sees the same method, headers, search and parsed body).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { Logger } from 'pino';
import { currentRequestScope, requestScopeMiddleware, runInRequestScope } from './request-scope.ts';

/** The JSON error body both paths answer a bad request body with (before GraphQL runs). */
export function bodyErrorResponse(
  tooLarge: boolean,
  maxBody: string,
): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return {
    errors: [
      {
        message: tooLarge ? `Request body larger than ${maxBody}.` : 'Request body is not valid JSON.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'body', message: tooLarge ? 'too large' : 'not JSON' }],
        },
      },
    ],
  };
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The requests this path serves; everything else goes to express. */
export function accepts(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const path = url.indexOf('?') === -1 ? url : url.slice(0, url.indexOf('?'));
  if (path !== '/graphql' && path !== '/graphql/') return false;
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) return false;
  const encoding = req.headers['content-encoding'];
  return encoding === undefined || encoding.toLowerCase() === 'identity';
}

export interface GraphQLPostOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** MAX_BODY as configured (shown in the error) and in bytes. */
  maxBody: string;
  maxBodyBytes: number;
  /** The operation's context from the request's headers (throws like the express path's). */
  context(headers: IncomingMessage['headers']): Promise<C>;
  logger: Logger;
}

export function createGraphQLPostHandler<C extends BaseContext>(
  options: GraphQLPostOptions<C>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, maxBody, maxBodyBytes, logger } = options;
  const scope = requestScopeMiddleware(logger, 'graphql request');

  const sendJson = (res: ServerResponse, status: number, body: unknown, close = false) => {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(text));
    if (close) res.setHeader('connection', 'close');
    res.end(text);
  };

  async function execute(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const at = url.indexOf('?');
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: 'POST',
      headers,
      search: at === -1 ? '' : url.slice(at),
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => options.context(req.headers),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req, res) => {
    const announced = Number(req.headers['content-length'] ?? NaN);
    scope({ method: 'POST', header: (name) => single(req.headers[name]) }, res, () => {
      if (announced > maxBodyBytes) {
        // refuse at once, and stop reading what would be thrown away
        sendJson(res, 413, bodyErrorResponse(true, maxBody), true);
        req.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on('data', (chunk: Buffer) => {
        if (refused) return;
        size += chunk.length;
        if (size > maxBodyBytes) {
          refused = true;
          chunks.length = 0;
          sendJson(res, 413, bodyErrorResponse(true, maxBody), true);
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', () => {
        refused = true;
      });
      // the request's events fire outside the scope's async context: enter it again (a plain
      // AsyncLocalStorage.run; AsyncResource.bind cost ~2 % of a small query's CPU)
      const requestScope = currentRequestScope();
      req.on('end', () => {
        if (requestScope) runInRequestScope(requestScope, onEnd);
        else onEnd();
      });
      function onEnd(): void {
        if (refused) return;
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
        let body: unknown;
        if (text.trim() === '') body = {};
        else {
          const first = text.trimStart()[0];
          try {
            body = first === '{' || first === '[' ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          if (body === undefined) {
            sendJson(res, 400, bodyErrorResponse(false, maxBody));
            return;
          }
        }
        execute(req, res, body).catch((error: unknown) => {
          logger.error({ err: error }, 'graphql request failed outside Apollo');
          if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
          else res.destroy();
        });
      }
    });
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
