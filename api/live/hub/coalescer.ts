/**
 * When the hub flushes: the coalescing policy, with nothing of what a flush does.
 *
 * Invariants: one flush at a time; a change that finds it quiet (no flush ended within the current
 * window) is flushed at once; changes during a flush, or within a window of the last one, are
 * gathered for one window and cause exactly one more flush, so the last change is always flushed.
 * A window that gathered a burst (at least BURST_ARRIVALS, and more than one per BURST_SPACING_MS)
 * makes the next one twice as long, up to `maxCoalesceMs`; a calmer window or a quiet spell resets
 * it to `coalesceMs`. A failed flush is tried again after RETRY_MS. Why: a sustained burst costs a
 * few frames a second instead of one per change, while a lone change is on screen at once.
 * Time comes from `Timers` (injectable), so the policy is unit-tested without sleeping.
 */

/** The window while changes come one at a time (the hub's default coalesceMs). */
export const DEFAULT_COALESCE_MS = 25;
/** The longest window during a sustained burst (the hub's default maxCoalesceMs). */
export const DEFAULT_MAX_COALESCE_MS = 250;
/** Notifications this close to the previous one arrived together (one commit, one log read). */
export const SAME_COMMIT_MS = 3;
/** Separate arrivals since the last flush began that make a burst: at least this many... */
export const BURST_ARRIVALS = 3;
/** ...and more than one per this many ms of the window (a rate, so a longer window needs more). */
export const BURST_SPACING_MS = 20;
/** After a failed flush (database unreachable), wait this long before the next try. */
export const RETRY_MS = 1000;

/** The clock and timers the coalescer runs on; each scheduling call returns its cancel. */
export interface Timers {
  /** Monotonic milliseconds. */
  now(): number;
  setTimeout(run: () => void, ms: number): () => void;
  /** Runs after the current turn (setTimeout waits at least 1 ms). */
  setImmediate(run: () => void): () => void;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => {
    const timeout = setTimeout(run, ms);
    return () => clearTimeout(timeout);
  },
  setImmediate: (run) => {
    const immediate = setImmediate(run);
    return () => clearImmediate(immediate);
  },
};

export interface CoalescerOptions {
  /** The window while changes come one at a time. */
  coalesceMs: number;
  /** The longest window during a sustained burst (at least `coalesceMs`). */
  maxCoalesceMs: number;
  /** One flush: resolves false (or rejects) when it failed and must be tried again. */
  flush: () => Promise<boolean>;
  /** @default realTimers */
  timers?: Timers;
}

export class Coalescer {
  readonly coalesceMs: number;
  private readonly maxCoalesceMs: number;
  private readonly timers: Timers;
  /** The current window, and the arrivals counted since the last flush began. */
  private current: number;
  private arrivals = 0;
  private lastArrivalAt = -Infinity;
  /** Never flushed: quiet. */
  private flushEndedAt = -Infinity;
  private cancelTimer: (() => void) | undefined;
  private flushing: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(private readonly options: CoalescerOptions) {
    this.coalesceMs = options.coalesceMs;
    this.maxCoalesceMs = Math.max(options.coalesceMs, options.maxCoalesceMs);
    this.current = this.coalesceMs;
    this.timers = options.timers ?? realTimers;
  }

  /** The current window, in ms: coalesceMs unless in a burst. */
  get window(): number {
    return this.current;
  }

  /**
   * A change arrived: counts it towards a burst and opens a window. `ownCommit`: it is known to be
   * one commit of its own (a rollup change read from the change log: under load one read brings
   * many); other arrivals count once per SAME_COMMIT_MS, as one commit's messages come together.
   */
  arrive(ownCommit = false): void {
    if (this.disposed) return;
    const now = this.timers.now();
    if (ownCommit || now - this.lastArrivalAt > SAME_COMMIT_MS) this.arrivals += 1;
    this.lastArrivalAt = now;
    this.schedule();
  }

  /**
   * Opens a window (flush after `delay`, by default the current window) unless one is open; a
   * delay of 0 replaces an open window (flush in this turn). Counts no arrival.
   */
  schedule(delay?: number): void {
    if (this.disposed) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    if (this.cancelTimer) {
      if (delay === undefined || delay > 0) return;
      this.cancelTimer();
    } else if (delay === undefined && this.timers.now() - this.flushEndedAt > this.current) {
      // quiet for longer than a window: whatever burst there was is over, and this change is
      // alone so far (the rest of its commit's messages are handled before the timer runs)
      this.current = this.coalesceMs;
      delay = 0;
    }
    const wait = delay ?? this.current;
    this.cancelTimer =
      wait === 0
        ? this.timers.setImmediate(() => this.run())
        : this.timers.setTimeout(() => this.run(), wait);
  }

  /** Resolves when every change arrived so far has been flushed (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.cancelTimer || this.flushing) {
      if (this.flushing) await this.flushing;
      else await new Promise<void>((resolve) => this.timers.setTimeout(resolve, this.coalesceMs + 1));
    }
  }

  /** No more flushes: the open window is closed; a flush under way finishes and schedules nothing. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private run(): void {
    this.cancelTimer = undefined;
    this.current =
      this.arrivals >= Math.max(BURST_ARRIVALS, this.current / BURST_SPACING_MS)
        ? Math.min(Math.max(this.current, 1) * 2, this.maxCoalesceMs)
        : this.coalesceMs;
    this.arrivals = 0;
    this.flushing = this.options
      .flush()
      .catch(() => false)
      .then((ok) => {
        this.flushing = undefined;
        this.flushEndedAt = this.timers.now();
        if (!ok) {
          this.again = false;
          this.schedule(RETRY_MS);
        } else if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }
}
