/**
 * Managed TV screens (issue 15): what a paired screen shows, and whether it is online.
 * - `screens`: one row per screen account (users.kind 'screen'): the boards it rotates in order,
 *   seconds per board, the period, and an optional pinned board. Its `screens_notify` trigger sends
 *   the `dir` notification (drizzle/functions/directory_notify.sql) on every layout change, so every
 *   process re-reads the screen's viewer, which carries the layout (live/caches/directory.ts), and
 *   pushes it to the screen's `myScreen` subscription. `first_connected_at` is not a layout column:
 *   writing it notifies nobody. Its settings (migration 0010) are part of the layout: `show_goals`
 *   lets the screen's credential read its team's goals (api/core/permissions.ts), `celebrations`,
 *   `sale_amount` and `sound` say which events interrupt its rotation (client/src/tv/celebrations.ts);
 *   `show_contests` (migration 0013) lets it read and rotate its team's contests (docs/screens.md);
 *   `celebrations` holds CELEBRATION_KINDS names as text, so a new kind needs no migration (an
 *   unknown name read back is ignored).
 * - `screen_connections`: one row per socket a screen opened, on whichever process: written on
 *   connect and close and at most once a minute while open (`seen_at`), never per event; a process
 *   that dies leaves rows whose `seen_at` goes stale, so "online" needs a recent `seen_at`. Rows
 *   closed more than a day ago are deleted (reconnects are counted over the last 24 h).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CELEBRATION_KINDS, LEADERBOARD_METRICS, SCREEN_SALE_AMOUNT, SCREEN_SECONDS } from './constants.ts';
import { periodTypeEnum } from './enums.ts';
import { users } from './people.ts';

const metrics = sql.raw(`array[${LEADERBOARD_METRICS.map((m) => `'${m}'`).join(', ')}]::text[]`);

export const screens = pgTable(
  'screens',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    boards: text('boards')
      .array()
      .notNull()
      .default(sql`array['REVENUE', 'ORDERS', 'CONVERSION_RATE']::text[]`),
    secondsPerBoard: integer('seconds_per_board').notNull().default(SCREEN_SECONDS.default),
    periodType: periodTypeEnum('period_type').notNull().default('MONTHLY'),
    pinned: text('pinned'),
    showGoals: boolean('show_goals').notNull().default(false),
    showContests: boolean('show_contests').notNull().default(true),
    celebrations: text('celebrations')
      .array()
      .notNull()
      .default(sql.raw(`array[${CELEBRATION_KINDS.map((k) => `'${k}'`).join(', ')}]::text[]`)),
    saleAmount: integer('sale_amount').notNull().default(SCREEN_SALE_AMOUNT.default),
    sound: boolean('sound').notNull().default(false),
    firstConnectedAt: timestamp('first_connected_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'screens_boards',
      sql`cardinality(${t.boards}) between 1 and ${sql.raw(String(LEADERBOARD_METRICS.length))} and ${t.boards} <@ ${metrics}`,
    ),
    check('screens_pinned', sql`${t.pinned} is null or ${t.pinned} = any(${metrics})`),
    check('screens_celebrations', sql`cardinality(${t.celebrations}) <= 16`),
    check(
      'screens_sale_amount',
      sql`${t.saleAmount} between ${sql.raw(String(SCREEN_SALE_AMOUNT.min))} and ${sql.raw(String(SCREEN_SALE_AMOUNT.max))}`,
    ),
    check(
      'screens_seconds',
      sql`${t.secondsPerBoard} between ${sql.raw(String(SCREEN_SECONDS.min))} and ${sql.raw(String(SCREEN_SECONDS.max))}`,
    ),
  ],
);
export type ScreenRow = typeof screens.$inferSelect;

export const screenConnections = pgTable(
  'screen_connections',
  {
    id: uuid('id').primaryKey(),
    screenUserId: integer('screen_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
    clientVersion: text('client_version'),
    resolution: text('resolution'),
  },
  (t) => [
    index('screen_connections_screen_idx').on(t.screenUserId, t.connectedAt),
    check('screen_connections_client_version', sql`char_length(${t.clientVersion}) <= 64`),
    check('screen_connections_resolution', sql`char_length(${t.resolution}) <= 32`),
  ],
);
