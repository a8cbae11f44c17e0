/**
 * Achievement mapping: a badge row -> the GraphQL Achievement (its value as a number).
 *
 * Invariant: pure; no database, request context or live hub. Why a file of its own: the service
 * and the live hub's fan-out map rows the same way, and the hub must not import the service (the
 * service imports the request context, which names the live layer: an import cycle, see
 * docs/architecture.md).
 */
import type { AchievementRow } from '../../../schema/db/index.ts';
import type { Achievement } from './achievement.type.ts';

export function toAchievement(row: AchievementRow): Achievement {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    badgeIcon: row.badgeIcon,
    value: row.value === null ? null : Number(row.value),
    achievedAt: row.achievedAt,
    ruleId: row.ruleId,
  };
}
