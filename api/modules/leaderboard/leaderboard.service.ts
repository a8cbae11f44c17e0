/**
 * Leaderboards: every seller in scope ranked with standard competition ranking (ties share a
 * rank) on each metric; the board's metric orders the entries, ties by name (JavaScript's
 * localeCompare) then id. Postgres ranks (window functions) and returns only the rows that can
 * make the top `limit`; rates are computed here for those rows only. The same ranking written in
 * JavaScript (rankBoard, domain/ranking.ts) is the reference the tests compare it with.
 */
import { LIMITS, type LeaderboardMetric, type PeriodType } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { parseMoney, AGGREGATE_INTEGER_DIGITS } from '../../domain/money.ts';
import { periodEnd, periodStart } from '../../domain/periods.ts';
import { competitionRanks, medalFor } from '../../domain/ranking.ts';
import { conversionRate, winRate } from '../../domain/rates.ts';
import { BadInputError, NotFoundError } from '../../errors.ts';
import { optionalId } from '../../graphql/ids.ts';
import { dayOf } from '../performance/performance.service.ts';
import { toUserRow } from '../users/user.queries.ts';
import { rankedBoard, type BoardRow, type RankedBoardRow, type SellerRow } from './leaderboard.queries.ts';
import { LeaderboardEntry, type Leaderboard } from './leaderboard.type.ts';

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

/**
 * The whole ranking in JavaScript, over boardRows: the reference that rankedBoard (the ranking
 * Postgres does for queries and the live hub) is tested against.
 */
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

export interface ComputedBoard {
  entries: LeaderboardEntry[];
  totalEntries: number;
  dbVersion: string;
}

/** The rows a board's entries show, for priming the loaders. */
export interface BoardRows {
  users: UserRow[];
  /** Their teams (distinct). */
  teams: TeamRow[];
}

/** The ranked board's entries, best first (ties by name, then id), with their users' and teams' rows. */
async function rankTop(db: Queryable, q: BoardQuery): Promise<ComputedBoard & BoardRows> {
  const board = await rankedBoard(db, q);
  const top = board.rows
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name) || a.id - b.id)
    .slice(0, q.limit);
  return {
    entries: top.map(toEntry),
    totalEntries: board.total,
    dbVersion: board.version,
    users: top.map(toUserRow),
    teams: teamsOf(top),
  };
}

/** A seller kept in memory by the live hub, with the scores it is ranked on (scoreSeller). */
export interface ScoredSeller {
  row: SellerRow;
  /** Revenue in cents (exact below 2^53 cents). */
  cents: number;
  conversion: number | null;
  win: number | null;
}

/** A seller's scores: computed once per change of their figures, not once per ranking. */
export function scoreSeller(row: SellerRow): ScoredSeller {
  const won = Math.max(0, row.orders_won);
  return {
    row,
    cents: Number(parseMoney(row.revenue, AGGREGATE_INTEGER_DIGITS) ?? 0n),
    conversion: conversionRate(won, Math.max(0, row.leads_created)),
    win: winRate(won, Math.max(0, row.opportunities_lost)),
  };
}

type Score = (s: ScoredSeller) => number | null;
const SCORES: Record<LeaderboardMetric, Score> = {
  REVENUE: (s) => s.cents,
  ORDERS: (s) => s.row.orders_won,
  CONVERSION_RATE: (s) => s.conversion,
  WIN_RATE: (s) => s.win,
};
/** localeCompare's order (the same collation), without building a collator per comparison. */
const byName = new Intl.Collator().compare;

/** Standard competition rank of `score` among `scores`: 1 + the number strictly better (null is worst). */
function rankOf(score: number | null, all: readonly ScoredSeller[], of: Score): number {
  let better = 0;
  for (const s of all) {
    const other = of(s);
    if (other !== null && (score === null || other > score)) better += 1;
  }
  return better + 1;
}

/**
 * The board ranked in JavaScript over sellers kept in memory: what the live hub does between
 * reads of a board (boardSellers), so a change costs no statement. The same entries as
 * computeBoard and rankBoard on the same figures (tests hold them equal): ordered by the metric
 * (higher first, no rate last), ties by name then id; each entry's four ranks are 1 + the number
 * of sellers strictly better on that metric. One sort, then limit × 3 counts.
 */
export function rankSellers(
  sellers: ReadonlyMap<number, ScoredSeller>,
  metric: LeaderboardMetric,
  limit: number,
): Omit<ComputedBoard, 'dbVersion'> & BoardRows {
  const all = [...sellers.values()];
  const score = SCORES[metric];
  const sorted = all.slice().sort((a, b) => {
    const x = score(a);
    const y = score(b);
    if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
    return byName(a.row.name, b.row.name) || a.row.id - b.row.id;
  });
  const top = sorted.slice(0, limit);
  let rank = 0;
  const entries = top.map((s, i) => {
    if (i === 0 || score(s) !== score(sorted[i - 1]!)) rank = i + 1;
    const on = (m: LeaderboardMetric) => (m === metric ? rank : rankOf(SCORES[m](s), all, SCORES[m]));
    return toEntry({
      ...s.row,
      rank,
      revenue_rank: on('REVENUE'),
      orders_rank: on('ORDERS'),
      conversion_rank: on('CONVERSION_RATE'),
      win_rank: on('WIN_RATE'),
    });
  });
  const shown = top.map((s) => s.row);
  return { entries, totalEntries: all.length, users: shown.map(toUserRow), teams: teamsOf(shown) };
}

/** The distinct teams of the sellers, as drizzle maps a teams row. */
function teamsOf(ranked: SellerRow[]): TeamRow[] {
  const teams = new Map<number, TeamRow>();
  for (const r of ranked) {
    if (r.team_id === null || r.team_name === null || teams.has(r.team_id)) continue;
    const created = r.team_created_at ?? 0;
    teams.set(r.team_id, {
      id: r.team_id,
      name: r.team_name,
      managerId: r.team_manager_id,
      createdAt: created instanceof Date ? created : new Date(created),
    });
  }
  return [...teams.values()];
}

/** One ranked row as an entry: the same fields, in the same order, that rankBoard gives. */
function toEntry(r: RankedBoardRow): LeaderboardEntry {
  // an instance: type-graphql copies plain roots into a new instance before each field resolver
  return Object.assign(new LeaderboardEntry(), {
    userId: r.id,
    rank: r.rank,
    medal: medalFor(r.rank),
    revenue: r.revenue,
    ordersWon: r.orders_won,
    conversionRate: conversionRate(Math.max(0, r.orders_won), Math.max(0, r.leads_created)),
    winRate: winRate(Math.max(0, r.orders_won), Math.max(0, r.opportunities_lost)),
    revenueRank: r.revenue_rank,
    ordersRank: r.orders_rank,
    conversionRank: r.conversion_rank,
    winRateRank: r.win_rank,
  });
}

/**
 * Everything a board shows but its version and time: shared by the query and the live hub. One
 * statement: Postgres ranks every seller and returns only the rows that can make the top `limit`
 * (rankBoard over boardRows is the same ranking done here in full; tests hold them equal). The
 * entries' users come with it (whole rows: callers prime their user loader with them).
 */
export function computeBoard(db: Queryable, q: BoardQuery): Promise<ComputedBoard & BoardRows> {
  return rankTop(db, q);
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
  const q: BoardQuery = {
    periodType: args.periodType,
    periodStart: start,
    metric: args.metric,
    teamId,
    limit: args.limit,
  };
  // from the live hub's memory when that is as fresh as this query, else ranked by Postgres
  const board = (await ctx.boards?.readBoard(q)) ?? (await rankTop(ctx.db, q));
  // the entries' users and teams came with the ranking: `user { team { ... } }` costs no statement
  for (const user of board.users) ctx.loaders.userById.prime(user.id, user);
  for (const team of board.teams) ctx.loaders.teamById.prime(team.id, team);
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
