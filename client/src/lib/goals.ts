/**
 * Goal rules the client needs before the server answers: labels, the status bands (for optimistic
 * updates) and input validation that mirrors api/modules/goals/goal.service.ts, so a bad value is
 * named beside its field at once. The server still decides: its field errors are shown the same way.
 */
import type { GoalMetric, GoalStatus, PeriodType } from '../gql/graphql.ts';
import { formatCount, formatMoney, formatNumber, formatPercent } from './format.ts';
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

/** The status bands of ARCHITECTURE.md: >= 100 achieved, 75 on track, 50 behind, else at risk; missed once ended. */
export function goalStatus(percentage: number, ended: boolean): GoalStatus {
  if (percentage >= 100) return 'ACHIEVED';
  if (ended) return 'MISSED';
  if (percentage >= 75) return 'ON_TRACK';
  if (percentage >= 50) return 'BEHIND';
  return 'AT_RISK';
}

export function achievementPercentage(current: number, target: number): number {
  return target > 0 ? Math.round((current / target) * 10_000) / 100 : 0;
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
