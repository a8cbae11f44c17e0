/**
 * The webhook worker's decisions, with none of its I/O (worker.ts runs that): when to run a round
 * and how long to sleep after it.
 *
 * Invariants: one round at a time; a wake-up during a round (a NOTIFY, a freed slot, the timer)
 * sets `again`: exactly one more round right after it, so nothing enqueued meanwhile waits for the
 * poll; otherwise the round's answer arms one timer (the next due row, at most `pollMs`; none while
 * every slot is busy, a freed slot wakes it), and a failed round is retried after min(pollMs, 1 s).
 * The timer's round and any wake-up other than "rows enqueued" re-check the webhooks (the rank
 * watcher). Nothing starts after stop. Why pure: those wake-ups interleave with rounds, and each
 * interleaving is a row of worker-state.test.ts. The story: docs/webhooks.md.
 */

export interface WorkerConfig {
  /** The longest sleep between two rounds. */
  pollMs: number;
}

export type WorkerPhase =
  /** No round and no timer: before start, or every slot busy. */
  | { readonly name: 'idle' }
  | { readonly name: 'waiting'; readonly ms: number }
  | { readonly name: 'running' };

export interface WorkerState {
  readonly config: WorkerConfig;
  readonly phase: WorkerPhase;
  /** Woken during a round: run another at once. */
  readonly again: boolean;
  /** Webhooks may have changed: the next round starts or stops the rank watcher. */
  readonly syncRanks: boolean;
  readonly stopped: boolean;
}

export type WorkerEvent =
  | { type: 'start' }
  /** A NOTIFY: `outbox` when rows were enqueued, anything else when webhooks changed. */
  | { type: 'notified'; reason: string }
  /** A delivery finished: a free slot, and maybe a retry due soon. */
  | { type: 'slotFreed' }
  | { type: 'timer' }
  /** The round ended: sleep this long (undefined: until a slot frees up). */
  | { type: 'roundDone'; sleep: number | undefined }
  | { type: 'roundFailed'; error: unknown }
  | { type: 'stop' };

export type WorkerEffect =
  /** Claim and launch due deliveries (first syncing the rank watcher), report the sleep. */
  | { type: 'round'; syncRanks: boolean }
  /** Clear the timer, if any, and arm it for `ms`. */
  | { type: 'schedule'; ms: number }
  | { type: 'cancelTimer' }
  /** Listen for wake-ups (start). */
  | { type: 'listen' }
  | { type: 'logFailure'; error: unknown };

export interface WorkerStep {
  state: WorkerState;
  effects: WorkerEffect[];
}

/** After a failed round (the database is unreachable), the next is tried after this at most. */
export const FAILED_ROUND_RETRY_MS = 1000;

export function initialWorkerState(config: WorkerConfig): WorkerState {
  return { config, phase: { name: 'idle' }, again: false, syncRanks: true, stopped: false };
}

type Draft = { -readonly [K in keyof WorkerState]: WorkerState[K] };

export function next(state: WorkerState, event: WorkerEvent): WorkerStep {
  const s: Draft = { ...state };
  const effects: WorkerEffect[] = [];

  const wake = () => {
    if (s.stopped) return;
    if (s.phase.name === 'running') {
      s.again = true;
      return;
    }
    effects.push({ type: 'cancelTimer' }, { type: 'round', syncRanks: s.syncRanks });
    s.syncRanks = false;
    s.phase = { name: 'running' };
  };
  const ended = (sleep: number | undefined) => {
    s.phase = { name: 'idle' };
    if (s.stopped) return;
    if (s.again) {
      s.again = false;
      wake();
    } else if (sleep !== undefined) {
      s.phase = { name: 'waiting', ms: sleep };
      effects.push({ type: 'schedule', ms: sleep });
    }
  };

  switch (event.type) {
    case 'start':
      if (s.phase.name === 'running' || s.stopped) break;
      wake(); // rows left by an earlier process, or enqueued while none ran
      effects.push({ type: 'listen' });
      break;
    case 'notified':
      if (event.reason !== 'outbox') s.syncRanks = true;
      wake();
      break;
    case 'slotFreed':
      wake();
      break;
    case 'timer':
      s.syncRanks = true; // the fallback round also re-checks the webhooks
      wake();
      break;
    case 'roundDone':
      if (s.phase.name !== 'running') return { state, effects: [] };
      ended(event.sleep);
      break;
    case 'roundFailed':
      if (s.phase.name !== 'running') return { state, effects: [] };
      if (!s.stopped) effects.push({ type: 'logFailure', error: event.error });
      ended(Math.min(s.config.pollMs, FAILED_ROUND_RETRY_MS));
      break;
    case 'stop':
      s.stopped = true;
      effects.push({ type: 'cancelTimer' });
      if (s.phase.name === 'waiting') s.phase = { name: 'idle' };
      break;
  }
  return { state: s, effects };
}
