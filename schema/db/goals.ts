import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { goalMetricEnum, goalStatusEnum, periodTypeEnum } from './enums.ts';
import { teams, users } from './people.ts';

/**
 * A target for one user or one team over one period. current_value (tracked metrics),
 * achievement_percentage, status, period_end and version are derived by the BEFORE trigger
 * goals_derive(): nothing else writes them, so they can never disagree with the rollups.
 */
export const goals = pgTable(
  'goals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    metric: goalMetricEnum('metric').notNull(),
    periodType: periodTypeEnum('period_type').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    targetValue: numeric('target_value', { precision: 16, scale: 2 }).notNull(),
    currentValue: numeric('current_value', { precision: 16, scale: 2 }).notNull().default('0'),
    achievementPercentage: numeric('achievement_percentage', { precision: 12, scale: 2 })
      .notNull()
      .default('0'),
    status: goalStatusEnum('status').notNull().default('AT_RISK'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('goals_one_owner', sql`num_nonnulls(${t.userId}, ${t.teamId}) = 1`),
    check('goals_target_positive', sql`${t.targetValue} > 0`),
    check('goals_current_non_negative', sql`${t.currentValue} >= 0`),
    check('goals_description_length', sql`char_length(${t.description}) <= 2000`),
    index('goals_user_period_idx').on(t.userId, t.periodType, t.periodStart),
    index('goals_team_period_idx').on(t.teamId, t.periodType, t.periodStart),
    index('goals_period_end_idx').on(t.periodEnd),
  ],
);
export type GoalRow = typeof goals.$inferSelect;
