/**
 * POST /auth/sign-in {email, password} -> 200 {user} and the session cookie; 401 for wrong
 * credentials (one message for every reason: service.ts); 429 with Retry-After and locked_until
 * while the account or address is locked. POST /auth/sign-out -> 204, the session revoked and the
 * cookie cleared (also when there was none: signing out is idempotent). POST /auth/set-password
 * {token, password} -> 200 {user} and the cookie (an invitation or reset link: links.ts); POST
 * /auth/reset-request {email} -> 202 (403 without SMTP_URL). POST /auth/screen-pairings -> 201 {code,
 * secret, expires_at, poll_ms} (a TV without a credential; 429 from one address too often); POST
 * /auth/screen-pairings/poll {secret} -> 200 {status: waiting} or, once, {status: paired, token}.
 *
 * All take JSON only (application/json): a cross-site HTML form cannot send that without a CORS
 * preflight, which this server never grants, so no other site can sign a browser in or out.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { BadInputError } from '../../core/errors.ts';
import { HttpRefusal, sendError } from '../../transport/rest/respond.ts';
import { clearSessionCookie, sessionCookie, setSessionCookie } from './cookie.ts';
import { PairingLockedError } from './screen-pairing.ts';
import { SignInLockedError, type AuthService } from './service.ts';
import { hashToken } from './sessions.ts';

export interface AuthRouteDeps {
  auth: AuthService;
  /** COOKIE_SECURE: undefined = Secure when the request came over HTTPS. */
  cookieSecure: boolean | undefined;
  logger: Logger;
}

const bodyOf = (req: Request): Record<string, unknown> =>
  (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;

const isJson = (req: Request): boolean => /^application\/json\b/i.test(req.headers['content-type'] ?? '');

/**
 * Gives the browser a new session's cookie (sign-in, the demo's one-click sign-in): the session
 * its cookie named before ends, not left beside the new one (a planted cookie is worthless).
 */
export async function handOverSession(
  auth: AuthService,
  req: Request,
  res: Response,
  session: { token: string; expiresAt: Date },
  secure: boolean,
): Promise<void> {
  const previous = sessionCookie(req.headers);
  if (previous) await auth.sessions.revoke(hashToken(previous));
  res.setHeader('set-cookie', setSessionCookie(session.token, session.expiresAt, auth.clock.now(), secure));
  res.setHeader('cache-control', 'no-store');
}

export function authRouter(deps: AuthRouteDeps): Router {
  const { auth, logger } = deps;
  const router = express.Router();
  const secure = (req: Request) => deps.cookieSecure ?? req.secure;
  const jsonOnly = (req: Request, res: Response): boolean => {
    if (isJson(req)) return true;
    sendError(res, new HttpRefusal(415, BadInputError.one('body', 'must be application/json')), logger);
    return false;
  };

  router.post('/sign-in', express.json({ limit: '4kb' }), async (req, res) => {
    if (!jsonOnly(req, res)) return;
    try {
      const body = bodyOf(req);
      const signedIn = await auth.signIn({
        email: body.email,
        password: body.password,
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        userAgent: req.headers['user-agent'],
      });
      await handOverSession(auth, req, res, signedIn, secure(req));
      res.json({ user: { ...signedIn.user, id: String(signedIn.user.id) } });
    } catch (error) {
      if (error instanceof SignInLockedError) {
        const seconds = Math.max(1, Math.ceil((error.until.getTime() - auth.clock.now()) / 1000));
        sendError(res, new HttpRefusal(429, error, { 'retry-after': String(seconds) }), logger);
      } else sendError(res, error, logger);
    }
  });

  // an invitation or reset link's page: the password set, the link used up, signed in
  router.post('/set-password', express.json({ limit: '4kb' }), async (req, res) => {
    if (!jsonOnly(req, res)) return;
    try {
      const body = bodyOf(req);
      const { user, session } = await auth.links.use(body.token, body.password, req.headers['user-agent']);
      await handOverSession(auth, req, res, session, secure(req));
      res.json({ user: { id: String(user.id), email: user.email, name: user.name, role: user.role } });
    } catch (error) {
      sendError(res, error, logger);
    }
  });

  // "forgot my password": 202 whether or not the e-mail is someone's (with SMTP_URL only)
  router.post('/reset-request', express.json({ limit: '4kb' }), async (req, res) => {
    if (!jsonOnly(req, res)) return;
    try {
      await auth.links.requestReset(bodyOf(req).email, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      res.status(202).json({ status: 'If this e-mail belongs to someone here, a link is on its way.' });
    } catch (error) {
      sendError(res, error, logger);
    }
  });

  // a TV without a credential: a code to show, a secret to keep (screen-pairing.ts)
  router.post('/screen-pairings', async (req, res) => {
    try {
      const pairing = await auth.screens.start(req.ip ?? req.socket.remoteAddress ?? 'unknown');
      res.setHeader('cache-control', 'no-store');
      res.status(201).json({
        code: pairing.code,
        secret: pairing.secret,
        expires_at: pairing.expiresAt.toISOString(),
        poll_ms: pairing.pollMs,
      });
    } catch (error) {
      if (error instanceof PairingLockedError) {
        const seconds = Math.max(1, Math.ceil((error.until.getTime() - auth.clock.now()) / 1000));
        sendError(res, new HttpRefusal(429, error, { 'retry-after': String(seconds) }), logger);
      } else sendError(res, error, logger);
    }
  });

  // the TV's poll: 200 waiting, then (once) 200 paired with the screen's token; 404 when over
  router.post('/screen-pairings/poll', express.json({ limit: '1kb' }), async (req, res) => {
    if (!jsonOnly(req, res)) return;
    try {
      const answer = await auth.screens.poll(bodyOf(req).secret);
      res.setHeader('cache-control', 'no-store');
      res.json(
        answer.status === 'waiting'
          ? { status: 'waiting', code: answer.code, expires_at: answer.expiresAt.toISOString() }
          : answer,
      );
    } catch (error) {
      sendError(res, error, logger);
    }
  });

  router.post('/sign-out', async (req, res) => {
    if (!jsonOnly(req, res)) return;
    try {
      const token = sessionCookie(req.headers);
      if (token) await auth.sessions.revoke(hashToken(token));
      res.setHeader('set-cookie', clearSessionCookie(secure(req)));
      res.status(204).end();
    } catch (error) {
      sendError(res, error, logger);
    }
  });
  return router;
}
