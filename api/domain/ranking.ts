/**
 * Leaderboard ranking ("standard competition ranking", 1-1-3).
 *
 * Invariants, for ranks = competitionRanks(items, score, direction):
 * - ranks[i] is the rank of items[i] (input order is preserved; the input is not mutated).
 * - ranks[i] = 1 + the number of items with a strictly better score, hence 1 <= ranks[i] <= n and
 *   equal scores share a rank, with the following ranks skipped.
 * - "Better" is higher for 'desc' and lower for 'asc'; a missing score (null, or NaN which carries
 *   no order) is worse than every number in both directions, and all missing scores tie.
 * - `score` is called exactly once per item.
 */

export type RankDirection = 'desc' | 'asc';
import { MEDALS, type LeaderboardMetric, type Medal } from '../../schema/db/constants.ts';

export { MEDALS, type Medal };

export function competitionRanks<T>(
  items: readonly T[],
  score: (item: T) => number | null,
  direction: RankDirection = 'desc',
): number[] {
  const sign = direction === 'desc' ? -1 : 1;
  const scores = items.map((item) => {
    const value = score(item);
    return value === null || Number.isNaN(value) ? null : value;
  });
  // Sorting indices keeps the ranking O(n log n) while leaving the caller's order intact.
  const order = scores.map((_, index) => index);
  order.sort((a, b) => {
    const left = scores[a] ?? null;
    const right = scores[b] ?? null;
    if (left === null || right === null) return (left === null ? 1 : 0) - (right === null ? 1 : 0);
    return left === right ? 0 : left < right ? -sign : sign;
  });
  const ranks = new Array<number>(items.length).fill(0);
  let previousScore: number | null = null;
  let currentRank = 0;
  order.forEach((itemIndex, position) => {
    const value = scores[itemIndex] ?? null;
    if (position === 0 || value !== previousScore) currentRank = position + 1;
    ranks[itemIndex] = currentRank;
    previousScore = value;
  });
  return ranks;
}

/** Podium medal for a rank; tied ranks share a medal, so two GOLDs are followed by a BRONZE. */
export function medalFor(rank: number): Medal | null {
  return Number.isInteger(rank) && rank >= 1 && rank <= MEDALS.length ? (MEDALS[rank - 1] ?? null) : null;
}

/**
 * Who a board ranks. A seller is ranked on a metric only with something in it: revenue above
 * zero, at least one order won, or — for a rate — at least the minimum sample (leads created for
 * conversion, decided opportunities, won + lost, for win rate), so that a day's first sale does
 * not give everyone else a silver medal and one lead with three orders does not top the
 * conversion board. An unranked seller has no rank, medal or movement on that board; on the other
 * metrics' ranks of an entry they share the place after the last ranked seller.
 */
export interface RateMinimums {
  /** Leads created before a conversion rate ranks. */
  readonly leads: number;
  /** Decided opportunities (won + lost) before a win rate ranks. */
  readonly closed: number;
}

/** A seller's figures for a period as the boards rank them (counts below zero count as zero). */
export interface RankedFigures {
  /** Revenue in cents. */
  readonly cents: number;
  readonly ordersWon: number;
  readonly leads: number;
  /** Won + lost. */
  readonly decided: number;
  readonly conversion: number | null;
  readonly win: number | null;
}

/** The fewest of its base a rate board asks for (leads, decided opportunities); null for counts. */
export function minimumSample(metric: LeaderboardMetric, minimums: RateMinimums): number | null {
  if (metric === 'CONVERSION_RATE') return minimums.leads;
  if (metric === 'WIN_RATE') return minimums.closed;
  return null;
}

/** A seller's base for a rate board (leads, decided opportunities); null for counts. */
export function sampleOf(metric: LeaderboardMetric, f: RankedFigures): number | null {
  if (metric === 'CONVERSION_RATE') return f.leads;
  if (metric === 'WIN_RATE') return f.decided;
  return null;
}

/** The score a board ranks a seller by (higher is better), or null when it does not rank them. */
export function boardScore(
  metric: LeaderboardMetric,
  f: RankedFigures,
  minimums: RateMinimums,
): number | null {
  switch (metric) {
    case 'REVENUE':
      return f.cents > 0 ? f.cents : null;
    case 'ORDERS':
      return f.ordersWon > 0 ? f.ordersWon : null;
    case 'CONVERSION_RATE':
      return f.leads >= minimums.leads ? f.conversion : null;
    case 'WIN_RATE':
      return f.decided >= minimums.closed ? f.win : null;
  }
}
