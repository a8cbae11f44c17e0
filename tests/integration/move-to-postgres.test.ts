/**
 * `npm run move-to-postgres` (issue 18): an embedded install — the demo plus 100,000 activities
 * written straight in SQL, and pushed aggregates — copied into an empty Postgres database shows
 * every figure the API showed before; a database that is not empty, and a DATA_DIR a server holds,
 * are refused. Needs a Postgres server to move to: skipped without DATABASE_URL (the PGlite run).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { lockDataDir } from '../../api/db/data-dir-lock.ts';
import { databaseUrlFor } from '../support/databases.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = 'admin@example.com';
const base = process.env.DATABASE_URL;

function move(args: string[], dataDir: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'api/cli/move-to-postgres.ts', ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What the API shows: boards, every goal, badges, each team's figures, a rep's year of months. */
const FIGURES = `query($u: ID!) {
  year: leaderboard(metric: REVENUE, periodType: YEARLY, limit: 50) { entries { rank revenue ordersWon user { email } } }
  month: leaderboard(metric: WIN_RATE, periodType: MONTHLY, limit: 50) { entries { rank winRate user { email } } }
  goals(activeOnly: false) { id currentValue status }
  achievements(limit: 200) { id }
  teams: teamPerformance(periodType: YEARLY) { team { name } revenue ordersWon memberCount }
  trends(userId: $u, periodType: MONTHLY, count: 12) { periodStart revenue ordersWon calls meetings }
}`;

describe.skipIf(!base)('npm run move-to-postgres', () => {
  const admin = base ? postgres(base, { max: 1, onnotice: () => {} }) : null;
  const made: string[] = [];
  const servers: TestServer[] = [];
  const emptyDatabase = async () => {
    const name = `pulse_test_${inject('runId')}_move_${randomBytes(4).toString('hex')}`;
    await admin!.unsafe(`create database "${name}"`);
    made.push(name);
    return databaseUrlFor(base!, name);
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close().catch(() => {})));
    for (const name of made) await admin!.unsafe(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  it('copies the demo and 100,000 more activities: every figure the same on Postgres', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-move-'));
    const embedded = await startTestServer(
      { DATABASE_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'true' },
      { persistent: true },
    );
    servers.push(embedded);
    const [rep] = await embedded.sql<{ id: number }>(
      sql`select id from users where email = 'john.smith@example.com'`,
    );
    // an ERP's SQL: 100,000 activities of the last 300 days over the demo's people (triggers on)
    const t0 = Date.now();
    await embedded.sql(sql`
      with sellers as (select array_agg(id order by id) as ids from users where role in ('REP', 'MANAGER'))
      insert into activities (user_id, kind, amount, occurred_at, external_id)
      select s.ids[1 + g % array_length(s.ids, 1)],
             (array['ORDER_WON', 'CALL', 'MEETING', 'LEAD_CREATED'])[1 + g % 4]::activity_kind,
             case when g % 4 = 0 then (g % 997) + 0.25 end,
             now() - make_interval(days => g % 300, mins => g % 1440), 'move-' || g
        from sellers s, generate_series(1, 100000) g`);
    console.info(`inserted in ${Date.now() - t0} ms`);
    // a pushed aggregate (recordPerformance): no activity stands behind it
    const today = await embedded.today();
    dataOf(
      await embedded.gql(
        `mutation($u: ID!, $d: Date!) { recordPerformance(input: { userId: $u, periodType: MONTHLY, periodStart: $d, calls: 4321 }) { calls } }`,
        { u: String(rep!.id), d: `${today.slice(0, 8)}01` },
        ADMIN,
      ),
    );
    const figures = async (server: TestServer) =>
      dataOf(await server.gql<Record<string, unknown>>(FIGURES, { u: String(rep!.id) }, ADMIN));
    const before = await figures(embedded);
    const [{ n }] = (await embedded.sql<{ n: number }>(sql`select count(*)::int as n from activities`)) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(100_000);

    // refused while the server holds DATA_DIR
    const url = await emptyDatabase();
    const busy = await move([url], dataDir);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('stop the server first');
    await embedded.close();

    const t1 = Date.now();
    const moved = await move([url], dataDir);
    console.info(`moved in ${Date.now() - t1} ms`);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`activities: ${n} rows`);
    expect(moved.stdout).toMatch(
      /moved \d+ rows in \d+ tables .* every table has the same rows on both sides/,
    );
    expect(moved.stdout).toContain(`JWT_SECRET="$(cat ${join(dataDir, 'jwt-secret')})"`);

    const onPostgres = await startTestServer({ DATABASE_URL: url });
    servers.push(onPostgres);
    expect(await figures(onPostgres)).toEqual(before);
    // new rows continue after the copied ids
    dataOf(
      await onPostgres.gql(
        `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { __typename } }`,
        {
          a: [
            {
              userId: String(rep!.id),
              kind: 'CALL',
              occurredAt: new Date().toISOString(),
              externalId: 'after-move',
            },
          ],
        },
        ADMIN,
      ),
    );

    // a database that is not empty is refused
    const again = await move([url], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the target database is not empty');
  }, 300_000);

  it('refuses a DATA_DIR another process holds and prints usage for a bad command line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-move-held-'));
    const release = lockDataDir(dataDir);
    try {
      const held = await move([await emptyDatabase()], dataDir);
      expect(held.code).toBe(1);
      expect(held.stderr).toContain(`is in use by process ${process.pid}: stop the server first`);
    } finally {
      release();
    }
    expect((await move([], dataDir)).code).toBe(2);
    expect((await move(['mysql://x'], dataDir)).code).toBe(2);
  }, 60_000);
});
