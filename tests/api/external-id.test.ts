/**
 * externalId is an idempotency key, not a way to lose orders (issue 14, item 5): a replay of the
 * same activity is a duplicate, a different activity under a stored key (or one the batch already
 * used) is a CONFLICT naming `activities.N.externalId`, and the batch stores nothing. Writers that
 * race on one key are compared as committed (Postgres only: PGlite is one connection). The SQL
 * recipes of docs/database-contract.md run here as written there.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../api/db/client.ts';
import { pgErrorOf } from '../../api/core/validation.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type GraphQLResponse, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

const RECORD = `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded duplicates } }`;

interface Activity {
  userId: string;
  kind: string;
  amount?: string | null;
  occurredAt: string;
  externalId: string;
}

const order = (userId: number, amount: string, externalId: string, occurredAt = '2025-06-10T12:00:00Z') => ({
  userId: String(userId),
  kind: 'ORDER_WON',
  amount,
  occurredAt,
  externalId,
});

const record = (as: string, a: Activity[]) =>
  server.gql<{ recordActivities: { recorded: number; duplicates: number } }>(RECORD, { a }, as);

async function stored(
  externalIds: string[],
): Promise<{ external_id: string; user_id: number; amount: string }[]> {
  return server.sql(
    sql`select external_id, user_id, amount::text as amount from activities
        where external_id in ${externalIds} order by external_id`,
  );
}

async function revenue(userId: number, month: string): Promise<string> {
  const [row] = await server.sql<{ revenue: string }>(
    sql`select coalesce(sum(revenue), 0)::numeric(16,2)::text as revenue from sales_performance
        where user_id = ${userId} and period_type = 'MONTHLY' and period_start = ${month}`,
  );
  return row?.revenue ?? '';
}

describe('recordActivities and a taken externalId', () => {
  it('answers CONFLICT when another team’s order holds the key, and stores nothing (the issue)', async () => {
    dataOf(await record(org.managers.east, [order(org.reps.east1.id, '1200.00', 'erp-order-5001')]));
    const before = await revenue(org.reps.west1.id, '2025-06-01');
    const refused = await record(org.managers.west, [order(org.reps.west1.id, '50000.00', 'erp-order-5001')]);
    expect(refused.data).toBeNull();
    expect(errorOf(refused)).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'activities.0.externalId' }],
    });
    expect(await stored(['erp-order-5001'])).toEqual([
      { external_id: 'erp-order-5001', user_id: org.reps.east1.id, amount: '1200.00' },
    ]);
    expect(await revenue(org.reps.west1.id, '2025-06-01')).toBe(before);
  });

  it('is all or nothing: a conflict at index 3 stores none of the batch', async () => {
    dataOf(await record(org.admin, [order(org.reps.east2.id, '10.00', 'taken-3')]));
    const batch = [0, 1, 2, 3, 4].map((i) =>
      order(org.reps.west1.id, `${100 + i}.00`, i === 3 ? 'taken-3' : `batch-3-${i}`),
    );
    const refused = await record(org.admin, batch);
    expect(errorOf(refused)).toMatchObject({
      code: 'CONFLICT',
      fields: [
        { field: 'activities.3.externalId', message: expect.stringContaining('already stored') as unknown },
      ],
    });
    expect(await stored(batch.map((a) => a.externalId))).toEqual([
      { external_id: 'taken-3', user_id: org.reps.east2.id, amount: '10.00' },
    ]);
  });

  it('counts a replay of the same activity as a duplicate, however its values are spelled', async () => {
    const first = [order(org.reps.east1.id, '75.5', 'replay-1', '2025-06-11T10:00:00Z')];
    expect(dataOf(await record(org.admin, first)).recordActivities).toEqual({ recorded: 1, duplicates: 0 });
    const again = [order(org.reps.east1.id, '75.50', 'replay-1', '2025-06-11T12:00:00+02:00')];
    expect(dataOf(await record(org.admin, again)).recordActivities).toEqual({ recorded: 0, duplicates: 1 });
    expect(await stored(['replay-1'])).toHaveLength(1);
  });

  it('names every kind of difference as a conflict: user, kind, amount, instant', async () => {
    const base = order(org.reps.east1.id, '20.00', 'differs-1', '2025-06-12T10:00:00Z');
    dataOf(await record(org.admin, [base]));
    const variants: Activity[] = [
      { ...base, userId: String(org.reps.east2.id) },
      { ...base, kind: 'CALL', amount: null },
      { ...base, amount: '20.01' },
      { ...base, occurredAt: '2025-06-12T10:00:00.001Z' },
    ];
    for (const variant of variants) {
      const refused = await record(org.admin, [variant]);
      expect(errorOf(refused).code, JSON.stringify(variant)).toBe('CONFLICT');
    }
  });

  it('folds a key used twice in one batch: the same activity is a duplicate, a different one a conflict', async () => {
    const twice = [order(org.reps.east1.id, '5.00', 'twice-1'), order(org.reps.east1.id, '5.00', 'twice-1')];
    expect(dataOf(await record(org.admin, twice)).recordActivities).toEqual({ recorded: 1, duplicates: 1 });
    const different = [
      order(org.reps.east1.id, '1.00', 'twice-2-a'),
      order(org.reps.east1.id, '6.00', 'twice-2'),
      order(org.reps.east1.id, '7.00', 'twice-2'),
    ];
    const refused = await record(org.admin, different);
    expect(errorOf(refused)).toMatchObject({
      code: 'CONFLICT',
      fields: [
        { field: 'activities.2.externalId', message: expect.stringContaining('activities.1') as unknown },
      ],
    });
    expect(await stored(['twice-2', 'twice-2-a'])).toEqual([]);
  });
});

/** The ```sql blocks of the contract's section on telling a retry from a conflict, in order. */
function recipes(): string[] {
  const text = readFileSync(new URL('../../docs/database-contract.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## Telling a retry from a conflict'));
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

describe('the SQL recipes of docs/database-contract.md', () => {
  const changed = (recipe: string) => recipe.replaceAll('1250.00', '1300.00');
  const reset = () => server.sql(sql`delete from activities where external_id = 'erp-order-88121'`);

  it('use user 3, who exists here', async () => {
    expect(await server.sql(sql`select id from users where id = 3`)).toEqual([{ id: 3 }]);
  });

  it('in the insert: a row when stored, none for a retry, unique_violation for a different activity', async () => {
    const [recipe] = recipes();
    if (!recipe) throw new Error('no recipe in the contract');
    await reset();
    expect(await server.sql(sql.raw(recipe))).toHaveLength(1);
    expect(await server.sql(sql.raw(recipe))).toHaveLength(0);
    const error: unknown = await server.sql(sql.raw(changed(recipe))).catch((e: unknown) => e);
    expect(pgErrorOf(error)).toMatchObject({ code: '23505' });
    expect(JSON.stringify(pgErrorOf(error))).toContain('activities_external_id_key');
    expect(String((pgErrorOf(error) as { message?: string }).message)).toContain(
      'is already stored for a different activity',
    );
    expect(await stored(['erp-order-88121'])).toEqual([
      { external_id: 'erp-order-88121', user_id: 3, amount: '1250.00' },
    ]);
  });

  it('after DO NOTHING: the comparison in the same transaction tells a retry from a conflict', async () => {
    const [, recipe] = recipes();
    if (!recipe) throw new Error('no second recipe in the contract');
    const [insert, compare] = recipe.split(/;\s*\n\s*\n/);
    const run = (changes: (s: string) => string) =>
      server.app.database.db.transaction(async (tx) => ({
        inserted: (await rows(tx, sql.raw(changes(insert ?? '')))).length,
        compared: await rows<{ conflict: boolean }>(tx, sql.raw(changes(compare ?? ''))),
      }));
    await reset();
    expect(await run((s) => s)).toEqual({ inserted: 1, compared: [{ conflict: false }] });
    expect(await run((s) => s)).toEqual({ inserted: 0, compared: [{ conflict: false }] });
    expect(await run(changed)).toEqual({ inserted: 0, compared: [{ conflict: true }] });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('writers racing on one key (Postgres)', () => {
  /**
   * Another connection inserts the key and holds its transaction open; recordActivities with the
   * same key then waits for that row's fate. It is compared with the row once committed.
   */
  async function race(
    theirs: { userId: number; amount: string },
    externalId: string,
  ): Promise<GraphQLResponse<{ recordActivities: { recorded: number; duplicates: number } }>> {
    const other = postgres(server.databaseUrl ?? '', { max: 1, onnotice: () => {} });
    try {
      let answer: ReturnType<typeof record> | undefined;
      await other.begin(async (tx) => {
        await tx`insert into activities (user_id, kind, amount, occurred_at, external_id)
          values (${theirs.userId}, 'ORDER_WON', ${theirs.amount}, '2025-06-10T12:00:00Z', ${externalId})`;
        answer = record(org.admin, [order(org.reps.west1.id, '50000.00', externalId)]);
        let settled = false;
        void answer.finally(() => (settled = true));
        // committed only once the API's insert waits for this transaction's row (read outside
        // it: a transaction sees one snapshot of pg_stat_activity)
        while (!settled) {
          const [waiting] = await server.sql<{ n: number }>(
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'
                  and query like 'insert into "activities"%'`,
          );
          if ((waiting?.n ?? 0) > 0) break;
        }
      });
      if (!answer) throw new Error('no request');
      return await answer;
    } finally {
      await other.end();
    }
  }

  it('a different activity committed first is a CONFLICT, not a silent duplicate', async () => {
    const answer = await race({ userId: org.reps.east1.id, amount: '1200.00' }, 'race-1');
    expect(errorOf(answer)).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'activities.0.externalId' }],
    });
    expect(await stored(['race-1'])).toEqual([
      { external_id: 'race-1', user_id: org.reps.east1.id, amount: '1200.00' },
    ]);
  });

  it('the same activity committed first is a duplicate', async () => {
    const answer = await race({ userId: org.reps.west1.id, amount: '50000.00' }, 'race-2');
    expect(dataOf(answer).recordActivities).toEqual({ recorded: 0, duplicates: 1 });
  });
});
