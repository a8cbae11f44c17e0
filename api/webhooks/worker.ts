/**
 * The webhook worker, one per API process: it claims due outbox rows for its free slots (several
 * processes share the outbox safely: FOR UPDATE SKIP LOCKED plus a lease, outbox.ts), POSTs them
 * concurrently (deliver.ts), and records each attempt. It runs a round when woken by a NOTIFY
 * (rows were enqueued, webhooks changed: wake.ts, drizzle/0009), when the earliest pending row falls
 * due (a retry, a lease that ran out), when a busy slot frees up, and at least every `pollMs` (a
 * slow fallback for a lost wake-up); an idle server runs one round per `pollMs`. A slow receiver
 * holds one slot until its timeout, never the others. A failed attempt is retried after
 * retryBaseMs * 2^(attempt - 1) (capped at an hour, +-20 % jitter so receivers that come back are
 * not hit by every sender at once) until maxAttempts, then the delivery is FAILED.
 *
 * Writes never wait for deliveries: the triggers only insert outbox rows, and no transaction is
 * held while a request is in flight. Pending deliveries survive restarts (they are rows);
 * shutdown aborts attempts in flight and makes them due again at once, uncounted.
 * It also drives the rank watcher (rank-watch.ts), started only while a webhook wants RANK_CHANGED.
 */
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { LiveHub } from '../live/hub.ts';
import { attempt } from './deliver.ts';
import {
  claimDue,
  markDelivered,
  markFailed,
  msUntilNextDue,
  release,
  type ClaimedDelivery,
} from './outbox.ts';
import { createRankWatch } from './rank-watch.ts';
import { setUrlPolicy } from './url-policy.ts';
import { listenForWakeups } from './wake.ts';

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
}

export interface WebhookWorkerStats {
  delivered: number;
  failedAttempts: number;
}

export interface WebhookWorker {
  readonly stats: WebhookWorkerStats;
  start(): void;
  dispose(): Promise<void>;
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
  const stats: WebhookWorkerStats = { delivered: 0, failedAttempts: 0 };
  const aborter = new AbortController();
  const ranks = createRankWatch({ db, live: options.live, logger });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false; // woken during a round: run another at once
  let syncRanks = true; // webhooks may have changed: start or stop the rank watcher
  let disposed = false;
  let stopListening: (() => Promise<void>) | null = null;
  const inFlight = new Set<Promise<void>>();

  async function send(delivery: ClaimedDelivery): Promise<void> {
    const result = await attempt(delivery, { timeoutMs, signal: aborter.signal, policy });
    if (result.ok) {
      stats.delivered += 1;
      await markDelivered(db, delivery.id, result.statusCode ?? 200);
      return;
    }
    if (aborter.signal.aborted) {
      await release(db, delivery.id);
      return;
    }
    stats.failedAttempts += 1;
    const last = delivery.attempts >= maxAttempts;
    logger.warn(
      {
        delivery: delivery.id,
        webhook: delivery.webhookId,
        attempt: delivery.attempts,
        error: result.error,
        last,
      },
      'webhooks: delivery attempt failed',
    );
    await markFailed(db, delivery.id, {
      statusCode: result.statusCode,
      error: result.error ?? 'failed',
      retryInMs: last ? null : retryDelay(delivery.attempts, retryBaseMs),
    });
  }

  /** Sends without holding up the next round: a slow receiver takes one slot, not the worker. */
  function launch(delivery: ClaimedDelivery): void {
    const sending = send(delivery)
      .catch((error: unknown) =>
        logger.error({ err: error, delivery: delivery.id }, 'webhooks: recording failed'),
      )
      .finally(() => {
        inFlight.delete(sending);
        wake(); // a free slot, and maybe a retry that is due soon
      });
    inFlight.add(sending);
  }

  /** One round; returns how long to sleep before the next (undefined: until a slot frees up). */
  async function round(): Promise<number | undefined> {
    if (syncRanks) {
      syncRanks = false;
      await ranks.sync();
    }
    // claim while slots are free and rows keep coming
    for (let free = concurrency - inFlight.size; free > 0 && !disposed; free = concurrency - inFlight.size) {
      const claimed = await claimDue(db, free, leaseMs);
      for (const delivery of claimed) launch(delivery);
      if (claimed.length < free) break;
    }
    if (inFlight.size >= concurrency) return undefined; // every slot busy: a finished one wakes us
    const due = await msUntilNextDue(db);
    return due === null ? pollMs : Math.min(Math.max(due, 0), pollMs);
  }

  function schedule(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncRanks = true; // the fallback round also re-checks the webhooks
      wake();
    }, ms);
    timer.unref();
  }

  function wake(): void {
    if (disposed) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = round()
      .then(
        (sleep) => sleep,
        (error: unknown) => {
          if (!disposed) logger.error({ err: error }, 'webhooks: worker round failed; retrying');
          return Math.min(pollMs, 1000);
        },
      )
      .then((sleep) => {
        running = undefined;
        if (disposed) return;
        if (again) {
          again = false;
          wake();
        } else if (sleep !== undefined) {
          schedule(sleep);
        }
      });
  }

  return {
    stats,
    start() {
      if (running || disposed) return;
      wake(); // rows left by an earlier process, or enqueued while none ran
      listenForWakeups(db, (reason) => {
        if (reason !== 'outbox') syncRanks = true;
        wake();
      })
        .then((stop) => {
          if (disposed) void stop?.();
          else stopListening = stop;
          if (!stop) logger.warn('webhooks: cannot listen for wake-ups; polling every %d ms', pollMs);
        })
        .catch((error: unknown) =>
          logger.warn({ err: error, pollMs }, 'webhooks: cannot listen for wake-ups; polling only'),
        );
    },
    async dispose() {
      disposed = true;
      clearTimeout(timer);
      aborter.abort();
      await stopListening?.().catch(() => {});
      await running;
      await Promise.allSettled([...inFlight]);
      await ranks.dispose();
    },
  };
}
