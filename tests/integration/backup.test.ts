/**
 * `npm run backup` and `npm run restore` for the embedded database (issue 18): a backup taken
 * through the running server (--url), restored into an empty DATA_DIR and served again, shows every
 * figure the API showed when it was taken — and not a sale written after it. Restore refuses a
 * DATA_DIR a server holds or that already holds a database (without --force); backup without
 * --url refuses a DATA_DIR the server holds; only an ADMIN may take one over HTTP.
 * The round trip runs on the embedded database only (skipped in the Postgres run); there, the
 * server answers 409 naming pg_dump instead (docs/operations.md#backups).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = 'admin@example.com';
const REP = 'john.smith@example.com';

function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `api/cli/${script}.ts`, ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What the API shows: boards, every goal, badges, each team's figures (this year and month). */
const FIGURES = `{
  year: leaderboard(metric: REVENUE, periodType: YEARLY, limit: 50) { entries { rank revenue ordersWon user { email } } }
  month: leaderboard(metric: ORDERS, periodType: MONTHLY, limit: 50) { entries { rank ordersWon user { email } } }
  goals(activeOnly: false) { id currentValue status }
  achievements(limit: 200) { id }
  teams: teamPerformance(periodType: YEARLY) { team { name } revenue ordersWon memberCount }
}`;

const figures = async (server: TestServer) =>
  dataOf(await server.gql<Record<string, unknown>>(FIGURES, {}, ADMIN));

const embeddedEnv = (dataDir: string) => ({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'true' });

describe.skipIf(!!process.env.DATABASE_URL)('npm run backup and npm run restore (embedded database)', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close().catch(() => {})));
  });

  it('restores a backup taken while the server ran: the same figures, and not a later sale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-backup-'));
    const first = await startTestServer(embeddedEnv(join(dir, 'live')), { persistent: true });
    servers.push(first);
    const before = await figures(first);
    expect((before.year as { entries: unknown[] }).entries.length).toBeGreaterThan(5);

    // over HTTP: an ADMIN only
    const asRep = await fetch(`${first.url}/admin/backup`, {
      headers: { authorization: `Bearer ${await first.token(REP)}` },
    });
    expect(asRep.status).toBe(403);
    expect(((await asRep.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');

    const file = join(dir, 'pulse.tar.gz');
    const taken = await cli('backup', [file, '--url', first.url, '--token', await first.token(ADMIN)], {});
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(/^backup written: .*pulse\.tar\.gz \(\d+\.\d MiB\)/);
    expect(statSync(file).size).toBeGreaterThan(1024);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    // a sale after the backup: the restored database must not have it
    const [rep] = await first.sql<{ id: number }>(sql`select id from users where email = ${REP}`);
    dataOf(
      await first.gql(
        `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { __typename } }`,
        {
          a: [
            {
              userId: String(rep!.id),
              kind: 'ORDER_WON',
              amount: '1234567.89',
              occurredAt: new Date().toISOString(),
              externalId: 'after-the-backup',
            },
          ],
        },
        ADMIN,
      ),
    );
    expect(await figures(first)).not.toEqual(before);

    // without --url, the running server's DATA_DIR is refused, pointing to --url
    const busy = await cli('backup', [join(dir, 'other.tar.gz')], { DATA_DIR: join(dir, 'live') });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`is in use by process ${process.pid}`);
    expect(busy.stderr).toContain('--url http://localhost:4000');

    const restoredDir = join(dir, 'restored');
    const restored = await cli('restore', [file], { DATA_DIR: restoredDir });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^restored .* \d+ people, \d+ activities, \d+ goals\n$/);

    // a second restore into it: refused without --force
    const again = await cli('restore', [file], { DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a database: add --force');

    const second = await startTestServer(embeddedEnv(restoredDir), { persistent: true });
    servers.push(second);
    expect(await figures(second)).toEqual(before);

    // --force while a server holds it: refused, the database untouched
    const held = await cli('restore', [file, '--force'], { DATA_DIR: restoredDir });
    expect(held.code).toBe(1);
    expect(held.stderr).toContain('stop the server first');
    expect(await figures(second)).toEqual(before);
    await second.close();

    // --force with the server stopped: replaced, the old one kept beside it
    const forced = await cli('restore', [file, '--force'], { DATA_DIR: restoredDir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('the database it replaced is kept in');
    expect(readdirSync(restoredDir).some((f) => f.startsWith('pglite.replaced-'))).toBe(true);
  }, 180_000);

  it('refuses what is not a backup, and prints usage for a bad command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-restore-'));
    const notOne = join(root, 'package.json');
    const refused = await cli('restore', [notOne], { DATA_DIR: join(dir, 'data') });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not a Pulse backup');
    expect(existsSync(join(dir, 'data', 'pglite'))).toBe(false);
    expect((await cli('restore', [], {})).code).toBe(2);
    expect((await cli('backup', ['a', 'b'], {})).code).toBe(2);
  }, 60_000);
});

describe.skipIf(!process.env.DATABASE_URL)('GET /admin/backup on a Postgres server', () => {
  it('answers 409 and names pg_dump', async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/admin/backup`, {
        headers: { authorization: `Bearer ${await server.token(ADMIN)}` },
      });
      expect(response.status).toBe(409);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('CONFLICT');
      expect(body.error.message).toContain('pg_dump');
    } finally {
      await server.close();
    }
  });
});
