/**
 * CSV import over HTTP (raw text/csv and multipart): idempotent replays, bad rows of every kind
 * reported by line, column and reason, skip vs reject (nothing half-imported), the header, auth.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { importCsv } from '../support/rest.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

const upload = (csv: string, options: Parameters<typeof importCsv>[2] = {}) =>
  importCsv(server, csv, { as: org.admin, ...options });

const count = async () =>
  Number((await server.sql<{ n: number }>(sql`select count(*)::int as n from activities`))[0]?.n);
const revenueOf = async (userId: number) =>
  (
    await server.sql<{ r: string }>(
      sql`select coalesce(sum(revenue), 0)::text as r from sales_performance where user_id = ${userId} and period_type = 'YEARLY'`,
    )
  )[0]?.r;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

describe('POST /import/activities', () => {
  const good = () =>
    [
      'user_email,kind,amount,occurred_at,external_id',
      `${org.reps.east1.email},ORDER_WON,1000.50,2026-01-10T10:00:00Z,imp-1`,
      `${org.reps.east1.email},lead_created,,2026-01-10T11:00:00Z,imp-2`,
      `${org.reps.west1.email},CALL,,2026-01-11T09:00:00+02:00,imp-3`,
    ].join('\n');

  it('stores the rows through the same rules and rollups as recordActivities, once', async () => {
    const first = await upload(good());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'imported',
      rows: 3,
      imported: 3,
      duplicates: 0,
      skipped: 0,
      errors: [],
    });
    expect(await revenueOf(org.reps.east1.id)).toBe('1000.50');
    const [source] = await server.sql<{ source: string }>(sql`select distinct source from activities`);
    expect(source?.source).toBe('import');
    const replay = await upload(good(), { multipart: true });
    expect(replay.body).toMatchObject({ status: 'imported', rows: 3, imported: 0, duplicates: 3 });
    expect(await revenueOf(org.reps.east1.id)).toBe('1000.50');
  });

  it('reports bad rows of every kind by line, column and reason, and stores the good ones (skip)', async () => {
    const alice = org.reps.east1;
    const csv = [
      'user_id,user_email,kind,amount,occurred_at,external_id,note', // 1
      `${alice.id},,CALL,,2026-02-01T10:00:00Z,bad-ok-1,fine`, // 2 good
      `${alice.id},,SALE,,2026-02-01T10:00:00Z,bad-kind,`, // 3
      `${alice.id},,ORDER_WON,,2026-02-01T10:00:00Z,bad-no-amount,`, // 4
      `${alice.id},,CALL,5.00,2026-02-01T10:00:00Z,bad-amount-on-call,`, // 5
      `${alice.id},,ORDER_WON,-5.00,2026-02-01T10:00:00Z,bad-negative,`, // 6
      `${alice.id},,ORDER_WON,10.123,2026-02-01T10:00:00Z,bad-decimals,`, // 7
      `${alice.id},,CALL,,yesterday,bad-instant,`, // 8
      `${alice.id},,CALL,,2999-01-01T00:00:00Z,bad-future,`, // 9
      `${alice.id},,CALL,,2026-02-01T10:00:00Z,,`, // 10
      `${alice.id},,CALL,,2026-02-01T10:00:00Z,${'x'.repeat(201)},`, // 11
      `999999,,CALL,,2026-02-01T10:00:00Z,bad-user,`, // 12
      `,nobody@example.com,CALL,,2026-02-01T10:00:00Z,bad-email,`, // 13
      `,,CALL,,2026-02-01T10:00:00Z,bad-no-user,`, // 14
      `${alice.id},,CALL,,2026-02-01T10:00:00Z`, // 15 short row
      '', // 16 empty: skipped silently
      `,${alice.email},MEETING,,2026-02-01T10:00:00Z,bad-ok-2,"two`, // 17 good, with a note over two lines
      `lines"`, // 18
      `${alice.id},,ORDER_WON,7.5,2026-02-01T10:00:00Z,bad-ok-3,`, // 19 good
    ].join('\r\n');
    const before = await count();
    const { status, body } = await upload(csv);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'imported',
      rows: 16,
      imported: 3,
      skipped: 13,
      ignored_columns: ['note'],
    });
    expect(await count()).toBe(before + 3);
    const errors = body.errors.map((e) => [e.line, e.column]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, 'kind'],
        [4, 'amount'],
        [5, 'amount'],
        [6, 'amount'],
        [7, 'amount'],
        [8, 'occurred_at'],
        [9, 'occurred_at'],
        [10, 'external_id'],
        [11, 'external_id'],
        [12, 'user_id'],
        [13, 'user_email'],
        [14, 'user_id'],
        [15, null],
        [15, 'external_id'],
      ]),
    );
    expect(body.error_count).toBe(body.errors.length);
    const reason = (line: number) => body.errors.find((e) => e.line === line)?.reason;
    expect(reason(4)).toBe('is required for ORDER_WON');
    expect(reason(9)).toBe('is more than a day in the future');
    expect(reason(12)).toBe('user 999999 does not exist');
    expect(reason(13)).toBe('no user has this email');
    expect(reason(15)).toBe('has 5 columns, the header 7');
  });

  it('stops at malformed quoting (nothing after it can be trusted), keeping what came before', async () => {
    const csv = [
      'user_id,kind,occurred_at,external_id',
      `${org.reps.east1.id},CALL,2026-02-02T10:00:00Z,mal-1`,
      `${org.reps.east1.id},CALL,2026-02-02T10:00:00Z,"mal"formed`,
      `${org.reps.east1.id},CALL,2026-02-02T10:00:00Z,mal-3`,
    ].join('\n');
    const { status, body } = await upload(csv);
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 'incomplete', rows: 2, imported: 1, skipped: 1 });
    expect(body.errors).toEqual([
      {
        line: 3,
        column: null,
        reason: expect.stringMatching(/Invalid Closing Quote.*the rest of the file was not read$/) as string,
      },
    ]);
  });

  it('refuses rows for users outside a manager’s teams, row by row', async () => {
    const csv = [
      'user_email,kind,occurred_at,external_id',
      `${org.reps.east2.email},CALL,2026-03-01T10:00:00Z,mgr-1`,
      `${org.reps.west1.email},CALL,2026-03-01T10:00:00Z,mgr-2`,
    ].join('\n');
    const { body } = await upload(csv, { as: org.managers.east });
    expect(body).toMatchObject({ imported: 1, skipped: 1 });
    expect(body.errors).toEqual([
      {
        line: 3,
        column: 'user_email',
        reason: expect.stringContaining('not in a team you manage') as string,
      },
    ]);
  });

  it('imports nothing of a file with one bad row in reject mode, and all of a good one', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `${org.reps.east2.email},ORDER_WON,10.00,2026-04-01T10:00:00Z,rej-${i}`,
    );
    rows[2300] = `${org.reps.east2.email},ORDER_WON,,2026-04-01T10:00:00Z,rej-bad`;
    const header = 'user_email,kind,amount,occurred_at,external_id';
    const before = await count();
    const rejected = await upload([header, ...rows].join('\n'), { mode: 'reject' });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({
      mode: 'reject',
      status: 'rejected',
      rows: 2500,
      imported: 0,
      skipped: 1,
    });
    expect(rejected.body.errors).toEqual([
      { line: 2302, column: 'amount', reason: 'is required for ORDER_WON' },
    ]);
    expect(await count()).toBe(before);
    expect(await revenueOf(org.reps.east2.id)).toBe('0.00');
    rows[2300] = `${org.reps.east2.email},ORDER_WON,10.00,2026-04-01T10:00:00Z,rej-fixed`;
    const accepted = await upload([header, ...rows].join('\n'), { mode: 'reject' });
    expect(accepted.body).toMatchObject({ status: 'imported', imported: 2500 });
    expect(await revenueOf(org.reps.east2.id)).toBe('25000.00');
  });

  it('refuses a file without the required columns, and an unreadable file in reject mode', async () => {
    const header = await upload('user,kind,when\n1,CALL,now');
    expect(header.status).toBe(400);
    expect(header.body.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(header.body.error?.fields.map((f) => f.field)).toEqual(['header', 'header']);
    expect((await upload('')).status).toBe(400);
    const unclosed = await upload(
      `user_id,kind,occurred_at,external_id\n${org.reps.east1.id},CALL,2026-05-01T00:00:00Z,"open`,
      { mode: 'reject' },
    );
    expect([unclosed.status, unclosed.body.status, unclosed.body.errors[0]?.line]).toEqual([
      422,
      'rejected',
      2,
    ]);
  });

  it('needs a manager or admin token, a known mode and a CSV body', async () => {
    expect((await upload(good(), { as: null })).status).toBe(401);
    expect((await upload(good(), { as: org.reps.east1.email })).status).toBe(403);
    expect((await upload(good(), { mode: 'maybe' })).status).toBe(400);
    expect((await upload(good(), { type: 'application/json' })).status).toBe(400);
  });
});
