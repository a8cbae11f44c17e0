/**
 * One-click demo sign-in, for the embedded demo only (no DATABASE_URL, SEED_DEMO on): the
 * sign-in page lists the demo accounts and gets a token for one without pasting anything. With a
 * real database these routes do not exist, so no server that holds real data hands out tokens.
 *
 * They hand out tokens (the admin's too) without any password, and HOST defaults to 0.0.0.0, so
 * they answer only clients on this machine: the TCP peer must be a loopback address. That is the
 * socket's own address, never X-Forwarded-For ('trust proxy' makes req.ip follow that header for
 * loopback peers), and a request that a proxy forwarded is refused too: a reverse proxy on the
 * same machine connects from loopback on behalf of anyone. Everyone else gets 403 FORBIDDEN.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { signToken } from './auth.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { DEMO_PEOPLE, emailOf } from './seed/demo-people.ts';
import { findUserByEmail } from './modules/users/user.queries.ts';

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

function localOnly(req: Request, res: Response, next: NextFunction): void {
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (isLoopbackAddress(req.socket.remoteAddress) && !forwarded) {
    next();
    return;
  }
  res.status(403).json({
    error: {
      code: 'FORBIDDEN',
      message: 'Demo sign-in is only available on the machine the server runs on (http://localhost).',
      fields: [],
    },
  });
}

export function demoRouter(config: Config, database: DatabaseHandle, jwtSecret: string): Router {
  const router = express.Router();
  router.use(localOnly);
  router.get('/accounts', async (_req, res) => {
    const accounts = [];
    for (const email of demoEmails(config)) {
      const user = await findUserByEmail(database.db, email);
      if (user?.active) accounts.push({ email: user.email, name: user.name, role: user.role });
    }
    res.json({ accounts });
  });
  router.post('/token', express.json({ limit: '1kb' }), async (req, res) => {
    const body: unknown = req.body;
    const raw = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
    const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    const user = demoEmails(config).includes(email) ? await findUserByEmail(database.db, email) : undefined;
    if (!user?.active) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not a demo account.', fields: [] } });
      return;
    }
    res.json({ token: await signToken(jwtSecret, user.email, config.tokenTtl) });
  });
  return router;
}
