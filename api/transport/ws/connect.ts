/**
 * Signing a socket in, on connection_init: a bearer token in the payload wins, else the session
 * cookie of the upgrade request (only from a page that may use it: origin.ts); missing, invalid or
 * expired -> close 4401. A credential that expires while the socket is open closes it then (a
 * year-long one in several waits); a paired screen's socket is recorded as its connection once
 * acknowledged. Only a signed-in socket gets the per-socket state the subscribe checks use.
 */
import type { DocumentNode } from 'graphql';
import type { Context } from 'graphql-ws';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { bearerToken } from '../../core/auth.ts';
import type { Session } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { authenticateToken, createSession, createStoredSession, isApiToken } from '../../core/session.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import { sessionCookie } from '../../modules/auth/cookie.ts';
import { clientInfoOf, type ScreenPresence } from '../../modules/auth/screen-presence.ts';
import type { SessionStore } from '../../modules/auth/sessions.ts';
import { cookieOriginAllowed } from './origin.ts';
import type { SocketExtra } from './transport.ts';

export type Extra = SocketExtra & {
  session?: Session;
  /** Accepted subscriptions' documents, by subscription id, until they complete. */
  documents?: Map<string, DocumentNode>;
  /** Their kinds (root fields), for the metrics: set and deleted with `documents`. */
  kinds?: Map<string, string>;
  /** Subscribe messages still being checked: they hold a slot (WS_MAX_SUBSCRIPTIONS) meanwhile. */
  pending?: Set<string>;
  expiry?: NodeJS.Timeout;
  /** Signed in by a stored credential (cookie, API token): re-checked when one may have ended. */
  stored?: boolean;
  /** A paired screen's socket: its screen_connections row, once written. */
  presence?: Promise<string>;
};

/** setTimeout's longest wait (about 24.8 days); a later expiry is waited for in steps. */
const LONGEST_WAIT = 2_147_483_647;

/** Closes the socket when its credential expires (a year-long token: in several waits). */
function closeAt(extra: Extra, expiry: { at: number; now: () => number }, close: () => void): void {
  const wait = expiry.at - expiry.now();
  extra.expiry =
    wait > LONGEST_WAIT
      ? setTimeout(() => closeAt(extra, expiry, close), LONGEST_WAIT)
      : setTimeout(close, Math.max(0, wait));
  extra.expiry.unref();
}

export interface ConnectDeps {
  config: Pick<Config, 'allowedOrigins'>;
  directory: ViewerDirectory;
  jwtSecret: string;
  sessions: SessionStore | undefined;
  presence: ScreenPresence | undefined;
  logger: Logger;
  /** Signed-in sockets: a socket is added once its credential is accepted. */
  connected: Set<Extra>;
}

/** graphql-ws's onConnect: true once the socket is signed in; else it is closed, and false. */
export function createConnect(deps: ConnectDeps) {
  const { config, directory, jwtSecret, sessions, presence, logger, connected } = deps;
  return async (ctx: Context<Record<string, unknown> | undefined, Extra>): Promise<boolean> => {
    const socket = ctx.extra.socket;
    const refuse = (reason: string) => {
      socket.close(4401, reason);
      return false;
    };
    const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    const cookie = sessions ? sessionCookie(ctx.extra.request.headers) : undefined;
    if (typeof header !== 'string' && (cookie === undefined || !sessions)) {
      return refuse('Unauthorized: send { authorization: "Bearer <token>" } or sign in');
    }
    try {
      const close = (reason: string) => socket.close(4401, reason);
      /** When the credential expires, and the clock it is measured by. */
      let expiry: { at: number; now: () => number; reason: string } | undefined;
      const token = typeof header === 'string' ? bearerToken(header) : undefined;
      if (typeof header === 'string' && token === undefined) return refuse('Unauthorized');
      if (token !== undefined && !isApiToken(token)) {
        // a token wins over a cookie, as on HTTP
        const auth = await authenticateToken(directory, jwtSecret, token);
        ctx.extra.session = createSession(directory, auth, close);
        if (auth.expiresAt !== undefined)
          expiry = { at: auth.expiresAt * 1000, now: Date.now, reason: 'Token expired' };
      } else if (sessions) {
        if (token === undefined && !cookieOriginAllowed(ctx.extra.request, config.allowedOrigins)) {
          return refuse("Unauthorized: a session cookie signs in only this server's own pages");
        }
        // no header: the first check above made sure a cookie came
        const [credential, kind] =
          token === undefined ? [cookie!, 'browser' as const] : [token, 'api' as const];
        const signedIn = await sessions.authenticate(credential, kind);
        const ended = token === undefined ? 'Session ended' : 'Token revoked';
        ctx.extra.session = createStoredSession(sessions, signedIn.id, close, ended);
        ctx.extra.stored = true;
        expiry = {
          at: signedIn.expiresAt,
          now: () => sessions.now(),
          reason: token === undefined ? 'Session expired' : 'Token expired',
        };
      } else return refuse('Unauthorized: API tokens are not accepted by this server');
      ctx.extra.documents = new Map();
      ctx.extra.kinds = new Map();
      ctx.extra.pending = new Set();
      connected.add(ctx.extra);
      // a paired screen: online on the Screens page once acknowledged (one row, not one write
      // per event)
      const viewer = await ctx.extra.session.viewer();
      if (viewer.screen && presence) {
        ctx.extra.presence = presence.connect(viewer.id, clientInfoOf(ctx.connectionParams));
        await ctx.extra.presence;
      }
      if (expiry && Number.isFinite(expiry.at)) closeAt(ctx.extra, expiry, () => close(expiry.reason));
      return true;
    } catch (error) {
      if (error instanceof DomainError) return refuse(error.message.slice(0, 100));
      logger.error({ err: error }, 'ws: connect failed');
      socket.close(4500, 'Internal error');
      return false;
    }
  };
}
