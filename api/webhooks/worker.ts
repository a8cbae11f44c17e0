/**
 * The webhook worker, one per API process: every `pollMs` it claims due outbox rows for its free
 * slots (several processes share the outbox safely: FOR UPDATE SKIP LOCKED plus a lease,
 * outbox.ts), POSTs them concurrently (deliver.ts), and records each attempt. A slow receiver
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
import { claimDue, markDelivered, markFailed, release, type ClaimedDelivery } from './outbox.ts';
import { createRankWatch } from './rank-watch.ts';

export interface WebhookWorkerOptions {
  db: Database;
  logger: Logger;
  live: LiveHub;
  /** @default 1000 */
  pollMs?: number;
  /** Per attempt. @default 10000 */
  timeoutMs?: number;
  /** @default 12 */
  maxAttempts?: number;
  /** @default 1000 */
  retryBaseMs?: number;
  /** Deliveries in flight at once (each is claimed when a slot is free). @default 20 */
  concurrency?: number;
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
  const { db, logger, pollMs = 1000, timeoutMs = 10_000, maxAttempts = 12, retryBaseMs = 1000 } = options;
  const concurrency = options.concurrency ?? 20;
  // a claim outlives the longest attempt, so nobody else takes a row while it is being sent
  const leaseMs = timeoutMs + 30_000;
  const stats: WebhookWorkerStats = { delivered: 0, failedAttempts: 0 };
  const aborter = new AbortController();
  const ranks = createRankWatch({ db, live: options.live, logger });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let disposed = false;
  const inFlight = new Set<Promise<void>>();

  async function send(delivery: ClaimedDelivery): Promise<void> {
    const result = await attempt(delivery, { timeoutMs, signal: aborter.signal });
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
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }

  async function tick(): Promise<void> {
    try {
      await ranks.sync();
      // claim while slots are free and rows keep coming
      for (
        let free = concurrency - inFlight.size;
        free > 0 && !disposed;
        free = concurrency - inFlight.size
      ) {
        const claimed = await claimDue(db, free, leaseMs);
        for (const delivery of claimed) launch(delivery);
        if (claimed.length < free) break;
      }
    } catch (error) {
      if (!disposed) logger.error({ err: error }, 'webhooks: worker round failed; retrying');
    } finally {
      if (!disposed) {
        timer = setTimeout(() => {
          running = tick();
        }, pollMs);
        timer.unref();
      }
    }
  }

  return {
    stats,
    start() {
      running ??= tick();
    },
    async dispose() {
      disposed = true;
      clearTimeout(timer);
      aborter.abort();
      await running;
      await Promise.allSettled([...inFlight]);
      await ranks.dispose();
    },
  };
}
