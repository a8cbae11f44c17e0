/**
 * The worker's SQL over webhook_outbox, for events sent one by one. A claim is one short statement
 * (never a transaction held during HTTP): due rows are picked with FOR UPDATE SKIP LOCKED, so
 * processes claiming at the same time get different rows, and their next_attempt_at moves `leaseMs`
 * ahead, so no one claims them again while the attempt runs. A paused webhook's rows are neither
 * claimed nor counted as due. A process that dies mid-attempt leaves the row to be claimed again
 * when the lease runs out: at-least-once, and the idempotency key lets receivers drop repeats.
 * Digests are claimed, sealed and marked in outbox-digests.ts; RANK_CHANGED rows are enqueued by
 * rank-outbox.ts.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { webhookOutbox, webhooks, type WebhookOutboxRow } from '../../../schema/db/index.ts';
import type { WebhookFormat } from '../../../schema/db/constants.ts';
import type { Queryable } from '../../db/client.ts';
import { boundaryAt, nextBoundary } from './formats/interval.ts';

export type ClaimedDelivery = WebhookOutboxRow & { url: string; secret: string; format: WebhookFormat };

/** `now()` plus `ms`, for a lease or a retry. */
export const after = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/**
 * Pending rows sent one by one: of webhooks that are not paused (a paused one's events wait,
 * unclaimed and not due) and have no digest, and not sealed into a digest.
 */
const sendable = (db: Queryable) =>
  and(
    eq(webhookOutbox.status, 'PENDING'),
    isNull(webhookOutbox.digestKey),
    inArray(
      webhookOutbox.webhookId,
      db
        .select({ id: webhooks.id })
        .from(webhooks)
        .where(and(eq(webhooks.paused, false), isNull(webhooks.digestMinutes))),
    ),
  );

/** Pending rows sealed into a digest, of webhooks that are not paused. */
export const sealed = (db: Queryable) =>
  and(
    eq(webhookOutbox.status, 'PENDING'),
    isNotNull(webhookOutbox.digestKey),
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
    .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret, format: webhooks.format })
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
    return target ? [{ ...c, url: target.url, secret: target.secret, format: target.format }] : []; // deleted meanwhile
  });
}
/**
 * Milliseconds until the earliest sendable row or sealed digest is due, or a digest webhook with
 * events waiting reaches the end of its interval (<= 0: due now); null when nothing is pending (a
 * paused webhook's rows do not count, or the worker would spin on them).
 */
export async function msUntilNextDue(
  db: Queryable,
  clock: { nowMs: number; timeZone: string },
): Promise<number | null> {
  const dueIn = (where: ReturnType<typeof sendable>) =>
    db
      .select({
        ms: sql<
          number | null
        >`(extract(epoch from min(${webhookOutbox.nextAttemptAt}) - now()) * 1000)::float8`,
      })
      .from(webhookOutbox)
      .where(where);
  const [single] = await dueIn(sendable(db));
  const [digests] = await dueIn(sealed(db));
  const waiting = await db
    .select({ minutes: webhooks.digestMinutes, sealedUntil: webhooks.digestSealedUntil })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.paused, false),
        isNotNull(webhooks.digestMinutes),
        sql`exists (select 1 from ${webhookOutbox} o where o.webhook_id = ${webhooks.id}
          and o.status = 'PENDING' and o.digest_key is null)`,
      ),
    );
  const seals = waiting.flatMap(({ minutes, sealedUntil }) => {
    if (minutes === null) return [];
    const end = boundaryAt(clock.nowMs, minutes, clock.timeZone);
    if (sealedUntil === null || sealedUntil.getTime() < end) return [0];
    return [nextBoundary(clock.nowMs, minutes, clock.timeZone) - clock.nowMs];
  });
  const all = [single?.ms, digests?.ms, ...seals].filter((ms): ms is number => typeof ms === 'number');
  return all.length === 0 ? null : Math.min(...all);
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
