/**
 * Reference implementations of a goal's projection, in JavaScript: the database computes it
 * (goal_projected_value, drizzle/) and tests/api/goal-status-sql.test.ts holds the two equal.
 * Invariants: projections are rounded half-up (away from zero) to 2 decimals; a projection never
 * moves against the value so far (for current >= 0 it is >= current) and equals current once the
 * period is over or while nothing has elapsed; the elapsed share is of the period's real duration
 * in its time zone (a 23-hour DST day is 23 hours), not of its calendar days.
 */
import { periodBounds, type IsoDate, type PeriodType } from '../../api/domain/periods.ts';
import { roundHalfUp } from '../../api/domain/rounding.ts';

/**
 * Share of the period's real duration (not its calendar days) elapsed at `now`, in [0, 1]: 0 up to
 * `from`, 1 from `to` on. A zero-length period (a day the zone skipped) counts as over once reached.
 */
export function elapsedFraction(type: PeriodType, start: IsoDate, now: Date, timeZone: string): number {
  const { from, to } = periodBounds(type, start, timeZone);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is an invalid Date');
  if (nowMs <= from.getTime()) return nowMs < to.getTime() ? 0 : 1;
  if (nowMs >= to.getTime()) return 1;
  return (nowMs - from.getTime()) / (to.getTime() - from.getTime());
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
