/**
 * Who a leaderboard ranks (issue 21, items 1, 2 and 8), through the public surface: the
 * `leaderboard` query, the `leaderboardChanged` subscription (ranked in the live hub's memory) and
 * the REST API agree that a seller with nothing in the board's metric has no rank, medal or place
 * in the list (a board without sales is empty, the first sale is the only gold), that rate boards
 * rank only sellers with the minimum sample (LEADERBOARD_MIN_LEADS / LEADERBOARD_MIN_CLOSED,
 * exposed as minimumSample), and that a seller's standing (rank, the next person up, the gap) is
 * served for anyone on the board, also outside the top entries, and pushed when it changes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { LeaderboardFigures } from '../support/graphql.ts';
import { rest } from '../support/rest.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let serial = 0;

beforeAll(async () => {
  // persistent: the last test restarts it with other settings on the same database
  ({ server, org } = await startOrgServer({}, { persistent: true }));
});
afterAll(() => server?.close());

interface Entry extends LeaderboardFigures {
  winRate: number | null;
  user: { name: string };
}
interface Standing {
  rank: number | null;
  sample: number | null;
  gap: number | null;
  entry: { rank: number; revenue: string; user: { name: string } } | null;
  ahead: { rank: number; revenue: string; user: { name: string } } | null;
}
interface Board {
  version: string;
  totalEntries: number;
  unrankedCount: number;
  minimumSample: number | null;
  entries: Entry[];
  standing: Standing | null;
}

const FIELDS = `version totalEntries unrankedCount minimumSample
  entries { rank medal revenue ordersWon leadsCreated opportunitiesClosed conversionRate winRate user { name } }`;
const STANDING = `standing(userId: $u) { rank sample gap entry { rank revenue user { name } } ahead { rank revenue user { name } } }`;
const VARS = `$m: LeaderboardMetric, $p: PeriodType, $d: Date, $l: Int, $u: ID!`;
const QUERY = `query(${VARS}) { leaderboard(metric: $m, periodType: $p, date: $d, limit: $l) { ${FIELDS} ${STANDING} } }`;
// the standing through a fragment: the hub learns from the operation that it must push standings
const SUBSCRIPTION = `subscription($m: LeaderboardMetric, $p: PeriodType, $l: Int, $u: ID!) {
  leaderboardChanged(metric: $m, periodType: $p, limit: $l) { ${FIELDS} ...S } }
  fragment S on Leaderboard { ${STANDING} }`;

async function board(
  vars: { m?: string; p?: string; d?: string; l?: number; u: number },
  as = org.viewer,
): Promise<Board> {
  return dataOf(await server.gql<{ leaderboard: Board }>(QUERY, { ...vars, u: String(vars.u) }, as))
    .leaderboard;
}

async function activity(userId: number, kind: string, at: string | null, amount: string | null = null) {
  await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
    values (${userId}, ${kind}::activity_kind, ${amount}::numeric, ${at === null ? sql`now()` : sql`${at}::timestamptz`},
      ${`rules-${(serial += 1)}`})`);
}

const sellers = async () =>
  Number(
    (
      await server.sql<{ n: number }>(
        sql`select count(*)::int as n from users where active and role in ('REP', 'MANAGER')`,
      )
    )[0]!.n,
  );

const shown = (b: { entries: Entry[] }) => b.entries.map((e) => [e.user.name, e.rank, e.medal]);
const NOT_RANKED = { rank: null, entry: null, ahead: null, gap: null };

describe('who a leaderboard ranks', () => {
  it('ranks nobody before the first sale, and then only those who sold: one gold, no silver for nothing', async () => {
    const everyone = await sellers();
    const client = connect(server.url, await server.token(org.viewer));
    const frames = subscribe<{ leaderboardChanged: Board }>(client, SUBSCRIPTION, {
      p: 'DAILY',
      l: 10,
      u: String(org.reps.east1.id),
    });
    const morning = (await frames.waitFor(() => true)).leaderboardChanged;
    const queried = await board({ p: 'DAILY', u: org.reps.east1.id });
    for (const b of [morning, queried]) {
      expect(b).toMatchObject({ entries: [], totalEntries: 0, unrankedCount: everyone, minimumSample: null });
      expect(b.standing).toEqual({ ...NOT_RANKED, sample: null });
    }
    expect((await board({ p: 'DAILY', m: 'ORDERS', u: org.reps.east1.id })).entries).toEqual([]);
    const restMorning = await rest(server, 'GET', '/api/performance?type=leaderboard&period=daily');
    expect(restMorning).toMatchObject({ status: 200, body: [] });

    await activity(org.reps.east1.id, 'ORDER_WON', null, '250.00');
    const first = await frames.waitFor((f) => f.leaderboardChanged.entries.length > 0);
    expect(shown(first.leaderboardChanged)).toEqual([['Alice Able', 1, 'GOLD']]);
    expect(first.leaderboardChanged).toMatchObject({ totalEntries: 1, unrankedCount: everyone - 1 });
    expect(first.leaderboardChanged.standing).toMatchObject({ rank: 1, ahead: null, gap: null });
    expect(shown(await board({ p: 'DAILY', u: org.reps.east1.id }))).toEqual([['Alice Able', 1, 'GOLD']]);
    const restFirst = await rest<{ rank: number; medal: string; user_name: string }[]>(
      server,
      'GET',
      '/api/performance?type=leaderboard&period=daily',
    );
    expect(restFirst.body.map((r) => [r.user_name, r.rank, r.medal])).toEqual([['Alice Able', 1, 'gold']]);

    // a second seller passes her: she is second, the others are still not on the board
    await activity(org.reps.east2.id, 'ORDER_WON', null, '1000.00');
    const second = await frames.waitFor((f) => f.leaderboardChanged.entries.length > 1);
    expect(shown(second.leaderboardChanged)).toEqual([
      ['Bob Baker', 1, 'GOLD'],
      ['Alice Able', 2, 'SILVER'],
    ]);
    expect(second.leaderboardChanged.standing).toEqual({
      rank: 2,
      sample: null,
      gap: 750,
      entry: { rank: 2, revenue: '250.00', user: { name: 'Alice Able' } },
      ahead: { rank: 1, revenue: '1000.00', user: { name: 'Bob Baker' } },
    });
    expect(frames.errors).toEqual([]);
    frames.stop();
    await client.dispose();
  });

  it('serves a standing outside the top entries and pushes it when only that seller moves', async () => {
    // today so far: Bob 1,000, Alice 250 (the test above)
    const carol = org.reps.west1.id;
    const client = connect(server.url, await server.token(org.reps.west1.email));
    const frames = subscribe<{ leaderboardChanged: Board }>(client, SUBSCRIPTION, {
      p: 'DAILY',
      l: 1,
      u: String(carol),
    });
    await frames.waitFor(() => true);
    await activity(carol, 'ORDER_WON', null, '100.00');
    const third = await frames.waitFor((f) => f.leaderboardChanged.standing?.rank === 3);
    expect(shown(third.leaderboardChanged)).toEqual([['Bob Baker', 1, 'GOLD']]); // limit 1
    expect(third.leaderboardChanged.standing).toMatchObject({
      rank: 3,
      gap: 150,
      entry: { rank: 3, revenue: '100.00', user: { name: 'Carol Cruz' } },
      ahead: { rank: 2, user: { name: 'Alice Able' } },
    });
    // the top entry does not change, her standing does: a new frame
    await activity(carol, 'ORDER_WON', null, '60.00');
    const closer = await frames.waitFor((f) => f.leaderboardChanged.standing?.gap === 90);
    expect(shown(closer.leaderboardChanged)).toEqual([['Bob Baker', 1, 'GOLD']]);
    const queried = await board({ p: 'DAILY', l: 1, u: carol }, org.reps.west1.email);
    expect(queried.standing).toEqual(closer.leaderboardChanged.standing);

    await activity(carol, 'ORDER_WON', null, '100.00');
    const passed = await frames.waitFor((f) => f.leaderboardChanged.standing?.rank === 2);
    expect(passed.leaderboardChanged.standing).toMatchObject({
      gap: 740,
      ahead: { user: { name: 'Bob Baker' } },
    });
    // someone who is no seller of the board has no standing
    const admin = (
      await server.sql<{ id: number }>(sql`select id from users where role = 'ADMIN' limit 1`)
    )[0]!;
    expect((await board({ p: 'DAILY', u: admin.id })).standing).toBeNull();
    expect(frames.errors).toEqual([]);
    frames.stop();
    await client.dispose();
  });

  it('ranks a rate only from the minimum sample, says what it is, and takes it from the configuration', async () => {
    const day = '2025-06-10T12:00:00Z';
    const [alice, bob, carol] = [org.reps.east1.id, org.reps.east2.id, org.reps.west1.id];
    // Carol: 1 lead, 3 orders (300 %); Alice: 5 leads, 2 orders (40 %), 3 lost; Bob: 6 leads, 1 order
    for (const [user, leads, orders, lost] of [
      [carol, 1, 3, 0],
      [alice, 5, 2, 3],
      [bob, 6, 1, 0],
    ] as const) {
      for (let i = 0; i < leads; i += 1) await activity(user, 'LEAD_CREATED', day);
      for (let i = 0; i < orders; i += 1) await activity(user, 'ORDER_WON', day, '100.00');
      for (let i = 0; i < lost; i += 1) await activity(user, 'OPPORTUNITY_LOST', day);
    }
    const june = { p: 'MONTHLY', d: '2025-06-10' };
    const conversion = await board({ ...june, m: 'CONVERSION_RATE', u: carol });
    expect(conversion.minimumSample).toBe(5);
    expect(conversion.entries.map((e) => [e.user.name, e.rank, e.conversionRate, e.leadsCreated])).toEqual([
      ['Alice Able', 1, 40, 5],
      ['Bob Baker', 2, 16.67, 6],
    ]);
    expect(conversion.unrankedCount).toBe((await sellers()) - 2);
    expect(conversion.standing).toEqual({ ...NOT_RANKED, sample: 1 }); // Carol: 1 of 5 leads
    expect((await board({ ...june, m: 'CONVERSION_RATE', u: bob })).standing).toMatchObject({
      rank: 2,
      sample: 6,
      gap: 23.33,
      ahead: { user: { name: 'Alice Able' } },
    });
    const win = await board({ ...june, m: 'WIN_RATE', u: bob });
    expect(win.minimumSample).toBe(5);
    expect(win.entries.map((e) => [e.user.name, e.winRate, e.opportunitiesClosed])).toEqual([
      ['Alice Able', 40, 5],
    ]);
    expect(win.standing).toEqual({ ...NOT_RANKED, sample: 1 });
    expect((await board({ ...june, m: 'REVENUE', u: bob })).minimumSample).toBeNull();
    const restConversion = await rest<{ user_name: string }[]>(
      server,
      'GET',
      '/api/performance?type=leaderboard&period=monthly&date=2025-06-10&metric=conversion_rate',
    );
    expect(restConversion.body.map((r) => r.user_name)).toEqual(['Alice Able', 'Bob Baker']);

    // the minimums are settings: at 1 lead and 1 decided deal, Carol's 300 % tops the board
    await server.restart({ LEADERBOARD_MIN_LEADS: '1', LEADERBOARD_MIN_CLOSED: '1' });
    const loose = await board({ ...june, m: 'CONVERSION_RATE', u: carol });
    expect(loose.minimumSample).toBe(1);
    expect(loose.entries.map((e) => [e.user.name, e.conversionRate])).toEqual([
      ['Carol Cruz', 300],
      ['Alice Able', 40],
      ['Bob Baker', 16.67],
    ]);
    expect((await board({ ...june, m: 'WIN_RATE', u: carol })).entries.map((e) => e.user.name)).toEqual([
      'Bob Baker',
      'Carol Cruz',
      'Alice Able',
    ]);
    for (const name of ['LEADERBOARD_MIN_LEADS', 'LEADERBOARD_MIN_CLOSED']) {
      expect(() => loadConfig({ [name]: '0' })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: '0' })).toThrow(name);
    }
  });
});
