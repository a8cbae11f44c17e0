/**
 * From a credential to a viewer: a bearer token (a JWT from `npm run token`, or an API token) or
 * a browser's session cookie (both stored ones: auth/sessions.ts). The one place that checks the
 * credential and that its user exists and is active. HTTP does it per request; a WebSocket at
 * connect and again for every event it sends, so scope follows role, team and deactivation changes. The user is read through the
 * process's ViewerDirectory: once per change of the users/teams tables (live/caches/directory.ts), not
 * once per check.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { bearerToken, verifyToken, type TokenVerifier } from './auth.ts';
import { sessionCookie } from '../modules/auth/cookie.ts';
import { API_TOKEN_PREFIX, hashToken, type SessionStore } from '../modules/auth/sessions.ts';
import type { Session } from './context.ts';
import type { Queryable } from '../db/client.ts';
import { UnauthenticatedError } from './errors.ts';
import { readViewer, type ViewerDirectory } from '../live/caches/directory.ts';
import type { Viewer } from './permissions.ts';

/** Reads the viewer from the database (no cache): UNAUTHENTICATED for no such active user. */
export async function loadViewer(db: Queryable, email: string): Promise<Viewer> {
  const viewer = await readViewer(db, email);
  if (!viewer) throw new UnauthenticatedError('The token names no active user.');
  return viewer;
}

/** A socket's token at connect: its claims and the viewer, from the process's directory. */
export async function authenticateToken(
  directory: ViewerDirectory,
  secret: string,
  token: string,
): Promise<{ viewer: Viewer; email: string; expiresAt: number | undefined }> {
  const claims = await verifyToken(secret, token);
  return { viewer: await directory.viewer(claims.email), email: claims.email, expiresAt: claims.expiresAt };
}

/** Whether a bearer token is an API token (auth/sessions.ts); anything else is read as a JWT. */
export const isApiToken = (token: string): boolean => token.startsWith(API_TOKEN_PREFIX);

/**
 * `fresh`: read past the caches (requests that write); `db`: the request's database, the reads
 * counted there (core/request-scope.ts), else the caches' own.
 */
interface RequestOptions {
  fresh?: boolean;
  db?: Queryable | undefined;
}

interface BearerDeps {
  directory: ViewerDirectory;
  verifyToken: TokenVerifier;
  sessions?: SessionStore | undefined;
}

/**
 * The caller an Authorization header names: null without a header; UNAUTHENTICATED for a bad
 * token, an ended API token or an unknown or inactive user. A JWT's signature is checked by the
 * server's one verifier (auth.ts createTokenVerifier: checked once, remembered); an API token
 * through the session cache (auth/sessions.ts), as a cookie is. The user comes from the process's
 * directory, so deactivation and role or team changes apply from the `dir` notification on
 * (milliseconds after they commit; at once for this process's own createUser/createTeam), and
 * every request reads it while the listener is not known to be hearing every change. `fresh`:
 * read past the caches (requests that write).
 */
async function bearerCaller(
  deps: BearerDeps,
  authorization: string | undefined,
  options: RequestOptions = {},
): Promise<Caller | null> {
  const token = bearerToken(authorization);
  if (token === undefined) return null;
  if (isApiToken(token)) {
    if (!deps.sessions) throw new UnauthenticatedError('API tokens are not accepted by this server.');
    const signedIn = await deps.sessions.authenticateId(hashToken(token), { kind: 'api', ...options });
    return { viewer: signedIn.viewer, sessionId: signedIn.id, viaApiToken: true };
  }
  const { email } = await deps.verifyToken(token);
  const { db } = options;
  return {
    viewer: await (options.fresh ? deps.directory.fresh(email, db) : deps.directory.viewer(email, db)),
  };
}

/** The viewer an Authorization header names (REST, import, export): see bearerCaller. */
export async function authenticate(
  deps: BearerDeps,
  authorization: string | undefined,
  options: RequestOptions = {},
): Promise<Viewer | null> {
  return (await bearerCaller(deps, authorization, options))?.viewer ?? null;
}

/** Who an HTTP request is, and the stored credential (session or API token) that signed them in. */
export interface Caller {
  viewer: Viewer;
  sessionId?: string;
  viaApiToken?: boolean;
}

/**
 * The caller of a GraphQL HTTP request: the bearer token when an Authorization header is sent
 * (it wins over a cookie), else the session cookie (auth/sessions.ts: cached like the directory,
 * no statement per request); null with neither. A bad token or an ended session: UNAUTHENTICATED.
 */
export async function authenticateCaller(
  deps: BearerDeps,
  headers: IncomingHttpHeaders,
  db?: Queryable,
): Promise<Caller | null> {
  const caller = await bearerCaller(deps, headers.authorization, db ? { db } : {});
  if (caller) return caller;
  const token = deps.sessions ? sessionCookie(headers) : undefined;
  if (token === undefined || !deps.sessions) return null;
  const session = await deps.sessions.authenticate(token, 'browser', db);
  return { viewer: session.viewer, sessionId: session.id };
}

/**
 * A socket signed in by a stored credential (transport/ws/connect.ts: a session cookie or an API
 * token): the viewer per event through the session cache; `onInvalid` closes the socket once the
 * credential ended or its user went. The server re-checks these sockets whenever
 * `sessions.onInvalidate` fires, so a revocation closes them without waiting for an event.
 */
export function createStoredSession(
  sessions: SessionStore,
  sessionId: string,
  onInvalid: (reason: string) => void,
  ended = 'Session ended',
): Session {
  return {
    async viewer() {
      try {
        return (await sessions.authenticateId(sessionId)).viewer;
      } catch (error) {
        if (error instanceof UnauthenticatedError) onInvalid(ended);
        throw error;
      }
    },
    peek: () => sessions.peekId(sessionId),
  };
}

/** A socket's session; `onInvalid` closes the socket when the token expires or the user goes. */
export function createSession(
  directory: ViewerDirectory,
  initial: { email: string; expiresAt: number | undefined },
  onInvalid: (reason: string) => void,
): Session {
  return {
    async viewer() {
      if (initial.expiresAt !== undefined && Date.now() >= initial.expiresAt * 1000) {
        onInvalid('Token expired');
        throw new UnauthenticatedError('The token has expired.');
      }
      try {
        return await directory.viewer(initial.email);
      } catch (error) {
        if (error instanceof UnauthenticatedError) onInvalid('User no longer active');
        throw error;
      }
    },
    peek() {
      if (initial.expiresAt !== undefined && Date.now() >= initial.expiresAt * 1000) return undefined;
      return directory.peek(initial.email);
    },
  };
}
