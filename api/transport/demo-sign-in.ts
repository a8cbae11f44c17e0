/**
 * One-click demo sign-in, embedded demo only (no DATABASE_URL, SEED_DEMO on): the sign-in page
 * gets a session (POST /demo/sign-in: the same cookie as POST /auth/sign-in) and scripts a token
 * (POST /demo/token) for any demo account without a password, so with a real database the routes
 * do not exist. Invariant: only a browser on this machine looking at this server gets a session or
 * a token, everyone else 403 FORBIDDEN: HOST is loopback (unless DEMO_SIGN_IN_ANY_HOST), the TCP
 * peer is loopback and no proxy forwarded the request, and `Host` (and `Origin` when sent) name a
 * loopback address on this server's own port, which stops DNS rebinding. /demo/sign-in takes JSON
 * only, as /auth/sign-in does (no cross-site form can send it). Why each check is needed:
 * docs/operations.md#the-demo-sign-in.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { signToken } from '../core/auth.ts';
import { BadInputError } from '../core/errors.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { DEMO_PEOPLE, emailOf } from '../seed/demo-people.ts';
import { findUserByEmail } from '../modules/users/user.queries.ts';
import { handOverSession } from '../modules/auth/routes.ts';
import type { AuthService } from '../modules/auth/service.ts';
import { HttpRefusal, sendError } from './rest/respond.ts';

export function demoEnabled(config: Config): boolean {
  return config.embedded && config.seedDemo && config.demoSignIn;
}

/** The admin, John Smith (the original spec's sample), each manager and the office TV. */
function demoEmails(config: Config): string[] {
  const chosen = DEMO_PEOPLE.filter((p) => p.role !== 'REP' || p.name === 'John Smith').map(emailOf);
  return [config.adminEmail, ...chosen];
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses (a dual-stack socket reports those). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** A listen address (HOST) that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host.toLowerCase() === 'localhost' || isLoopbackAddress(host);
}

/**
 * The normalised `host` of a Host header naming this machine's loopback on `port` ("localhost:4000",
 * "127.0.0.1:4000", "[::1]:4000"), else undefined. Only a bare name or address and a port are
 * accepted, so nothing like "localhost:4000@evil.example" gets as far as a URL parser.
 */
export function loopbackHostOnPort(header: string | undefined, port: number): string | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/i.exec(header ?? '');
  if (!match) return undefined;
  const [, bracketed, name, portText] = match;
  const loopback = bracketed !== undefined ? isLoopbackAddress(bracketed) : isLoopbackHost(name ?? '');
  // without a port, a client means the scheme's default: 80 for http
  if (!loopback || Number(portText ?? 80) !== port) return undefined;
  return new URL(`http://${header}`).host;
}

function refuse(res: Response, message: string): void {
  res.status(403).json({ error: { code: 'FORBIDDEN', message, fields: [] } });
}

const NOT_LOCAL = 'Demo sign-in is only available on the machine the server runs on (http://localhost).';

function localOnly(config: Config) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isLoopbackHost(config.host) && !config.demoSignInAnyHost) {
      refuse(
        res,
        `Demo sign-in is off: the server listens on ${config.host}, beyond this machine ` +
          '(DEMO_SIGN_IN_ANY_HOST=true allows it for browsers on this machine).',
      );
      return;
    }
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (!isLoopbackAddress(req.socket.remoteAddress) || forwarded) {
      refuse(res, NOT_LOCAL);
      return;
    }
    const host = loopbackHostOnPort(req.headers.host, req.socket.localPort ?? -1);
    const origin = req.headers.origin;
    if (host === undefined || (origin !== undefined && !sameOrigin(origin, host))) {
      refuse(res, `${NOT_LOCAL} Open it at http://localhost:${req.socket.localPort ?? config.port}.`);
      return;
    }
    next();
  };
}

/** Whether an Origin header is exactly http://<host> (the "null" origin never is). */
function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host === host && url.origin === origin.toLowerCase();
  } catch {
    return false;
  }
}

/** The active demo account a request body's `email` names, if any. */
async function demoAccount(config: Config, database: DatabaseHandle, body: unknown) {
  const raw = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const user = demoEmails(config).includes(email) ? await findUserByEmail(database.db, email) : undefined;
  return user?.active ? user : undefined;
}

function notDemo(res: Response): void {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not a demo account.', fields: [] } });
}

/**
 * `signIn`: the app's sign-in service; with it, POST /demo/sign-in starts a session for a demo
 * account as POST /auth/sign-in does for a password (the session the browser held before ended,
 * the same cookie).
 */
export function demoRouter(
  config: Config,
  database: DatabaseHandle,
  jwtSecret: string,
  signIn?: { auth: AuthService; logger: Logger },
): Router {
  const router = express.Router();
  router.use(localOnly(config));
  router.get('/accounts', async (_req, res) => {
    const accounts = [];
    for (const email of demoEmails(config)) {
      const user = await findUserByEmail(database.db, email);
      if (user?.active) accounts.push({ email: user.email, name: user.name, role: user.role });
    }
    res.json({ accounts });
  });
  router.post('/token', express.json({ limit: '1kb' }), async (req, res) => {
    const user = await demoAccount(config, database, req.body);
    if (!user) {
      notDemo(res);
      return;
    }
    res.json({ token: await signToken(jwtSecret, user.email, config.tokenTtl) });
  });
  if (signIn) {
    const { auth, logger } = signIn;
    router.post('/sign-in', express.json({ limit: '1kb' }), async (req, res) => {
      try {
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
          throw new HttpRefusal(415, BadInputError.one('body', 'must be application/json'));
        const user = await demoAccount(config, database, req.body);
        if (!user) {
          notDemo(res);
          return;
        }
        const session = await auth.sessions.create(database.db, Number(user.id), req.headers['user-agent']);
        // as POST /auth/sign-in: the browser's previous session ends
        await handOverSession(auth, req, res, session, config.cookieSecure ?? req.secure);
        res.json({ user: { id: String(user.id), email: user.email, name: user.name, role: user.role } });
      } catch (error) {
        sendError(res, error, logger);
      }
    });
  }
  return router;
}
