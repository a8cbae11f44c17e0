/**
 * From a bearer token to a viewer: the one place that checks the token and that its user exists
 * and is active. HTTP does it per request; a WebSocket at connect and again (at most once a
 * second) for every event it sends, so scope follows role, team and deactivation changes.
 */
import { bearerToken, verifyToken } from './auth.ts';
import type { Session } from './context.ts';
import type { DatabaseHandle, Queryable } from './db/client.ts';
import { UnauthenticatedError } from './errors.ts';
import { findViewerByEmail } from './modules/users/user.queries.ts';
import type { Viewer } from './permissions.ts';

export async function loadViewer(db: Queryable, email: string): Promise<Viewer> {
  const user = await findViewerByEmail(db, email);
  if (!user || !user.active) throw new UnauthenticatedError('The token names no active user.');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    managedTeamIds:
      user.role === 'MANAGER'
        ? [...new Set([...user.managedTeamIds, ...(user.teamId === null ? [] : [user.teamId])])]
        : [],
  };
}

export async function authenticateToken(
  db: Queryable,
  secret: string,
  token: string,
): Promise<{ viewer: Viewer; email: string; expiresAt: number | undefined }> {
  const claims = await verifyToken(secret, token);
  return { viewer: await loadViewer(db, claims.email), email: claims.email, expiresAt: claims.expiresAt };
}

/**
 * The viewer an Authorization header names (every HTTP route: GraphQL, REST, import, export):
 * null without a header; UNAUTHENTICATED for a bad token or an unknown or inactive user.
 */
export async function authenticate(
  deps: { database: DatabaseHandle; jwtSecret: string },
  authorization: string | undefined,
): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (token === undefined) return null;
  return (await authenticateToken(deps.database.db, deps.jwtSecret, token)).viewer;
}

const VIEWER_TTL_MS = 1000;

/** A socket's session; `onInvalid` closes the socket when the token expires or the user goes. */
export function createSession(
  db: Queryable,
  initial: { viewer: Viewer; email: string; expiresAt: number | undefined },
  onInvalid: (reason: string) => void,
): Session {
  let cached = initial.viewer;
  let readAt = Date.now();
  let reading: Promise<Viewer> | undefined;
  return {
    async viewer() {
      if (initial.expiresAt !== undefined && Date.now() >= initial.expiresAt * 1000) {
        onInvalid('Token expired');
        throw new UnauthenticatedError('The token has expired.');
      }
      if (Date.now() - readAt < VIEWER_TTL_MS) return cached;
      reading ??= loadViewer(db, initial.email).finally(() => (reading = undefined));
      try {
        cached = await reading;
        readAt = Date.now();
        return cached;
      } catch (error) {
        if (error instanceof UnauthenticatedError) onInvalid('User no longer active');
        throw error;
      }
    },
  };
}
