/**
 * Goal progress: achievement percentage, status band and end-of-period projection.
 *
 * Invariants:
 * - Percentages and projections are rounded half-up (away from zero) to 2 decimals.
 * - Status depends only on (percentage, periodEnded) and is monotone in percentage:
 *   AT_RISK < BEHIND < ON_TRACK < ACHIEVED while the period runs; MISSED < ACHIEVED once it ended.
 * - ACHIEVED iff percentage >= 100; MISSED iff the period ended below 100.
 * - A projection never moves against the value so far: for current >= 0 it is >= current, and it
 *   equals current once the period is over or when nothing has elapsed yet.
 */
import { roundHalfUp } from './rounding.ts';

import { GOAL_STATUSES, type GoalStatus } from '../../schema/db/constants.ts';

export { GOAL_STATUSES, type GoalStatus };

export const ON_TRACK_THRESHOLD = 75;
export const BEHIND_THRESHOLD = 50;
export const ACHIEVED_THRESHOLD = 100;

/** current / target as a percentage with 2 decimals; may exceed 100 or be negative (refunds). */
export function achievementPercentage(current: number, target: number): number {
  if (!Number.isFinite(target) || target <= 0) {
    throw new RangeError(`Goal target must be a positive number, got ${target}`);
  }
  if (!Number.isFinite(current)) throw new RangeError(`Goal progress must be finite, got ${current}`);
  return roundHalfUp((current / target) * 100, 2);
}

export function goalStatus(percentage: number, periodEnded: boolean): GoalStatus {
  if (Number.isNaN(percentage)) throw new RangeError('Goal percentage is NaN');
  if (percentage >= ACHIEVED_THRESHOLD) return 'ACHIEVED';
  if (periodEnded) return 'MISSED';
  if (percentage >= ON_TRACK_THRESHOLD) return 'ON_TRACK';
  if (percentage >= BEHIND_THRESHOLD) return 'BEHIND';
  return 'AT_RISK';
}

/**
 * Value expected at the end of the period if the pace so far continues.
 *
 * - Rates (conversion, win rate, ...) are ratios, not accumulations, so they project as themselves.
 * - With nothing elapsed yet (fraction 0) there is no pace to extrapolate; the projection is the
 *   value so far (0 in the usual case, or whatever was credited at the very first instant) rather
 *   than a division by zero or an infinite forecast.
 * - Otherwise linear extrapolation current / fraction; at fraction 1 that is current itself.
 */
export function projectedValue(current: number, fractionElapsed: number, isRate: boolean): number {
  if (!Number.isFinite(current)) throw new RangeError(`Current value must be finite, got ${current}`);
  if (!(fractionElapsed >= 0 && fractionElapsed <= 1)) {
    throw new RangeError(`fractionElapsed must be in [0, 1], got ${fractionElapsed}`);
  }
  if (isRate || fractionElapsed === 0 || fractionElapsed === 1) return roundHalfUp(current, 2);
  const projection = current / fractionElapsed;
  // Only reachable with a vanishing fraction (far below the 1 ms a real clock can elapse).
  if (!Number.isFinite(projection)) throw new RangeError(`Projection of ${current} overflows`);
  return roundHalfUp(projection, 2);
}
