/**
 * Sign-in (issue 15, first slice): password hashes, server-side sessions and the failed-attempt
 * counters that rate-limit sign-in. Kept out of `users` on purpose: a user row is read and passed
 * around everywhere (loaders, REST shapes, the viewer directory), a password hash never should be.
 *
 * - `user_passwords`: one Argon2id PHC string per user who has a password (api/auth/passwords.ts).
 * - `sessions`: the stored credentials, of two kinds: a browser's session (`browser`, its token in
 *   the cookie) and an API token (`api`, sent as a bearer token; named, no idle timeout, expiry
 *   optional). The id is the SHA-256 (hex) of the opaque token, so a copy of the table signs
 *   nobody in; `handle` is the public id. Revoking sets revoked_at; a trigger then sends the `dir`
 *   notification so every process drops its cache (drizzle/functions/directory_notify.sql). One
 *   table, so both kinds share one cache, one revocation path and one deactivation trigger.
 * - `sign_in_throttle`: failures per key ('account:<email>' or 'address:<ip>') within a window,
 *   and until when the key is locked. In Postgres because several API processes share it.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** SHA-256 of the token (the cookie's, or the API token), hex. */
    id: text('id').primaryKey(),
    /** The public id (GraphQL ApiToken.id): names the row without being a step towards the token. */
    handle: uuid('handle').notNull().defaultRandom(),
    kind: text('kind', { enum: ['browser', 'api'] })
      .notNull()
      .default('browser'),
    /** An API token's name ("ERP sync") and the first characters of the token, to recognise it. */
    name: text('name'),
    prefix: text('prefix'),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Required for a browser session; an API token may never expire. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Written at most once a minute per session (api/auth/sessions.ts), not per request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_user_idx')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
    uniqueIndex('sessions_handle_key').on(t.handle),
    check('sessions_kind', sql`${t.kind} in ('browser', 'api')`),
    check(
      'sessions_kind_fields',
      sql`case ${t.kind} when 'browser' then ${t.expiresAt} is not null and ${t.name} is null
          else ${t.name} is not null and char_length(${t.name}) between 1 and 100 and ${t.prefix} is not null end`,
    ),
  ],
);
export type SessionRow = typeof sessions.$inferSelect;

export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * One-time links (issue 15): an invitation to set a first password, or a password reset. The id
 * is the SHA-256 (hex) of the link's token; `used_at` is set when it is used, or when a newer
 * link of the same kind for the same person replaces it (one live link a person and kind).
 */
export const oneTimeLinks = pgTable(
  'one_time_links',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['invitation', 'reset'] }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('one_time_links_user_idx')
      .on(t.userId)
      .where(sql`${t.usedAt} is null`),
    check('one_time_links_kind', sql`${t.kind} in ('invitation', 'reset')`),
  ],
);

/**
 * TV pairing (issue 15): a screen without a credential asks for a pairing and shows its short
 * `code`; it keeps the long secret, whose SHA-256 is the id. An admin or manager claims the code
 * (`screen_user_id`: the screen's account, kind 'screen'); the screen's next poll with its secret
 * gets the screen's API token, once (`delivered_at`). Unclaimed pairings expire in minutes.
 */
export const screenPairings = pgTable(
  'screen_pairings',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    screenUserId: integer('screen_user_id').references(() => users.id, { onDelete: 'cascade' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('screen_pairings_code_key').on(t.code)],
);
