/**
 * Per-subscriber delivery: an async iterable fed by the hub. Two disciplines:
 * - `latest`: keeps only the newest value (leaderboards: a slow reader skips intermediate
 *   versions and still ends on the current one; memory stays one board per subscriber);
 * - `queue`: keeps every value up to `capacity`; past that the reader is too slow and its
 *   iteration ends with an error (badges and goal changes must not be dropped silently).
 * A `latest` mailbox may have a `bypass`: while its reader idles (waiting, nothing held), a value
 * is first offered to it, and what it delivers itself never reaches the reader (the WebSocket
 * fast path: transport/ws/frames.ts). Invariant: the reader and the bypass never deliver out of
 * order, because the bypass is offered a value only while the reader has none in hand, and a value
 * it takes asynchronously is delivered (or handed to the reader) only if no newer one was pushed.
 */
export class SubscriberTooSlowError extends Error {
  constructor() {
    super('The subscriber fell too far behind; resubscribe to get the current state.');
  }
}

export interface MailboxOptions<T = unknown> {
  mode: 'latest' | 'queue';
  /** Queue mode only. @default 1000 */
  capacity?: number;
  /** Called once when the reader stops (returns, throws or is closed). */
  onClose?: () => void;
  /**
   * Latest mode only: offered each value while the reader idles. true: delivered; false: the
   * reader gets it; a promise: being delivered, resolving to whether it was (false: the reader
   * gets it, unless a newer value came meanwhile). `stale()` says a newer value came (or the
   * mailbox closed): an asynchronous delivery checks it last thing before it delivers.
   */
  bypass?: (value: T, stale: () => boolean) => boolean | Promise<boolean>;
}

export class Mailbox<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private closed = false;
  /** Values pushed so far (a bypass's delivery is stale once another came). */
  private pushed = 0;

  constructor(private readonly options: MailboxOptions<T>) {}

  get size(): number {
    return this.items.length;
  }

  push(value: T): void {
    if (this.closed || this.failure) return;
    const seq = ++this.pushed;
    const bypass = this.options.bypass;
    if (bypass && this.waiting && this.options.mode === 'latest') {
      const stale = () => this.pushed !== seq || this.closed || this.failure !== undefined;
      let taken: boolean | Promise<boolean>;
      try {
        taken = bypass(value, stale);
      } catch {
        taken = false; // the reader's way decides (and reports) what went wrong
      }
      if (taken === true) return;
      if (taken !== false) {
        const fallBack = () => {
          if (!stale()) this.deliver(value);
        };
        taken.then((ok) => ok || fallBack(), fallBack);
        return;
      }
    }
    this.deliver(value);
  }

  private deliver(value: T): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      this.failWaiting = undefined;
      resolve({ value, done: false });
      return;
    }
    if (this.options.mode === 'latest') {
      this.items.length = 0;
      this.items.push(value);
      return;
    }
    if (this.items.length >= (this.options.capacity ?? 1000)) {
      this.fail(new SubscriberTooSlowError());
      return;
    }
    this.items.push(value);
  }

  /** Ends the iteration with an error (after nothing else is delivered). */
  fail(error: Error): void {
    if (this.closed) return;
    this.failure = error;
    this.items.length = 0;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.waiting = undefined;
      this.failWaiting = undefined;
      reject(error);
    }
    this.finish();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.items.length) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      this.failWaiting = undefined;
      resolve({ value: undefined, done: true });
    }
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.onClose?.();
  }
}
