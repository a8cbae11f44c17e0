/**
 * From a bearer token (or, on HTTP, a session cookie: auth/sessions.ts) to a viewer: the one place
 * that checks the credential and that its user exists and is active. HTTP does it per request; a WebSocket at connect and again for every event it
 * sends, so scope follows role, team and deactivation changes. The user is read through the
 * process's ViewerDirectory: once per change of the users/teams tables (live/caches/directory.ts), not
 * once per check.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { bearerToken, verifyToken, type TokenVerifier } from './auth.ts';
import { sessionCookie } from '../modules/auth/cookie.ts';
import type { SessionStore } from '../modules/auth/sessions.ts';
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

/**
 * The viewer an Authorization header names (every HTTP route: GraphQL, REST, import, export):
 * null without a header; UNAUTHENTICATED for a bad token or an unknown or inactive user. The
 * token's signature is checked by the server's one verifier (auth.ts createTokenVerifier: checked
 * once, remembered); the user comes from the process's directory, so deactivation and role or
 * team changes apply from the `dir` notification on (milliseconds after they commit; at once for
 * this process's own createUser/createTeam), and every request reads it while the listener is
 * not known to be hearing every change. `fresh`: read past the cache (requests that write).
 */
export async function authenticate(
  deps: { directory: ViewerDirectory; verifyToken: TokenVerifier },
  authorization: string | undefined,
  options: { fresh?: boolean } = {},
): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (token === undefined) return null;
  const { email } = await deps.verifyToken(token);
  return options.fresh ? deps.directory.fresh(email) : deps.directory.viewer(email);
}

/** Who an HTTP request is, and the session that signed them in (none for a bearer token). */
export interface Caller {
  viewer: Viewer;
  sessionId?: string;
}

/**
 * The caller of a GraphQL HTTP request: the bearer token when an Authorization header is sent
 * (it wins over a cookie), else the session cookie (auth/sessions.ts: cached like the directory,
 * no statement per request); null with neither. A bad token or an ended session: UNAUTHENTICATED.
 */
export async function authenticateCaller(
  deps: { directory: ViewerDirectory; verifyToken: TokenVerifier; sessions: SessionStore | undefined },
  headers: IncomingHttpHeaders,
): Promise<Caller | null> {
  const viewer = await authenticate(deps, headers.authorization);
  if (viewer) return { viewer };
  const token = deps.sessions ? sessionCookie(headers) : undefined;
  if (token === undefined || !deps.sessions) return null;
  const session = await deps.sessions.authenticate(token);
  return { viewer: session.viewer, sessionId: session.id };
}

/**
 * A socket signed in by session cookie (transport/ws/server.ts): the viewer per event through the
 * session cache; `onInvalid` closes the socket once the session ended or its user went. The
 * server re-checks its cookie sockets whenever `sessions.onInvalidate` fires, so a revocation
 * closes them without waiting for an event.
 */
export function createCookieSession(
  sessions: SessionStore,
  sessionId: string,
  onInvalid: (reason: string) => void,
): Session {
  return {
    async viewer() {
      try {
        return (await sessions.authenticateId(sessionId)).viewer;
      } catch (error) {
        if (error instanceof UnauthenticatedError) onInvalid('Session ended');
        throw error;
      }
    },
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
  };
}
