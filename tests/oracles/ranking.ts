/**
 * The leaderboard's ranking in plain JavaScript over every seller of a board: the reference the
 * production rankings are tested against (tests/api/leaderboard-ranking.test.ts) — Postgres's
 * (rankedBoard, for queries) and the live hub's (rankSellers, from memory). Slow and simple on
 * purpose: every seller read, every rank computed, then sorted by (rank, name, id).
 */
import { sql } from 'drizzle-orm';
import type { LeaderboardMetric, PeriodType } from '../../schema/db/constants.ts';
import { rows as rowsOf, type Queryable } from '../../api/db/client.ts';
import { boardScore, competitionRanks, medalFor, type RateMinimums } from '../../api/domain/ranking.ts';
import { figuresOf } from '../../api/modules/leaderboard/leaderboard.mapping.ts';
import type { LeaderboardEntry } from '../../api/modules/leaderboard/leaderboard.type.ts';

export interface BoardRow {
  user_id: number;
  name: string;
  revenue: string;
  orders_won: number;
  leads_created: number;
  opportunities_lost: number;
}

/**
 * Every seller in scope with their figures for the period (zeros when they have no rollup): one
 * statement. The reference the ranked statement below is tested against (with rankBoard).
 */
export function boardRows(
  db: Queryable,
  periodType: PeriodType,
  periodStart: string,
  teamId: number | null,
): Promise<BoardRow[]> {
  return rowsOf<BoardRow>(
    db,
    sql`select u.id as user_id, u.name,
          coalesce(sp.revenue, 0)::text as revenue,
          coalesce(sp.orders_won, 0)::int as orders_won,
          coalesce(sp.leads_created, 0)::int as leads_created,
          coalesce(sp.opportunities_lost, 0)::int as opportunities_lost
        from users u
        left join sales_performance sp
          on sp.user_id = u.id and sp.period_type = ${periodType}::period_type and sp.period_start = ${periodStart}::date
        where u.active and u.role in ('REP', 'MANAGER') ${teamId === null ? sql`` : sql`and u.team_id = ${teamId}`}`,
  );
}

/**
 * The whole ranking in JavaScript, over boardRows: the reference that rankedBoard (the ranking
 * Postgres does for queries) and rankSellers (the live hub's) are tested against. Ranked sellers
 * only, best first. `previous`: boardRows of the previous period (the same sellers), whose
 * ranking on the metric gives each entry's previousRank.
 */
export function rankBoard(
  rows: BoardRow[],
  metric: LeaderboardMetric,
  minimums: RateMinimums,
  previous: readonly BoardRow[] = [],
): LeaderboardEntry[] {
  const scored = rows.map((r) => ({ ...r, figures: figuresOf(r) }));
  const before = previous.map((r) => ({ id: r.user_id, score: boardScore(metric, figuresOf(r), minimums) }));
  const beforeRanks = competitionRanks(before, (b) => b.score);
  const previousRank = new Map(
    before.flatMap((b, i) => (b.score === null ? [] : [[b.id, beforeRanks[i] ?? 0] as const])),
  );
  const ranksOn = (m: LeaderboardMetric) =>
    competitionRanks(scored, (s) => boardScore(m, s.figures, minimums));
  const revenueRanks = ranksOn('REVENUE');
  const ordersRanks = ranksOn('ORDERS');
  const conversionRanks = ranksOn('CONVERSION_RATE');
  const winRanks = ranksOn('WIN_RATE');
  const byMetric = {
    REVENUE: revenueRanks,
    ORDERS: ordersRanks,
    CONVERSION_RATE: conversionRanks,
    WIN_RATE: winRanks,
  }[metric];
  const entries = scored
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => boardScore(metric, s.figures, minimums) !== null)
    .map(({ s, i }): LeaderboardEntry & { name: string } => {
      const rank = byMetric[i] ?? scored.length;
      return {
        userId: s.user_id,
        name: s.name,
        rank,
        previousRank: previousRank.get(s.user_id) ?? null,
        medal: medalFor(rank),
        revenue: s.revenue,
        ordersWon: s.orders_won,
        leadsCreated: s.figures.leads,
        opportunitiesClosed: s.figures.decided,
        conversionRate: s.figures.conversion,
        winRate: s.figures.win,
        revenueRank: revenueRanks[i] ?? 0,
        ordersRank: ordersRanks[i] ?? 0,
        conversionRank: conversionRanks[i] ?? 0,
        winRateRank: winRanks[i] ?? 0,
      };
    });
  entries.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name) || a.userId - b.userId);
  return entries.map(({ name: _name, ...entry }) => entry);
}
