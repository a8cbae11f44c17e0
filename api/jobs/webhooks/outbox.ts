/**
 * The worker's SQL over webhook_outbox. A claim is one short statement (never a transaction held
 * during HTTP): due rows are picked with FOR UPDATE SKIP LOCKED, so processes claiming at the same
 * time get different rows, and their next_attempt_at moves `leaseMs` ahead, so no one claims them
 * again while the attempt runs. A paused webhook's rows are neither claimed nor counted as due.
 * A process that dies mid-attempt leaves the row to be claimed again
 * when the lease runs out: at-least-once, and the idempotency key lets receivers drop repeats.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  webhookOutbox,
  webhookRankState,
  webhooks,
  type WebhookOutboxRow,
} from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';

export type ClaimedDelivery = WebhookOutboxRow & { url: string; secret: string };

const after = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/** Pending rows of webhooks that are not paused: a paused one's events wait, unclaimed and not due. */
const sendable = (db: Queryable) =>
  and(
    eq(webhookOutbox.status, 'PENDING'),
    inArray(
      webhookOutbox.webhookId,
      db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.paused, false)),
    ),
  );

export async function claimDue(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const due = db
    .select({ id: webhookOutbox.id })
    .from(webhookOutbox)
    .where(and(sendable(db), lte(webhookOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(webhookOutbox.nextAttemptAt), asc(webhookOutbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(webhookOutbox)
    .set({
      attempts: sql`${webhookOutbox.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      nextAttemptAt: after(leaseMs),
    })
    .where(inArray(webhookOutbox.id, due))
    .returning();
  if (claimed.length === 0) return [];
  const targets = await db
    .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret })
    .from(webhooks)
    .where(
      inArray(
        webhooks.id,
        claimed.map((c) => c.webhookId),
      ),
    );
  const byId = new Map(targets.map((t) => [t.id, t]));
  return claimed.flatMap((c) => {
    const target = byId.get(c.webhookId);
    return target ? [{ ...c, url: target.url, secret: target.secret }] : []; // deleted meanwhile
  });
}

/**
 * Milliseconds until the earliest sendable row is due (<= 0: due now), null when none is pending
 * (a paused webhook's rows do not count, or the worker would spin on them).
 */
export async function msUntilNextDue(db: Queryable): Promise<number | null> {
  const [row] = await db
    .select({
      ms: sql<
        number | null
      >`(extract(epoch from min(${webhookOutbox.nextAttemptAt}) - now()) * 1000)::float8`,
    })
    .from(webhookOutbox)
    .where(sendable(db));
  return row?.ms ?? null;
}

export async function markDelivered(db: Queryable, id: number, statusCode: number): Promise<void> {
  await db
    .update(webhookOutbox)
    .set({ status: 'DELIVERED', deliveredAt: sql`now()`, lastStatusCode: statusCode, lastError: null })
    .where(eq(webhookOutbox.id, id));
}

/** A failed attempt: retried after `retryInMs`, or FAILED for good when that is null. */
export async function markFailed(
  db: Queryable,
  id: number,
  failure: { statusCode: number | null; error: string; retryInMs: number | null },
): Promise<void> {
  await db
    .update(webhookOutbox)
    .set({
      lastStatusCode: failure.statusCode,
      lastError: failure.error.slice(0, 1000),
      ...(failure.retryInMs === null
        ? { status: 'FAILED' as const }
        : { nextAttemptAt: after(failure.retryInMs) }),
    })
    .where(eq(webhookOutbox.id, id));
}

/** An attempt cut short by shutdown: due again at once (for the next process), attempt not counted. */
export async function release(db: Queryable, id: number): Promise<void> {
  await db
    .update(webhookOutbox)
    .set({ attempts: sql`greatest(${webhookOutbox.attempts} - 1, 0)`, nextAttemptAt: sql`now()` })
    .where(and(eq(webhookOutbox.id, id), eq(webhookOutbox.status, 'PENDING')));
}

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
