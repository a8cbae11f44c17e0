/**
 * POST /auth/sign-in {email, password} -> 200 {user} and the session cookie; 401 for wrong
 * credentials (one message for every reason: service.ts); 429 with Retry-After and locked_until
 * while the account or address is locked. POST /auth/sign-out -> 204, the session revoked and the
 * cookie cleared (also when there was none: signing out is idempotent). POST /auth/set-password
 * {token, password} -> 200 {user} and the cookie (an invitation or reset link: links.ts); POST
 * /auth/reset-request {email} -> 202 (403 without SMTP_URL). POST /auth/screen-pairings -> 201 {code,
 * secret, expires_at, poll_ms} (a TV without a credential; 429 from one address too often); POST
 * /auth/screen-pairings/poll {secret} -> 200 {status: waiting} or, once, {status: paired, token}.
 * GET /auth/methods -> {password, sso: {label} | null}: what the sign-in page offers. Single sign-on
 * (oidc.ts): GET /auth/oidc/start -> 302 to the provider; GET /auth/oidc/callback -> 302 to / with
 * the session cookie, or to /?sso_error=<code> (never a 500). With OIDC_ONLY the password routes
 * answer 403.
 *
 * All take JSON only (application/json): a cross-site HTML form cannot send that without a CORS
 * preflight, which this server never grants, so no other site can sign a browser in or out.
 */
import { parse } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { BadInputError, ForbiddenError } from '../../core/errors.ts';
import { HttpRefusal, sendError } from '../../transport/rest/respond.ts';
import { clearSessionCookie, sessionCookie, setSessionCookie } from './cookie.ts';
import { FLOW_COOKIE, FLOW_SECONDS, SsoRefusal, type OidcSignIn } from './oidc.ts';
import { PairingLockedError } from './screen-pairing.ts';
import { SignInLockedError, type AuthService } from './service.ts';
import { hashToken } from './sessions.ts';

export interface AuthRouteDeps {
  auth: AuthService;
  /** COOKIE_SECURE: undefined = Secure when the request came over HTTPS. */
  cookieSecure: boolean | undefined;
  logger: Logger;
  /** Single sign-on, when OIDC_ISSUER is set. */
  oidc?: OidcSignIn | undefined;
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
  const { oidc } = deps;
  // OIDC_ONLY: no way in by password (set by a link, or typed)
  const passwordsOff = (res: Response): boolean => {
    if (!oidc?.settings.only) return false;
    const message = `Password sign-in is off here: use "Sign in with ${oidc.settings.buttonLabel}".`;
    sendError(res, new HttpRefusal(403, new ForbiddenError(message)), logger);
    return true;
  };

  router.get('/methods', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({
      password: !oidc?.settings.only,
      sso: oidc ? { label: oidc.settings.buttonLabel, start: '/auth/oidc/start' } : null,
    });
  });

  if (oidc) {
    const flowCookie = (req: Request, value: string, maxAge: number) =>
      `${FLOW_COOKIE}=${value}; Path=/auth/oidc; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure(req) ? '; Secure' : ''}`;
    const refused = (res: Response, code: string) => {
      res.setHeader('cache-control', 'no-store');
      res.redirect(302, `/?sso_error=${code}`);
    };
    router.get('/oidc/start', async (req, res) => {
      try {
        const { url, flow } = await oidc.start();
        res.setHeader('set-cookie', flowCookie(req, flow, FLOW_SECONDS));
        res.setHeader('cache-control', 'no-store');
        res.redirect(302, url);
      } catch (error) {
        if (!(error instanceof SsoRefusal)) logger.error({ err: error }, 'single sign-on could not start');
        refused(res, error instanceof SsoRefusal ? error.code : 'unavailable');
      }
    });
    router.get('/oidc/callback', async (req, res) => {
      const search = req.originalUrl.includes('?')
        ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
        : '';
      const sealed = parse(req.headers.cookie ?? '')[FLOW_COOKIE];
      try {
        const user = await oidc.finish(search, sealed);
        const session = await oidc.session(user, req.headers['user-agent']);
        await handOverSession(auth, req, res, session, secure(req));
        res.append('set-cookie', flowCookie(req, '', 0));
        res.redirect(302, '/');
      } catch (error) {
        if (!(error instanceof SsoRefusal)) logger.error({ err: error }, 'single sign-on failed');
        else logger.info({ code: error.code, reason: error.message }, 'single sign-on refused');
        res.setHeader('set-cookie', flowCookie(req, '', 0));
        refused(res, error instanceof SsoRefusal ? error.code : 'provider');
      }
    });
  }

  router.post('/sign-in', express.json({ limit: '4kb' }), async (req, res) => {
    if (!jsonOnly(req, res) || passwordsOff(res)) return;
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
    if (!jsonOnly(req, res) || passwordsOff(res)) return;
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
    if (!jsonOnly(req, res) || passwordsOff(res)) return;
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
