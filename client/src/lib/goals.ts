/**
 * Goal rules the client needs before the server answers: labels, the status bands (for optimistic
 * updates) and input validation, the server's own rules (api/domain/goal-status.ts and
 * goal-rules.ts through the `@domain` alias; the metrics list from schema/db/constants.ts, which
 * the Dockerfile's client stage copies too), so a bad value is named beside its field at once.
 * The server still decides: its field errors are shown the same way.
 */
import type {
  GoalCard_GoalFragment,
  GoalMetric,
  GoalStatus,
  PaceBasis,
  PaceState,
  PeriodType,
} from '../gql/graphql.ts';
import { formatCount, formatMoney, formatNumber, formatPercent, significant } from './format.ts';
import { isPeriodStart, periodStart } from './periods.ts';
import { COUNT_METRICS, goalValueProblem, RATE_METRICS } from '@domain/goal-rules.ts';
import { achievementPercentage as domainPercentage, goalStatus } from '@domain/goal-status.ts';
import { goalPace } from '@domain/pace.ts';
import { GOAL_METRICS as ALL_GOAL_METRICS } from '../../../schema/db/constants.ts';

/** Every goal metric, in the server's order (schema/db/constants.ts, the one list of them). */
export const GOAL_METRICS: readonly GoalMetric[] = ALL_GOAL_METRICS;

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

export const PACE_NAMES: Record<PaceState, string> = {
  AHEAD: 'Ahead of pace',
  ON_PACE: 'On pace',
  BEHIND_PACE: 'Behind pace',
};

export { COUNT_METRICS, RATE_METRICS };
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

export { goalStatus };

/**
 * current / target * 100 as the server stores it (domain/goal-status.ts, the rule goals_derive()
 * implements), for an optimistic update: 0 where there is no positive target yet.
 */
export function achievementPercentage(current: number, target: number): number {
  if (!(target > 0) || !Number.isFinite(target) || !Number.isFinite(current)) return 0;
  return domainPercentage(current, target);
}

export type FieldErrors = Partial<Record<string, string>>;

/** Parses a number typed by a person ("20,000", " 15000.5 "); NaN when it is not one. */
export function parseAmount(text: string): number {
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  return cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? NaN : Number(cleaned);
}

export function checkValue(value: number, metric: GoalMetric, positive: boolean): string | null {
  return goalValueProblem(value, metric, positive, METRIC_NAMES[metric]);
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

/** A goal's pace as the card shows it (Goal.pace, the generated type of GoalCard's fragment). */
export type CardPace = GoalCard_GoalFragment['pace'];

/**
 * The pace the server will answer (api/domain/pace.ts, the rule Goal.pace runs), for an optimistic
 * update: now, in the organisation's zone and on its basis.
 */
export function optimisticPace(
  goal: {
    metric: GoalMetric;
    periodType: PeriodType;
    periodStart: string;
    targetValue: number;
    currentValue: number;
  },
  clock: { timeZone: string; paceBasis: PaceBasis },
): CardPace {
  const { state, expectedValue, gap, requiredRate, daysLeft, basis } = goalPace(
    goal,
    { now: new Date(), timeZone: clock.timeZone, basis: clock.paceBasis },
    100,
  );
  return { __typename: 'GoalPace', state, expectedValue, gap, requiredRate, daysLeft, basis };
}

/**
 * A pace figure (expected by now, the gap, the rate needed) in the goal's unit; counts keep their
 * decimals (0.95 orders expected by now is not 1).
 */
export function formatPaceValue(metric: GoalMetric, value: number): string {
  return COUNT_METRICS.includes(metric) ? formatNumber(value) : formatGoalValue(metric, value);
}

/** The gap to pace with its sign: "+$1,200.00", "−2.05" (a minus sign, not a hyphen). */
export function formatGap(metric: GoalMetric, gap: number): string {
  const text = formatPaceValue(metric, Math.abs(gap));
  return gap > 0 ? `+${text}` : gap < 0 ? `−${text}` : text;
}
