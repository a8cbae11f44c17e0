/**
 * The webhook worker, one per API process: claims due outbox rows for its free slots (processes
 * share the outbox: FOR UPDATE SKIP LOCKED plus a lease, outbox.ts), POSTs them concurrently
 * (deliver.ts) and records each attempt; a failed one is retried after retryDelay (doubling,
 * +-20 % jitter, at most an hour) until maxAttempts. Invariants: writes never wait for deliveries
 * (the triggers only insert rows; no transaction is held during a request); a slow receiver holds
 * one slot, never the others; pending deliveries survive restarts, and shutdown makes attempts in
 * flight due again, uncounted. When a round runs (NOTIFY, due time, freed slot, poll) is decided by
 * the pure machine in worker-state.ts, run by worker-loop.ts. It also drives the rank watcher
 * (rank-watch.ts) while a webhook wants RANK_CHANGED. A digest webhook's events are sealed and
 * claimed as one digest per interval (outbox.ts claimDigests), by `clock` (injectable: tests move
 * it) in the organisation's time zone, and take one slot each. The story: docs/webhooks.md.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { Metrics } from '../../core/metrics.ts';
import { attempt, outgoingDelivery, outgoingDigest, type Outgoing } from './deliver.ts';
import type { FormatContext } from './formats/messages.ts';
import {
  claimDue,
  markDelivered,
  markFailed,
  msUntilNextDue,
  release,
  type ClaimedDelivery,
} from './outbox.ts';
import { claimDigests, markDigest, releaseDigest, type ClaimedDigest } from './outbox-digests.ts';
import { createRankWatch } from './rank-watch.ts';
import { setUrlPolicy } from './url-policy.ts';
import { WEBHOOK_CHANNEL } from './wake.ts';
import { createWorkerLoop } from './worker-loop.ts';

export interface WebhookWorkerOptions {
  db: Database;
  logger: Logger;
  live: LiveHub;
  /** The longest sleep between two rounds (wake-ups and due times come first). @default 30000 */
  pollMs?: number;
  /** Per attempt. @default 10000 */
  timeoutMs?: number;
  /** @default 12 */
  maxAttempts?: number;
  /** @default 1000 */
  retryBaseMs?: number;
  /** Deliveries in flight at once (each is claimed when a slot is free). @default 20 */
  concurrency?: number;
  /** WEBHOOK_ALLOW_PRIVATE: also deliver to private, loopback and link-local addresses. @default false */
  allowPrivateUrls?: boolean;
  /** The organisation's settings, read at each message: chat formats' money and dates, digest days. */
  org?: { readonly timeZone: string; readonly currency: string };
  /** When digest intervals end and chat messages are written. @default Date.now */
  clock?: WebhookClock;
  /** Attempts counted by result (core/metrics.ts). */
  metrics?: Pick<Metrics, 'webhookDelivery'>;
}

export interface WebhookClock {
  now(): number;
}

export interface WebhookWorkerStats {
  delivered: number;
  failedAttempts: number;
}

export interface WebhookWorker {
  readonly stats: WebhookWorkerStats;
  /** Digest intervals and messages follow it; tests replace `now`, then call wake(). */
  readonly clock: WebhookClock;
  start(): void;
  /** Runs a round now, as a NOTIFY does (after the clock moved). */
  wake(): void;
  dispose(): Promise<void>;
}

/** How one claim (an event or a digest) is recorded after its attempt. */
interface Recorder {
  attempts: number;
  /** Logged with a failed attempt. */
  ids: Record<string, unknown>;
  what: 'delivery' | 'digest';
  delivered(statusCode: number): Promise<void>;
  /** Shutdown aborted the attempt: due again, uncounted. */
  release(): Promise<void>;
  failed(failure: { statusCode: number | null; error: string; retryInMs: number | null }): Promise<void>;
}

const MAX_RETRY_MS = 60 * 60 * 1000;

export function retryDelay(attempts: number, baseMs: number, random = Math.random): number {
  const exact = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(exact * (0.8 + 0.4 * random()));
}

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, logger, pollMs = 30_000, timeoutMs = 10_000, maxAttempts = 12, retryBaseMs = 1000 } = options;
  const concurrency = options.concurrency ?? 20;
  const policy = { allowPrivate: options.allowPrivateUrls ?? false };
  setUrlPolicy(db, policy); // registrations through this app's API check the same policy
  // a claim outlives the longest attempt, so nobody else takes a row while it is being sent
  const leaseMs = timeoutMs + 30_000;
  const org = options.org ?? { timeZone: 'UTC', currency: 'USD' };
  const clock: WebhookClock = options.clock ?? { now: () => Date.now() };
  const context = (): FormatContext => ({ currency: org.currency, timeZone: org.timeZone, now: clock.now() });
  const stats: WebhookWorkerStats = { delivered: 0, failedAttempts: 0 };
  const aborter = new AbortController();
  const ranks = createRankWatch({ db, live: options.live, logger });
  const inFlight = new Set<Promise<void>>();
  // every decision: worker-state.ts, run by worker-loop.ts
  const loop = createWorkerLoop({
    db,
    logger,
    pollMs,
    channel: WEBHOOK_CHANNEL,
    name: 'webhooks',
    what: 'worker',
    round,
  });

  async function sendAndRecord(outgoing: Outgoing, record: Recorder): Promise<void> {
    const result = await attempt(outgoing, { timeoutMs, signal: aborter.signal, policy });
    if (result.ok) {
      stats.delivered += 1;
      options.metrics?.webhookDelivery('delivered');
      await record.delivered(result.statusCode ?? 200);
      return;
    }
    if (aborter.signal.aborted) {
      await record.release();
      return;
    }
    stats.failedAttempts += 1;
    const last = record.attempts >= maxAttempts;
    options.metrics?.webhookDelivery(last ? 'failed' : 'retrying');
    logger.warn(
      { ...record.ids, attempt: record.attempts, error: result.error, last },
      `webhooks: ${record.what} attempt failed`,
    );
    await record.failed({
      statusCode: result.statusCode,
      error: result.error ?? 'failed',
      retryInMs: last ? null : retryDelay(record.attempts, retryBaseMs),
    });
  }

  function send(delivery: ClaimedDelivery): Promise<void> {
    return sendAndRecord(outgoingDelivery(delivery, context()), {
      attempts: delivery.attempts,
      ids: { delivery: delivery.id, webhook: delivery.webhookId },
      what: 'delivery',
      delivered: (statusCode) => markDelivered(db, delivery.id, statusCode),
      release: () => release(db, delivery.id),
      failed: (failure) => markFailed(db, delivery.id, failure),
    });
  }

  /** A digest: one request for its rows, recorded on all of them (retried together). */
  function sendDigest(digest: ClaimedDigest): Promise<void> {
    const ids = digest.rows.map((r) => r.id);
    return sendAndRecord(outgoingDigest(digest, context()), {
      attempts: digest.attempts,
      ids: { digest: digest.key, webhook: digest.webhookId },
      what: 'digest',
      delivered: (statusCode) => markDigest(db, ids, { ok: true, statusCode }),
      release: () => releaseDigest(db, ids),
      failed: (failure) => markDigest(db, ids, { ok: false, ...failure }),
    });
  }

  /** Sends without holding up the next round: a slow receiver takes one slot, not the worker. */
  function launch(delivery: ClaimedDelivery | ClaimedDigest): void {
    const sending = ('rows' in delivery ? sendDigest(delivery) : send(delivery))
      .catch((error: unknown) =>
        logger.error(
          { err: error, delivery: 'rows' in delivery ? delivery.key : delivery.id },
          'webhooks: recording failed',
        ),
      )
      .finally(() => {
        inFlight.delete(sending);
        loop.slotFreed(); // a free slot, and maybe a retry that is due soon
      });
    inFlight.add(sending);
  }

  /** One round; returns how long to sleep before the next (undefined: until a slot frees up). */
  async function round(syncRanks: boolean): Promise<number | undefined> {
    if (syncRanks) await ranks.sync();
    const slots = concurrency - inFlight.size;
    if (slots > 0 && !loop.stopped) {
      const digests = await claimDigests(db, {
        nowMs: clock.now(),
        timeZone: org.timeZone,
        limit: slots,
        leaseMs,
      });
      for (const digest of digests) launch(digest);
    }
    // claim while slots are free and rows keep coming
    for (
      let free = concurrency - inFlight.size;
      free > 0 && !loop.stopped;
      free = concurrency - inFlight.size
    ) {
      const claimed = await claimDue(db, free, leaseMs);
      for (const delivery of claimed) launch(delivery);
      if (claimed.length < free) break;
    }
    if (inFlight.size >= concurrency) return undefined; // every slot busy: a finished one wakes us
    const due = await msUntilNextDue(db, { nowMs: clock.now(), timeZone: org.timeZone });
    return due === null ? pollMs : Math.min(Math.max(due, 0), pollMs);
  }

  return {
    stats,
    clock,
    start() {
      loop.start(); // a round, and listening for wake-ups
    },
    wake() {
      loop.notify('outbox');
    },
    async dispose() {
      const stopping = loop.stop();
      aborter.abort();
      await stopping;
      await Promise.allSettled([...inFlight]);
      await ranks.dispose();
    },
  };
}
