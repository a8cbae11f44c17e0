/**
 * leaderboardChanged over a real graphql-ws socket: the first frame is the current board (the same
 * one the `leaderboard` query returns for the same arguments), then only newer versions of boards
 * whose content changed, with strictly increasing versions; team boards ignore other teams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';
import { fence, settle, until, upTo } from '../support/wait.ts';
import { connect, subscribe, type Frames } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

const FIELDS = `periodType periodStart periodEnd metric totalEntries team { id } version
  entries { rank medal user { id name } revenue ordersWon conversionRate winRate revenueRank ordersRank conversionRank }`;
const SUB = `subscription($p: PeriodType, $m: LeaderboardMetric, $t: ID, $l: Int) {
  leaderboardChanged(periodType: $p, metric: $m, teamId: $t, limit: $l) { ${FIELDS} } }`;
const QUERY = `query($p: PeriodType, $m: LeaderboardMetric, $t: ID, $l: Int) {
  leaderboard(periodType: $p, metric: $m, teamId: $t, limit: $l) { ${FIELDS} } }`;

interface Entry {
  rank: number;
  user: { id: string; name: string };
  revenue: string;
  ordersWon: number;
}
interface Board {
  periodType: string;
  periodStart: string;
  metric: string;
  team: { id: string } | null;
  version: string;
  entries: Entry[];
}
type BoardFrame = { leaderboardChanged: Board };
type Args = { p?: string; m?: string; t?: string; l?: number };

const record = (userId: number, kind: string, amount?: string, on = server) =>
  recordActivity(on, { userId, kind, ...(amount === undefined ? {} : { amount }) });

function versionsIncrease(frames: Frames<BoardFrame>): void {
  const versions = frames.values.map((f) => BigInt(f.leaderboardChanged.version));
  for (let i = 1; i < versions.length; i += 1) expect(versions[i]! > versions[i - 1]!).toBe(true);
}

const withoutVersion = ({ version: _v, ...rest }: Board) => rest;
const names = (b: Board) => b.entries.map((e) => e.user.name);
const entryOf = (f: BoardFrame, name: string) =>
  f.leaderboardChanged.entries.find((e) => e.user.name === name);

beforeAll(async () => {
  // rate boards rank from 1 lead / 1 decided deal here: these tests are about the arguments;
  // its instants and period expectations are written for UTC (also in the pinned-date runs)
  ({ server, org } = await startOrgServer({
    TZ_NAME: 'UTC',
    LEADERBOARD_MIN_LEADS: '1',
    LEADERBOARD_MIN_CLOSED: '1',
  }));
  const { east1: alice, east2: bob, west1: carol } = org.reps;
  // REVENUE: Bob 500 > Alice 300 > Carol 150; ORDERS: Carol 3 > Alice 2 > Bob 1;
  // CONVERSION: Bob 100 % > Alice 50 % > Carol 30 %. The managers sell nothing: not ranked.
  for (const amount of ['100.00', '200.00']) await record(alice.id, 'ORDER_WON', amount);
  for (let i = 0; i < 4; i += 1) await record(alice.id, 'LEAD_CREATED');
  await record(bob.id, 'ORDER_WON', '500.00');
  await record(bob.id, 'LEAD_CREATED');
  for (let i = 0; i < 3; i += 1) await record(carol.id, 'ORDER_WON', '50.00');
  for (let i = 0; i < 10; i += 1) await record(carol.id, 'LEAD_CREATED');
  await record(carol.id, 'OPPORTUNITY_LOST');
});
afterAll(() => server?.close());

describe('leaderboardChanged arguments and snapshot', () => {
  it('sends first the board the query returns, for every argument combination', async () => {
    const cases: Args[] = [
      {},
      { m: 'ORDERS' },
      { m: 'CONVERSION_RATE' },
      { m: 'WIN_RATE' },
      { t: String(org.teams.west) },
      { l: 2 },
      { p: 'WEEKLY' },
      { p: 'DAILY', m: 'ORDERS' },
      { p: 'YEARLY', m: 'ORDERS', t: String(org.teams.east), l: 1 },
    ];
    const client = connect(server.url, await server.token(org.viewer));
    for (const args of cases) {
      const frames = subscribe<BoardFrame>(client, SUB, args);
      const first = (await frames.waitFor(() => true)).leaderboardChanged;
      const expected = dataOf(await server.gql<{ leaderboard: Board }>(QUERY, args, org.viewer)).leaderboard;
      expect(withoutVersion(first), JSON.stringify(args)).toEqual(withoutVersion(expected));
      expect(BigInt(first.version) > 0n).toBe(true);
      frames.stop();
    }
    await client.dispose();
  });

  it('honours metric, team, limit and periodType', async () => {
    const client = connect(server.url, await server.token(org.reps.east1.email));
    const first = async (args: Args) => {
      const frames = subscribe<BoardFrame>(client, SUB, args);
      const board = (await frames.waitFor(() => true)).leaderboardChanged;
      frames.stop();
      return board;
    };
    const revenue = await first({});
    expect(revenue.metric).toBe('REVENUE');
    expect(revenue.periodType).toBe('MONTHLY');
    expect(names(revenue).slice(0, 3)).toEqual(['Bob Baker', 'Alice Able', 'Carol Cruz']);
    expect(names(await first({ m: 'ORDERS' })).slice(0, 3)).toEqual([
      'Carol Cruz',
      'Alice Able',
      'Bob Baker',
    ]);
    expect(names(await first({ m: 'CONVERSION_RATE' })).slice(0, 3)).toEqual([
      'Bob Baker',
      'Alice Able',
      'Carol Cruz',
    ]);
    const west = await first({ t: String(org.teams.west) });
    expect(west.team).toEqual({ id: String(org.teams.west) });
    expect(names(west)).toEqual(['Carol Cruz']); // Walt West, West's manager, sold nothing
    expect((await first({ l: 2 })).entries).toHaveLength(2);
    const weekly = await first({ p: 'WEEKLY' });
    expect(weekly.periodType).toBe('WEEKLY');
    expect(new Date(`${weekly.periodStart}T00:00:00Z`).getUTCDay()).toBe(1); // ISO weeks start on Monday
    const daily = await first({ p: 'DAILY' });
    expect(daily.periodStart).toBe(new Date().toISOString().slice(0, 10));
    await client.dispose();
  });

  it('refuses a bad limit and an unknown team as errors on the subscription', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const badLimit = subscribe<BoardFrame>(client, SUB, { l: 0 });
    const unknownTeam = subscribe<BoardFrame>(client, SUB, { t: '999999' });
    const codes = async (frames: Frames<BoardFrame>) =>
      ((await frames.waitForError()) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code);
    expect(await codes(badLimit)).toEqual(['BAD_USER_INPUT']);
    expect(await codes(unknownTeam)).toEqual(['NOT_FOUND']);
    expect(badLimit.values).toEqual([]);
    expect(unknownTeam.values).toEqual([]);
    await client.dispose();
  });
});

describe('leaderboardChanged updates', () => {
  it('sends every newer version with strictly increasing versions, only to boards that changed', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const revenue = subscribe<BoardFrame>(client, SUB, {});
    const orders = subscribe<BoardFrame>(client, SUB, { m: 'ORDERS' });
    const west = subscribe<BoardFrame>(client, SUB, { t: String(org.teams.west) });
    for (const frames of [revenue, orders, west]) await frames.waitFor(() => true);
    const bobRevenue = (f: BoardFrame) => entryOf(f, 'Bob Baker')?.revenue;
    await record(org.reps.east2.id, 'ORDER_WON', '1000.00');
    await revenue.waitFor((f) => bobRevenue(f) === '1500.00');
    await orders.waitFor(
      (f) => f.leaderboardChanged.entries.find((e) => e.user.name === 'Bob Baker')?.ordersWon === 2,
    );
    await record(org.reps.east2.id, 'ORDER_WON', '1.00');
    await revenue.waitFor((f) => bobRevenue(f) === '1501.00');
    await record(org.reps.east1.id, 'ORDER_WON', '2000.00');
    const last = await revenue.waitFor((f) => f.leaderboardChanged.entries[0]?.user.name === 'Alice Able');
    expect(last.leaderboardChanged.entries[0]?.revenue).toBe('2300.00');
    // the fence: a sale in West, which all three boards show (revenue, orders, West's team)
    const carol = entryOf(revenue.values[0]!, 'Carol Cruz')!;
    await fence(server, () => record(org.reps.west1.id, 'ORDER_WON', '3.00'));
    const carolSold = (f: BoardFrame) => entryOf(f, 'Carol Cruz')?.ordersWon === carol.ordersWon + 1;
    const sent = { revenue: await upTo(revenue, carolSold), orders: await upTo(orders, carolSold) };
    expect(await upTo(west, carolSold)).toHaveLength(1); // only East sold before the fence
    versionsIncrease(revenue);
    versionsIncrease(orders);
    // no frame carries a board identical to the previous one
    for (let i = 1; i < sent.revenue.length; i += 1) {
      expect(sent.revenue[i]!.leaderboardChanged.entries).not.toEqual(
        sent.revenue[i - 1]!.leaderboardChanged.entries,
      );
    }
    expect(sent.orders.length).toBeGreaterThan(1);
    await client.dispose();
  });

  it('sends nothing for a change the board does not show (a CALL)', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const frames = subscribe<BoardFrame>(client, SUB, {});
    await frames.waitFor(() => true);
    await server.app.live.settled();
    const before = server.app.live.stats.recomputations;
    await record(org.reps.east1.id, 'CALL');
    await until(() => server.app.live.stats.recomputations > before, 'the hub to recompute the board');
    // the fence: a sale the board shows
    const first = frames.values[0]!;
    await fence(server, () => record(org.reps.east1.id, 'ORDER_WON', '4.00'));
    const aliceSold = (f: BoardFrame) =>
      entryOf(f, 'Alice Able')?.ordersWon === (entryOf(first, 'Alice Able')?.ordersWon ?? 0) + 1;
    expect(await upTo(frames, aliceSold)).toEqual([first]);
    await client.dispose();
  });
});

describe('leaderboardChanged on a server of its own (hub counters are per process)', () => {
  let solo: TestServer;
  beforeAll(async () => {
    solo = await startTestServer();
    await createOrg(solo); // same ids and emails as `org`: both start from an empty database
  });
  afterAll(() => solo?.close());

  it('does not recompute (nor send) a team board for a sale in another team', async () => {
    const client = connect(solo.url, await solo.token(org.managers.east));
    const east = subscribe<BoardFrame>(client, SUB, { t: String(org.teams.east) });
    await east.waitFor(() => true);
    await settle(solo); // the fixture's own changes are all in
    const { stats } = solo.app.live;
    const recomputations = stats.recomputations;
    const notifications = stats.notifications;
    await record(org.reps.west1.id, 'ORDER_WON', '777.00', solo);
    await settle(solo); // the West sale has been handled, and whatever it caused flushed
    expect(stats.notifications).toBeGreaterThan(notifications);
    expect(stats.recomputations).toBe(recomputations);
    // the fence, and the control: a sale in East does reach the East board, and nothing came before it
    await record(org.reps.east2.id, 'ORDER_WON', '5.00', solo);
    const control = (f: BoardFrame) => f.leaderboardChanged.entries.some((e) => e.revenue === '5.00');
    expect(await upTo(east, control)).toHaveLength(1);
    expect(stats.recomputations).toBeGreaterThan(recomputations);
    versionsIncrease(east);
    await client.dispose();
  });

  it('releases the hub subscription when the client unsubscribes or closes the socket', async () => {
    const hub = solo.app.live;
    await until(() => hub.subscriberCount === 0, 'a quiet hub', { timeoutMs: 3000 }).catch(() => undefined);
    const base = { subscribers: hub.subscriberCount, boards: hub.watchedBoards };
    const client = connect(solo.url, await solo.token(org.managers.east));
    try {
      const board = subscribe<BoardFrame>(client, SUB, { p: 'QUARTERLY', m: 'WIN_RATE' });
      await board.waitFor(() => true);
      const goals = subscribe(client, 'subscription { goalRemoved }');
      const badges = subscribe(client, 'subscription { achievementUnlocked { id } }');
      await until(() => hub.subscriberCount === base.subscribers + 3, 'three hub subscribers');
      expect(hub.watchedBoards).toBe(base.boards + 1);
      board.stop(); // complete: the board nobody watches any more must stop being recomputed
      await until(() => hub.watchedBoards === base.boards, 'the board to be released', { timeoutMs: 2000 });
      goals.stop();
      badges.stop();
    } finally {
      await client.dispose();
    }
    await until(() => hub.subscriberCount === base.subscribers, 'every subscriber to be released', {
      timeoutMs: 2000,
    });
  });
});
