/**
 * Goal pace: where a goal should be by now, whether it is ahead of that, and what it needs per day
 * left (docs/goals-pace.md). Pace depends on the instant, so it is computed when read, from the
 * goal's period, the organisation's zone and an instant; the server (Goal.pace, the pace alerts)
 * and the web client (@domain, optimistic answers) call this one module.
 *
 * Invariants:
 * - The elapsed share is an exact fraction of integers (milliseconds): CALENDAR_DAYS measures the
 *   period's real duration in the zone (a 23-hour spring-forward day weighs 23 hours), WORKING_DAYS
 *   counts Monday–Friday days of the period, each weighing one, today's by the share of its real
 *   duration elapsed. A period without any working day falls back to CALENDAR_DAYS.
 * - expectedValue = targetValue × share (rates: the target itself once the period started); the
 *   pace band is decided on the exact values, never on rounded ones: AHEAD above expected × 1.05,
 *   BEHIND_PACE below expected × 0.95, ON_PACE in between (ON_PACE_TOLERANCE_PERCENT).
 * - alerting (what raises GOAL_BEHIND_PACE) implies BEHIND_PACE: the shortfall is more than
 *   alertPercent % of the target, so nothing alerts in the first days of a period.
 * Why exact: a goal on the edge must read the same band on the server, in the client and in the
 * alert job, whatever the binary rounding of its figures.
 */
import type { GoalMetric, PaceBasis, PaceState, PeriodType } from '../../schema/db/constants.ts';
import { RATE_METRICS } from '../../schema/db/constants.ts';
import { daysInPeriod, localDate, periodBounds } from './periods.ts';
import { startOfLocalDay } from './zoned-time.ts';

export type { PaceBasis, PaceState };

/** Within ± this share of expectedValue (in %) a goal is ON_PACE. */
export const ON_PACE_TOLERANCE_PERCENT = 5;

const DAY_MS = 86_400_000;

export interface PaceInput {
  readonly metric: GoalMetric;
  readonly periodType: PeriodType;
  /** First day of the goal's period, 'YYYY-MM-DD'. */
  readonly periodStart: string;
  readonly targetValue: number;
  readonly currentValue: number;
}

export interface PaceClock {
  readonly now: Date;
  readonly timeZone: string;
  readonly basis: PaceBasis;
}

export interface Pace {
  readonly state: PaceState;
  /** What the goal should have reached by now, 2 decimals. */
  readonly expectedValue: number;
  /** currentValue − expectedValue, 2 decimals: negative behind pace. */
  readonly gap: number;
  /** (target − current) per day left (per working day left), 2 decimals; 0 once reached; null for rates and when no day is left. */
  readonly requiredRate: number | null;
  /** Days (working days) from today to the period's end, today included; 0 once it ended. */
  readonly daysLeft: number;
  /** The basis used (WORKING_DAYS falls back to CALENDAR_DAYS for a period without a working day). */
  readonly basis: PaceBasis;
  /** Share of the period elapsed, percent, 2 decimals. */
  readonly elapsedPercent: number;
  /** Behind pace by more than `alertPercent` % of the target (see goalPace). */
  readonly alerting: boolean;
}

/** An exact share: num / den, 0 <= num <= den, den > 0. */
interface Share {
  readonly num: bigint;
  readonly den: bigint;
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Monday = 0 ... Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;
const isWorkingDay = (day: number): boolean => weekday(day) < 5;

/** Monday–Friday days in [first, last] (day numbers, inclusive); 0 when last < first. */
export function workingDaysBetween(first: number, last: number): number {
  if (last < first) return 0;
  const days = last - first + 1;
  let count = Math.floor(days / 7) * 5;
  for (let day = first + Math.floor(days / 7) * 7; day <= last; day++) if (isWorkingDay(day)) count++;
  return count;
}

/** A decimal (at most 2 places, as goals store them) in hundredths, exactly. */
function cents(value: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`Goal values must be finite, got ${value}`);
  return BigInt(value.toFixed(2).replace('.', ''));
}

/** round-half-up(a / b) for b > 0, on integers. */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r * 2n >= b) return q + 1n;
  if (r * 2n <= -b) return q - 1n;
  return q;
}

const fromCents = (c: bigint): number => (c === 0n ? 0 : Number(`${c}e-2`));

function calendarShare(periodType: PeriodType, periodStart: string, now: Date, timeZone: string): Share {
  const { from, to } = periodBounds(periodType, periodStart, timeZone);
  const total = BigInt(to.getTime() - from.getTime());
  const done = BigInt(Math.min(Math.max(now.getTime() - from.getTime(), 0), to.getTime() - from.getTime()));
  return { num: done, den: total };
}

function workingShare(first: number, last: number, today: number, now: Date, timeZone: string): Share {
  const total = workingDaysBetween(first, last);
  if (today < first) return { num: 0n, den: 1n };
  if (today > last) return { num: 1n, den: 1n };
  const before = BigInt(workingDaysBetween(first, today - 1));
  if (!isWorkingDay(today)) return { num: before, den: BigInt(total) };
  const start = startOfLocalDay(dateOf(today), timeZone).getTime();
  const length = BigInt(startOfLocalDay(dateOf(today + 1), timeZone).getTime() - start);
  const partial = BigInt(Math.min(Math.max(now.getTime() - start, 0), Number(length)));
  return { num: before * length + partial, den: BigInt(total) * length };
}

/**
 * The pace of a goal at `clock.now`. `alertPercent`: the shortfall, in % of the target, past which
 * a goal behind pace is `alerting` (PACE_ALERT_PERCENT).
 */
export function goalPace(goal: PaceInput, clock: PaceClock, alertPercent: number): Pace {
  const first = dayNumber(goal.periodStart);
  const last = first + daysInPeriod(goal.periodType, goal.periodStart) - 1;
  const today = dayNumber(localDate(clock.now, clock.timeZone));
  const working = clock.basis === 'WORKING_DAYS' && workingDaysBetween(first, last) > 0;
  const basis: PaceBasis = working ? 'WORKING_DAYS' : 'CALENDAR_DAYS';
  const share = working
    ? workingShare(first, last, today, clock.now, clock.timeZone)
    : calendarShare(goal.periodType, goal.periodStart, clock.now, clock.timeZone);
  const rate = RATE_METRICS.includes(goal.metric);
  // a rate is a level, not a sum: it is expected at its target as soon as the period runs
  const { num, den } = rate ? { num: share.num > 0n ? 1n : 0n, den: 1n } : share;

  const target = cents(goal.targetValue);
  const current = cents(goal.currentValue);
  const expected = divRound(target * num, den);
  // current vs target × num / den, compared without division
  const have = current * den * 100n;
  const want = target * num;
  const tolerance = BigInt(ON_PACE_TOLERANCE_PERCENT);
  const state: PaceState =
    have > want * (100n + tolerance) ? 'AHEAD' : have < want * (100n - tolerance) ? 'BEHIND_PACE' : 'ON_PACE';
  const shortfall = (want - current * den) * 100n; // × 100 so alertPercent may be whole percent
  const alerting =
    state === 'BEHIND_PACE' && shortfall * 100n > BigInt(Math.round(alertPercent * 100)) * target * den;

  const from = Math.max(today, first);
  const daysLeft = today > last ? 0 : working ? workingDaysBetween(from, last) : last - from + 1;
  const remaining = target - current;
  const requiredRate =
    rate || daysLeft === 0 ? null : remaining <= 0n ? 0 : fromCents(divRound(remaining, BigInt(daysLeft)));
  return {
    state,
    expectedValue: fromCents(expected),
    gap: fromCents(current - expected),
    requiredRate,
    daysLeft,
    basis,
    elapsedPercent: fromCents(divRound(share.num * 10_000n, share.den)),
    alerting,
  };
}
