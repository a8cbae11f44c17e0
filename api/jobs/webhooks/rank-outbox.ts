/**
 * RANK_CHANGED events into webhook_outbox: a board's new top 3 compared with what each webhook
 * last saw (webhook_rank_state), under row locks in the caller's transaction, so two processes
 * seeing the same change enqueue it once (the state's version decides; the idempotency key
 * stops a repeat). Sent like any other row by the worker (outbox.ts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { webhookOutbox, webhookRankState, webhooks } from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';

export interface RankEntry {
  rank: number;
  user_id: number;
  user_name: string | null;
  revenue: string;
}

/**
 * A board's new top 3, for every webhook that wants RANK_CHANGED, in one transaction: each
 * webhook's last state is locked, compared and replaced, and an outbox row is written for each
 * one whose top 3 changed. First sight (a new webhook) and a new period only set the state; a
 * state newer than `version` (another process got there first) is left alone. Returns the
 * number of events enqueued.
 */
export async function recordRankChange(
  db: Queryable,
  change: { board: string; periodStart: string; version: bigint; top: RankEntry[]; key: string },
  same: (a: RankEntry[], b: RankEntry[]) => boolean,
  payload: (previous: RankEntry[]) => unknown,
): Promise<number> {
  const wanting = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(sql`'RANK_CHANGED' = any(${webhooks.events})`)
    .orderBy(asc(webhooks.id))
    .for('share');
  if (wanting.length === 0) return 0;
  const ids = wanting.map((w) => w.id);
  const states = await db
    .select()
    .from(webhookRankState)
    .where(and(eq(webhookRankState.board, change.board), inArray(webhookRankState.webhookId, ids)))
    .orderBy(asc(webhookRankState.webhookId))
    .for('update');
  const byWebhook = new Map(states.map((s) => [s.webhookId, s]));
  const values = {
    periodStart: change.periodStart,
    top: change.top,
    version: change.version,
    updatedAt: sql`now()`,
  };
  let enqueued = 0;
  for (const webhookId of ids) {
    const state = byWebhook.get(webhookId);
    if (state && state.version >= change.version) continue;
    await db
      .insert(webhookRankState)
      .values({ webhookId, board: change.board, ...values })
      .onConflictDoUpdate({
        target: [webhookRankState.webhookId, webhookRankState.board],
        set: values,
        setWhere: sql`${webhookRankState.version} < ${change.version}`,
      });
    const previous = (state?.top ?? []) as RankEntry[];
    if (!state || state.periodStart !== change.periodStart || same(previous, change.top)) continue;
    await db
      .insert(webhookOutbox)
      .values({ webhookId, event: 'RANK_CHANGED', idempotencyKey: change.key, payload: payload(previous) })
      .onConflictDoNothing({ target: [webhookOutbox.webhookId, webhookOutbox.idempotencyKey] });
    enqueued += 1;
  }
  return enqueued;
}
