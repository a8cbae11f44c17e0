/**
 * One-click demo sign-in, for the embedded demo only (no DATABASE_URL, SEED_DEMO on): the
 * sign-in page lists the demo accounts and gets a token for one without pasting anything. With a
 * real database these routes do not exist, so no server that holds real data hands out tokens.
 */
import express, { type Router } from 'express';
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

export function demoRouter(config: Config, database: DatabaseHandle, jwtSecret: string): Router {
  const router = express.Router();
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
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not a demo account.' } });
      return;
    }
    res.json({ token: await signToken(jwtSecret, user.email, config.tokenTtl) });
  });
  return router;
}
