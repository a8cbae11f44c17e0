import { describe, expect, it } from 'vitest';
import {
  BURST_ARRIVALS,
  BURST_SPACING_MS,
  Coalescer,
  DEFAULT_COALESCE_MS,
  DEFAULT_MAX_COALESCE_MS,
  RETRY_MS,
  SAME_COMMIT_MS,
  type Timers,
} from './coalescer.ts';

/** The hub's defaults; every expectation below is computed from these and the policy's constants. */
const C = DEFAULT_COALESCE_MS;
const M = DEFAULT_MAX_COALESCE_MS;

/** Timers on a clock that moves only when told: time is exact, nothing sleeps. */
class FakeTimers implements Timers {
  private time = 10_000;
  private seq = 0;
  private readonly queue: { at: number; seq: number; run: () => void }[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, seq: this.seq++, run };
    this.queue.push(timer);
    return () => {
      const i = this.queue.indexOf(timer);
      if (i >= 0) this.queue.splice(i, 1);
    };
  }

  setImmediate(run: () => void): () => void {
    return this.setTimeout(run, 0);
  }

  /** Timers not run yet. */
  get pending(): number {
    return this.queue.length;
  }

  /** Moves the clock `ms` on, running what falls due in time order and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const due = this.queue.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.queue.splice(this.queue.indexOf(due), 1);
      this.time = due.at;
      due.run();
      await settle();
    }
    this.time = end;
  }
}

/** Every promise reaction queued so far has run (Node runs microtasks before immediates). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Flush {
  at: number;
  /** The change count the flush saw: what it sends. */
  seen: number;
}

/** A coalescer whose flushes take `flushMs` and succeed unless `outcomes` says otherwise. */
function setup(options: { flushMs?: number; outcomes?: ('ok' | 'fail' | 'throw')[] } = {}) {
  const timers = new FakeTimers();
  const flushes: Flush[] = [];
  let changes = 0;
  const coalescer = new Coalescer({
    coalesceMs: C,
    maxCoalesceMs: M,
    timers,
    flush: () => {
      flushes.push({ at: timers.now(), seen: changes });
      const outcome = options.outcomes?.shift() ?? 'ok';
      const end = (resolve: (ok: boolean) => void, reject: (error: Error) => void) => {
        if (outcome === 'throw') reject(new Error('database unreachable'));
        else resolve(outcome === 'ok');
      };
      return new Promise<boolean>((resolve, reject) => {
        if (options.flushMs) timers.setTimeout(() => end(resolve, reject), options.flushMs);
        else end(resolve, reject);
      });
    },
  });
  const arrive = (ownCommit = false) => {
    changes += 1;
    coalescer.arrive(ownCommit);
  };
  return { timers, flushes, coalescer, arrive, changes: () => changes };
}

/** The windows a sustained burst gathers in, one per flush after the first: doubling up to M. */
function doublingWindows(count: number): number[] {
  const windows: number[] = [];
  for (let w = C; windows.length < count; w = Math.min(w * 2, M)) windows.push(w);
  return windows;
}

/** Arrivals far enough apart to count separately, close enough to be a burst at any window. */
const BURST_GAP = SAME_COMMIT_MS + 1;

describe('Coalescer', () => {
  it('the burst gap used below counts every arrival and makes a burst of every window', () => {
    expect(BURST_GAP).toBeLessThanOrEqual(BURST_SPACING_MS);
    expect(Math.floor(C / BURST_GAP)).toBeGreaterThanOrEqual(BURST_ARRIVALS);
  });

  it('flushes a change that finds it quiet in the same turn, with no window', async () => {
    const { timers, flushes, coalescer, arrive } = setup();
    const t0 = timers.now();
    arrive();
    expect(flushes).toEqual([]); // not inside the notification's handler
    await timers.advance(0);
    expect(flushes).toEqual([{ at: t0, seen: 1 }]);
    expect(coalescer.window).toBe(C);
    expect(timers.pending).toBe(0);
  });

  it('shows a steady trickle slower than the window change by change, each at once', async () => {
    const { timers, flushes, coalescer, arrive } = setup();
    const gap = C + 1;
    const at: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      at.push(timers.now());
      arrive();
      await timers.advance(gap);
    }
    expect(flushes.map((f) => f.at)).toEqual(at);
    expect(flushes.map((f) => f.seen)).toEqual(at.map((_, i) => i + 1));
    expect(coalescer.window).toBe(C);
  });

  it('gathers a sustained burst into few flushes, the window doubling up to its cap', async () => {
    const { timers, flushes, coalescer, arrive } = setup();
    const duration = 3000;
    const end = timers.now() + duration;
    /** For each flush, the first arrival after it: when the window it gathered for opened. */
    const opened: number[] = [];
    let arrivals = 0;
    // arrive every BURST_GAP ms until `duration` has passed and a flush has just run
    do {
      if (opened.length < flushes.length) opened.push(timers.now());
      arrive();
      arrivals += 1;
      await timers.advance(BURST_GAP);
    } while (timers.now() < end || timers.pending > 0);

    // the first change went out at once; each later flush came one window after its first change
    const windows = flushes.slice(1).map((f, i) => f.at - (opened[i] ?? NaN));
    expect(windows).toEqual(doublingWindows(windows.length));
    expect(coalescer.window).toBe(M);
    // a few frames a second: the doubling steps, then one per capped window
    const doublings = Math.ceil(Math.log2(M / C));
    expect(flushes.length).toBeLessThanOrEqual(1 + doublings + Math.ceil(duration / M));
    expect(flushes.length).toBeLessThan(arrivals / 10);
    // nothing lost: the last flush saw the last change
    expect(flushes.at(-1)?.seen).toBe(arrivals);
  });

  async function afterBurst() {
    const harness = setup();
    const end = harness.timers.now() + 4 * M;
    do {
      harness.arrive();
      await harness.timers.advance(BURST_GAP);
    } while (harness.timers.now() < end || harness.timers.pending > 0);
    expect(harness.coalescer.window).toBe(M);
    return harness;
  }

  it('resets the window after a quiet spell longer than it: the next change goes out at once', async () => {
    const { timers, flushes, coalescer, arrive, changes } = await afterBurst();
    await timers.advance(M + 1);
    const before = flushes.length;
    const t = timers.now();
    arrive();
    await timers.advance(0);
    expect(flushes.slice(before)).toEqual([{ at: t, seen: changes() }]);
    expect(coalescer.window).toBe(C);
  });

  it('resets the window after a flush that gathered fewer changes than a burst', async () => {
    const { timers, flushes, coalescer, arrive, changes } = await afterBurst();
    await timers.advance(BURST_GAP);
    const before = flushes.length;
    const t = timers.now();
    arrive(); // within a window of the last flush: gathered for the (still wide) window
    await timers.advance(M);
    expect(flushes.slice(before)).toEqual([{ at: t + M, seen: changes() }]);
    expect(coalescer.window).toBe(C);
  });

  it('counts the messages of one commit once, and every change read from the log', async () => {
    for (const ownCommit of [false, true]) {
      const { timers, coalescer, arrive } = setup();
      arrive();
      await timers.advance(0);
      // BURST_ARRIVALS + 1 messages, each within SAME_COMMIT_MS of the one before
      for (let i = 0; i <= BURST_ARRIVALS; i += 1) {
        await timers.advance(SAME_COMMIT_MS);
        arrive(ownCommit);
      }
      await timers.advance(C);
      expect(coalescer.window).toBe(ownCommit ? Math.min(2 * C, M) : C);
    }
  });

  it('gathers changes made during a flush into exactly one more flush, which sends the last', async () => {
    const flushMs = 4 * BURST_GAP;
    const { timers, flushes, arrive } = setup({ flushMs });
    const t0 = timers.now();
    arrive();
    await timers.advance(0);
    for (let i = 0; i < 3; i += 1) {
      await timers.advance(BURST_GAP);
      arrive();
    }
    await timers.advance(flushMs + 2 * M);
    expect(flushes).toEqual([
      { at: t0, seen: 1 },
      { at: t0 + flushMs + C, seen: 4 },
    ]);
    expect(timers.pending).toBe(0);
  });

  it('flushes at once when asked (schedule(0)), replacing an open window', async () => {
    const { timers, flushes, coalescer, arrive } = setup();
    arrive();
    await timers.advance(0);
    await timers.advance(BURST_GAP);
    arrive(); // opens a window
    expect(timers.pending).toBe(1);
    const t = timers.now();
    coalescer.schedule(0);
    await timers.advance(0);
    expect(flushes.map((f) => f.at).slice(1)).toEqual([t]);
    expect(timers.pending).toBe(0);
  });

  it('tries a failed flush again after RETRY_MS, with no new change, and not sooner', async () => {
    for (const failure of ['fail', 'throw'] as const) {
      const { timers, flushes, arrive } = setup({ flushMs: 1, outcomes: [failure, 'ok'] });
      const t0 = timers.now();
      arrive();
      await timers.advance(0);
      arrive(); // during the failed flush
      await timers.advance(RETRY_MS + 2 * M);
      expect(flushes).toEqual([
        { at: t0, seen: 1 },
        { at: t0 + 1 + RETRY_MS, seen: 2 },
      ]);
    }
  });

  it('settles once every change so far is flushed, a flush under way and the window it opens', async () => {
    const flushMs = 5;
    const { timers, flushes, coalescer, arrive, changes } = setup({ flushMs });
    arrive();
    await timers.advance(0);
    arrive(); // during the flush: one more window when it ends
    let settled = false;
    void coalescer.settled().then(() => {
      settled = true;
    });
    await timers.advance(flushMs);
    expect(settled).toBe(false);
    await timers.advance(2 * (C + flushMs + 1));
    expect(settled).toBe(true);
    expect(flushes.at(-1)?.seen).toBe(changes());
  });

  it('clears its timers on disposal and flushes nothing after', async () => {
    const { timers, flushes, coalescer, arrive } = setup({ flushMs: 5 });
    arrive();
    await timers.advance(0);
    arrive(); // during the flush: would open another window when it ends
    coalescer.dispose();
    await timers.advance(5);
    expect(timers.pending).toBe(0);
    arrive();
    coalescer.schedule(0);
    await timers.advance(RETRY_MS + 2 * M);
    expect(flushes).toHaveLength(1);
    expect(timers.pending).toBe(0);

    const open = setup();
    open.arrive();
    await open.timers.advance(0);
    await open.timers.advance(BURST_GAP);
    open.arrive(); // opens a window
    expect(open.timers.pending).toBe(1);
    open.coalescer.dispose();
    expect(open.timers.pending).toBe(0);
  });
});
