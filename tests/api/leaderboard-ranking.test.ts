/**
 * The leaderboard ranks in Postgres (window functions, only the rows that can make the top N);
 * rankBoard is the same ranking in JavaScript over every seller. On boards full of ties (equal
 * revenue, equal rounded rates, no leads, samples either side of the rate boards' minimum,
 * negative pushed counts, equal and accented names), the two give the same entries for every
 * metric, team and limit — over GraphQL too — and so does the live hub's ranking of the sellers it
 * keeps in memory (rankSellers over boardSellers); every seller's standing (rank, next person up,
 * gap) is the same from memory and from SQL, and what the full ranking says.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../api/seed/demo-random.ts';
import { LEADERBOARD_METRICS } from '../../schema/db/constants.ts';
import { boardSellers, boardVersion } from '../../api/modules/leaderboard/leaderboard.queries.ts';
import { computeBoard } from '../../api/modules/leaderboard/leaderboard.service.ts';
import { figuresOf, rankSellers, scoreSeller } from '../../api/modules/leaderboard/leaderboard.mapping.ts';
import { boardRows, rankBoard, type BoardRow } from '../oracles/ranking.ts';
import type { LeaderboardEntry } from '../../api/modules/leaderboard/leaderboard.type.ts';
import type { LeaderboardMetric } from '../../schema/db/constants.ts';
import type { RateMinimums } from '../../api/domain/ranking.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
const PERIOD = { periodType: 'MONTHLY', periodStart: '2025-03-01' } as const;

const NAMES = [
  'Zoë Zeta',
  'zoe zeta',
  'Émile Ange',
  'Emile Ange',
  'emile ange',
  'Ana',
  'ana',
  'Ängel',
  'Bob',
];

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const next = random(20250301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const teams = [org.teams.east, org.teams.west, null];
  const people = Array.from(
    { length: 70 },
    (_, i) =>
      sql`(${`${pick(NAMES)}${i % 4 === 0 ? '' : ` ${i % 7}`}`}, ${`rank${i}@example.com`}, ${i % 9 === 0 ? 'MANAGER' : 'REP'}, ${pick(teams)})`,
  );
  const ids = await server.sql<{ id: number }>(
    sql`insert into users (name, email, role, team_id) values ${sql.join(people, sql`, `)} returning id`,
  );
  const figures = ids
    .filter(() => next() < 0.85) // some sellers have no rollup row at all
    .map(({ id }) => {
      const won = pick([0, 0, 1, 2, 3, 3, 4, 10, -1]);
      const leads = pick([0, 0, 3, 4, 6, 9, 12, 30, -2]);
      const lost = pick([0, 1, 2, 3, 6, -1]);
      const revenue = pick(['0.00', '100.00', '100.00', '250.50', '250.05', '999999.99', '12.34', '-5.00']);
      return sql`(${id}, 'MONTHLY', '2025-03-01', '2025-03-31', ${leads}, ${won}, ${lost}, ${revenue})`;
    });
  // rates that tie only once rounded to 2 decimals (half up), or that differ only in the 2nd decimal
  const crafted: [won: number, leads: number, lost: number][] = [
    [1, 800, 799], // 0.125 -> 0.13, win 0.125 -> 0.13
    [13, 10_000, 9_987], // 0.13, win 0.13
    [1, 7, 6], // 14.29
    [100, 700, 600], // 14.29
    [1_000, 7_001, 6_001], // 14.28
    [1, 32, 31], // 3.125 -> 3.13
    [313, 10_000, 9_687], // 3.13
    [1, 8, 7], // 12.5
  ];
  const craftedIds = await server.sql<{ id: number }>(
    sql`insert into users (name, email, role, team_id) values ${sql.join(
      crafted.map((_, i) => sql`(${`Crafted ${i}`}, ${`crafted${i}@example.com`}, 'REP', ${org.teams.east})`),
      sql`, `,
    )} returning id`,
  );
  crafted.forEach(([won, leads, lost], i) =>
    figures.push(
      sql`(${craftedIds[i]?.id}, 'MONTHLY', '2025-03-01', '2025-03-31', ${leads}, ${won}, ${lost}, '1000.00')`,
    ),
  );
  await server.sql(sql`insert into sales_performance
    (user_id, period_type, period_start, period_end, leads_created, orders_won, opportunities_lost, revenue)
    values ${sql.join(figures, sql`, `)}`);
});
afterAll(() => server?.close());

const minimums = (): RateMinimums => server.app.org.rateMinimums;

/** A seller's standing as the full ranking says it: their entry, the one at index rank - 2, the gap. */
function referenceStanding(
  rows: BoardRow[],
  full: LeaderboardEntry[],
  metric: LeaderboardMetric,
  userId: number,
) {
  const row = rows.find((r) => r.user_id === userId);
  if (!row) return null;
  const f = figuresOf(row);
  const sample = metric === 'CONVERSION_RATE' ? f.leads : metric === 'WIN_RATE' ? f.decided : null;
  const entry = full.find((e) => e.userId === userId) ?? null;
  if (!entry) return { rank: null, entry: null, sample, ahead: null, gap: null };
  const ahead = full[entry.rank - 2] ?? null;
  const units = (e: LeaderboardEntry) =>
    metric === 'REVENUE'
      ? Math.round(Number(e.revenue) * 100)
      : metric === 'ORDERS'
        ? e.ordersWon * 100
        : Math.round((metric === 'CONVERSION_RATE' ? e.conversionRate! : e.winRate!) * 100);
  const gap = ahead ? (units(ahead) - units(entry)) / 100 : null;
  return { rank: entry.rank, entry, sample, ahead, gap };
}

describe('leaderboard ranking in SQL', () => {
  it('equals the JavaScript ranking of every seller, for every metric, team and limit', async () => {
    const db = server.app.database.db;
    let compared = 0;
    for (const teamId of [null, org.teams.east, org.teams.west]) {
      const rows = await boardRows(db, PERIOD.periodType, PERIOD.periodStart, teamId);
      const version = await boardVersion(db, PERIOD.periodType, PERIOD.periodStart, teamId);
      const inMemory = await boardSellers(db, { ...PERIOD, teamId });
      expect(inMemory.version).toBe(version);
      const scored = new Map(inMemory.sellers.map((s) => [s.id, scoreSeller(s)]));
      for (const metric of LEADERBOARD_METRICS) {
        const reference = rankBoard(rows, metric, minimums());
        for (const limit of [1, 2, 3, 5, 10, 17, 40, 500]) {
          const board = await computeBoard(db, { ...PERIOD, metric, teamId, limit }, minimums());
          expect(board.totalEntries).toBe(reference.length);
          expect(board.unrankedCount).toBe(rows.length - reference.length);
          expect(board.dbVersion).toBe(version);
          expect(board.entries).toEqual(reference.slice(0, limit));
          const { dbVersion: _v, standingOf: _s, ...fromSql } = board;
          const { standingOf: _m, ...fromMemory } = rankSellers(scored, metric, limit, minimums());
          expect(fromMemory).toEqual(fromSql);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(3 * LEADERBOARD_METRICS.length * 8);
  });

  it('gives every seller the same standing from memory and from SQL, as the full ranking says', async () => {
    const db = server.app.database.db;
    const outsider = (
      await server.sql<{ id: number }>(sql`select id from users where role = 'ADMIN' limit 1`)
    )[0]!.id;
    let standings = 0;
    for (const teamId of [null, org.teams.east]) {
      const rows = await boardRows(db, PERIOD.periodType, PERIOD.periodStart, teamId);
      const inMemory = await boardSellers(db, { ...PERIOD, teamId });
      const scored = new Map(inMemory.sellers.map((s) => [s.id, scoreSeller(s)]));
      for (const metric of LEADERBOARD_METRICS) {
        const full = rankBoard(rows, metric, minimums());
        const fromSql = await computeBoard(db, { ...PERIOD, metric, teamId, limit: 3 }, minimums());
        const fromMemory = rankSellers(scored, metric, 3, minimums());
        for (const { user_id: id } of rows) {
          const reference = referenceStanding(rows, full, metric, id);
          const sqlStanding = await fromSql.standingOf(id);
          const memoryStanding = await fromMemory.standingOf(id);
          expect(sqlStanding?.standing).toEqual(reference);
          expect(memoryStanding?.standing).toEqual(reference);
          // the rows the standing shows come with it (no statement to resolve their users)
          const shown = [reference?.entry?.userId, reference?.ahead?.userId].filter((u) => u !== undefined);
          expect(memoryStanding?.users.map((u) => u.id)).toEqual(reference?.entry ? shown : [id]);
          standings += 1;
        }
        expect(await fromSql.standingOf(outsider)).toBeNull();
        expect(fromMemory.standingOf(outsider)).toBeNull();
      }
    }
    expect(standings).toBeGreaterThan(200);
  });

  it('has ties to break: equal ranks on every metric, sellers without rates, equal names', async () => {
    const rows = await boardRows(server.app.database.db, PERIOD.periodType, PERIOD.periodStart, null);
    for (const metric of LEADERBOARD_METRICS) {
      const ranks = rankBoard(rows, metric, minimums()).map((e) => e.rank);
      expect(ranks.length - new Set(ranks).size).toBeGreaterThanOrEqual(10); // places shared
    }
    // sellers below the rate boards' minimum sample, with a rate that would top the board
    const below = rows.filter((r) => r.leads_created > 0 && r.leads_created < minimums().leads);
    expect(below.some((r) => r.orders_won >= r.leads_created)).toBe(true);
    const conversion = rankBoard(rows, 'CONVERSION_RATE', minimums());
    expect(conversion.length).toBeLessThan(rows.length);
    expect(conversion.every((e) => e.leadsCreated >= minimums().leads)).toBe(true);
    const revenue = rankBoard(rows, 'REVENUE', minimums());
    expect(revenue.some((e) => e.conversionRate === null)).toBe(true);
    expect(revenue.every((e) => Number(e.revenue) > 0)).toBe(true);
  });

  it('serves the same board over GraphQL, users included, for a board without sellers too', async () => {
    const rows = await boardRows(server.app.database.db, PERIOD.periodType, PERIOD.periodStart, null);
    const names = new Map(rows.map((r) => [r.user_id, r.name]));
    for (const metric of LEADERBOARD_METRICS) {
      const response = await server.gql<{
        leaderboard: {
          totalEntries: number;
          entries: {
            rank: number;
            user: { id: string; name: string };
            revenue: string;
            winRateRank: number;
          }[];
        };
      }>(
        `query($m: LeaderboardMetric) { leaderboard(periodType: MONTHLY, date: "2025-03-15", metric: $m, limit: 25) {
          totalEntries entries { rank user { id name } revenue winRateRank } } }`,
        { m: metric },
        org.viewer,
      );
      const board = dataOf(response).leaderboard;
      const full = rankBoard(rows, metric, minimums());
      const reference = full.slice(0, 25);
      expect(board.totalEntries).toBe(full.length);
      expect(board.entries.map((e) => [Number(e.user.id), e.user.name, e.rank, e.winRateRank])).toEqual(
        reference.map((e) => [e.userId, names.get(e.userId), e.rank, e.winRateRank]),
      );
    }
    const { standingOf: _s, ...empty } = await computeBoard(
      server.app.database.db,
      { periodType: 'DAILY', periodStart: '2025-03-15', metric: 'REVENUE', teamId: 999_999, limit: 10 },
      minimums(),
    );
    expect(empty).toEqual({
      entries: [],
      totalEntries: 0,
      unrankedCount: 0,
      dbVersion: '0',
      users: [],
      teams: [],
    });
  });
});
