import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { webhookOutbox, webhooks, type WebhookOutboxRow, type WebhookRow } from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';

export async function insertWebhook(
  db: Queryable,
  values: Pick<WebhookRow, 'url' | 'events' | 'secret' | 'createdBy'>,
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

export function listWebhooks(db: Queryable): Promise<WebhookRow[]> {
  return db.select().from(webhooks).orderBy(asc(webhooks.id));
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
