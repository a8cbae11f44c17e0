/**
 * Gathers changed ids for `batchMs` and hands them to `flush` as one batch (a burst of writes is
 * one query), on a queue that runs one piece of work at a time in this process (a flush never
 * overlaps a sweep). Ids are a set; `null` means "any may have changed" and absorbs the rest.
 * A failed flush is logged through `onError` and does not stop the queue. Used by the pace alerts
 * and the TEAM_RANK mail check; their clocks and rules stay theirs.
 */

export interface BatchedQueue {
  /** These ids changed (null: any may have): flushed together after the batch time. */
  add(ids: readonly number[] | null): void;
  /** Runs `work` after the work queued before it. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Flushes the batch now; resolves once the work queued so far has run. */
  settled(): Promise<void>;
  /** Drops the batch and takes no more; resolves when the running work ended. */
  dispose(): Promise<void>;
  readonly disposed: boolean;
}

export function batchedQueue(
  batchMs: number,
  flush: (ids: number[] | null) => Promise<unknown>,
  onError: (error: unknown) => void,
): BatchedQueue {
  let pending: Set<number> | null = new Set();
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => {});
    return next;
  };
  const flushNow = () => {
    timer = undefined;
    const ids = pending === null ? null : [...pending];
    pending = new Set();
    if (disposed || (ids !== null && ids.length === 0)) return;
    run(() => flush(ids)).catch(onError);
  };

  return {
    get disposed() {
      return disposed;
    },
    run,
    add(ids) {
      if (disposed) return;
      if (ids === null) pending = null;
      else if (pending !== null) for (const id of ids) pending.add(id);
      if (timer === undefined && (pending === null || pending.size > 0)) {
        timer = setTimeout(flushNow, batchMs);
        timer.unref();
      }
    },
    async settled() {
      if (timer !== undefined) {
        clearTimeout(timer);
        flushNow();
      }
      await chain;
    },
    async dispose() {
      disposed = true;
      clearTimeout(timer);
      timer = undefined;
      pending = new Set();
      await chain;
    },
  };
}
