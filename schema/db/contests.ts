import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { activityKindEnum, goalMetricEnum } from './enums.ts';
import { teams, users } from './people.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A contest (docs/contests.md): a window [starts_at, ends_at), a metric and a format, over people,
 * teams or everyone (contest_participants). Its standings are computed from the activities inside
 * the window while it runs; once it ended they are frozen in contest_results, once.
 * started_announced_at is set by the one process that sent CONTEST_STARTED (conditional update).
 */
export const contests = pgTable(
  'contests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    description: text('description'),
    prize: text('prize'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    metric: text('metric').notNull(),
    /** ACTIVITIES only: the kind counted (null: every kind). */
    activityKind: activityKindEnum('activity_kind'),
    /** GOAL_PERCENT only: the goals compared against. */
    goalMetric: goalMetricEnum('goal_metric'),
    format: text('format').notNull(),
    everyone: boolean('everyone').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAnnouncedAt: timestamp('started_announced_at', { withTimezone: true }),
  },
  (t) => [
    check('contests_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('contests_description_length', sql`char_length(${t.description}) <= 2000`),
    check('contests_prize_length', sql`char_length(${t.prize}) <= 200`),
    check('contests_window', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'contests_metric',
      sql`${t.metric} in (${list(['REVENUE', 'ORDERS', 'CALLS', 'MEETINGS', 'ACTIVITIES', 'CONVERSION_RATE', 'GOAL_PERCENT'])})`,
    ),
    check(
      'contests_format',
      sql`${t.format} in (${list(['INDIVIDUAL', 'TEAM_TOTAL', 'TEAM_AVERAGE', 'HEAD_TO_HEAD'])})`,
    ),
    index('contests_ends_idx').on(t.endsAt),
    index('contests_starts_idx').on(t.startsAt),
  ],
);
export type ContestRow = typeof contests.$inferSelect;

/** One person (with an opponent in HEAD_TO_HEAD) or one whole team taking part in a contest. */
export const contestParticipants = pgTable(
  'contest_participants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    opponentId: integer('opponent_id').references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    check('contest_participants_one', sql`num_nonnulls(${t.userId}, ${t.teamId}) = 1`),
    index('contest_participants_contest_idx').on(t.contestId),
    index('contest_participants_user_idx').on(t.userId),
    index('contest_participants_team_idx').on(t.teamId),
  ],
);
export type ContestParticipantRow = typeof contestParticipants.$inferSelect;

/**
 * A contest's final standings, frozen once when it ended (the primary key makes the first writer
 * the only one: INSERT ... ON CONFLICT DO NOTHING): they never move again, whatever later writes
 * to activities inside its window.
 */
export const contestResults = pgTable('contest_results', {
  contestId: integer('contest_id')
    .primaryKey()
    .references(() => contests.id, { onDelete: 'cascade' }),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
  standings: jsonb('standings').notNull(),
  winnerIds: integer('winner_ids').array().notNull(),
});
export type ContestResultRow = typeof contestResults.$inferSelect;
