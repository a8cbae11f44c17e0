/**
 * What every non-GraphQL HTTP route shares (the seed's REST API, CSV import, exports): the same
 * bearer authentication and per-request context as GraphQL, and one error boundary that turns
 * domain errors into `{ "error": { "code", "message", "fields" } }` with the matching HTTP status.
 * Unknown errors are logged with the request id and masked, as GraphQL masks them.
 *
 * A route's body is read only after its caller is authenticated (a request without a valid token
 * is answered unread; the server discards the rest within its limits, http-guards.ts), and a
 * body whose Content-Length is over the limit is refused without reading it.
 */
import bytes from 'bytes';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { sessionCookie } from '../../modules/auth/cookie.ts';
import type { SessionStore } from '../../modules/auth/sessions.ts';
import type { TokenVerifier } from '../../core/auth.ts';
import type { OrgSettings } from '../../config.ts';
import { createContext, type AppContext } from '../../core/context.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { PeriodCache } from '../../live/caches/period-cache.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import { BadInputError, DomainError, UnauthenticatedError, type ErrorCode } from '../../core/errors.ts';
import { requestScopeOf, scopedDatabase } from '../../core/request-scope.ts';
import { authenticate } from '../../core/session.ts';
import { restFieldName, snakeCase } from './names.ts';

export interface RestDeps {
  database: DatabaseHandle;
  verifyToken: TokenVerifier;
  directory: ViewerDirectory;
  /** API tokens (auth/sessions.ts); without it only JWTs sign requests in. */
  sessions?: SessionStore | undefined;
  /** Team figures kept until their period changes (live/caches/period-cache.ts). */
  figures?: Pick<PeriodCache, 'get'>;
  org: OrgSettings;
  logger: Logger;
}

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

export interface RestErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields: { field: string; message: string }[];
    [detail: string]: unknown;
  };
}

/** Seed-style keys for error details (currentVersion -> current_version), one level deep. */
function snakeKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), v]));
}

/** A contract error answered with another HTTP status than its code's (413 too large, 429 busy). */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: DomainError,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(error.message);
  }
}

/**
 * The error body and status for any error; `renames` maps service field names to the route's;
 * `requestId` names the request in a masked error (its scope: core/request-scope.ts).
 */
export function restError(
  error: unknown,
  logger: Logger,
  renames: Readonly<Record<string, string>> = {},
  requestId?: string,
): { status: number; body: RestErrorBody } {
  if (error instanceof HttpRefusal)
    return { ...restError(error.error, logger, renames, requestId), status: error.status };
  if (error instanceof DomainError) {
    const { fields, ...details } = error.extensions() as {
      fields?: { field: string; message: string }[];
    } & Record<string, unknown>;
    return {
      status: STATUS[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          fields: (fields ?? []).map((f) => ({ field: restFieldName(f.field, renames), message: f.message })),
          ...Object.fromEntries(Object.entries(details).map(([k, v]) => [snakeCase(k), snakeKeys(v)])),
        },
      },
    };
  }
  logger.error({ err: error, requestId }, 'internal error');
  return {
    status: 500,
    body: {
      error: {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Internal server error' + (requestId ? ` (request ${requestId})` : ''),
        fields: [],
        ...(requestId ? { request_id: requestId } : {}),
      },
    },
  };
}

export function sendError(
  res: Response,
  error: unknown,
  logger: Logger,
  renames?: Readonly<Record<string, string>>,
): void {
  const { status, body } = restError(error, logger, renames, requestScopeOf(res)?.requestId);
  if (res.headersSent) {
    // a streamed response failed half-way: nothing truthful can be sent any more
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (error instanceof HttpRefusal) res.set(error.headers);
  res.status(status).json(body);
}

/** Reads a route's body into `req.body`; rejects with the contract's error. */
export type BodyReader = (req: Request, res: Response) => Promise<void>;

/** A JSON body (express.json: application/json, gzip/deflate/br) of at most `maxBody`. */
export function jsonBody(maxBody: string): BodyReader {
  const limit = bytes.parse(maxBody) ?? 0;
  const parse = express.json({ limit });
  const tooLarge = () => new HttpRefusal(413, BadInputError.one('body', `is larger than ${maxBody}`));
  return (req, res) => {
    if (Number(req.headers['content-length'] ?? NaN) > limit) return Promise.reject(tooLarge());
    return new Promise<void>((resolve, reject: (reason: Error) => void) => {
      parse(req, res, (error?: unknown) => {
        if (error === undefined) return resolve();
        // body-parser's errors (too large, bad JSON, unknown charset) carry a 4xx status
        const status = (error as { status?: unknown }).status;
        if (typeof status !== 'number' || status >= 500) reject(error as Error);
        else reject(status === 413 ? tooLarge() : BadInputError.one('body', 'is not valid JSON'));
      });
    });
  };
}

/**
 * A fresh context for the caller of this request; UNAUTHENTICATED without a valid token (or, for
 * GET and HEAD, session cookie). A request
 * that may write (any method but GET and HEAD) is authorised against the users and teams as
 * committed, not the process's viewer cache (live/caches/directory.ts).
 */
export async function restContext(deps: RestDeps, req: Request): Promise<AppContext> {
  const fresh = req.method !== 'GET' && req.method !== 'HEAD';
  // the request's statements, the caller's reads too, counted in its scope
  const scope = requestScopeOf(req);
  const db = scopedDatabase(deps.database.db, scope);
  let viewer = await authenticate(deps, req.header('authorization'), { fresh, db });
  // a browser's session cookie signs in reads only (the web client's downloads): a write needs a
  // token, so a form another site posts with the cookie writes nothing (CSRF)
  const cookie = !viewer && !fresh && deps.sessions ? sessionCookie(req.headers) : undefined;
  if (cookie !== undefined && deps.sessions)
    viewer = (await deps.sessions.authenticate(cookie, 'browser', db)).viewer;
  if (!viewer) throw new UnauthenticatedError();
  return createContext({
    db,
    ...(scope ? { scope } : {}),
    org: deps.org,
    viewer,
    logger: deps.logger,
    directory: deps.directory,
    ...(deps.figures ? { figures: deps.figures } : {}),
  });
}

export type RestHandler = (req: Request, res: Response, ctx: AppContext) => Promise<void>;

/**
 * An authenticated route: builds the context, then reads the body (`body`, if the route takes
 * one), runs the handler, maps any error.
 */
export function route(
  deps: RestDeps,
  handler: RestHandler,
  renames?: Readonly<Record<string, string>>,
  body?: BodyReader,
): RequestHandler {
  return async (req: Request, res: Response, _next: NextFunction) => {
    try {
      const ctx = await restContext(deps, req);
      if (body) await body(req, res);
      await handler(req, res, ctx);
    } catch (error) {
      sendError(res, error, deps.logger, renames);
    }
  };
}
