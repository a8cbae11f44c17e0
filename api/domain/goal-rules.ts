/**
 * What a goal's value may be, for one metric: the rule the API enforces (goal.service.ts) and the
 * web client checks beside the field before it asks (client/src/lib/goals.ts imports this module
 * through the `@domain` alias: one rule, no copy). Values are stored as numeric(16,2): at most 14
 * integer digits and 2 decimals; counts are whole; rates are percentages up to 100.
 */
import { RATE_METRICS, type GoalMetric } from '../../schema/db/constants.ts';
import { parseMoney } from './money.ts';

export { RATE_METRICS };

/** Metrics counted in whole numbers. */
export const COUNT_METRICS: readonly GoalMetric[] = ['ORDERS', 'LEADS', 'OPPORTUNITIES', 'CALLS', 'MEETINGS'];

/** numeric(16,2) holds 14 integer digits. */
export const MAX_GOAL_VALUE = 1e14;

/**
 * What is wrong with `value` as a target (positive) or current value (not negative) of a goal on
 * `metric`, or null. `metricName` is how the message names the metric ("Calls" in the client).
 */
export function goalValueProblem(
  value: number,
  metric: GoalMetric,
  positive: boolean,
  metricName: string = metric,
): string | null {
  if (!Number.isFinite(value)) return 'must be a number';
  if (positive ? value <= 0 : value < 0) return positive ? 'must be positive' : 'must not be negative';
  if (value >= MAX_GOAL_VALUE) return 'is too large';
  if (parseMoney(String(value), 14) === null) return 'has more than two decimals';
  if (COUNT_METRICS.includes(metric) && !Number.isInteger(value))
    return `must be a whole number for ${metricName}`;
  if (RATE_METRICS.includes(metric) && value > 100) return 'is a percentage: at most 100';
  return null;
}
