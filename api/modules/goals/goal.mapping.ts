/**
 * Goal mapping: a goal row with its projection -> the GraphQL Goal (numeric columns as numbers).
 *
 * Invariant: pure; no database, request context or live hub. Why a file of its own: the service
 * (queries and mutations), the subscription streams and the live hub's fan-out map rows the same
 * way, and the hub must not import the service (the service imports the request context, which
 * names the live layer: an import cycle, see docs/architecture.md).
 */
import type { GoalWithProjection } from './goal.queries.ts';
import type { Goal } from './goal.type.ts';

export function toGoal(row: GoalWithProjection): Goal {
  return {
    id: row.id,
    userId: row.userId,
    teamId: row.teamId,
    createdById: row.createdBy,
    metric: row.metric,
    periodType: row.periodType,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    targetValue: Number(row.targetValue),
    currentValue: Number(row.currentValue),
    achievementPercentage: Number(row.achievementPercentage),
    status: row.status,
    projectedValue: Number(row.projectedValue),
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
