import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, outboxDueIndex, outboxId, outboxRetry, updatedAt } from './columns.ts';
import type { WebhookFormat } from './constants.ts';
import { deliveryStatusEnum, webhookEventEnum } from './enums.ts';
import { users } from './people.ts';

/** URLs admins registered to be told about events; the secret signs every delivery (HMAC-SHA256). */
export const webhooks = pgTable(
  'webhooks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    url: text('url').notNull(),
    events: webhookEventEnum('events').array().notNull(),
    secret: text('secret').notNull(),
    /** Paused: its events wait in the outbox (the worker claims none) until it is resumed. */
    paused: boolean('paused').notNull().default(false),
    /** How a delivery is written: the signed JSON, a Slack or a Teams message (constants.ts). */
    format: text('format').$type<WebhookFormat>().notNull().default('JSON'),
    /** Set: one message per this many minutes listing the events (a divisor of a day, 5-1440). */
    digestMinutes: integer('digest_minutes'),
    /** The last interval boundary whose events were sealed into a digest (formats/digest.ts). */
    digestSealedUntil: timestamp('digest_sealed_until', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('webhooks_url_http', sql`${t.url} ~ '^https?://' and char_length(${t.url}) <= 2000`),
    check('webhooks_events_not_empty', sql`cardinality(${t.events}) > 0`),
    check('webhooks_format', sql`${t.format} in ('JSON', 'SLACK', 'TEAMS')`),
    check(
      'webhooks_digest_minutes',
      sql`${t.digestMinutes} is null or (${t.digestMinutes} between 5 and 1440 and 1440 % ${t.digestMinutes} = 0)`,
    ),
  ],
);
export type WebhookRow = typeof webhooks.$inferSelect;

/**
 * The transactional outbox: one row per (webhook, event), written in the same transaction as the
 * change that caused it (triggers in drizzle/*_webhook_triggers.sql; rank changes by the API), so
 * a rolled-back change leaves nothing to deliver. The worker (api/jobs/webhooks/worker.ts) claims due
 * rows with FOR UPDATE SKIP LOCKED and records every attempt here. (webhook_id, idempotency_key)
 * is unique: an event enqueued twice (two API processes seeing one rank change) is one delivery.
 */
export const webhookOutbox = pgTable(
  'webhook_outbox',
  {
    id: outboxId(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: webhookEventEnum('event').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    payload: jsonb('payload').notNull(),
    status: deliveryStatusEnum('status').notNull().default('PENDING'),
    ...outboxRetry(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** Set when sealed into a digest: every row of one digest goes out, and is retried, together. */
    digestKey: text('digest_key'),
  },
  (t) => [
    uniqueIndex('webhook_outbox_key').on(t.webhookId, t.idempotencyKey),
    outboxDueIndex('webhook_outbox_due_idx', t),
    index('webhook_outbox_webhook_idx').on(t.webhookId, t.id),
    index('webhook_outbox_digest_idx')
      .on(t.webhookId, t.digestKey)
      .where(sql`${t.status} = 'PENDING'`),
  ],
);
export type WebhookOutboxRow = typeof webhookOutbox.$inferSelect;

/**
 * The last top 3 each rank-change webhook was told about (or, at first, saw), per board, so that a
 * change is reported once across API processes and restarts (a process compares with this, not
 * with its memory). Per webhook: a new webhook starts from the board as it is when it is
 * registered, and its state goes with it.
 */
export const webhookRankState = pgTable(
  'webhook_rank_state',
  {
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    board: text('board').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    /** The entries ranked 1-3: [{ rank, user_id, user_name, revenue }, ...]. */
    top: jsonb('top').notNull(),
    /** The board version it was computed at; an older computation never overwrites a newer one. */
    version: bigint('version', { mode: 'bigint' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.webhookId, t.board] })],
);
