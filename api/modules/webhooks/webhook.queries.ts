import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { webhookOutbox, webhooks, type WebhookOutboxRow, type WebhookRow } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { WEBHOOK_CHANNEL } from '../../jobs/webhooks/wake.ts';

export async function insertWebhook(
  db: Queryable,
  values: Pick<WebhookRow, 'url' | 'events' | 'secret' | 'createdBy' | 'format' | 'digestMinutes'>,
): Promise<WebhookRow> {
  const [row] = await db.insert(webhooks).values(values).returning();
  if (!row) throw new Error('insert into webhooks returned nothing');
  return row;
}

/** The deleted webhook, or undefined when there was none. */
export async function deleteWebhookRow(db: Queryable, id: number): Promise<WebhookRow | undefined> {
  const [deleted] = await db.delete(webhooks).where(eq(webhooks.id, id)).returning();
  return deleted;
}

export function listWebhooks(db: Queryable, id?: number): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(id === undefined ? undefined : eq(webhooks.id, id))
    .orderBy(asc(webhooks.id));
}

/** Pauses or resumes a webhook; the row before and after, or undefined when there is none. */
export async function setWebhookPaused(
  db: Queryable,
  id: number,
  paused: boolean,
): Promise<{ before: WebhookRow; after: WebhookRow } | undefined> {
  const [before] = await db.select().from(webhooks).where(eq(webhooks.id, id)).for('update');
  if (!before) return undefined;
  const [after] = await db.update(webhooks).set({ paused }).where(eq(webhooks.id, id)).returning();
  return after && { before, after };
}

/** Changes a webhook's events, format or digest; the row before and after, or undefined. */
export async function updateWebhookRow(
  db: Queryable,
  id: number,
  values: Partial<Pick<WebhookRow, 'events' | 'format' | 'digestMinutes'>>,
): Promise<{ before: WebhookRow; after: WebhookRow } | undefined> {
  const [before] = await db.select().from(webhooks).where(eq(webhooks.id, id)).for('update');
  if (!before) return undefined;
  if (Object.keys(values).length === 0) return { before, after: before };
  const [after] = await db.update(webhooks).set(values).where(eq(webhooks.id, id)).returning();
  return after && { before, after };
}

/** A delivery, locked for a change. */
export async function lockDelivery(db: Queryable, id: number): Promise<WebhookOutboxRow | undefined> {
  const [row] = await db.select().from(webhookOutbox).where(eq(webhookOutbox.id, id)).for('update');
  return row;
}

/**
 * A finished delivery (DELIVERED or FAILED) pending again, due now, with a fresh count of attempts;
 * same event, payload and idempotency key. The worker is woken (an UPDATE fires no outbox trigger).
 */
export async function requeueDelivery(db: Queryable, id: number): Promise<WebhookOutboxRow> {
  const [row] = await db
    .update(webhookOutbox)
    .set({ status: 'PENDING', attempts: 0, nextAttemptAt: sql`now()`, deliveredAt: null })
    .where(eq(webhookOutbox.id, id))
    .returning();
  if (!row) throw new Error('update of webhook_outbox returned nothing');
  await rows(db, sql`select pg_notify(${WEBHOOK_CHANNEL}, 'outbox')`);
  return row;
}

/** The latest `perWebhook` deliveries of each webhook, newest first, in one statement. */
export async function recentDeliveries(
  db: Queryable,
  webhookIds: number[],
  perWebhook: number,
): Promise<WebhookOutboxRow[]> {
  if (webhookIds.length === 0) return [];
  const ranked = db
    .select({
      id: webhookOutbox.id,
      n: sql<number>`row_number() over (partition by ${webhookOutbox.webhookId} order by ${webhookOutbox.id} desc)`.as(
        'n',
      ),
    })
    .from(webhookOutbox)
    .where(inArray(webhookOutbox.webhookId, webhookIds))
    .as('ranked');
  const rows = await db
    .select({ delivery: webhookOutbox })
    .from(webhookOutbox)
    .innerJoin(ranked, eq(ranked.id, webhookOutbox.id))
    .where(sql`${ranked.n} <= ${perWebhook}`)
    .orderBy(desc(webhookOutbox.id));
  return rows.map((r) => r.delivery);
}

/** The webhooks that want rank changes (the rank watcher runs only while there are some). */
export async function rankWebhookIds(db: Queryable): Promise<number[]> {
  const rows = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(sql`'RANK_CHANGED' = any(${webhooks.events})`)
    .orderBy(asc(webhooks.id));
  return rows.map((r) => r.id);
}
