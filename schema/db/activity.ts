import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { activityKindEnum, periodTypeEnum } from './enums.ts';
import { users } from './people.ts';

/**
 * Raw sales activity. A public integration surface (shared/contract/DATABASE.md): a plain INSERT by
 * any client has the same effect as recordActivities, because the rollups are kept by statement
 * triggers (drizzle/*_rollups.sql), not by the API.
 */
export const activities = pgTable(
  'activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: activityKindEnum('kind').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    externalId: text('external_id').notNull(),
    /** Who wrote the row: 'api', 'import', or the default 'sql' for direct writers. */
    source: text('source').notNull().default('sql'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activities_external_id_key').on(t.externalId),
    // a seller's activities in time order, ties by id: periods, and the keyset pages of a figure's
    // contributions (api/modules/goals/contributions.queries.ts), newest first without a sort
    index('activities_user_occurred_id_idx').on(t.userId, t.occurredAt, t.id),
    check('activities_amount_only_on_orders', sql`(${t.kind} = 'ORDER_WON') = (${t.amount} is not null)`),
    check('activities_amount_non_negative', sql`${t.amount} >= 0`),
    check('activities_external_id_length', sql`char_length(${t.externalId}) between 1 and 200`),
  ],
);
export type ActivityRow = typeof activities.$inferSelect;

/**
 * Per-user metrics per (period_type, period_start), for all five period types. Maintained by the
 * activities triggers (incrementally, ON CONFLICT DO UPDATE x = x + delta) and by
 * record_performance() for pushed aggregates. Rates are never stored: they derive from counts.
 */
export const salesPerformance = pgTable(
  'sales_performance',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    periodType: periodTypeEnum('period_type').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    leadsCreated: integer('leads_created').notNull().default(0),
    opportunitiesCreated: integer('opportunities_created').notNull().default(0),
    quotationsSent: integer('quotations_sent').notNull().default(0),
    quotationsAccepted: integer('quotations_accepted').notNull().default(0),
    ordersWon: integer('orders_won').notNull().default(0),
    opportunitiesLost: integer('opportunities_lost').notNull().default(0),
    revenue: numeric('revenue', { precision: 16, scale: 2 }).notNull().default('0'),
    calls: integer('calls').notNull().default(0),
    emails: integer('emails').notNull().default(0),
    meetings: integer('meetings').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.periodType, t.periodStart] }),
    index('sales_performance_period_idx').on(t.periodType, t.periodStart),
  ],
);
export type SalesPerformanceRow = typeof salesPerformance.$inferSelect;
