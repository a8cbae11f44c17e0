/**
 * `npm run import`: uploading to a running server (--url), importing straight into the database
 * (Postgres), and refusing an embedded DATA_DIR that another process holds.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../api/db/data-dir-lock.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let server: TestServer;
let org: OrgFixture;
let dir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'api/cli/import.ts', ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function csvFile(name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, ['user_email,kind,amount,occurred_at,external_id', ...rows].join('\n'));
  return file;
}

const stored = async (prefix: string) =>
  Number(
    (
      await server.sql<{ n: number }>(
        sql`select count(*)::int as n from activities where external_id like ${prefix + '%'}`,
      )
    )[0]?.n,
  );

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  dir = mkdtempSync(join(tmpdir(), 'pulse-import-'));
});
afterAll(() => server?.close());

describe('npm run import', () => {
  it('uploads to a running server with --url and prints the report', async () => {
    const file = csvFile('up.csv', [
      `${org.reps.east1.email},ORDER_WON,99.90,2026-06-01T10:00:00Z,cli-up-1`,
      `${org.reps.east1.email},CALL,,2026-06-01T10:00:00Z,cli-up-2`,
    ]);
    const token = await server.token(org.admin);
    const result = await cli([file, '--url', server.url, '--token', token, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'imported', rows: 2, imported: 2 });
    expect(await stored('cli-up-')).toBe(2);
    const signed = await cli([file, '--url', server.url, '--as', org.managers.east], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(
      /^imported: 2 rows in .* 0 imported, 2 duplicates, 0 bad rows \(mode skip\)/,
    );
  });

  it('exits 1 with the report when reject mode refuses the file', async () => {
    const file = csvFile('bad.csv', [
      `${org.reps.east1.email},CALL,,2026-06-01T10:00:00Z,cli-bad-1`,
      `${org.reps.east1.email},ORDER_WON,,2026-06-01T10:00:00Z,cli-bad-2`,
    ]);
    const token = await server.token(org.admin);
    const result = await cli([file, '--mode', 'reject', '--url', server.url, '--token', token]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('rejected: 2 rows');
    expect(result.stdout).toContain('line 3, amount: is required for ORDER_WON');
    expect(await stored('cli-bad-')).toBe(0);
  });

  it("explains a file over the server's MAX_IMPORT_BYTES, pointing to an import without --url", async () => {
    const small = await startTestServer({ MAX_IMPORT_BYTES: '64kb' });
    try {
      const rows = Array.from(
        { length: 1500 },
        (_, i) => `${org.reps.east1.email},ORDER_WON,10.00,2026-06-03T10:00:00Z,cli-big-${i}`,
      );
      const file = csvFile('big.csv', rows);
      const result = await cli([file, '--url', small.url, '--token', await small.token('admin@example.com')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('413: Invalid body: is larger than 64KB');
      expect(result.stderr).toContain('without --url');
    } finally {
      await small.close();
    }
  });

  it('refuses an embedded DATA_DIR another process holds, pointing to --url', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-locked-'));
    const release = lockDataDir(dataDir);
    try {
      const file = csvFile('locked.csv', [`${org.reps.east1.email},CALL,,2026-06-01T10:00:00Z,cli-lock-1`]);
      const result = await cli([file], { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by process ${process.pid}`);
      expect(result.stderr).toContain('--url http://localhost:4000');
    } finally {
      release();
    }
  });

  it('prints usage for a bad command line', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['a.csv', '--mode', 'maybe'])).code).toBe(2);
  });

  it.skipIf(!process.env.DATABASE_URL)('imports straight into Postgres without a server', async () => {
    const file = csvFile('direct.csv', [
      `${org.reps.west1.email},MEETING,,2026-06-02T10:00:00Z,cli-direct-1`,
    ]);
    const result = await cli([file, '--as', org.managers.west, '--json'], {
      DATABASE_URL: server.databaseUrl ?? '',
      JWT_SECRET: TEST_JWT_SECRET,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 1 });
    expect(await stored('cli-direct-')).toBe(1);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'checks, then writes, a file in reject mode without a server',
    async () => {
      const env = { DATABASE_URL: server.databaseUrl ?? '', JWT_SECRET: TEST_JWT_SECRET };
      const good = csvFile('direct-good.csv', [
        `${org.reps.west1.email},MEETING,,2026-06-02T10:00:00Z,cli-reject-1`,
        `${org.reps.west1.email},ORDER_WON,5.00,2026-06-02T11:00:00Z,cli-reject-2`,
      ]);
      const bad = csvFile('direct-bad.csv', [
        `${org.reps.west1.email},MEETING,,2026-06-02T10:00:00Z,cli-reject-3`,
        `${org.reps.west1.email},ORDER_WON,,2026-06-02T11:00:00Z,cli-reject-4`,
      ]);
      const refused = await cli([bad, '--mode', 'reject', '--as', org.managers.west, '--json'], env);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({ status: 'rejected', imported: 0, error_count: 1 });
      const accepted = await cli([good, '--mode', 'reject', '--as', org.managers.west, '--json'], env);
      expect(accepted.code).toBe(0);
      expect(JSON.parse(accepted.stdout)).toMatchObject({ status: 'imported', imported: 2 });
      expect(await stored('cli-reject-')).toBe(2);
    },
  );
});
