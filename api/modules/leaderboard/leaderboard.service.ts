/**
 * Leaderboards: every seller in scope ranked with standard competition ranking (ties share a
 * rank) on each metric; the board's metric orders the entries. Ranking is pure (domain/ranking.ts)
 * so the live hub can reuse it.
 */
import { LIMITS, type LeaderboardMetric, type PeriodType } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { parseMoney, AGGREGATE_INTEGER_DIGITS } from '../../domain/money.ts';
import { periodEnd, periodStart } from '../../domain/periods.ts';
import { competitionRanks, medalFor } from '../../domain/ranking.ts';
import { conversionRate, winRate } from '../../domain/rates.ts';
import { BadInputError, NotFoundError } from '../../errors.ts';
import { optionalId } from '../../graphql/ids.ts';
import { dayOf } from '../performance/performance.service.ts';
import { boardRows, boardVersion, type BoardRow } from './leaderboard.queries.ts';
import type { Leaderboard, LeaderboardEntry } from './leaderboard.type.ts';

export interface LeaderboardArgs {
  periodType: PeriodType;
  date: string | null;
  metric: LeaderboardMetric;
  teamId: string | null;
  limit: number;
}

interface Scored extends BoardRow {
  revenueValue: number;
  conversion: number | null;
  win: number | null;
}

/** Ranks board rows; exported for the live hub and tests. */
export function rankBoard(rows: BoardRow[], metric: LeaderboardMetric): LeaderboardEntry[] {
  const scored: Scored[] = rows.map((r) => ({
    ...r,
    // cents as a number: exact below 2^53 cents (~90 trillion), far above any revenue here
    revenueValue: Number(parseMoney(r.revenue, AGGREGATE_INTEGER_DIGITS) ?? 0n),
    conversion: conversionRate(Math.max(0, r.orders_won), Math.max(0, r.leads_created)),
    win: winRate(Math.max(0, r.orders_won), Math.max(0, r.opportunities_lost)),
  }));
  const revenueRanks = competitionRanks(scored, (s) => s.revenueValue);
  const ordersRanks = competitionRanks(scored, (s) => s.orders_won);
  const conversionRanks = competitionRanks(scored, (s) => s.conversion);
  const winRanks = competitionRanks(scored, (s) => s.win);
  const byMetric = {
    REVENUE: revenueRanks,
    ORDERS: ordersRanks,
    CONVERSION_RATE: conversionRanks,
    WIN_RATE: winRanks,
  }[metric];
  const entries = scored.map((s, i): LeaderboardEntry & { name: string } => {
    const rank = byMetric[i] ?? scored.length;
    return {
      userId: s.user_id,
      name: s.name,
      rank,
      medal: medalFor(rank),
      revenue: s.revenue,
      ordersWon: s.orders_won,
      conversionRate: s.conversion,
      winRate: s.win,
      revenueRank: revenueRanks[i] ?? 0,
      ordersRank: ordersRanks[i] ?? 0,
      conversionRank: conversionRanks[i] ?? 0,
      winRateRank: winRanks[i] ?? 0,
    };
  });
  entries.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name) || a.userId - b.userId);
  return entries.map(({ name: _name, ...entry }) => entry);
}

export interface BoardQuery {
  periodType: PeriodType;
  periodStart: string;
  metric: LeaderboardMetric;
  teamId: number | null;
  limit: number;
}

/** Everything a board shows but its version and time: shared by the query and the live hub. */
export async function computeBoard(
  db: Queryable,
  q: BoardQuery,
): Promise<{ entries: LeaderboardEntry[]; totalEntries: number; dbVersion: string }> {
  const [rows, dbVersion] = await Promise.all([
    boardRows(db, q.periodType, q.periodStart, q.teamId),
    boardVersion(db, q.periodType, q.periodStart, q.teamId),
  ]);
  const entries = rankBoard(rows, q.metric);
  return { entries: entries.slice(0, q.limit), totalEntries: entries.length, dbVersion };
}

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.leaderboardLimit) {
    throw BadInputError.one('limit', `must be between 1 and ${LIMITS.leaderboardLimit}`);
  }
}

export async function leaderboard(ctx: AppContext, args: LeaderboardArgs): Promise<Leaderboard> {
  requireViewer(ctx);
  checkLimit(args.limit);
  const teamId = optionalId(args.teamId, 'Team');
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const start = periodStart(args.periodType, dayOf(ctx, args.date));
  const board = await computeBoard(ctx.db, {
    periodType: args.periodType,
    periodStart: start,
    metric: args.metric,
    teamId,
    limit: args.limit,
  });
  return {
    teamId,
    periodType: args.periodType,
    periodStart: start,
    periodEnd: periodEnd(args.periodType, start),
    metric: args.metric,
    version: board.dbVersion,
    generatedAt: ctx.now,
    totalEntries: board.totalEntries,
    entries: board.entries,
  };
}
