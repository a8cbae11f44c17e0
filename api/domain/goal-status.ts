/**
 * Goal progress: achievement percentage and status band (the projection is SQL's,
 * goal_projected_value; its reference is tests/oracles/projection.ts).
 *
 * Invariants:
 * - The status bands are those of the unrounded ratio current * 100 / target (ACHIEVED >= 100,
 *   ON_TRACK >= 75, BEHIND >= 50, else AT_RISK; MISSED once the period ended below 100).
 * - The percentage shown is that ratio truncated (toward zero) to 2 decimals below 100 and rounded
 *   half-up to 2 decimals from 100 up: a goal below its target never reads 100 (19,999 of 20,000 is
 *   99.99, 2 of 3 is 66.66), and a truncation never crosses the 50 or 75 band edge, so
 *   goalStatus(achievementPercentage(current, target), ended) is the band of the unrounded ratio
 *   (goalStatusOf). The same rule is in goals_derive() (drizzle/functions/goals_derive.sql); the web
 *   client imports this module (@domain).
 * - achievementPercentage and goalStatusOf read their inputs as decimals (15 significant digits, as
 *   roundHalfUp does) and compute in exact integers: no binary rounding noise decides a band or a digit.
 * - Status is monotone in percentage: AT_RISK < BEHIND < ON_TRACK < ACHIEVED while the period
 *   runs; MISSED < ACHIEVED once it ended. ACHIEVED iff percentage >= 100; MISSED iff the period
 *   ended below 100.
 */
import { GOAL_STATUSES, type GoalStatus } from '../../schema/db/constants.ts';

export { GOAL_STATUSES, type GoalStatus };

export const ON_TRACK_THRESHOLD = 75;
export const BEHIND_THRESHOLD = 50;
export const ACHIEVED_THRESHOLD = 100;

const DECIMAL_FORM = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** |value| = digits * 10^exponent exactly, for the decimal value of `value` at 15 significant digits. */
function decimalOf(value: number): { digits: bigint; exponent: number } {
  const match = DECIMAL_FORM.exec(Math.abs(value).toPrecision(15));
  if (match === null) throw new RangeError(`Unexpected number form: ${value}`);
  const [, integerDigits = '0', fractionDigits = '', exponent = '0'] = match;
  return {
    digits: BigInt(integerDigits + fractionDigits),
    exponent: Number(exponent) - fractionDigits.length,
  };
}

/** |current| * 10000 / target as numerator / denominator (hundredths of a percent), exactly. */
function ratio(current: number, target: number): { numerator: bigint; denominator: bigint } {
  if (!Number.isFinite(target) || target <= 0) {
    throw new RangeError(`Goal target must be a positive number, got ${target}`);
  }
  if (!Number.isFinite(current)) throw new RangeError(`Goal progress must be finite, got ${current}`);
  const c = decimalOf(current);
  const t = decimalOf(target);
  const shift = c.exponent - t.exponent;
  return {
    numerator: c.digits * 10_000n * 10n ** BigInt(Math.max(shift, 0)),
    denominator: t.digits * 10n ** BigInt(Math.max(-shift, 0)),
  };
}

/**
 * current / target as a percentage with 2 decimals: truncated below 100 (never reads 100 before the
 * target is reached), rounded half-up from 100 up. May exceed 100 or be negative (refunds).
 */
export function achievementPercentage(current: number, target: number): number {
  const { numerator, denominator } = ratio(current, target);
  const reached = current > 0 && numerator >= denominator * 10_000n;
  const hundredths = reached ? (numerator * 2n + denominator) / (denominator * 2n) : numerator / denominator;
  if (hundredths === 0n) return 0;
  const magnitude = Number(`${hundredths}e-2`);
  return current < 0 ? -magnitude : magnitude;
}

/** The status band of the unrounded ratio current * 100 / target (what goals_derive() stores). */
export function goalStatusOf(current: number, target: number, periodEnded: boolean): GoalStatus {
  const { numerator, denominator } = ratio(current, target);
  if (current > 0 && numerator >= denominator * 100n * BigInt(ACHIEVED_THRESHOLD)) return 'ACHIEVED';
  if (periodEnded) return 'MISSED';
  if (current > 0 && numerator >= denominator * 100n * BigInt(ON_TRACK_THRESHOLD)) return 'ON_TRACK';
  if (current > 0 && numerator >= denominator * 100n * BigInt(BEHIND_THRESHOLD)) return 'BEHIND';
  return 'AT_RISK';
}

/**
 * The band of a percentage: the unrounded ratio, or achievementPercentage's (which, truncated below
 * 100, falls in the same band).
 */
export function goalStatus(percentage: number, periodEnded: boolean): GoalStatus {
  if (Number.isNaN(percentage)) throw new RangeError('Goal percentage is NaN');
  if (percentage >= ACHIEVED_THRESHOLD) return 'ACHIEVED';
  if (periodEnded) return 'MISSED';
  if (percentage >= ON_TRACK_THRESHOLD) return 'ON_TRACK';
  if (percentage >= BEHIND_THRESHOLD) return 'BEHIND';
  return 'AT_RISK';
}
