/**
 * Sign-in (issue 15, first slice): password hashes, server-side sessions and the failed-attempt
 * counters that rate-limit sign-in. Kept out of `users` on purpose: a user row is read and passed
 * around everywhere (loaders, REST shapes, the viewer directory), a password hash never should be.
 *
 * - `user_passwords`: one Argon2id PHC string per user who has a password (api/auth/passwords.ts).
 * - `sessions`: the id is the SHA-256 (hex) of the opaque token in the cookie, so a copy of the
 *   table signs nobody in. Revoking sets revoked_at; a trigger then sends the `dir` notification
 *   so every process drops its session cache (drizzle/functions/directory_notify.sql).
 * - `sign_in_throttle`: failures per key ('account:<email>' or 'address:<ip>') within a window,
 *   and until when the key is locked. In Postgres because several API processes share it.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './people.ts';

export const userPasswords = pgTable('user_passwords', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token, hex. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Written at most once a minute per session (api/auth/sessions.ts), not per request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_user_idx')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);
export type SessionRow = typeof sessions.$inferSelect;

export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
