import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, outboxDueIndex, outboxId, outboxRetry, updatedAt } from './columns.ts';
import { goals } from './goals.ts';
import { teams, users } from './people.ts';

/**
 * E-mail notifications (issue 19, docs/notifications.md). One row per person who changed a choice;
 * a null column (or no row) is the default: on, but weekly_digest off. The triggers read it set-based (LEFT JOIN,
 * coalesce(column, true)), so a default person costs no row.
 */
export const notificationSettings = pgTable('notification_settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  goalProgress: boolean('goal_progress'),
  goalBehindPace: boolean('goal_behind_pace'),
  badgeEarned: boolean('badge_earned'),
  contests: boolean('contests'),
  teamRank: boolean('team_rank'),
  kudos: boolean('kudos'),
  /** A manager's or admin's weekly digest (0017): null is off. */
  weeklyDigest: boolean('weekly_digest'),
  updatedAt: updatedAt(),
});
export type NotificationSettingsRow = typeof notificationSettings.$inferSelect;

/**
 * Whether mail goes out at all (one row, id = 1): every API process writes it at start from
 * SMTP_URL. While it is false the triggers enqueue nothing, so nothing piles up unsent.
 */
export const notificationState = pgTable(
  'notification_state',
  {
    id: integer('id').primaryKey().default(1),
    mailEnabled: boolean('mail_enabled').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [check('notification_state_single_row', sql`${t.id} = 1`)],
);

/**
 * The mail outbox: written in the transaction of the change (the goal and badge triggers, the pace
 * and contest jobs, the team-rank check), sent by api/jobs/notifications/worker.ts, which claims
 * rows with FOR UPDATE SKIP LOCKED and a lease. (user_id, dedupe_key) is unique: one mail per
 * person per event, however many processes saw it.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: outboxId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').notNull(),
    /** PENDING, SENT, FAILED (attempts used up) or DROPPED (turned off, or no one to send to). */
    status: text('status').notNull().default('PENDING'),
    ...outboxRetry(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mail_outbox_key').on(t.userId, t.dedupeKey),
    outboxDueIndex('mail_outbox_due_idx', t),
    check('mail_outbox_status', sql`${t.status} in ('PENDING', 'SENT', 'FAILED', 'DROPPED')`),
  ],
);
export type MailOutboxRow = typeof mailOutbox.$inferSelect;

/** The highest GOAL_PROGRESS step (50, 75, 100) a goal reached: each is mailed once per goal. */
export const goalMailSteps = pgTable('goal_mail_steps', {
  goalId: integer('goal_id')
    .primaryKey()
    .references(() => goals.id, { onDelete: 'cascade' }),
  step: smallint('step').notNull(),
});

/** Who holds #1 of each team's monthly revenue board (ties: several), as last mailed about. */
export const teamRankLeaders = pgTable('team_rank_leaders', {
  teamId: integer('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  leaders: integer('leaders').array().notNull(),
  updatedAt: updatedAt(),
});
