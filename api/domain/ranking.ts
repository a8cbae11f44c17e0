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
import { MEDALS, type Medal } from '../../schema/db/constants.ts';

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
