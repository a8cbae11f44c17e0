import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { activities } from './activity.ts';
import { goals } from './goals.ts';
import { users } from './people.ts';

/**
 * Kudos (issue 19, docs/kudos.md): one person thanks another with a short message, optionally tied
 * to one of the recipient's sales or goals. Never self-given (CHECK). A removal sets deleted_at
 * instead of deleting, so a removed kudos still counts toward its giver's rate limit (give, remove,
 * give again cannot mail a colleague without bound). Inserts reach the live hub and the mail outbox
 * through statement-level triggers (drizzle/functions/kudos_notify.sql).
 */
export const kudos = pgTable(
  'kudos',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    giverId: integer('giver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /** Screens never show the message of a private kudos (docs/kudos.md, Who sees what). */
    private: boolean('private').notNull().default(false),
    activityId: bigint('activity_id', { mode: 'number' }).references(() => activities.id, {
      onDelete: 'set null',
    }),
    goalId: integer('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check('kudos_not_self', sql`${t.giverId} <> ${t.recipientId}`),
    check('kudos_message_length', sql`char_length(${t.message}) between 1 and 280`),
    index('kudos_giver_created_idx').on(t.giverId, t.createdAt),
    index('kudos_feed_idx')
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('kudos_recipient_idx').on(t.recipientId),
  ],
);
export type KudosRow = typeof kudos.$inferSelect;
