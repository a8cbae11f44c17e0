/**
 * "Why is my number that?" (Goal.contributions, LeaderboardEntry.contributions) through the public
 * surface: the activities listed are exactly the ones the figure counts — their amounts (revenue)
 * or their number add up to the goal's currentValue and the entry's figure, read back page by page
 * — on the period's first and last instant in the organisation's zone (New York), across a DST day
 * (2025-03-09, 23 hours), after activities were deleted, moved out of the period or changed, with
 * ties on occurredAt and an instant to the microsecond; figures pushed with recordPerformance show
 * as `pushed`. Then who may read them (a rep their own, a manager their teams', an admin all, a
 * screen nothing, over HTTP and the WebSocket), the limits on `first` and `after`, that a board's
 * entries are read in one statement whatever their number, and (Postgres) the plan: an index scan.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesQuery } from '../../api/modules/goals/contributions.queries.ts';
import { sumMoney } from '../../api/domain/money.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type GraphQLResponse, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

interface Node {
  id: string;
  kind: string;
  amount: string | null;
  occurredAt: string;
  recordedAt: string;
  recordedVia: string;
  externalId: string;
  user: { id: string };
}
interface Page {
  totalCount: number;
  total: number | null;
  pushed: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  nodes: Node[];
}

const PAGE = `totalCount total pushed hasNextPage endCursor
  nodes { id kind amount occurredAt recordedAt recordedVia externalId user { id } }`;
const GOAL = `query($id: ID!, $first: Int, $after: String) {
  goal(id: $id) { currentValue contributions(first: $first, after: $after) { ${PAGE} } } }`;

/** Alice's orders of March 2025 in New York (EST to 2025-03-09 02:00, then EDT), by external id. */
const IN_MARCH: Record<string, [string, string]> = {
  'mar-first': ['2025-03-01T05:00:00.000Z', '100.00'], // Mar 1 00:00 EST: the month's first instant
  'dst-day-first': ['2025-03-09T05:00:00.000Z', '50.00'], // Mar 9 00:00 EST
  'dst-before': ['2025-03-09T06:59:59.000Z', '10.00'], // 01:59:59 EST
  'dst-after': ['2025-03-09T07:00:00.000Z', '20.00'], // 03:00:00 EDT, one second later
  'dst-day-last': ['2025-03-10T03:59:59.999Z', '30.00'], // Mar 9 23:59:59.999 EDT
  'next-week-first': ['2025-03-10T04:00:00.000Z', '40.00'], // Monday Mar 10 00:00 EDT
  'tie-1': ['2025-03-15T12:00:00.000Z', '1.00'],
  'tie-2': ['2025-03-15T12:00:00.000Z', '2.00'],
  'tie-3': ['2025-03-15T12:00:00.000Z', '3.00'],
  'mar-last': ['2025-04-01T03:59:59.999Z', '5.00'], // Mar 31 23:59:59.999 EDT: the last instant
};
/** Her orders just outside March, and ones that leave it (deleted, moved) or change. */
const AROUND: Record<string, [string, string]> = {
  'feb-last': ['2025-03-01T04:59:59.999Z', '1000.00'], // Feb 28 23:59:59.999 EST
  'apr-first': ['2025-04-01T04:00:00.000Z', '2000.00'], // Apr 1 00:00 EDT
  deleted: ['2025-03-20T15:00:00.000Z', '700.00'],
  moved: ['2025-03-21T15:00:00.000Z', '800.00'],
  changed: ['2025-03-22T15:00:00.000Z', '900.00'],
};
/** After the writes: what March counts of Alice's orders (`micro` and `changed` by direct SQL). */
const ALICE_MARCH = [...Object.keys(IN_MARCH), 'micro', 'changed'];

const goals: Record<string, string> = {};
/** Before anything was recorded (this machine's clock, as the database's: one host). */
let started = 0;

beforeAll(async () => {
  ({ server, org } = await startOrgServer({
    TZ_NAME: 'America/New_York',
    LEADERBOARD_MIN_LEADS: '1',
    EXPOSE_SQL_COUNT: 'true',
    CONTRIBUTIONS_MAX: '50',
  }));
  const alice = org.reps.east1.id;
  started = Date.now();
  await recordActivity(server, [
    ...Object.entries({ ...IN_MARCH, ...AROUND }).map(([externalId, [occurredAt, amount]]) => ({
      userId: alice,
      amount,
      occurredAt,
      externalId,
    })),
    { userId: alice, kind: 'CALL', occurredAt: '2025-03-10T15:00:00Z', externalId: 'call' },
    { userId: alice, kind: 'LEAD_CREATED', occurredAt: '2025-03-11T15:00:00Z', externalId: 'lead' },
    { userId: org.reps.east2.id, amount: '40.00', occurredAt: '2025-03-05T15:00:00Z', externalId: 'bob' },
    {
      userId: org.reps.east2.id,
      kind: 'LEAD_CREATED',
      occurredAt: '2025-03-05T16:00:00Z',
      externalId: 'bob-lead',
    },
    { userId: org.reps.west1.id, amount: '60.00', occurredAt: '2025-03-06T15:00:00Z', externalId: 'carol' },
  ]);
  // an ERP's own writes: an order to the microsecond (after the ties), a deletion, a move, a change
  await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
    values (${alice}, 'ORDER_WON', 0.50, '2025-03-15 12:00:00.000001+00', 'micro')`);
  await server.sql(sql`delete from activities where external_id = 'deleted'`);
  await server.sql(
    sql`update activities set occurred_at = '2025-04-15 15:00+00' where external_id = 'moved'`,
  );
  await server.sql(sql`update activities set amount = 9.00 where external_id = 'changed'`);
  // a pushed figure: Carol's March revenue is 25.00 more than her activities
  dataOf(
    await server.gql(
      `mutation { recordPerformance(input: { userId: "${org.reps.west1.id}", periodType: DAILY,
        periodStart: "2025-03-07", revenue: "25.00" }) { revenue } }`,
      {},
      org.admin,
    ),
  );
  const month = { periodType: 'MONTHLY', periodStart: '2025-03-01', targetValue: 1000 };
  goals.aliceRevenue = await createGoal(server, { userId: alice, metric: 'REVENUE', ...month });
  goals.aliceCalls = await createGoal(server, { userId: alice, metric: 'CALLS', ...month });
  goals.aliceConversion = await createGoal(server, {
    userId: alice,
    metric: 'CONVERSION_RATE',
    ...month,
    targetValue: 50,
  });
  goals.aliceWeek = await createGoal(server, {
    userId: alice,
    metric: 'ORDERS',
    periodType: 'WEEKLY',
    periodStart: '2025-03-03',
  });
  goals.aliceDstDay = await createGoal(server, {
    userId: alice,
    metric: 'REVENUE',
    periodType: 'DAILY',
    periodStart: '2025-03-09',
  });
  goals.east = await createGoal(server, { teamId: org.teams.east, metric: 'REVENUE', ...month });
  goals.carol = await createGoal(server, { userId: org.reps.west1.id, metric: 'REVENUE', ...month });
}, 60_000);
afterAll(() => server?.close());

/** Every page of a goal's contributions, `first` at a time, as `as`. */
async function walkGoal(id: string, first: number, as = org.admin) {
  const pages: Page[] = [];
  let currentValue: number | undefined;
  let after: string | null = null;
  do {
    const response: GraphQLResponse<{ goal: { currentValue: number; contributions: Page } }> =
      await server.gql(GOAL, { id, first, after }, as);
    const { goal } = dataOf(response);
    currentValue = goal.currentValue;
    pages.push(goal.contributions);
    after = goal.contributions.hasNextPage ? goal.contributions.endCursor : null;
  } while (after !== null);
  return { currentValue: currentValue ?? NaN, pages, nodes: pages.flatMap((p) => p.nodes) };
}

const amounts = (nodes: Node[]) => sumMoney(nodes.map((n) => n.amount ?? '0'));

/** Newest first: occurredAt, then id, never increasing; no activity twice. */
function expectNewestFirst(nodes: Node[]) {
  for (let i = 1; i < nodes.length; i += 1) {
    const [a, b] = [nodes[i - 1]!, nodes[i]!];
    const order = Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || Number(a.id) - Number(b.id);
    expect(order, `${a.externalId} before ${b.externalId}`).toBeGreaterThan(0);
  }
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
}

describe('a goal’s contributions', () => {
  it('are exactly the activities its currentValue counts, newest first, page after page', async () => {
    const { currentValue, pages, nodes } = await walkGoal(goals.aliceRevenue!, 5);
    expect(nodes.map((n) => n.externalId).sort()).toEqual([...ALICE_MARCH].sort());
    expect(amounts(nodes)).toBe('270.50');
    expect(Number(amounts(nodes))).toBe(currentValue);
    expect(pages.map((p) => p.nodes.length)).toEqual([5, 5, 2]);
    for (const page of pages) expect(page).toMatchObject({ totalCount: 12, total: 270.5, pushed: 0 });
    expect(pages.at(-1)?.hasNextPage).toBe(false);
    expectNewestFirst(nodes);
    // the period's last instant first, the first instant last; the microsecond after the ties
    expect(nodes[0]?.externalId).toBe('mar-last');
    expect(nodes.at(-1)?.externalId).toBe('mar-first');
    const ties = nodes.map((n) => n.externalId).filter((x) => /^tie|micro/.test(x));
    expect(ties).toEqual(['micro', 'tie-3', 'tie-2', 'tie-1']);
    // how each was recorded, as the activities table has it
    const by = (x: string) => nodes.find((n) => n.externalId === x)!;
    expect(by('tie-1')).toMatchObject({ kind: 'ORDER_WON', amount: '1.00', recordedVia: 'api' });
    expect(by('micro')).toMatchObject({ amount: '0.50', recordedVia: 'sql' });
    expect(by('changed').amount).toBe('9.00');
    expect(by('dst-after').occurredAt).toBe('2025-03-09T07:00:00.000Z');
    expect(Date.parse(by('tie-1').recordedAt)).toBeGreaterThanOrEqual(started - 60_000);
    expect(Date.parse(by('tie-1').recordedAt)).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(new Set(nodes.map((n) => n.user.id))).toEqual(new Set([String(org.reps.east1.id)]));
  });

  it('add up to currentValue on a week and a day across the DST change, counts and a team', async () => {
    const week = await walkGoal(goals.aliceWeek!, 2);
    expect(week.nodes.map((n) => n.externalId).sort()).toEqual(
      ['dst-after', 'dst-before', 'dst-day-first', 'dst-day-last'].sort(),
    );
    expect(week.nodes.length).toBe(week.currentValue);
    expect(week.pages[0]).toMatchObject({ totalCount: 4, total: 4, pushed: 0 });

    const day = await walkGoal(goals.aliceDstDay!, 50);
    expect(day.nodes.map((n) => n.externalId)).toEqual([
      'dst-day-last',
      'dst-after',
      'dst-before',
      'dst-day-first',
    ]);
    expect(Number(amounts(day.nodes))).toBe(day.currentValue);
    expect(day.currentValue).toBe(110);

    const calls = await walkGoal(goals.aliceCalls!, 50);
    expect(calls.nodes.map((n) => [n.externalId, n.kind, n.amount])).toEqual([['call', 'CALL', null]]);
    expect(calls.currentValue).toBe(1);

    const team = await walkGoal(goals.east!, 7);
    expect(Number(amounts(team.nodes))).toBe(team.currentValue);
    expect(team.currentValue).toBe(310.5);
    expect(team.nodes.find((n) => n.externalId === 'bob')?.user.id).toBe(String(org.reps.east2.id));
    expectNewestFirst(team.nodes);
  });

  it('list a rate’s parts, say what pushed figures add, and refuse bad arguments by name', async () => {
    const rate = await walkGoal(goals.aliceConversion!, 50);
    expect(rate.nodes.filter((n) => n.kind === 'LEAD_CREATED').map((n) => n.externalId)).toEqual(['lead']);
    expect(rate.nodes.filter((n) => n.kind === 'ORDER_WON')).toHaveLength(12);
    expect(rate.pages[0]).toMatchObject({ totalCount: 13, total: null, pushed: null });

    const carol = await walkGoal(goals.carol!, 50);
    expect(carol.currentValue).toBe(85);
    expect(carol.pages[0]).toMatchObject({ totalCount: 1, total: 60, pushed: 25 });

    const refused = async (variables: Record<string, unknown>, field: string) => {
      const error = errorOf(await server.gql(GOAL, { id: goals.aliceRevenue, ...variables }, org.admin));
      expect(error, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field }] });
    };
    await refused({ first: 0 }, 'first');
    await refused({ first: 51 }, 'first'); // CONTRIBUTIONS_MAX
    for (const after of [
      '',
      'nope',
      'x'.repeat(200),
      Buffer.from('2025-02-30T00:00:00.000000Z|1').toString('base64url'),
    ])
      await refused({ after }, 'after');
  });
});

const BOARD = `query($metric: LeaderboardMetric!, $limit: Int) {
  leaderboard(periodType: MONTHLY, date: "2025-03-15", metric: $metric, limit: $limit) {
    entries { revenue ordersWon leadsCreated user { id } contributions(first: 50) { ${PAGE} } } } }`;
interface BoardEntry {
  revenue: string;
  ordersWon: number;
  leadsCreated: number;
  user: { id: string };
  contributions: Page | null;
}

describe('a leaderboard entry’s contributions', () => {
  it('add up to its figure on each board, in one statement for all the entries', async () => {
    // Carol has no lead: the conversion board does not rank her
    const ranked = { REVENUE: 3, ORDERS: 3, CONVERSION_RATE: 2 };
    for (const metric of ['REVENUE', 'ORDERS', 'CONVERSION_RATE'] as const) {
      const response = await server.gql<{ leaderboard: { entries: BoardEntry[] } }>(
        BOARD,
        { metric, limit: 10 },
        org.admin,
      );
      const entries = dataOf(response).leaderboard.entries;
      expect(entries.length, metric).toBe(ranked[metric]);
      for (const e of entries) {
        const page = e.contributions!;
        expect(page.hasNextPage).toBe(false);
        const orders = page.nodes.filter((n) => n.kind === 'ORDER_WON');
        const leads = page.nodes.filter((n) => n.kind === 'LEAD_CREATED');
        // a pushed figure is in the board's figure, not in any activity: `pushed` says how much
        expect(sumMoney([amounts(orders), (page.pushed ?? 0).toFixed(2)]), metric).toBe(
          metric === 'REVENUE' ? e.revenue : amounts(orders),
        );
        expect(orders.length + (metric === 'ORDERS' ? (page.pushed ?? 0) : 0)).toBe(e.ordersWon);
        expect(leads.length).toBe(metric === 'CONVERSION_RATE' ? e.leadsCreated : 0);
        expect(page.totalCount).toBe(page.nodes.length);
      }
    }
    // three entries or one: the same statements (the ranking, every page, every total)
    const statements = async (limit: number) =>
      (await server.gql(BOARD, { metric: 'REVENUE', limit }, org.admin)).extensions?.sqlStatements;
    const one = await statements(1);
    expect(one).toEqual(expect.any(Number));
    expect(await statements(3)).toBe(one);
  });
});

describe('who reads contributions', () => {
  const goalOutcome = async (id: string, as: string) => {
    const response = await server.gql(GOAL, { id }, as);
    return response.errors?.length ? errorOf(response).code : 'OK';
  };

  it('a rep their own, a manager their teams’, an admin all, over HTTP', async () => {
    const alice = org.reps.east1.email;
    const erin = org.managers.east;
    const cases: [string, string, string][] = [
      [alice, goals.aliceRevenue!, 'OK'],
      [alice, goals.carol!, 'FORBIDDEN'],
      [alice, goals.east!, 'FORBIDDEN'], // the team's goal lists her teammates' activities
      [erin, goals.aliceRevenue!, 'OK'],
      [erin, goals.east!, 'OK'],
      [erin, goals.carol!, 'FORBIDDEN'],
      [org.managers.west, goals.carol!, 'OK'],
      [org.admin, goals.east!, 'OK'],
      [org.viewer, goals.aliceRevenue!, 'FORBIDDEN'],
    ];
    for (const [as, id, expected] of cases) expect(await goalOutcome(id, as), `${as} ${id}`).toBe(expected);

    // on a board: the entries one may explain, FORBIDDEN on the others' field only
    const seen = async (as: string) => {
      const response = await server.gql<{ leaderboard: { entries: BoardEntry[] } }>(
        BOARD,
        { metric: 'REVENUE', limit: 10 },
        as,
      );
      for (const error of response.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
      return (response.data?.leaderboard.entries ?? [])
        .filter((e) => e.contributions !== null)
        .map((e) => Number(e.user.id))
        .sort();
    };
    const { east1, east2, west1 } = org.reps;
    expect(await seen(alice)).toEqual([east1.id]);
    expect(await seen(erin)).toEqual([east1.id, east2.id].sort());
    expect(await seen(org.admin)).toEqual([east1.id, east2.id, west1.id].sort());
    expect(await seen(org.viewer)).toEqual([]);
  });

  it('a screen nothing over the WebSocket either; a live board sends none', async () => {
    await recordActivity(server, { userId: org.reps.east1.id, amount: '1.00' });
    const live = 'subscription { leaderboardChanged { entries { contributions { totalCount } } } }';
    const tv = connect(server.url, await server.token(org.viewer));
    const admin = connect(server.url, await server.token(org.admin));
    try {
      const codes = async (client: typeof tv) => {
        const frames = subscribe(client, live);
        await frames.waitForError();
        frames.stop();
        return (
          frames.errors.flat() as { extensions?: { code?: string; fields?: { field: string }[] } }[]
        ).map((e) => [e.extensions?.code, e.extensions?.fields?.[0]?.field]);
      };
      expect(await codes(tv)).toContainEqual(['FORBIDDEN', 'LeaderboardEntry.contributions']);
      expect(await codes(admin)).toContainEqual(['BAD_USER_INPUT', 'contributions']);
    } finally {
      await Promise.all([tv.dispose(), admin.dispose()]);
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the plan (Postgres)', () => {
  it('reads a page by an index scan from the cursor, not the seller’s whole history', async () => {
    const [row] = await server.sql<{ id: number }>(
      sql`insert into users (name, email, role, team_id) values ('Heavy Seller', 'heavy@example.com', 'REP', ${org.teams.west}) returning id`,
    );
    await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      select ${row!.id}, (array['ORDER_WON','CALL','EMAIL'])[1 + i % 3]::activity_kind,
        case when i % 3 = 0 then 10 end, timestamptz '2024-01-01' + i * interval '17 minutes', 'heavy-' || i
      from generate_series(1, 30000) as i`);
    await server.sql(sql`analyze activities`);
    const plan = async (userId: number | null, teamId: number | null) =>
      (
        await server.sql<{ 'QUERY PLAN': string }>(
          sql`explain ${pagesQuery([
            {
              subject: { userId, teamId, kinds: ['ORDER_WON'], from: '2024-01-01', to: '2024-12-31' },
              take: 21,
              after: { at: '2024-06-01T00:00:00.000000Z', id: '999999999' },
            },
          ])}`,
        )
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    for (const text of [await plan(row!.id, null), await plan(null, org.teams.west)]) {
      // per seller: the first rows from the cursor back, in index order (no sort of the period's rows)
      expect(text).toMatch(
        /Limit[^\n]*\n\s*-> {2}Index Scan Backward using activities_user_occurred_id_idx on activities/,
      );
      expect(text).toMatch(/Index Cond: [^\n]*ROW\(occurred_at, id\) < ROW/);
      expect(text).not.toMatch(/Seq Scan on activities/);
    }
  });
});
