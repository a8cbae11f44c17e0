/**
 * Achievement mapping: a badge row -> the GraphQL Achievement (its value as a number); a rule row
 * -> the GraphQL AchievementRule (its icon's name read back from the stored emoji).
 *
 * Invariant: pure; no database, request context or live hub. Why a file of its own: the service
 * and the live hub's fan-out map rows the same way, and the hub must not import the service (the
 * service imports the request context, which names the live layer: an import cycle, see
 * docs/architecture.md).
 */
import type { AchievementRow, AchievementRuleRow } from '../../../schema/db/index.ts';
import { badgeIconNameOf } from '../../domain/badge-icons.ts';
import type { Achievement, AchievementRule } from './achievement.type.ts';

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

export type RuleFields = Pick<
  AchievementRuleRow,
  'id' | 'kind' | 'title' | 'description' | 'badgeIcon' | 'metric' | 'periodType' | 'active' | 'awardsFrom'
> & { threshold: string | number };

export function toRule(row: RuleFields): AchievementRule {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    badgeIcon: row.badgeIcon,
    metric: row.metric,
    periodType: row.periodType,
    threshold: Number(row.threshold),
    active: row.active,
    icon: badgeIconNameOf(row.badgeIcon),
    awardsFrom: row.awardsFrom,
  };
}
