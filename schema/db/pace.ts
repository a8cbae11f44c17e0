import { boolean, date, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { goals } from './goals.ts';

/**
 * Pace alerts sent (GOAL_BEHIND_PACE), one row per goal once it was first judged: the database, not
 * a process's memory, decides that an alert is sent once, whichever of several API processes sees
 * the goal fall behind (api/jobs/pace/pace-alerts.ts claims it with a conditional upsert).
 */
export const goalPaceAlerts = pgTable('goal_pace_alerts', {
  goalId: integer('goal_id')
    .primaryKey()
    .references(() => goals.id, { onDelete: 'cascade' }),
  /** An alert was sent and the goal has not been back on pace since. */
  alerted: boolean('alerted').notNull().default(false),
  /** The organisation's day of the last alert: at most one a day. */
  alertDay: date('alert_day', { mode: 'string' }),
  /** Alerts sent for this goal so far. */
  alerts: integer('alerts').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type GoalPaceAlertRow = typeof goalPaceAlerts.$inferSelect;
