/**
 * The original REST API's vocabulary (Ocean ERP v4: tests/fixtures/seed-rest-api.md) <-> this product's values.
 * Inputs are read leniently ("Conversion Rate", "conversion_rate" and "CONVERSION_RATE" are the
 * same goal type; "monthly" and "MONTHLY" the same period); outputs use the seed's spelling.
 */
import {
  GOAL_METRICS,
  GOAL_STATUSES,
  LEADERBOARD_METRICS,
  PERIOD_TYPES,
  type GoalMetric,
  type GoalStatus,
  type LeaderboardMetric,
  type Medal,
  type PeriodType,
} from '../../../schema/db/constants.ts';

/** "Conversion Rate" / "conversion-rate" / "CONVERSION_RATE" -> "CONVERSION_RATE". */
const token = (value: string): string =>
  value
    .trim()
    .replace(/[\s-]+/g, '_')
    .toUpperCase();

function lookup<T extends string>(values: readonly T[], value: unknown): T | null {
  if (typeof value !== 'string') return null;
  const t = token(value);
  return values.find((v) => v === t) ?? null;
}

/** The seed's goal type names ("Revenue", "Conversion Rate", ...), for every metric. */
export const GOAL_TYPE_LABELS: Record<GoalMetric, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders',
  LEADS: 'Leads',
  OPPORTUNITIES: 'Opportunities',
  CONVERSION_RATE: 'Conversion Rate',
  WIN_RATE: 'Win Rate',
  CALLS: 'Calls',
  MEETINGS: 'Meetings',
  CUSTOM: 'Custom',
};

/** The seed's performance status labels: "Achieved", "On Track", "Behind", "At Risk" (+ "Missed"). */
export const STATUS_LABELS: Record<GoalStatus, string> = {
  ACHIEVED: 'Achieved',
  ON_TRACK: 'On Track',
  BEHIND: 'Behind',
  AT_RISK: 'At Risk',
  MISSED: 'Missed',
};

export const MEDAL_ICONS: Record<Medal, string> = { GOLD: '🥇', SILVER: '🥈', BRONZE: '🥉' };

export const parseGoalType = (value: unknown): GoalMetric | null => lookup(GOAL_METRICS, value);
export const parsePeriodType = (value: unknown): PeriodType | null => lookup(PERIOD_TYPES, value);
export const parseGoalStatus = (value: unknown): GoalStatus | null => lookup(GOAL_STATUSES, value);
export const parseLeaderboardMetric = (value: unknown): LeaderboardMetric | null =>
  lookup(LEADERBOARD_METRICS, value);

/** MONTHLY -> "monthly", ON_TRACK -> "on_track": the seed's lower-case values. */
export const lower = (value: string): string => value.toLowerCase();

export const GOAL_TYPE_HINT = Object.values(GOAL_TYPE_LABELS).join(', ');
export const PERIOD_HINT = PERIOD_TYPES.map(lower).join(', ');

/** userId -> user_id, activities.3.occurredAt -> activities.3.occurred_at. */
export function snakeCase(path: string): string {
  return path
    .split('.')
    .map((part) => part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .join('.');
}

/**
 * Field names of the services' errors as the REST client sent them: a route's own renames first
 * (metric -> goal_type), snake_case otherwise.
 */
export function restFieldName(field: string, renames: Readonly<Record<string, string>> = {}): string {
  // own keys only: a client's unknown field "__proto__" or "constructor" is named as sent
  return (Object.hasOwn(renames, field) ? renames[field] : undefined) ?? snakeCase(field);
}
