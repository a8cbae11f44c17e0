/**
 * Concurrent writers on a Postgres server: several connections at once. These need a server
 * (PGlite is one connection in one process), so they skip without DATABASE_URL.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/client.ts';
import { migrateDatabase } from '../../api/db/migrate.ts';
import { createGoal, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { databaseUrlFor } from '../support/databases.ts';
import type { TestServer } from '../support/server.ts';

const onServer = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onServer)('concurrent writers (real Postgres: needs several connections)', () => {
  let server: TestServer;
  let org: OrgFixture;

  beforeAll(async () => ({ server, org } = await startOrgServer()));
  afterAll(() => server?.close());

  it('loses no increment when parallel connections insert for the same users and team', async () => {
    const goalId = await createGoal(server, {
      teamId: org.teams.east,
      metric: 'ORDERS',
      periodType: 'YEARLY',
      periodStart: '2025-01-01',
      targetValue: 1000,
    });
    const writers = 8;
    const perWriter = 40;
    const users = [org.reps.east1.id, org.reps.east2.id];
    const clients = Array.from({ length: writers }, () =>
      postgres(server.databaseUrl!, { max: 1, onnotice: () => {} }),
    );
    await Promise.all(
      clients.map(async (client, w) => {
        for (let i = 0; i < perWriter; i += 1) {
          // each statement touches both users' rollups and the shared team goal
          await client`insert into activities (user_id, kind, amount, occurred_at, external_id) values
            (${users[0]!}, 'ORDER_WON', 1.01, '2025-07-01T10:00:00Z', ${`c-${w}-${i}-a`}),
            (${users[1]!}, 'ORDER_WON', 2.02, '2025-07-01T10:00:00Z', ${`c-${w}-${i}-b`})`;
        }
      }),
    );
    await Promise.all(clients.map((c) => c.end()));
    const n = writers * perWriter;
    const rollups = await server.sql<{ user_id: number; orders_won: number; revenue: string }>(
      sql`select user_id, orders_won, revenue::text from sales_performance
          where period_type = 'MONTHLY' and period_start = '2025-07-01' order by user_id`,
    );
    expect(rollups).toEqual([
      { user_id: users[0], orders_won: n, revenue: (n * 1.01).toFixed(2) },
      { user_id: users[1], orders_won: n, revenue: (n * 2.02).toFixed(2) },
    ]);
    const [g] = await server.sql<{ current_value: string }>(
      sql`select current_value::text from goals where id = ${Number(goalId)}`,
    );
    expect(Number(g?.current_value)).toBe(2 * n);
  });

  it('counts replays from parallel connections once', async () => {
    const clients = Array.from({ length: 6 }, () =>
      postgres(server.databaseUrl!, { max: 1, onnotice: () => {} }),
    );
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < 30; i += 1) {
          await client`insert into activities (user_id, kind, amount, occurred_at, external_id)
            values (${org.reps.west1.id}, 'ORDER_WON', 10, '2025-08-01T10:00:00Z', ${`replay-${i}`})
            on conflict (external_id) do nothing`;
        }
      }),
    );
    await Promise.all(clients.map((c) => c.end()));
    const [row] = await server.sql<{ orders_won: number }>(
      sql`select orders_won from sales_performance where user_id = ${org.reps.west1.id} and period_type = 'YEARLY' and period_start = '2025-01-01'`,
    );
    expect(row?.orders_won).toBe(30);
  });

  it('migrates once when two instances start together', async () => {
    const base = process.env.DATABASE_URL!;
    const name = `pulse_test_migrate_${Date.now().toString(36)}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    try {
      const url = databaseUrlFor(base, name);
      const handles = await Promise.all([
        openDatabase({ databaseUrl: url }),
        openDatabase({ databaseUrl: url }),
      ]);
      await Promise.all(handles.map((h) => migrateDatabase(h, url)));
      const check = postgres(url, { max: 1, onnotice: () => {} });
      const [{ n }] = await check<
        [{ n: number }]
      >`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const [{ rules }] = await check<
        [{ rules: number }]
      >`select count(*)::int as rules from achievement_rules`;
      await check.end();
      await Promise.all(handles.map((h) => h.close()));
      expect(rules).toBe(2);
      expect(n).toBeGreaterThan(0);
      const files = (await import('../../drizzle/meta/_journal.json', { with: { type: 'json' } })).default
        .entries.length;
      expect(n).toBe(files);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
