/**
 * Digests (a webhook with digest_minutes): its rows are not claimed one by one; once an interval
 * is over they are sealed into one digest (digest_key) and the digest's rows are claimed, sent and
 * retried together. Sealing and claiming a webhook's digests hold a transaction-scoped advisory
 * lock on it, and an interval is sealed only once (webhooks.digest_sealed_until moves forward in
 * the same transaction): one digest per interval, across processes and restarts. Leases and
 * at-least-once as for single rows (outbox.ts).
 */
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import { webhookOutbox, webhooks, type WebhookOutboxRow } from '../../../schema/db/index.ts';
import type { WebhookFormat } from '../../../schema/db/constants.ts';
import { rows, type Database, type Queryable } from '../../db/client.ts';
import { boundaryAt } from './formats/interval.ts';
import { after, sealed } from './outbox.ts';

/** One digest's rows (oldest first), claimed together; `until` is the end of its interval. */
export interface ClaimedDigest {
  key: string;
  webhookId: number;
  url: string;
  secret: string;
  format: WebhookFormat;
  until: Date;
  /** Attempts of the digest, this one counted (the same on each of its rows). */
  attempts: number;
  rows: WebhookOutboxRow[];
}

/** First key of pg_advisory_xact_lock(int, int) for a webhook's digests (the second: its id). */
const DIGEST_LOCK = 1_704_011;
/** The end of a digest's interval, written into its key (`digest:<webhook>:<ISO instant>`). */
export const digestKey = (webhookId: number, until: Date) => `digest:${webhookId}:${until.toISOString()}`;
export const digestUntil = (key: string) => new Date(key.split(':').slice(2).join(':'));

/**
 * Seals every digest webhook's interval that is over (by `nowMs`, the worker's clock, in the
 * organisation's `timeZone`) and claims the digests that are due, at most about `limit` of them.
 * A webhook's pending events created before the interval's end are sealed into one digest, even
 * those of earlier intervals that committed late or waited while it was paused; none: no digest.
 */
export async function claimDigests(
  db: Database,
  options: { nowMs: number; timeZone: string; limit: number; leaseMs: number },
): Promise<ClaimedDigest[]> {
  const hooks = await db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      secret: webhooks.secret,
      format: webhooks.format,
      digestMinutes: webhooks.digestMinutes,
      sealedUntil: webhooks.digestSealedUntil,
    })
    .from(webhooks)
    .where(eq(webhooks.paused, false))
    .orderBy(asc(webhooks.id));
  const due = new Set(
    (
      await db
        .selectDistinct({ id: webhookOutbox.webhookId })
        .from(webhookOutbox)
        .where(and(sealed(db), lte(webhookOutbox.nextAttemptAt, sql`now()`)))
    ).map((r) => r.id),
  );
  const claimed: ClaimedDigest[] = [];
  for (const hook of hooks) {
    if (claimed.length >= options.limit) break;
    const end =
      hook.digestMinutes === null ? null : boundaryAt(options.nowMs, hook.digestMinutes, options.timeZone);
    const seal = end !== null && (hook.sealedUntil === null || hook.sealedUntil.getTime() < end);
    if (!seal && !due.has(hook.id)) continue;
    const got = await db.transaction(async (tx) => {
      await rows(tx, sql`select pg_advisory_xact_lock(${DIGEST_LOCK}, ${hook.id})`);
      if (seal && end !== null) await sealInterval(tx, hook.id, new Date(end));
      return tx
        .update(webhookOutbox)
        .set({
          attempts: sql`${webhookOutbox.attempts} + 1`,
          lastAttemptAt: sql`now()`,
          nextAttemptAt: after(options.leaseMs),
        })
        .where(
          and(
            eq(webhookOutbox.webhookId, hook.id),
            eq(webhookOutbox.status, 'PENDING'),
            isNotNull(webhookOutbox.digestKey),
            lte(webhookOutbox.nextAttemptAt, sql`now()`),
          ),
        )
        .returning();
    });
    const byKey = new Map<string, WebhookOutboxRow[]>();
    for (const row of got.sort((a, b) => a.id - b.id)) {
      const key = row.digestKey ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    for (const [key, group] of byKey) {
      claimed.push({
        key,
        webhookId: hook.id,
        url: hook.url,
        secret: hook.secret,
        format: hook.format,
        until: digestUntil(key),
        attempts: Math.max(...group.map((r) => r.attempts)),
        rows: group,
      });
    }
  }
  return claimed;
}

/** Under the webhook's digest lock: seals the interval ending `until`, unless it or a later one was. */
async function sealInterval(tx: Queryable, webhookId: number, until: Date): Promise<void> {
  const [hook] = await tx
    .select({ minutes: webhooks.digestMinutes, sealedUntil: webhooks.digestSealedUntil })
    .from(webhooks)
    .where(eq(webhooks.id, webhookId));
  if (!hook || hook.minutes === null) return;
  if (hook.sealedUntil !== null && hook.sealedUntil.getTime() >= until.getTime()) return;
  await tx
    .update(webhookOutbox)
    .set({ digestKey: digestKey(webhookId, until), attempts: 0, nextAttemptAt: sql`now()` })
    .where(
      and(
        eq(webhookOutbox.webhookId, webhookId),
        eq(webhookOutbox.status, 'PENDING'),
        isNull(webhookOutbox.digestKey),
        lt(webhookOutbox.createdAt, until),
      ),
    );
  await tx.update(webhooks).set({ digestSealedUntil: until }).where(eq(webhooks.id, webhookId));
}

/** The digest's rows after an attempt: delivered, or failed (retried together, or FAILED for good). */
export async function markDigest(
  db: Queryable,
  ids: number[],
  outcome:
    | { ok: true; statusCode: number }
    | { ok: false; statusCode: number | null; error: string; retryInMs: number | null },
): Promise<void> {
  if (ids.length === 0) return;
  const where = and(inArray(webhookOutbox.id, ids), eq(webhookOutbox.status, 'PENDING'));
  if (outcome.ok) {
    await db
      .update(webhookOutbox)
      .set({
        status: 'DELIVERED',
        deliveredAt: sql`now()`,
        lastStatusCode: outcome.statusCode,
        lastError: null,
      })
      .where(where);
    return;
  }
  await db
    .update(webhookOutbox)
    .set({
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error.slice(0, 1000),
      ...(outcome.retryInMs === null
        ? { status: 'FAILED' as const }
        : { nextAttemptAt: after(outcome.retryInMs) }),
    })
    .where(where);
}

/** A digest attempt cut short by shutdown: due again at once, attempt not counted. */
export async function releaseDigest(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(webhookOutbox)
    .set({ attempts: sql`greatest(${webhookOutbox.attempts} - 1, 0)`, nextAttemptAt: sql`now()` })
    .where(and(inArray(webhookOutbox.id, ids), eq(webhookOutbox.status, 'PENDING')));
}
