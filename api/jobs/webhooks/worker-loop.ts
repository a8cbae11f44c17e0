/**
 * The loop both outbox workers (webhooks, mail) run: it feeds events to the pure machine in
 * worker-state.ts and runs the effects it decides (a timer, a round, LISTEN on `channel`, a log
 * line). The worker brings only its `round`, which answers how long to sleep (undefined: until
 * `wake`, e.g. a freed slot). Invariant: `stop` decides synchronously (nothing starts after it),
 * then waits for the round under way, so a restart sends nothing twice.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { listenForWakeups } from './wake.ts';
import { initialWorkerState, next, type WorkerEffect, type WorkerEvent } from './worker-state.ts';

export interface WorkerLoopOptions {
  db: Database;
  logger: Logger;
  /** The longest sleep between two rounds. */
  pollMs: number;
  /** The NOTIFY channel that wakes the worker. */
  channel: string;
  /** Log lines start with it ('webhooks', 'notifications'). */
  name: string;
  /** What a round is of, in log lines ('worker', 'mail'). */
  what: string;
  /** One round; resolves to how long to sleep (undefined: until a wake-up). */
  round(syncRanks: boolean): Promise<number | undefined>;
}

export interface WorkerLoop {
  readonly stopped: boolean;
  start(): void;
  /** A wake-up: `outbox` when rows were enqueued, anything else when webhooks changed. */
  notify(reason: string): void;
  /** A delivery finished: a free slot. */
  slotFreed(): void;
  /** Stops at once (synchronously), then resolves when listening and the round under way have ended. */
  stop(): Promise<void>;
}

export function createWorkerLoop(options: WorkerLoopOptions): WorkerLoop {
  const { db, logger, pollMs, channel, name, what } = options;
  let state = initialWorkerState({ pollMs });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopListening: (() => Promise<void>) | null = null;

  /** Feeds an event to the state machine and runs what it decided, in order. */
  function dispatch(event: WorkerEvent): void {
    const step = next(state, event);
    state = step.state;
    for (const effect of step.effects) run(effect);
  }

  function run(effect: WorkerEffect): void {
    switch (effect.type) {
      case 'cancelTimer':
        clearTimeout(timer);
        return;
      case 'schedule':
        clearTimeout(timer);
        timer = setTimeout(() => dispatch({ type: 'timer' }), effect.ms);
        timer.unref();
        return;
      case 'round':
        running = options.round(effect.syncRanks).then(
          (sleep) => {
            running = undefined;
            dispatch({ type: 'roundDone', sleep });
          },
          (error: unknown) => {
            running = undefined;
            dispatch({ type: 'roundFailed', error });
          },
        );
        return;
      case 'logFailure':
        logger.error({ err: effect.error }, `${name}: ${what} round failed; retrying`);
        return;
      case 'listen':
        listenForWakeups(db, (reason) => dispatch({ type: 'notified', reason }), channel)
          .then((stop) => {
            if (state.stopped) void stop?.();
            else stopListening = stop;
            if (!stop) logger.warn(`${name}: cannot listen for wake-ups; polling every %d ms`, pollMs);
          })
          .catch((error: unknown) =>
            logger.warn({ err: error, pollMs }, `${name}: cannot listen for wake-ups; polling only`),
          );
        return;
    }
  }

  return {
    get stopped() {
      return state.stopped;
    },
    start: () => dispatch({ type: 'start' }),
    notify: (reason) => dispatch({ type: 'notified', reason }),
    slotFreed: () => dispatch({ type: 'slotFreed' }),
    stop() {
      dispatch({ type: 'stop' });
      return (async () => {
        await stopListening?.().catch(() => {});
        await running;
      })();
    },
  };
}
