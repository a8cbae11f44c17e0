import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { periodTypeEnum, ruleMetricEnum } from './enums.ts';
import { users } from './people.ts';

/**
 * Rules award a badge automatically when a user's metric over the rule's period (or lifetime when
 * period_type is null) reaches threshold: exactly once per (rule, user, period), enforced by the
 * unique index achievements_rule_period_once (drizzle/0014_badge_rules.sql) and ON CONFLICT DO
 * NOTHING. No period ending before awards_from is awarded, nor a pair of the rule's baseline
 * (docs/badges.md).
 */
export const achievementRules = pgTable(
  'achievement_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    badgeIcon: text('badge_icon').notNull(),
    metric: ruleMetricEnum('metric').notNull(),
    /** null: lifetime. */
    periodType: periodTypeEnum('period_type'),
    threshold: numeric('threshold', { precision: 16, scale: 2 }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Periods ending before this day are never awarded; null: every period. */
    awardsFrom: date('awards_from', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('achievement_rules_title_key').on(sql`lower(${t.title})`),
    check('achievement_rules_threshold_positive', sql`${t.threshold} > 0`),
  ],
);
export type AchievementRuleRow = typeof achievementRules.$inferSelect;

/** (user, period) pairs that met a rule before it was saved "from now on": never awarded by it. */
export const achievementRuleBaseline = pgTable(
  'achievement_rule_baseline',
  {
    ruleId: integer('rule_id')
      .notNull()
      .references(() => achievementRules.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null: lifetime. */
    periodStart: date('period_start', { mode: 'string' }),
  },
  // NULLS NOT DISTINCT in the migration (0014), which drizzle's index builder cannot say
  (t) => [uniqueIndex('achievement_rule_baseline_key').on(t.ruleId, t.userId, t.periodStart)],
);

export const achievements = pgTable(
  'achievements',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    badgeIcon: text('badge_icon').notNull(),
    value: numeric('value', { precision: 16, scale: 2 }),
    achievedAt: timestamp('achieved_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a rule awarded it; null for manual awards. */
    ruleId: integer('rule_id').references(() => achievementRules.id, { onDelete: 'set null' }),
    periodType: periodTypeEnum('period_type'),
    periodStart: date('period_start', { mode: 'string' }),
    awardedBy: integer('awarded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('achievements_user_idx').on(t.userId, t.achievedAt),
    index('achievements_achieved_idx').on(t.achievedAt),
  ],
);
export type AchievementRow = typeof achievements.$inferSelect;
