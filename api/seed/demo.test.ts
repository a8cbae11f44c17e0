import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database, type DatabaseHandle } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { localDate, periodStart } from '../domain/periods.ts';
import { conversionRate, winRate } from '../domain/rates.ts';
import { seedDemo, type DemoSummary } from './demo.ts';

/*
 * Goal statuses are derived by the database against its own clock (org_today() = now()), not
 * against the seed's `now`: a goal whose period has ended by the real clock is ACHIEVED or MISSED.
 * So the fixed scenarios are placed next year, where "the current month" is always still running.
 */
const YEAR = new Date().getUTCFullYear() + 1;
const NOW = new Date(`${YEAR}-11-26T12:00:00Z`);
/** New York: 19:30 on 30 November, while UTC is already in December. */
const NY_LATE = new Date(`${YEAR}-12-01T00:30:00Z`);
/** New York: 00:01 on 1 December, one minute into the month. */
const NY_EARLY = new Date(`${YEAR}-12-01T05:01:00Z`);
const TIMEOUT = 120_000;

interface Seeded {
  handle: DatabaseHandle;
  db: Database;
  summary: DemoSummary;
}

async function seeded(now: Date, timeZone: string): Promise<Seeded> {
  const handle = await openDatabase({});
  await migrateDatabase(handle);
  const summary = await seedDemo(handle.db, { now, timeZone });
  return { handle, db: handle.db, summary };
}

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rows<T>(db, query);
  if (row === undefined) throw new Error('no row');
  return row;
}

/** The original spec's sample, as John Smith's current month in `timeZone`. */
async function expectJohnsSample(db: Database, now: Date, timeZone: string): Promise<void> {
  const month = periodStart('MONTHLY', localDate(now, timeZone));
  const john = await one<{ id: number; name: string; role: string; team: string }>(
    db,
    sql`SELECT u.id, u.name, u.role, t.name AS team FROM users u JOIN teams t ON t.id = u.team_id
        WHERE u.email = 'john.smith@example.com'`,
  );
  expect(john).toEqual({ id: 1, name: 'John Smith', role: 'REP', team: 'Enterprise' });

  const rollup = await one<Record<string, string | number>>(
    db,
    sql`SELECT revenue::text AS revenue, orders_won, leads_created, opportunities_created, opportunities_lost
        FROM sales_performance WHERE user_id = 1 AND period_type = 'MONTHLY' AND period_start = ${month}::date`,
  );
  expect(rollup).toEqual({
    revenue: '15000.00',
    orders_won: 3,
    leads_created: 15,
    opportunities_created: 10,
    opportunities_lost: 3,
  });

  const goals = await rows<{
    metric: string;
    target: string;
    pct: string;
    status: string;
    description: string;
  }>(
    db,
    sql`SELECT metric, target_value::text AS target, achievement_percentage::text AS pct, status, description
        FROM goals WHERE user_id = 1 ORDER BY id`,
  );
  expect(goals).toEqual([
    {
      metric: 'REVENUE',
      target: '20000.00',
      pct: '75.00',
      status: 'ON_TRACK',
      description: 'Monthly revenue target',
    },
    {
      metric: 'ORDERS',
      target: '5.00',
      pct: '60.00',
      status: 'BEHIND',
      description: 'Monthly orders target',
    },
  ]);

  const [won, leads, lost] = [rollup.orders_won, rollup.leads_created, rollup.opportunities_lost].map(Number);
  expect(conversionRate(won ?? 0, leads ?? 0)).toBe(20);
  expect(winRate(won ?? 0, lost ?? 0)).toBe(50);

  // His FULL badge list, rule and manual alike: the spec's two badges, once each.
  const badges = await rows<{ title: string; icon: string; n: number }>(
    db,
    sql`SELECT a.title, a.badge_icon AS icon, count(*)::int AS n FROM achievements a
        WHERE a.user_id = 1 GROUP BY 1, 2 ORDER BY 1`,
  );
  expect(badges).toEqual([
    { title: 'Deal Closer', icon: '🎯', n: 1 },
    { title: 'First $10K', icon: '💰', n: 1 },
  ]);
  const closer = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM achievements
        WHERE user_id = 1 AND title = 'Deal Closer' AND period_start = ${month}::date`,
  );
  expect(closer.n).toBe(1);
  // Earlier months stay below the Deal Closer threshold (3 orders won in a month).
  const busiest = await one<{ n: number }>(
    db,
    sql`SELECT coalesce(max(orders_won), 0)::int AS n FROM sales_performance
        WHERE user_id = 1 AND period_type = 'MONTHLY' AND period_start < ${month}::date`,
  );
  expect(busiest.n).toBeLessThan(3);
}

async function expectEveryStatus(db: Database): Promise<void> {
  const statuses = await rows<{ status: string }>(
    db,
    sql`SELECT DISTINCT status::text AS status FROM goals ORDER BY 1`,
  );
  expect(statuses.map((row) => row.status)).toEqual(['ACHIEVED', 'AT_RISK', 'BEHIND', 'MISSED', 'ON_TRACK']);
}

async function expectWellFormed(db: Database, now: Date, summary: DemoSummary): Promise<void> {
  expect(summary.users).toBe(19);
  expect(summary.teams).toBe(3);
  expect(summary.activities).toBeGreaterThan(15_000);
  expect(summary.activities).toBeLessThan(30_000);
  expect(summary.goals).toBeGreaterThan(20);

  const idle = await rows<{ email: string }>(
    db,
    sql`SELECT email FROM users u WHERE NOT EXISTS (SELECT 1 FROM activities a WHERE a.user_id = u.id) ORDER BY 1`,
  );
  expect(idle.map((row) => row.email)).toEqual(['tv@example.com']);
  const roles = await rows<{ role: string; n: number }>(
    db,
    sql`SELECT role::text AS role, count(*)::int AS n FROM users GROUP BY 1 ORDER BY 1`,
  );
  expect(roles).toEqual([
    { role: 'MANAGER', n: 3 },
    { role: 'REP', n: 15 },
    { role: 'VIEWER', n: 1 },
  ]);
  const teams = await rows<{ name: string; manager_team: boolean }>(
    db,
    sql`SELECT t.name, m.team_id = t.id AS manager_team FROM teams t JOIN users m ON m.id = t.manager_id
        WHERE m.role = 'MANAGER' ORDER BY t.id`,
  );
  expect(teams).toEqual([
    { name: 'Enterprise', manager_team: true },
    { name: 'Mid-Market', manager_team: true },
    { name: 'SMB', manager_team: true },
  ]);

  const span = await one<{ late: number; bad_ids: number; sources: string }>(
    db,
    sql`SELECT count(*) FILTER (WHERE occurred_at > ${now.toISOString()}::timestamptz)::int AS late,
          count(*) FILTER (WHERE external_id !~ '^demo-[0-9]+$')::int AS bad_ids,
          string_agg(DISTINCT source, ',') AS sources
        FROM activities`,
  );
  expect(span).toEqual({ late: 0, bad_ids: 0, sources: 'demo' });

  // A plausible funnel over the whole year.
  const funnel = await one<Record<string, number>>(
    db,
    sql`SELECT sum(leads_created)::int AS leads, sum(opportunities_created)::int AS opps,
          sum(quotations_sent)::int AS quotes, sum(quotations_accepted)::int AS accepted,
          sum(orders_won)::int AS won, sum(opportunities_lost)::int AS lost
        FROM sales_performance WHERE period_type = 'YEARLY'`,
  );
  const { leads = 0, opps = 0, quotes = 0, accepted = 0, won = 0, lost = 0 } = funnel;
  expect(leads).toBeGreaterThan(opps);
  expect(opps).toBeGreaterThan(quotes);
  expect(quotes).toBeGreaterThan(accepted);
  expect(won / accepted).toBeGreaterThan(0.8);
  expect(won / accepted).toBeLessThan(1.1);
  expect(lost).toBeGreaterThan(0);

  // Manual badges, awarded by a manager, not in the future.
  const manual = await rows<{ title: string; role: string; future: boolean }>(
    db,
    sql`SELECT a.title, m.role::text AS role, a.achieved_at > ${now.toISOString()}::timestamptz AS future
        FROM achievements a JOIN users m ON m.id = a.awarded_by WHERE a.rule_id IS NULL`,
  );
  expect(manual.length).toBeGreaterThanOrEqual(3);
  expect(manual.every((row) => row.role === 'MANAGER' && !row.future)).toBe(true);
  const custom = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM goals WHERE metric = 'CUSTOM'`,
  );
  expect(custom.n).toBe(1);
  const teamGoals = await one<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT team_id)::int AS n FROM goals WHERE team_id IS NOT NULL AND metric = 'REVENUE'
          AND period_type = 'MONTHLY'`,
  );
  expect(teamGoals.n).toBe(3);
}

async function fingerprint(db: Database): Promise<string> {
  const row = await one<{ a: string; g: string; b: string }>(
    db,
    sql`SELECT
          (SELECT md5(string_agg(concat_ws('|', user_id, kind, amount, occurred_at, external_id), ',' ORDER BY id))
             FROM activities) AS a,
          (SELECT md5(string_agg(concat_ws('|', user_id, team_id, metric, period_start, target_value, status), ','
             ORDER BY id)) FROM goals) AS g,
          (SELECT md5(string_agg(concat_ws('|', user_id, title, rule_id, period_start, value), ',' ORDER BY id))
             FROM achievements) AS b`,
  );
  return `${row.a}/${row.g}/${row.b}`;
}

describe('seedDemo', () => {
  it(
    'reproduces the original sample and every goal status, deterministically, once',
    async () => {
      const first = await seeded(NOW, 'UTC');
      try {
        await expectJohnsSample(first.db, NOW, 'UTC');
        await expectEveryStatus(first.db);
        await expectWellFormed(first.db, NOW, first.summary);
        await expect(seedDemo(first.db, { now: NOW, timeZone: 'UTC' })).rejects.toThrow(/not empty/);
        const second = await seeded(NOW, 'UTC');
        try {
          expect(second.summary).toEqual(first.summary);
          expect(await fingerprint(second.db)).toBe(await fingerprint(first.db));
        } finally {
          await second.handle.close();
        }
      } finally {
        await first.handle.close();
      }
    },
    TIMEOUT,
  );

  for (const [label, now] of [
    ['late on the last day of a New York month (UTC already next month)', NY_LATE],
    ['one minute into a New York month', NY_EARLY],
  ] as const) {
    it(
      `keeps John's sample ${label}`,
      async () => {
        const { handle, db, summary } = await seeded(now, 'America/New_York');
        try {
          const zone = await one<{ tz: string }>(db, sql`SELECT time_zone AS tz FROM settings WHERE id = 1`);
          expect(zone.tz).toBe('America/New_York');
          await expectJohnsSample(db, now, 'America/New_York');
          await expectEveryStatus(db);
          await expectWellFormed(db, now, summary);
        } finally {
          await handle.close();
        }
      },
      TIMEOUT,
    );
  }

  it(
    'holds at the real current time (last month already closed by the database clock)',
    async () => {
      const now = new Date();
      const { handle, db, summary } = await seeded(now, 'UTC');
      try {
        await expectJohnsSample(db, now, 'UTC');
        await expectEveryStatus(db);
        await expectWellFormed(db, now, summary);
      } finally {
        await handle.close();
      }
    },
    TIMEOUT,
  );
});
