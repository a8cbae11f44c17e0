/**
 * Leaderboard mapping: ranked rows and sellers kept in memory -> the board's GraphQL objects, and
 * the ranking in JavaScript the live hub does between reads of a board (rankSellers).
 *
 * Invariant: pure. Nothing here reads the database, the request context or the live hub, so both
 * the service (SQL path) and the hub (memory path) import it without importing each other; the
 * two paths rank the same way and produce entries of the same shape (tests/oracles hold them
 * equal). Why a file of its own: the hub used to import these from the service, which imports
 * the request context, which names the hub: an import cycle (docs/architecture.md).
 */
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import { teams, type TeamRow, type UserRow } from '../../../schema/db/index.ts';
import { fromRawColumns } from '../../db/raw-columns.ts';
import { parseMoney, AGGREGATE_INTEGER_DIGITS } from '../../domain/money.ts';
import {
  boardScore,
  competitionRanks,
  medalFor,
  sampleOf,
  type RankedFigures,
  type RateMinimums,
} from '../../domain/ranking.ts';
import { conversionRate, winRate } from '../../domain/rates.ts';
import { toUserRow } from '../users/user.queries.ts';
import type { RankedBoardRow, SellerRow, StandingRow } from './leaderboard.queries.ts';
import { LeaderboardEntry, LeaderboardStanding, type StandingResult } from './leaderboard.type.ts';

/** The figures a board ranks on, from a row's counts (below zero they count as 0 in rates). */
export function figuresOf(r: {
  revenue: string;
  orders_won: number;
  leads_created: number;
  opportunities_lost: number;
}): RankedFigures {
  const won = Math.max(0, r.orders_won);
  const leads = Math.max(0, r.leads_created);
  const lost = Math.max(0, r.opportunities_lost);
  return {
    // cents as a number: exact below 2^53 cents (~90 trillion), far above any revenue here
    cents: Number(parseMoney(r.revenue, AGGREGATE_INTEGER_DIGITS) ?? 0n),
    ordersWon: r.orders_won,
    leads,
    decided: won + lost,
    conversion: conversionRate(won, leads),
    win: winRate(won, lost),
  };
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
  unrankedCount: number;
  dbVersion: string;
}

/** The rows a board's entries show, for priming the loaders. */
export interface BoardRows {
  users: UserRow[];
  /** Their teams (distinct). */
  teams: TeamRow[];
}

/** A board's entries, its rows, and how to find any seller's standing on it. */
export interface BoardWithStandings extends ComputedBoard, BoardRows {
  standingOf: (userId: number) => StandingResult | null | Promise<StandingResult | null>;
}

/** Board order: rank, then name (localeCompare's collation), then id. */
export const inBoardOrder = (a: RankedBoardRow, b: RankedBoardRow) =>
  a.rank - b.rank || byName(a.name, b.name) || a.id - b.id;

/** A standing as type-graphql's object (an instance, as for entries). */
export function standing(fields: LeaderboardStanding): LeaderboardStanding {
  return Object.assign(new LeaderboardStanding(), fields);
}

/** A seller kept in memory by the live hub, with the figures it is ranked on (scoreSeller). */
export interface ScoredSeller {
  row: SellerRow;
  figures: RankedFigures;
}

/** A seller's figures: computed once per change of their row, not once per ranking. */
export function scoreSeller(row: SellerRow): ScoredSeller {
  return { row, figures: figuresOf(row) };
}

/** localeCompare's order (the same collation), without building a collator per comparison. */
const byName = new Intl.Collator().compare;

/** Standard competition rank of `score` among `scores`: 1 + the number strictly better (null is worst). */
function rankOf(score: number | null, all: readonly (number | null)[]): number {
  let better = 0;
  for (const other of all) if (other !== null && (score === null || other > score)) better += 1;
  return better + 1;
}

/**
 * The board ranked in JavaScript over sellers kept in memory: what the live hub does between
 * reads of a board (boardSellers), so a change costs no statement. The same entries as
 * computeBoard and rankBoard on the same figures (tests hold them equal): the ranked sellers
 * ordered by the metric, ties by name then id; each entry's four ranks are 1 + the number of
 * sellers strictly better on that metric. One sort, then limit × 3 counts; a standing costs three
 * counts more and is found through an index built on the first one asked for.
 */
export function rankSellers(
  sellers: ReadonlyMap<number, ScoredSeller>,
  metric: LeaderboardMetric,
  limit: number,
  minimums: RateMinimums,
): Omit<BoardWithStandings, 'dbVersion'> {
  const all = [...sellers.values()];
  const scoresOn = (m: LeaderboardMetric) => all.map((s) => boardScore(m, s.figures, minimums));
  const boardScores = scoresOn(metric);
  const scored = all.flatMap((s, i) => {
    const score = boardScores[i] ?? null;
    return score === null ? [] : [{ s, score }];
  });
  scored.sort((a, b) => b.score - a.score || byName(a.s.row.name, b.s.row.name) || a.s.row.id - b.s.row.id);
  const ranks: number[] = [];
  scored.forEach(({ score }, i) =>
    ranks.push(i > 0 && score === scored[i - 1]!.score ? ranks[i - 1]! : i + 1),
  );
  // the other metrics' scores of every seller, made when an entry first needs them
  const others = new Map<LeaderboardMetric, (number | null)[]>();
  const entryAt = (i: number): RankedBoardRow => {
    const { s } = scored[i]!;
    const rank = ranks[i]!;
    const on = (m: LeaderboardMetric) => {
      if (m === metric) return rank;
      let scores = others.get(m);
      if (!scores) others.set(m, (scores = scoresOn(m)));
      return rankOf(boardScore(m, s.figures, minimums), scores);
    };
    return {
      ...s.row,
      rank,
      // the hub sets it from the previous period's table (withPreviousRanks)
      previous_rank: null,
      revenue_rank: on('REVENUE'),
      orders_rank: on('ORDERS'),
      conversion_rank: on('CONVERSION_RATE'),
      win_rank: on('WIN_RATE'),
    };
  };
  const top = scored.slice(0, limit).map((_, i) => entryAt(i));
  // the sellers as ranked here: the hub's map moves on with later changes, a standing must not
  let byId: Map<number, ScoredSeller> | undefined;
  let position: Map<number, number> | undefined;
  const standingOf = (userId: number): StandingResult | null => {
    byId ??= new Map(all.map((s) => [s.row.id, s]));
    const seller = byId.get(userId);
    if (!seller) return null;
    position ??= new Map(scored.map(({ s }, i) => [s.row.id, i]));
    const i = position.get(userId);
    const sample = sampleOf(metric, seller.figures);
    if (i === undefined) {
      const shown = [seller.row];
      return {
        standing: standing({ rank: null, entry: null, sample, ahead: null, gap: null }),
        users: shown.map(toUserRow),
        teams: teamsOf(shown),
      };
    }
    const mine = entryAt(i);
    // the next person up: the last of those ranked strictly better (rank r sits at index r - 1)
    const aheadAt = ranks[i]! - 2;
    const ahead = aheadAt >= 0 ? entryAt(aheadAt) : null;
    const shown = ahead ? [mine, ahead] : [mine];
    return {
      standing: standing({
        rank: mine.rank,
        entry: toEntry(mine),
        sample,
        ahead: ahead ? toEntry(ahead) : null,
        gap: aheadAt >= 0 ? gapBetween(metric, scored[aheadAt]!.score, scored[i]!.score) : null,
      }),
      users: shown.map(toUserRow),
      teams: teamsOf(shown),
    };
  };
  return {
    entries: top.map(toEntry),
    totalEntries: scored.length,
    unrankedCount: all.length - scored.length,
    users: top.map(toUserRow),
    teams: teamsOf(top),
    standingOf,
  };
}

/**
 * Each ranked seller's standard competition rank on `metric` (the sellers it does not rank are
 * absent): the previous period's table gives the live hub's boards their previousRank.
 */
export function ranksOn(
  sellers: ReadonlyMap<number, ScoredSeller>,
  metric: LeaderboardMetric,
  minimums: RateMinimums,
): Map<number, number> {
  const scored = [...sellers.values()].map((s) => ({
    id: s.row.id,
    score: boardScore(metric, s.figures, minimums),
  }));
  const ranks = competitionRanks(scored, (s) => s.score);
  const found = new Map<number, number>();
  scored.forEach((s, i) => {
    if (s.score !== null) found.set(s.id, ranks[i]!);
  });
  return found;
}

/**
 * A ranking from memory with each entry's previousRank (the SQL path ranks it in its statement):
 * copies, since rankings are shared by every board and read of their table.
 */
export function withPreviousRanks<B extends Pick<BoardWithStandings, 'entries' | 'standingOf'>>(
  board: B,
  previous: ReadonlyMap<number, number>,
): B {
  const mark = <E extends LeaderboardEntry | null>(e: E): E =>
    e && Object.assign(new LeaderboardEntry(), e, { previousRank: previous.get(e.userId) ?? null });
  const standingOf = (userId: number) => {
    const found = board.standingOf(userId);
    const marked = (result: StandingResult | null): StandingResult | null =>
      result && {
        ...result,
        standing: standing({
          ...result.standing,
          entry: mark(result.standing.entry),
          ahead: mark(result.standing.ahead),
        }),
      };
    return found instanceof Promise ? found.then(marked) : marked(found);
  };
  return { ...board, entries: board.entries.map(mark), standingOf };
}

/**
 * How far behind `ahead` a score is, in the metric's unit: cents to the amount, orders as they
 * are, rates (2 decimals) as percentage points from whole hundredths — the way the SQL path
 * subtracts its integer keys, so both give the same number.
 */
function gapBetween(metric: LeaderboardMetric, ahead: number, score: number): number {
  if (metric === 'ORDERS') return ahead - score;
  if (metric === 'REVENUE') return (ahead - score) / 100;
  return (Math.round(ahead * 100) - Math.round(score * 100)) / 100;
}

/** The distinct teams of the sellers, as drizzle maps a teams row. */
export function teamsOf(ranked: SellerRow[]): TeamRow[] {
  const found = new Map<number, TeamRow>();
  for (const r of ranked) {
    if (r.team_id === null || r.team_name === null || found.has(r.team_id)) continue;
    found.set(r.team_id, fromRawColumns(teams, r, 'team_'));
  }
  return [...found.values()];
}

/** One ranked row as an entry: the same fields, in the same order, that rankBoard gives. */
export function toEntry(r: RankedBoardRow | StandingRow): LeaderboardEntry {
  const f = figuresOf(r);
  // an instance: type-graphql copies plain roots into a new instance before each field resolver
  return Object.assign(new LeaderboardEntry(), {
    userId: r.id,
    rank: r.rank,
    previousRank: r.previous_rank,
    medal: medalFor(r.rank),
    revenue: r.revenue,
    ordersWon: r.orders_won,
    leadsCreated: f.leads,
    opportunitiesClosed: f.decided,
    conversionRate: f.conversion,
    winRate: f.win,
    revenueRank: r.revenue_rank,
    ordersRank: r.orders_rank,
    conversionRank: r.conversion_rank,
    winRateRank: r.win_rank,
  });
}
