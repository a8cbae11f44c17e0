/**
 * The worker's SQL over webhook_outbox. A claim is one short statement (never a transaction held
 * during HTTP): due rows are picked with FOR UPDATE SKIP LOCKED, so processes claiming at the same
 * time get different rows, and their next_attempt_at moves `leaseMs` ahead, so no one claims them
 * again while the attempt runs. A paused webhook's rows are neither claimed nor counted as due.
 * A process that dies mid-attempt leaves the row to be claimed again
 * when the lease runs out: at-least-once, and the idempotency key lets receivers drop repeats.
 * Digests (a webhook with digest_minutes): its rows are not claimed one by one; once an interval
 * is over they are sealed into one digest (digest_key) and the digest's rows are claimed, sent and
 * retried together. Sealing and claiming a webhook's digests hold a transaction-scoped advisory
 * lock on it, and an interval is sealed only once (webhooks.digest_sealed_until moves forward in
 * the same transaction): one digest per interval, across processes and restarts.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import {
  webhookOutbox,
  webhookRankState,
  webhooks,
  type WebhookOutboxRow,
} from '../../../schema/db/index.ts';
import type { WebhookFormat } from '../../../schema/db/constants.ts';
import { rows, type Database, type Queryable } from '../../db/client.ts';
import { boundaryAt, nextBoundary } from './formats/interval.ts';

export type ClaimedDelivery = WebhookOutboxRow & { url: string; secret: string; format: WebhookFormat };

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

const after = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

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
const sealed = (db: Queryable) =>
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
