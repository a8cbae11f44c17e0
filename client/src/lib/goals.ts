/**
 * Goal rules the client needs before the server answers: labels, the status bands (for optimistic
 * updates) and input validation that mirrors api/modules/goals/goal.service.ts, so a bad value is
 * named beside its field at once. The server still decides: its field errors are shown the same way.
 */
import type { GoalMetric, GoalStatus, PeriodType } from '../gql/graphql.ts';
import { formatCount, formatMoney, formatNumber, formatPercent, significant } from './format.ts';
import { isPeriodStart, periodStart } from './periods.ts';

export const GOAL_METRICS: readonly GoalMetric[] = [
  'REVENUE',
  'ORDERS',
  'LEADS',
  'OPPORTUNITIES',
  'CONVERSION_RATE',
  'WIN_RATE',
  'CALLS',
  'MEETINGS',
  'CUSTOM',
];

export const METRIC_NAMES: Record<GoalMetric, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders',
  LEADS: 'Leads',
  OPPORTUNITIES: 'Opportunities',
  CONVERSION_RATE: 'Conversion rate',
  WIN_RATE: 'Win rate',
  CALLS: 'Calls',
  MEETINGS: 'Meetings',
  CUSTOM: 'Custom',
};

export const STATUS_NAMES: Record<GoalStatus, string> = {
  ACHIEVED: 'Achieved',
  ON_TRACK: 'On Track',
  BEHIND: 'Behind',
  AT_RISK: 'At Risk',
  MISSED: 'Missed',
};

export const COUNT_METRICS: readonly GoalMetric[] = ['ORDERS', 'LEADS', 'OPPORTUNITIES', 'CALLS', 'MEETINGS'];
export const RATE_METRICS: readonly GoalMetric[] = ['CONVERSION_RATE', 'WIN_RATE'];
/** numeric(16,2) holds 14 integer digits. */
const MAX_VALUE = 1e14;
export const MAX_DESCRIPTION = 2000;

export function formatGoalValue(metric: GoalMetric, value: number): string {
  if (metric === 'REVENUE') return formatMoney(value);
  if (RATE_METRICS.includes(metric)) return formatPercent(value);
  if (COUNT_METRICS.includes(metric)) return formatCount(value);
  return formatNumber(value);
}

/**
 * A projection (the run rate carried to the period's end), rounded to what it is worth: two
 * significant figures for amounts ("≈ $18,000", not "$17,842.37" ticking down a cent a minute),
 * whole counts and whole percentages.
 */
export function formatProjection(metric: GoalMetric, value: number): string {
  if (COUNT_METRICS.includes(metric)) return `≈ ${formatCount(Math.round(value))}`;
  if (RATE_METRICS.includes(metric)) return `≈ ${formatPercent(Math.round(value), 0)}`;
  const rough = significant(value, 2);
  return `≈ ${metric === 'REVENUE' ? formatMoney(rough) : formatNumber(rough)}`;
}

/** Whether a projection means anything: not once the goal is achieved or its period is over. */
export function showsProjection(status: GoalStatus): boolean {
  return status !== 'ACHIEVED' && status !== 'MISSED';
}

/**
 * The status bands of ARCHITECTURE.md: >= 100 achieved, 75 on track, 50 behind, else at risk; missed
 * once ended. Give it the unrounded ratio or achievementPercentage's number (the same band: see there).
 */
export function goalStatus(percentage: number, ended: boolean): GoalStatus {
  if (percentage >= 100) return 'ACHIEVED';
  if (ended) return 'MISSED';
  if (percentage >= 75) return 'ON_TRACK';
  if (percentage >= 50) return 'BEHIND';
  return 'AT_RISK';
}

const DECIMAL_FORM = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** |value| = digits * 10^exponent, for the decimal value of `value` at 15 significant digits. */
function decimalOf(value: number): { digits: bigint; exponent: number } | null {
  const match = DECIMAL_FORM.exec(Math.abs(value).toPrecision(15));
  if (!match) return null;
  const [, integerDigits = '0', fractionDigits = '', exponent = '0'] = match;
  return {
    digits: BigInt(integerDigits + fractionDigits),
    exponent: Number(exponent) - fractionDigits.length,
  };
}

/**
 * current / target * 100 with 2 decimals, as the server stores it (goals_derive(),
 * drizzle/0011_goal_status_unrounded.sql; api/domain/goal-status.ts): truncated toward zero below
 * 100 %, so a goal short of its target never reads 100 (19,999 of 20,000 is 99.99) and the number
 * stays in the band of the unrounded ratio (a truncation never crosses 50 or 75); rounded half-up
 * from 100 % up. Exact decimal arithmetic: 29 of 100 is 29, not 28.99. 0 without a positive target.
 */
export function achievementPercentage(current: number, target: number): number {
  if (!(target > 0) || !Number.isFinite(target) || !Number.isFinite(current)) return 0;
  const c = decimalOf(current);
  const t = decimalOf(target);
  if (!c || !t) return 0;
  const shift = c.exponent - t.exponent;
  // |current| / target in hundredths of a percent = numerator / denominator
  const numerator = c.digits * 10_000n * 10n ** BigInt(Math.max(shift, 0));
  const denominator = t.digits * 10n ** BigInt(Math.max(-shift, 0));
  const reached = current > 0 && numerator >= denominator * 10_000n;
  const hundredths = reached ? (numerator * 2n + denominator) / (denominator * 2n) : numerator / denominator;
  if (hundredths === 0n) return 0;
  const magnitude = Number(`${hundredths}e-2`);
  return current < 0 ? -magnitude : magnitude;
}

export type FieldErrors = Partial<Record<string, string>>;

/** Parses a number typed by a person ("20,000", " 15000.5 "); NaN when it is not one. */
export function parseAmount(text: string): number {
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  return cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? NaN : Number(cleaned);
}

export function checkValue(value: number, metric: GoalMetric, positive: boolean): string | null {
  if (!Number.isFinite(value)) return 'must be a number';
  if (positive ? value <= 0 : value < 0) return positive ? 'must be positive' : 'must not be negative';
  if (value >= MAX_VALUE) return 'is too large';
  if (Math.round(value * 100) / 100 !== value) return 'has more than two decimals';
  if (COUNT_METRICS.includes(metric) && !Number.isInteger(value))
    return `must be a whole number for ${METRIC_NAMES[metric]}`;
  if (RATE_METRICS.includes(metric) && value > 100) return 'is a percentage: at most 100';
  return null;
}

export interface GoalDraft {
  owner: string; // "user:<id>" or "team:<id>"
  metric: GoalMetric;
  periodType: PeriodType;
  periodStart: string;
  targetValue: string;
  currentValue: string;
  description: string;
}

export function validateCreate(draft: GoalDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^(user|team):.+$/.test(draft.owner)) errors.owner = 'choose a person or a team';
  if (!isPeriodStart(draft.periodType, draft.periodStart)) {
    errors.periodStart = /^\d{4}-\d{2}-\d{2}$/.test(draft.periodStart)
      ? `must be the first day of a period, e.g. ${periodStart(draft.periodType, draft.periodStart)}`
      : 'must be a date';
  }
  const target = checkValue(parseAmount(draft.targetValue), draft.metric, true);
  if (target) errors.targetValue = target;
  if (draft.metric === 'CUSTOM' && draft.currentValue.trim() !== '') {
    const current = checkValue(parseAmount(draft.currentValue), draft.metric, false);
    if (current) errors.currentValue = current;
  }
  if (draft.description.length > MAX_DESCRIPTION)
    errors.description = `at most ${MAX_DESCRIPTION} characters`;
  return errors;
}

export function validateUpdate(
  metric: GoalMetric,
  values: { targetValue: string; currentValue: string; description: string },
): FieldErrors {
  const errors: FieldErrors = {};
  const target = checkValue(parseAmount(values.targetValue), metric, true);
  if (target) errors.targetValue = target;
  if (metric === 'CUSTOM' && values.currentValue.trim() !== '') {
    const current = checkValue(parseAmount(values.currentValue), metric, false);
    if (current) errors.currentValue = current;
  }
  if (values.description.length > MAX_DESCRIPTION)
    errors.description = `at most ${MAX_DESCRIPTION} characters`;
  return errors;
}

/** Statuses, most in need of attention first: what the manager's goal list sorts and filters by. */
export const GOAL_STATUSES_BY_ATTENTION: readonly GoalStatus[] = [
  'AT_RISK',
  'MISSED',
  'BEHIND',
  'ON_TRACK',
  'ACHIEVED',
];

/** Sorts goals by attention: status (above), then the lowest share of the target reached. */
export function byAttention(
  a: { status: GoalStatus; achievementPercentage: number },
  b: { status: GoalStatus; achievementPercentage: number },
): number {
  return (
    GOAL_STATUSES_BY_ATTENTION.indexOf(a.status) - GOAL_STATUSES_BY_ATTENTION.indexOf(b.status) ||
    a.achievementPercentage - b.achievementPercentage
  );
}
