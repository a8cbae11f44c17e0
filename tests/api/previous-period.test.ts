/**
 * Compared with the previous period: PerformancePeriod.comparedWith and TeamPerformance.comparedWith
 * (the same days of the previous period while the period is partial, the whole of it once it has
 * ended) and LeaderboardEntry.previousRank (the board's ranking at the previous period's close),
 * over HTTP and live, before and after a backdated activity in the previous period. Every
 * expectation is computed from the activities recorded here and the organisation's today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods, daysInPeriod, periodBounds, periodEnd, periodStart } from '../../api/domain/periods.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let today: string;
/** The current month, the previous one, and the days of it a partial current month is compared with. */
let current: string;
let previous: string;
let stretchEnd: string;

/** Sales recorded in the previous month: who, how much, which day of it (1-based). */
type Sale = { who: 'east1' | 'east2' | 'west1'; amount: string; day: number };
const before: Sale[] = [];

const dayOf = (start: string, n: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + (n - 1) * 86_400_000).toISOString().slice(0, 10);

/** An instant an hour into `day` in the organisation's zone. */
function during(day: string): string {
  const { from } = periodBounds('DAILY', day, server.app.org.timeZone);
  return new Date(from.getTime() + 3_600_000).toISOString();
}

async function sellBefore(sale: Sale): Promise<void> {
  before.push(sale);
  await recordActivity(server, {
    userId: org.reps[sale.who].id,
    amount: sale.amount,
    occurredAt: during(dayOf(previous, sale.day)),
  });
}

/** Revenue of the previous month's sales up to `lastDay` (cents), per seller. */
function previousCents(lastDay: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const s of before) {
    if (dayOf(previous, s.day) > lastDay) continue;
    sums.set(s.who, (sums.get(s.who) ?? 0) + Math.round(Number(s.amount) * 100));
  }
  return sums;
}

const money = (cents: number) => (cents / 100).toFixed(2);

/** Standard competition ranks by cents, sellers with none unranked. */
function ranksOf(cents: Map<string, number>): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const [who, c] of cents) {
    if (c > 0) ranks.set(who, 1 + [...cents.values()].filter((o) => o > c).length);
  }
  return ranks;
}

const NAMES = { east1: 'Alice Able', east2: 'Bob Baker', west1: 'Carol Cruz' } as const;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  today = await server.today();
  current = periodStart('MONTHLY', today);
  previous = addPeriods('MONTHLY', current, -1);
  const elapsed = (Date.parse(today) - Date.parse(current)) / 86_400_000 + 1;
  stretchEnd = dayOf(previous, Math.min(elapsed, daysInPeriod('MONTHLY', previous)));
  await sellBefore({ who: 'east2', amount: '500.00', day: 1 });
  await sellBefore({ who: 'east1', amount: '300.00', day: 1 });
  // the previous month's last day: within the compared days only once this month is as long
  await sellBefore({ who: 'west1', amount: '100.00', day: daysInPeriod('MONTHLY', previous) });
  await recordActivity(server, { userId: org.reps.east1.id, amount: '400.00' });
  await recordActivity(server, { userId: org.reps.east2.id, amount: '200.00' });
});
afterAll(() => server?.close());

const CARD = `query($u: ID!, $d: Date) {
  performance(userId: $u, periodType: MONTHLY, date: $d) {
    periodStart revenue partial
    comparedWith { periodStart periodEnd revenue ordersWon periodDays }
  }
}`;
type Card = {
  performance: {
    periodStart: string;
    revenue: string;
    partial: boolean;
    comparedWith: {
      periodStart: string;
      periodEnd: string;
      revenue: string;
      ordersWon: number;
      periodDays: number;
    } | null;
  };
};

const TEAM = `query($t: ID, $d: Date) {
  teamPerformance(periodType: MONTHLY, teamId: $t, date: $d) {
    periodStart revenue team { name }
    comparedWith { periodStart periodEnd revenue ordersWon memberCount }
  }
}`;
type TeamFigures = {
  teamPerformance: {
    periodStart: string;
    revenue: string;
    team: { name: string };
    comparedWith: {
      periodStart: string;
      periodEnd: string;
      revenue: string;
      ordersWon: number;
      memberCount: number;
    } | null;
  }[];
};

const BOARD = `query($d: Date) {
  leaderboard(periodType: MONTHLY, metric: REVENUE, date: $d, limit: 10) {
    entries { rank previousRank user { name } }
  }
}`;
type BoardEntries = { entries: { rank: number; previousRank: number | null; user: { name: string } }[] };

/** previousRank of each listed seller, by name, as the data says. */
function expectedMoves(board: BoardEntries, previousRanks: Map<string, number>) {
  return board.entries.map((e) => {
    const who = (Object.keys(NAMES) as (keyof typeof NAMES)[]).find((k) => NAMES[k] === e.user.name);
    return [e.user.name, who ? (previousRanks.get(who) ?? null) : null];
  });
}

describe('compared with the previous period', () => {
  it('compares a partial month with the same days of the previous one, an ended month with the whole of it', async () => {
    const now = dataOf(await server.gql<Card>(CARD, { u: String(org.reps.east1.id) }, org.admin)).performance;
    expect(now).toMatchObject({ periodStart: current, revenue: '400.00', partial: true });
    expect(now.comparedWith).toMatchObject({
      periodStart: previous,
      periodEnd: stretchEnd,
      revenue: money(previousCents(stretchEnd).get('east1') ?? 0),
      ordersWon: 1,
    });
    // Carol's sale on the previous month's last day counts only when the compared days reach it
    const carol = dataOf(
      await server.gql<Card>(CARD, { u: String(org.reps.west1.id) }, org.admin),
    ).performance;
    expect(carol.comparedWith?.revenue).toBe(money(previousCents(stretchEnd).get('west1') ?? 0));

    // the previous month has ended: compared with the whole month before it (nothing sold then)
    const last = dataOf(
      await server.gql<Card>(CARD, { u: String(org.reps.west1.id), d: previous }, org.admin),
    ).performance;
    const twoBack = addPeriods('MONTHLY', previous, -1);
    expect(last).toMatchObject({ periodStart: previous, revenue: '100.00', partial: false });
    expect(last.comparedWith).toEqual({
      periodStart: twoBack,
      periodEnd: periodEnd('MONTHLY', twoBack),
      revenue: '0.00',
      ordersWon: 0,
      periodDays: daysInPeriod('MONTHLY', twoBack),
    });
  });

  it("compares a team's figures over the same days, and an ended month with the whole previous one", async () => {
    const teams = dataOf(await server.gql<TeamFigures>(TEAM, {}, org.admin)).teamPerformance;
    const sums = previousCents(stretchEnd);
    const east = teams.find((t) => t.team.name === 'East');
    const west = teams.find((t) => t.team.name === 'West');
    expect(east?.comparedWith).toMatchObject({
      periodStart: previous,
      periodEnd: stretchEnd,
      revenue: money((sums.get('east1') ?? 0) + (sums.get('east2') ?? 0)),
      ordersWon: 2,
      memberCount: 3, // the manager sells too
    });
    expect(west?.comparedWith?.revenue).toBe(money(sums.get('west1') ?? 0));

    const ended = dataOf(
      await server.gql<TeamFigures>(TEAM, { t: String(org.teams.west), d: previous }, org.admin),
    ).teamPerformance;
    expect(ended[0]).toMatchObject({ periodStart: previous, revenue: '100.00' });
    expect(ended[0]?.comparedWith).toMatchObject({
      periodStart: addPeriods('MONTHLY', previous, -1),
      revenue: '0.00',
    });
  });

  it("gives each entry its rank at the previous month's close, moved by a backdated sale, live too", async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const frames = subscribe<{ leaderboardChanged: BoardEntries }>(
      client,
      `subscription { leaderboardChanged(periodType: MONTHLY, metric: REVENUE, limit: 10) {
        entries { rank previousRank user { name } }
      } }`,
    );
    const whole = periodEnd('MONTHLY', previous);
    const first = await frames.waitFor(() => true);
    expect(expectedMoves(first.leaderboardChanged, ranksOf(previousCents(whole)))).toEqual(
      first.leaderboardChanged.entries.map((e) => [e.user.name, e.previousRank]),
    );
    // Bob led the previous month (500 to Alice's 300): Alice moved up from 2, Bob down from 1
    expect(first.leaderboardChanged.entries.map((e) => [e.user.name, e.rank, e.previousRank])).toEqual([
      ['Alice Able', 1, 2],
      ['Bob Baker', 2, 1],
    ]);

    // a backdated sale puts Alice ahead in the previous month: her move and Bob's change
    await sellBefore({ who: 'east1', amount: '1000.00', day: 2 });
    const moved = ranksOf(previousCents(whole));
    expect(moved.get('east1')).toBe(1);
    const frame = await frames.waitFor(
      (f) => f.leaderboardChanged.entries.find((e) => e.user.name === 'Alice Able')?.previousRank === 1,
    );
    expect(frame.leaderboardChanged.entries.map((e) => [e.user.name, e.previousRank])).toEqual(
      expectedMoves(frame.leaderboardChanged, moved),
    );
    // a query (from the hub's memory or from SQL) says the same
    const board = dataOf(await server.gql<{ leaderboard: BoardEntries }>(BOARD, {}, org.viewer)).leaderboard;
    expect(board.entries.map((e) => [e.user.name, e.previousRank])).toEqual(expectedMoves(board, moved));
    frames.stop();
    await client.dispose();

    // the previous month's board: nobody was ranked the month before it
    const past = dataOf(
      await server.gql<{ leaderboard: BoardEntries }>(BOARD, { d: previous }, org.viewer),
    ).leaderboard;
    expect(past.entries.map((e) => [e.user.name, e.rank, e.previousRank])).toEqual(
      [...moved]
        .sort((a, b) => a[1] - b[1])
        .map(([who, rank]) => [NAMES[who as keyof typeof NAMES], rank, null]),
    );
  });
});
