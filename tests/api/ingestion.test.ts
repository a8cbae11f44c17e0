import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => {
  // its instants and period expectations are written for UTC (also in the pinned-date runs)
  ({ server, org } = await startOrgServer({ TZ_NAME: 'UTC' }));
});
afterAll(() => server?.close());

const RECORD = `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded duplicates } }`;
const PERIOD = `query($u: ID!, $t: PeriodType!, $d: Date) {
  performance(userId: $u, periodType: $t, date: $d) {
    periodStart periodEnd leadsCreated ordersWon opportunitiesLost revenue avgDealSize conversionRate winRate calls
  }
}`;

interface Period {
  periodStart: string;
  periodEnd: string;
  leadsCreated: number;
  ordersWon: number;
  opportunitiesLost: number;
  revenue: string;
  avgDealSize: string | null;
  conversionRate: number | null;
  winRate: number | null;
  calls: number;
}

async function period(userId: number, type: string, date: string): Promise<Period> {
  return dataOf(
    await server.gql<{ performance: Period }>(PERIOD, { u: String(userId), t: type, d: date }, org.admin),
  ).performance;
}

describe('recordActivities', () => {
  it('rolls a batch up into all five period types', async () => {
    const u = String(org.reps.east1.id);
    const result = await server.gql(
      RECORD,
      {
        a: [
          {
            userId: u,
            kind: 'ORDER_WON',
            amount: '1000.10',
            occurredAt: '2025-03-31T23:30:00Z',
            externalId: 'i-1',
          },
          {
            userId: u,
            kind: 'ORDER_WON',
            amount: '0.20',
            occurredAt: '2025-04-01T00:30:00Z',
            externalId: 'i-2',
          },
          { userId: u, kind: 'LEAD_CREATED', occurredAt: '2025-04-01T08:00:00Z', externalId: 'i-3' },
          { userId: u, kind: 'OPPORTUNITY_LOST', occurredAt: '2025-04-02T08:00:00Z', externalId: 'i-4' },
          { userId: u, kind: 'CALL', occurredAt: '2025-04-02T09:00:00Z', externalId: 'i-5' },
        ],
      },
      org.managers.east,
    );
    expect(dataOf(result)).toEqual({ recordActivities: { recorded: 5, duplicates: 0 } });
    expect(await period(org.reps.east1.id, 'DAILY', '2025-03-31')).toMatchObject({
      ordersWon: 1,
      revenue: '1000.10',
    });
    expect(await period(org.reps.east1.id, 'WEEKLY', '2025-04-02')).toMatchObject({
      periodStart: '2025-03-31',
      periodEnd: '2025-04-06',
      ordersWon: 2,
      revenue: '1000.30',
      avgDealSize: '500.15',
    });
    expect(await period(org.reps.east1.id, 'MONTHLY', '2025-04-15')).toMatchObject({
      periodStart: '2025-04-01',
      periodEnd: '2025-04-30',
      ordersWon: 1,
      leadsCreated: 1,
      opportunitiesLost: 1,
      revenue: '0.20',
      conversionRate: 100,
      winRate: 50,
      calls: 1,
    });
    expect(await period(org.reps.east1.id, 'QUARTERLY', '2025-02-01')).toMatchObject({
      periodStart: '2025-01-01',
      ordersWon: 1,
    });
    expect(await period(org.reps.east1.id, 'YEARLY', '2025-12-31')).toMatchObject({
      ordersWon: 2,
      revenue: '1000.30',
    });
  });

  it('skips replayed externalIds (no double counting) and reports them as duplicates', async () => {
    const u = String(org.reps.east2.id);
    const batch = [
      {
        userId: u,
        kind: 'ORDER_WON',
        amount: '10.00',
        occurredAt: '2025-05-05T10:00:00Z',
        externalId: 'r-1',
      },
      {
        userId: u,
        kind: 'ORDER_WON',
        amount: '20.00',
        occurredAt: '2025-05-05T11:00:00Z',
        externalId: 'r-2',
      },
    ];
    expect(dataOf(await server.gql(RECORD, { a: batch }, org.admin))).toEqual({
      recordActivities: { recorded: 2, duplicates: 0 },
    });
    const replay = [...batch, { ...batch[0], externalId: 'r-3' }, { ...batch[0], externalId: 'r-3' }];
    expect(dataOf(await server.gql(RECORD, { a: replay }, org.admin))).toEqual({
      recordActivities: { recorded: 1, duplicates: 3 },
    });
    expect(await period(org.reps.east2.id, 'MONTHLY', '2025-05-01')).toMatchObject({
      ordersWon: 3,
      revenue: '40.00',
    });
  });

  it('stores nothing of a batch that fails', async () => {
    const u = String(org.reps.west1.id);
    const before = await server.sql<{ n: number }>(sql`select count(*)::int as n from activities`);
    const response = await server.gql(
      RECORD,
      {
        a: [
          {
            userId: u,
            kind: 'ORDER_WON',
            amount: '10.00',
            occurredAt: '2025-05-05T10:00:00Z',
            externalId: 'f-1',
          },
          { userId: u, kind: 'CALL', amount: '5.00', occurredAt: '2025-05-05T10:00:00Z', externalId: 'f-2' },
        ],
      },
      org.admin,
    );
    expect(errorOf(response)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'activities.1.amount' }],
    });
    expect(await server.sql<{ n: number }>(sql`select count(*)::int as n from activities`)).toEqual(before);
  });

  it('counts rows an ERP inserts with plain SQL exactly like the API', async () => {
    const id = org.reps.west1.id;
    await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      values (${id}, 'ORDER_WON', 1250.00, '2025-06-10T12:00:00Z', 'erp-order-88121')
      on conflict (external_id) do nothing`);
    await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      values (${id}, 'ORDER_WON', 1250.00, '2025-06-10T12:00:00Z', 'erp-order-88121')
      on conflict (external_id) do nothing`);
    expect(await period(id, 'MONTHLY', '2025-06-01')).toMatchObject({ ordersWon: 1, revenue: '1250.00' });
    await expect(
      server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
        values (${id}, 'CALL', 5, now(), 'erp-bad')`),
    ).rejects.toThrow();
    await server.sql(sql`delete from activities where external_id = 'erp-order-88121'`);
    expect(await period(id, 'MONTHLY', '2025-06-01')).toMatchObject({ ordersWon: 0, revenue: '0.00' });
  });

  it('keeps money exact to the cent over many amounts', async () => {
    const u = String(org.reps.west1.id);
    const amounts = Array.from(
      { length: 300 },
      (_, i) => `${(i * 37) % 1000}.${String((i * 13) % 100).padStart(2, '0')}`,
    );
    await server.gql(
      RECORD,
      {
        a: amounts.map((amount, i) => ({
          userId: u,
          kind: 'ORDER_WON',
          amount,
          occurredAt: '2024-02-29T12:00:00Z',
          externalId: `m-${i}`,
        })),
      },
      org.admin,
    );
    const cents = amounts.reduce((sum, a) => sum + BigInt(a.replace('.', '')), 0n);
    const expected = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    expect((await period(org.reps.west1.id, 'DAILY', '2024-02-29')).revenue).toBe(expected);
    expect((await period(org.reps.west1.id, 'YEARLY', '2024-06-01')).revenue).toBe(expected);
  });
});

describe('recordPerformance', () => {
  it('upserts pushed aggregates and moves the periods that contain them', async () => {
    const u = String(org.reps.east2.id);
    const push = `mutation($i: RecordPerformanceInput!) { recordPerformance(input: $i) { periodStart revenue ordersWon conversionRate winRate } }`;
    const first = await server.gql(
      push,
      {
        i: {
          userId: u,
          periodType: 'MONTHLY',
          periodStart: '2024-11-01',
          leadsCreated: 15,
          ordersWon: 3,
          opportunitiesLost: 3,
          revenue: '15000',
        },
      },
      org.managers.east,
    );
    expect(dataOf(first)).toEqual({
      recordPerformance: {
        periodStart: '2024-11-01',
        revenue: '15000.00',
        ordersWon: 3,
        conversionRate: 20,
        winRate: 50,
      },
    });
    const again = await server.gql(
      push,
      { i: { userId: u, periodType: 'MONTHLY', periodStart: '2024-11-01', revenue: '12000' } },
      org.admin,
    );
    expect(dataOf(again)).toMatchObject({ recordPerformance: { revenue: '12000.00', ordersWon: 3 } });
    expect(await period(org.reps.east2.id, 'QUARTERLY', '2024-11-01')).toMatchObject({
      revenue: '12000.00',
      ordersWon: 3,
    });
    expect(await period(org.reps.east2.id, 'YEARLY', '2024-11-01')).toMatchObject({ revenue: '12000.00' });
  });
});
