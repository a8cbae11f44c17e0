/**
 * Columns several tables declare alike, written once. Each call makes a new column builder (a
 * builder belongs to one table). The SQL they stand for is unchanged: drizzle-kit generates no
 * migration from moving a column here.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, timestamp, type PgColumn } from 'drizzle-orm/pg-core';

/** When the row was written (the database's clock). */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
/** When the row last changed (the database's clock at insert; writers set it on update). */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** An outbox row's id (mail_outbox, webhook_outbox). */
export const outboxId = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

/** An outbox row's retry state (after its status, in both outboxes). */
export const outboxRetry = () => ({
  attempts: integer('attempts').notNull().default(0),
  /** When the next attempt is due; while an attempt runs, when its claim expires. */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The index the workers claim due rows by: pending rows, by due time. */
export const outboxDueIndex = (name: string, t: { nextAttemptAt: PgColumn; status: PgColumn }) =>
  index(name)
    .on(t.nextAttemptAt)
    .where(sql`${t.status} = 'PENDING'`);
