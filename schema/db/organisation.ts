import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The organisation's settings: one row (id = 1). The database reads time_zone itself (function
 * org_time_zone()) so that period boundaries are the same for every writer, API or ERP.
 */
export const settings = pgTable(
  'settings',
  {
    id: integer('id').primaryKey().default(1),
    timeZone: text('time_zone').notNull().default('UTC'),
    currency: text('currency').notNull().default('USD'),
    /** Goal pace counts Monday–Friday days instead of the period's real duration (docs/goals-pace.md). */
    paceWorkingDays: boolean('pace_working_days').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('settings_single_row', sql`${t.id} = 1`),
    check('settings_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
export type SettingsRow = typeof settings.$inferSelect;
