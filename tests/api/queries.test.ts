/**
 * The values the read queries return (their permissions are tested in roles*.test.ts): trends,
 * teamPerformance, performanceSummary, currentPerformance and performance(date), over a small,
 * hand-made history whose every expected figure is worked out below.
 *
 * History (organisation time zone UTC, every activity at 10:00):
 *   Alice (East)  2025-01-15: 4 leads, 2 opportunities, 1 order 1000.10, 1 lost, 3 calls
 *                 2025-03-10: 2 leads, 2 orders 250.25 each, 1 meeting
 *                 now:        1 lead, 1 order 300.00
 *   Bob (East)    2025-03-05: 5 leads, 1 order 2000.01, 3 lost
 *   Carol (West)  2025-03-20: 1 lead, 2 orders 60.00 + 40.00
 *   Walt (West manager, inserted with plain SQL, as another system would)
 *                 2025-03-21: 1 order 100.00, 2 quotations sent, 1 accepted
 *   Erin (East manager): nothing.
 * February 2025 has no activity at all; Alice holds one badge, awarded by hand.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, periodStart } from '../../api/domain/periods.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
let ids: { alice: string; bob: string; carol: string; erin: string; walt: string };
/** When Alice's current activity happened. */
let now: Date;

interface Period {
  periodType: string;
  periodStart: string;
  periodEnd: string;
  user: { name: string };
  leadsCreated: number;
  opportunitiesCreated: number;
  quotationsSent: number;
  quotationsAccepted: number;
  ordersWon: number;
  opportunitiesLost: number;
  revenue: string;
  calls: number;
  emails: number;
  meetings: number;
  avgDealSize: string | null;
  conversionRate: number | null;
  winRate: number | null;
  quotationAcceptanceRate: number | null;
}

const PERIOD = `periodType periodStart periodEnd user { name } leadsCreated opportunitiesCreated quotationsSent
  quotationsAccepted ordersWon opportunitiesLost revenue calls emails meetings avgDealSize conversionRate winRate
  quotationAcceptanceRate`;

/** A period with nothing in it: zero counts, "0.00" revenue, no rates. */
function empty(name: string, periodType: string, start: string, end: string): Period {
  return {
    periodType,
    periodStart: start,
    periodEnd: end,
    user: { name },
    leadsCreated: 0,
    opportunitiesCreated: 0,
    quotationsSent: 0,
    quotationsAccepted: 0,
    ordersWon: 0,
    opportunitiesLost: 0,
    revenue: '0.00',
    calls: 0,
    emails: 0,
    meetings: 0,
    avgDealSize: null,
    conversionRate: null,
    winRate: null,
    quotationAcceptanceRate: null,
  };
}

/** Alice's January 2025: conversion 1/4 = 25 %, win rate 1/(1+1) = 50 %. */
const aliceJanuary = (periodType: string, start: string, end: string): Period => ({
  ...empty('Alice Able', periodType, start, end),
  leadsCreated: 4,
  opportunitiesCreated: 2,
  ordersWon: 1,
  opportunitiesLost: 1,
  revenue: '1000.10',
  calls: 3,
  avgDealSize: '1000.10',
  conversionRate: 25,
  winRate: 50,
});

/** Alice's March 2025: 2 orders from 2 leads (100 %), none lost (100 %), 500.50 / 2 = 250.25. */
const aliceMarch = (periodType: string, start: string, end: string): Period => ({
  ...empty('Alice Able', periodType, start, end),
  leadsCreated: 2,
  ordersWon: 2,
  revenue: '500.50',
  meetings: 1,
  avgDealSize: '250.25',
  conversionRate: 100,
  winRate: 100,
});

type Spec = [userId: string, kind: string, day: string, times?: number, amount?: string];

async function record(specs: Spec[]): Promise<void> {
  let n = 0;
  const activities = specs.flatMap(([userId, kind, day, times = 1, amount]) =>
    Array.from({ length: times }, () => ({
      userId,
      kind,
      occurredAt: day.includes('T') ? day : `${day}T10:00:00Z`,
      externalId: `q-${(n += 1)}`,
      ...(amount === undefined ? {} : { amount }),
    })),
  );
  const result = dataOf(
    await server.gql<{ recordActivities: { recorded: number } }>(
      'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
      { a: activities },
      org.admin,
    ),
  );
  expect(result.recordActivities.recorded).toBe(activities.length);
}

beforeAll(async () => {
  // its fixed instants and expectations are written for an organisation on UTC (also in the
  // pinned-date runs, .ci/pinned-dates, which move other tests' organisations to other zones)
  ({ server, org } = await startOrgServer({ TZ_NAME: 'UTC' }));
  const managers = await server.sql<{ email: string; id: number }>(
    sql`select email, id from users where role = 'MANAGER'`,
  );
  const managerId = (email: string) => String(managers.find((m) => m.email === email)?.id);
  ids = {
    alice: String(org.reps.east1.id),
    bob: String(org.reps.east2.id),
    carol: String(org.reps.west1.id),
    erin: managerId(org.managers.east),
    walt: managerId(org.managers.west),
  };
  expect(await server.sql(sql`select time_zone from settings`)).toEqual([{ time_zone: 'UTC' }]);
  now = new Date();
  const { alice, bob, carol } = ids;
  await record([
    [alice, 'LEAD_CREATED', '2025-01-15', 4],
    [alice, 'OPPORTUNITY_CREATED', '2025-01-15', 2],
    [alice, 'ORDER_WON', '2025-01-15', 1, '1000.10'],
    [alice, 'OPPORTUNITY_LOST', '2025-01-15'],
    [alice, 'CALL', '2025-01-15', 3],
    [alice, 'LEAD_CREATED', '2025-03-10', 2],
    [alice, 'ORDER_WON', '2025-03-10', 2, '250.25'],
    [alice, 'MEETING', '2025-03-10'],
    [alice, 'LEAD_CREATED', now.toISOString()],
    [alice, 'ORDER_WON', now.toISOString(), 1, '300.00'],
    [bob, 'LEAD_CREATED', '2025-03-05', 5],
    [bob, 'ORDER_WON', '2025-03-05', 1, '2000.01'],
    [bob, 'OPPORTUNITY_LOST', '2025-03-05', 3],
    [carol, 'LEAD_CREATED', '2025-03-20'],
    [carol, 'ORDER_WON', '2025-03-20', 1, '60.00'],
    [carol, 'ORDER_WON', '2025-03-20', 1, '40.00'],
  ]);
  await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id) values
    (${Number(ids.walt)}, 'ORDER_WON', 100.00, '2025-03-21T10:00:00Z', 'sql-1'),
    (${Number(ids.walt)}, 'QUOTATION_SENT', null, '2025-03-21T10:00:00Z', 'sql-2'),
    (${Number(ids.walt)}, 'QUOTATION_SENT', null, '2025-03-21T10:00:00Z', 'sql-3'),
    (${Number(ids.walt)}, 'QUOTATION_ACCEPTED', null, '2025-03-21T10:00:00Z', 'sql-4')`);
  dataOf(
    await server.gql(
      'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }',
      { i: { userId: alice, kind: 'Spirit', title: 'Team Player', badgeIcon: '🤝' } },
      org.managers.east,
    ),
  );
});
afterAll(() => server?.close());

describe('trends', () => {
  const TRENDS = `query($u: ID!, $p: PeriodType!, $c: Int, $d: Date) {
    trends(userId: $u, periodType: $p, count: $c, date: $d) { ${PERIOD} }
  }`;
  const trends = async (vars: Record<string, unknown>) =>
    dataOf(await server.gql<{ trends: Period[] }>(TRENDS, { u: ids.alice, ...vars }, org.admin)).trends;

  it('returns the last N months up to the one containing date, oldest first, zero-filled', async () => {
    expect(await trends({ p: 'MONTHLY', c: 4, d: '2025-04-15' })).toEqual([
      aliceJanuary('MONTHLY', '2025-01-01', '2025-01-31'),
      empty('Alice Able', 'MONTHLY', '2025-02-01', '2025-02-28'),
      aliceMarch('MONTHLY', '2025-03-01', '2025-03-31'),
      empty('Alice Able', 'MONTHLY', '2025-04-01', '2025-04-30'),
    ]);
  });

  it('counts 12 periods by default', async () => {
    const months = await trends({ p: 'MONTHLY', d: '2025-04-15' });
    expect(months.map((m) => m.periodStart)).toEqual([
      '2024-05-01',
      '2024-06-01',
      '2024-07-01',
      '2024-08-01',
      '2024-09-01',
      '2024-10-01',
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
    ]);
    expect(months.map((m) => m.revenue)).toEqual([
      ...Array<string>(8).fill('0.00'),
      '1000.10',
      '0.00',
      '500.50',
      '0.00',
    ]);
  });

  it('works in weeks (Monday to Sunday) and quarters', async () => {
    // 2025-01-15 is a Wednesday
    expect(await trends({ p: 'WEEKLY', c: 3, d: '2025-01-15' })).toEqual([
      empty('Alice Able', 'WEEKLY', '2024-12-30', '2025-01-05'),
      empty('Alice Able', 'WEEKLY', '2025-01-06', '2025-01-12'),
      aliceJanuary('WEEKLY', '2025-01-13', '2025-01-19'),
    ]);
    const quarters = await trends({ p: 'QUARTERLY', c: 2, d: '2025-03-31' });
    expect(quarters).toEqual([
      empty('Alice Able', 'QUARTERLY', '2024-10-01', '2024-12-31'),
      {
        // January + March: 3 orders from 6 leads (50 %), 1 lost (75 %), 1500.60 / 3 = 500.20
        ...empty('Alice Able', 'QUARTERLY', '2025-01-01', '2025-03-31'),
        leadsCreated: 6,
        opportunitiesCreated: 2,
        ordersWon: 3,
        opportunitiesLost: 1,
        revenue: '1500.60',
        calls: 3,
        meetings: 1,
        avgDealSize: '500.20',
        conversionRate: 50,
        winRate: 75,
      },
    ]);
  });
});

describe('performance(date)', () => {
  const PERFORMANCE = `query($u: ID!, $p: PeriodType!, $d: Date) {
    performance(userId: $u, periodType: $p, date: $d) { ${PERIOD} }
  }`;
  const performance = async (userId: string, p: string, d?: string) =>
    dataOf(await server.gql<{ performance: Period }>(PERFORMANCE, { u: userId, p, d }, org.admin))
      .performance;

  it('returns the period of periodType that contains date', async () => {
    expect(await performance(ids.alice, 'MONTHLY', '2025-03-31')).toEqual(
      aliceMarch('MONTHLY', '2025-03-01', '2025-03-31'),
    );
    expect(await performance(ids.alice, 'DAILY', '2025-01-15')).toEqual(
      aliceJanuary('DAILY', '2025-01-15', '2025-01-15'),
    );
    expect(await performance(ids.alice, 'DAILY', '2025-01-16')).toEqual(
      empty('Alice Able', 'DAILY', '2025-01-16', '2025-01-16'),
    );
    // Walt's rows came in by plain SQL: the rollups follow all the same
    expect(await performance(ids.walt, 'WEEKLY', '2025-03-23')).toEqual({
      ...empty('Walt West', 'WEEKLY', '2025-03-17', '2025-03-23'),
      ordersWon: 1,
      revenue: '100.00',
      quotationsSent: 2,
      quotationsAccepted: 1,
      avgDealSize: '100.00',
      winRate: 100,
      quotationAcceptanceRate: 50,
    });
  });

  it('sums the year', async () => {
    const year = await performance(ids.alice, 'YEARLY', '2025-07-01');
    expect(year).toEqual({
      ...empty('Alice Able', 'YEARLY', '2025-01-01', '2025-12-31'),
      leadsCreated: 6,
      opportunitiesCreated: 2,
      ordersWon: 3,
      opportunitiesLost: 1,
      revenue: '1500.60',
      calls: 3,
      meetings: 1,
      avgDealSize: '500.20',
      conversionRate: 50,
      winRate: 75,
    });
  });

  it('takes the period containing today without a date', async () => {
    const month = await performance(ids.alice, 'MONTHLY');
    expect(month.periodStart).toBe(periodStart('MONTHLY', localDate(now, 'UTC')));
    expect([month.leadsCreated, month.ordersWon, month.revenue, month.conversionRate]).toEqual([
      1,
      1,
      '300.00',
      100,
    ]);
  });
});

describe('currentPerformance', () => {
  const CURRENT = `query($u: ID, $p: PeriodType) { currentPerformance(userId: $u, periodType: $p) { ${PERIOD} } }`;

  it("returns every seller's current month, Alice's sale in it and zeros for the others", async () => {
    const rows = dataOf(
      await server.gql<{ currentPerformance: Period[] }>(CURRENT, {}, org.admin),
    ).currentPerformance;
    const start = periodStart('MONTHLY', localDate(now, 'UTC'));
    expect(rows.map((r) => r.user.name).sort()).toEqual([
      'Alice Able',
      'Bob Baker',
      'Carol Cruz',
      'Erin East',
      'Walt West',
    ]);
    for (const row of rows) {
      expect(row.periodType).toBe('MONTHLY');
      expect(row.periodStart).toBe(start);
      if (row.user.name === 'Alice Able') {
        expect([row.leadsCreated, row.ordersWon, row.revenue, row.avgDealSize, row.conversionRate]).toEqual([
          1,
          1,
          '300.00',
          '300.00',
          100,
        ]);
      } else {
        expect(row).toEqual(empty(row.user.name, 'MONTHLY', start, row.periodEnd));
      }
    }
  });

  it('narrows to one user and any period type', async () => {
    const today = localDate(now, 'UTC');
    const [day, ...more] = dataOf(
      await server.gql<{ currentPerformance: Period[] }>(CURRENT, { u: ids.alice, p: 'DAILY' }, org.admin),
    ).currentPerformance;
    expect(more).toEqual([]);
    expect(day).toEqual({
      ...empty('Alice Able', 'DAILY', today, today),
      leadsCreated: 1,
      ordersWon: 1,
      revenue: '300.00',
      avgDealSize: '300.00',
      conversionRate: 100,
      winRate: 100,
    });
  });
});

describe('performanceSummary', () => {
  interface Summary {
    user: { name: string };
    leadsCreated: number;
    opportunitiesCreated: number;
    ordersWon: number;
    revenue: string;
    avgDealSize: string | null;
    conversionRate: number | null;
    winRate: number | null;
    achievementCount: number;
    firstActivityAt: string | null;
    lastActivityAt: string | null;
  }
  const SUMMARY = `query($u: ID) { performanceSummary(userId: $u) { user { name } leadsCreated opportunitiesCreated
    ordersWon revenue avgDealSize conversionRate winRate achievementCount firstActivityAt lastActivityAt } }`;
  const summaries = async (as: string, u?: string) =>
    dataOf(await server.gql<{ performanceSummary: Summary[] }>(SUMMARY, { u }, as)).performanceSummary.map(
      (s) => ({
        ...s,
        firstActivityAt: s.firstActivityAt && new Date(s.firstActivityAt).toISOString(),
        lastActivityAt: s.lastActivityAt && new Date(s.lastActivityAt).toISOString(),
      }),
    );

  const none = (name: string): Summary => ({
    user: { name },
    leadsCreated: 0,
    opportunitiesCreated: 0,
    ordersWon: 0,
    revenue: '0.00',
    avgDealSize: null,
    conversionRate: null,
    winRate: null,
    achievementCount: 0,
    firstActivityAt: null,
    lastActivityAt: null,
  });

  it('sums the whole history of every seller, by name', async () => {
    const alice: Summary = {
      // 7 leads, 4 orders (57.14 %), 1 lost (80 %), 1800.60 / 4 = 450.15, one badge
      user: { name: 'Alice Able' },
      leadsCreated: 7,
      opportunitiesCreated: 2,
      ordersWon: 4,
      revenue: '1800.60',
      avgDealSize: '450.15',
      conversionRate: 57.14,
      winRate: 80,
      achievementCount: 1,
      firstActivityAt: '2025-01-15T10:00:00.000Z',
      lastActivityAt: now.toISOString(),
    };
    expect(await summaries(org.admin)).toEqual([
      alice,
      {
        // 1 order from 5 leads (20 %), 3 lost (25 %)
        ...none('Bob Baker'),
        leadsCreated: 5,
        ordersWon: 1,
        revenue: '2000.01',
        avgDealSize: '2000.01',
        conversionRate: 20,
        winRate: 25,
        firstActivityAt: '2025-03-05T10:00:00.000Z',
        lastActivityAt: '2025-03-05T10:00:00.000Z',
      },
      {
        // rates are not clamped: 2 orders from 1 lead is 200 %
        ...none('Carol Cruz'),
        leadsCreated: 1,
        ordersWon: 2,
        revenue: '100.00',
        avgDealSize: '50.00',
        conversionRate: 200,
        winRate: 100,
        firstActivityAt: '2025-03-20T10:00:00.000Z',
        lastActivityAt: '2025-03-20T10:00:00.000Z',
      },
      none('Erin East'),
      {
        ...none('Walt West'),
        ordersWon: 1,
        revenue: '100.00',
        avgDealSize: '100.00',
        winRate: 100,
        firstActivityAt: '2025-03-21T10:00:00.000Z',
        lastActivityAt: '2025-03-21T10:00:00.000Z',
      },
    ]);
    expect(await summaries(org.admin, ids.alice)).toEqual([alice]);
    // a REP without userId: their own only
    expect(await summaries(org.reps.east1.email)).toEqual([alice]);
  });
});

describe('teamPerformance', () => {
  interface Team {
    team: { name: string };
    periodType: string;
    periodStart: string;
    periodEnd: string;
    memberCount: number;
    revenue: string;
    ordersWon: number;
    avgRevenuePerMember: string;
    conversionRate: number | null;
    winRate: number | null;
    topPerformer: { name: string } | null;
    members: { user: { name: string }; revenue: string; ordersWon: number }[];
  }
  const TEAMS = `query($t: ID, $p: PeriodType, $d: Date) {
    teamPerformance(teamId: $t, periodType: $p, date: $d) {
      team { name } periodType periodStart periodEnd memberCount revenue ordersWon avgRevenuePerMember
      conversionRate winRate topPerformer { name } members { user { name } revenue ordersWon }
    }
  }`;
  const teams = async (vars: Record<string, unknown>, as = org.admin) =>
    dataOf(await server.gql<{ teamPerformance: Team[] }>(TEAMS, vars, as)).teamPerformance;

  const march = {
    periodType: 'MONTHLY',
    periodStart: '2025-03-01',
    periodEnd: '2025-03-31',
  };
  const east: Team = {
    // Bob 2000.01 + Alice 500.50 + Erin 0 = 2500.51 over 3 members = 833.503… -> 833.50;
    // 3 orders from 7 leads = 42.857… -> 42.86 %; 3 lost -> 3 / 6 = 50 %
    team: { name: 'East' },
    ...march,
    memberCount: 3,
    revenue: '2500.51',
    ordersWon: 3,
    avgRevenuePerMember: '833.50',
    conversionRate: 42.86,
    winRate: 50,
    topPerformer: { name: 'Bob Baker' },
    members: [
      { user: { name: 'Bob Baker' }, revenue: '2000.01', ordersWon: 1 },
      { user: { name: 'Alice Able' }, revenue: '500.50', ordersWon: 2 },
      { user: { name: 'Erin East' }, revenue: '0.00', ordersWon: 0 },
    ],
  };
  const west: Team = {
    // Carol and Walt both sold 100.00: Carol's 2 orders beat Walt's 1 for top performer
    team: { name: 'West' },
    ...march,
    memberCount: 2,
    revenue: '200.00',
    ordersWon: 3,
    avgRevenuePerMember: '100.00',
    conversionRate: 300,
    winRate: 100,
    topPerformer: { name: 'Carol Cruz' },
    members: [
      { user: { name: 'Carol Cruz' }, revenue: '100.00', ordersWon: 2 },
      { user: { name: 'Walt West' }, revenue: '100.00', ordersWon: 1 },
    ],
  };

  it('aggregates each team for the period containing date', async () => {
    expect(await teams({ d: '2025-03-15' })).toEqual([east, west]);
    expect(await teams({ d: '2025-03-15', t: String(org.teams.west) })).toEqual([west]);
    // a manager sees the same figures
    expect(await teams({ d: '2025-03-15', t: String(org.teams.east) }, org.managers.east)).toEqual([east]);
  });

  it('has no top performer and zero averages when nobody sold', async () => {
    const february = await teams({ d: '2025-02-10' });
    expect(february.map((t) => [t.team.name, t.memberCount, t.revenue, t.avgRevenuePerMember])).toEqual([
      ['East', 3, '0.00', '0.00'],
      ['West', 2, '0.00', '0.00'],
    ]);
    expect(february.map((t) => [t.topPerformer, t.conversionRate, t.winRate, t.ordersWon])).toEqual([
      [null, null, null, 0],
      [null, null, null, 0],
    ]);
  });

  it('sums the quarter', async () => {
    const [eastQ1] = await teams({ d: '2025-02-10', p: 'QUARTERLY', t: String(org.teams.east) });
    // Alice 1500.60 (3 orders, 6 leads, 1 lost) + Bob 2000.01 (1 order, 5 leads, 3 lost) = 3500.61;
    // / 3 = 1166.87; 4 orders / 11 leads = 36.36 %; 4 / (4 + 4) = 50 %
    expect(eastQ1).toEqual({
      ...east,
      periodType: 'QUARTERLY',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      revenue: '3500.61',
      ordersWon: 4,
      avgRevenuePerMember: '1166.87',
      conversionRate: 36.36,
      winRate: 50,
      topPerformer: { name: 'Bob Baker' },
      members: [
        { user: { name: 'Bob Baker' }, revenue: '2000.01', ordersWon: 1 },
        { user: { name: 'Alice Able' }, revenue: '1500.60', ordersWon: 3 },
        { user: { name: 'Erin East' }, revenue: '0.00', ordersWon: 0 },
      ],
    });
  });
});
