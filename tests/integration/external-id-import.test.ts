/**
 * The CSV import and a taken external_id (issue 14, item 5): a replayed row is a duplicate, a row
 * whose external_id names a different activity (stored before, on an earlier line of the file, or
 * in an earlier batch of it) is a conflict reported on its line and column external_id and counted
 * in `conflicts` and `skipped`. Skip mode stores the other rows; reject mode stores nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_SIZE } from '../../api/transport/import/activities-import.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { importCsv } from '../support/rest.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

async function stored(
  prefix: string,
): Promise<{ external_id: string; user_id: number; amount: string | null }[]> {
  return server.sql(
    sql`select external_id, user_id, amount::text as amount from activities
        where external_id like ${`${prefix}%`} order by external_id`,
  );
}

const HEADER = 'user_id,kind,amount,occurred_at,external_id';

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  // stored before any import: one key for another team's order, one the file replays
  await recordActivity(
    server,
    ['skip', 'reject'].flatMap((mode) => [
      {
        userId: org.reps.east1.id,
        kind: 'ORDER_WON',
        amount: '1200.00',
        occurredAt: '2025-06-10T12:00:00Z',
        externalId: `${mode}-taken`,
      },
      {
        userId: org.reps.west1.id,
        kind: 'CALL',
        occurredAt: '2025-06-10T12:00:00Z',
        externalId: `${mode}-replayed`,
      },
    ]),
  );
});
afterAll(() => server?.close());

/** Line 2 new, 3 conflicts with a stored order, 4 replays a stored call, 5 conflicts with line 2, 6 replays line 2. */
const file = (mode: string) =>
  [
    HEADER,
    `${org.reps.west1.id},ORDER_WON,50.00,2025-06-11T09:00:00Z,${mode}-new`,
    `${org.reps.west1.id},ORDER_WON,50000.00,2025-06-11T09:00:00Z,${mode}-taken`,
    `${org.reps.west1.id},call,,2025-06-10T14:00:00+02:00,${mode}-replayed`,
    `${org.reps.west1.id},ORDER_WON,51.00,2025-06-11T09:00:00Z,${mode}-new`,
    `${org.reps.west1.id},ORDER_WON,50,2025-06-11T09:00:00Z,${mode}-new`,
  ].join('\n');

const conflictErrors = [
  {
    line: 3,
    column: 'external_id',
    reason: expect.stringContaining('already stored for a different activity') as unknown,
  },
  { line: 5, column: 'external_id', reason: 'is used by line 2 for a different activity' },
];

describe('CSV import and a taken external_id', () => {
  it('skip mode: reports each conflict by line, stores the rest, counts replays as duplicates', async () => {
    const { status, body: report } = await importCsv(server, file('skip'), { mode: 'skip' });
    expect(status).toBe(200);
    expect(report).toMatchObject({
      status: 'imported',
      rows: 5,
      imported: 1,
      duplicates: 2,
      conflicts: 2,
      skipped: 2,
      error_count: 2,
      errors: conflictErrors,
    });
    expect(await stored('skip-')).toEqual([
      { external_id: 'skip-new', user_id: org.reps.west1.id, amount: '50.00' },
      { external_id: 'skip-replayed', user_id: org.reps.west1.id, amount: null },
      { external_id: 'skip-taken', user_id: org.reps.east1.id, amount: '1200.00' },
    ]);
  });

  it('reject mode: a conflict rejects the file, nothing of it is stored, the conflicts are reported', async () => {
    const { status, body: report } = await importCsv(server, file('reject'), { mode: 'reject' });
    expect(status).toBe(422);
    expect(report).toMatchObject({
      status: 'rejected',
      imported: 0,
      conflicts: 2,
      error_count: 2,
      errors: conflictErrors,
    });
    expect((await stored('reject-')).map((r) => r.external_id)).toEqual(['reject-replayed', 'reject-taken']);
  });

  // a key a later batch reuses is stored by the file's earlier batch: in skip mode committed, in
  // reject mode inside the import's transaction, where the refused insert must not end it
  it.each(['skip', 'reject'] as const)(
    '%s mode: a later batch reusing an earlier batch’s key is a conflict',
    async (mode) => {
      const prefix = `batches-${mode}-`;
      const lines = [HEADER];
      for (let i = 0; i < BATCH_SIZE; i += 1)
        lines.push(`${org.reps.east2.id},CALL,,2025-07-01T10:00:00Z,${prefix}${i}`);
      lines.push(`${org.reps.east2.id},MEETING,,2025-07-01T10:00:00Z,${prefix}7`); // line 5002, batch 2
      lines.push(`${org.reps.east2.id},CALL,,2025-07-01T10:00:00Z,${prefix}last`);
      const { body: report } = await importCsv(server, lines.join('\n'), { mode });
      expect(report).toMatchObject({
        rows: BATCH_SIZE + 2,
        conflicts: 1,
        errors: [{ line: BATCH_SIZE + 2, column: 'external_id' }],
      });
      const [n] = await server.sql<{ n: number }>(
        sql`select count(*)::int as n from activities where external_id like ${`${prefix}%`}`,
      );
      if (mode === 'skip') {
        expect(report).toMatchObject({ status: 'imported', imported: BATCH_SIZE + 1, skipped: 1 });
        expect(n?.n).toBe(BATCH_SIZE + 1);
      } else {
        expect(report.status).toBe('rejected');
        expect(n?.n).toBe(0);
      }
    },
  );
});
