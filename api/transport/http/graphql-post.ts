/**
 * POST /graphql with a JSON body, straight from node's HTTP server to Apollo, without express:
 * on the M5 operations express's share of the CPU was as large as graphql-js's (BENCHMARKS.md).
 * Invariant: for what it `accepts` (the one common shape) it behaves exactly like the express path:
 * request scope, MAX_BODY (413, also when Content-Length announces more), non-object JSON refused
 * (400), an empty body read as `{}`, Apollo's CSRF prevention and errors untouched. Everything else
 * still goes through express. The caller is identified before the body is read, so a missing or bad
 * token is answered 401 without reading a byte of a possibly slow or large body (the rest of a
 * refused body is discarded by http-guards.ts). The request scope is handed on explicitly (to
 * `authenticate` and `context`, and found from the request by `refuse`): nothing here relies on
 * the async context.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { Logger } from 'pino';
import { makeContext } from '../../core/errors.ts';
import { requestScopeOf, startRequestScope, type RequestScope } from '../../core/request-scope.ts';
import { inRequest } from '../../core/tracing/work.ts';

type BodyErrorResponse = { errors: { message: string; extensions: Record<string, unknown> }[] };

const bodyError = (message: string, fieldMessage: string): BodyErrorResponse => ({
  errors: [
    { message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'body', message: fieldMessage }] } },
  ],
});

/** The JSON error body both paths answer a bad request body with (before GraphQL runs). */
export function bodyErrorResponse(tooLarge: boolean, maxBody: string): BodyErrorResponse {
  return tooLarge
    ? bodyError(`Request body larger than ${maxBody}.`, 'too large')
    : bodyError('Request body is not valid JSON.', 'not JSON');
}

/** The 408 body for a request whose body did not arrive within HTTP_REQUEST_TIMEOUT_MS. */
export function lateBodyResponse(ms: number): BodyErrorResponse {
  return bodyError(`Request body not received within ${ms / 1000} s.`, 'not received in time');
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

export interface GraphQLPostOptions<C extends BaseContext, V> {
  apollo: ApolloServer<C>;
  /** MAX_BODY as configured (shown in the error) and in bytes. */
  maxBody: string;
  maxBodyBytes: number;
  /**
   * The caller, from the request's headers, before its body is read; rejects to refuse the
   * request. Its statements run in `scope`'s database (request-scope.ts scopedDatabase).
   */
  authenticate(headers: IncomingMessage['headers'], scope: RequestScope): Promise<V>;
  /** The operation's context for that caller, in the request's scope. */
  context(viewer: V, scope: RequestScope): Promise<C>;
  logger: Logger;
}

export interface GraphQLPost {
  /** Serves a request `accepts` took. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Answers a request without reading its body: `error` as a context failure, formatted by Apollo. */
  refuse(req: IncomingMessage, res: ServerResponse, error: unknown): void;
}

export function createGraphQLPostHandler<C extends BaseContext, V>(
  options: GraphQLPostOptions<C, V>,
): GraphQLPost {
  const { apollo, maxBody, maxBodyBytes, logger } = options;

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(text);
  };

  async function execute(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    context: () => Promise<C>,
  ): Promise<void> {
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
    // a failure to make the context is formatted without any plugin: tagged with the request here
    const requestId = requestScopeOf(req)?.requestId;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => makeContext(requestId, context),
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

  function run(req: IncomingMessage, res: ServerResponse, body: unknown, context: () => Promise<C>): void {
    execute(req, res, body, context).catch((error: unknown) => {
      logger.error({ err: error }, 'graphql request failed outside Apollo');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    });
  }

  // the caller is known: now the body is worth reading
  function read(req: IncomingMessage, res: ServerResponse, viewer: V, scope: RequestScope): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        sendJson(res, 413, bodyErrorResponse(true, maxBody));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      refused = true;
    });
    // the request's events fire outside the request's tracing context: entered again (a plain
    // call while tracing is off)
    req.on('end', () => inRequest(scope, onEnd));
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
      run(req, res, body, () => options.context(viewer, scope));
    }
  }

  const refuse = (req: IncomingMessage, res: ServerResponse, error: unknown): void =>
    run(req, res, {}, () => Promise.reject(error instanceof Error ? error : new Error(String(error))));

  return {
    refuse,
    handle(req, res) {
      const announced = Number(req.headers['content-length'] ?? NaN);
      const requestId = single(req.headers['x-request-id']);
      const scope = startRequestScope(req, 'POST', requestId, res, logger, 'graphql request');
      inRequest(scope, () => {
        // refused at once, unread (the server discards the rest within its limits)
        if (announced > maxBodyBytes) return sendJson(res, 413, bodyErrorResponse(true, maxBody));
        options.authenticate(req.headers, scope).then(
          (viewer) => read(req, res, viewer, scope),
          (error: unknown) => refuse(req, res, error),
        );
      });
    },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
