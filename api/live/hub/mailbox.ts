/**
 * Per-subscriber delivery: an async iterable fed by the hub. Two disciplines:
 * - `latest`: keeps only the newest value (leaderboards: a slow reader skips intermediate
 *   versions and still ends on the current one; memory stays one board per subscriber);
 * - `queue`: keeps every value up to `capacity`; past that the reader is too slow and its
 *   iteration ends with an error (badges and goal changes must not be dropped silently).
 */
export class SubscriberTooSlowError extends Error {
  constructor() {
    super('The subscriber fell too far behind; resubscribe to get the current state.');
  }
}

export interface MailboxOptions {
  mode: 'latest' | 'queue';
  /** Queue mode only. @default 1000 */
  capacity?: number;
  /** Called once when the reader stops (returns, throws or is closed). */
  onClose?: () => void;
}

export class Mailbox<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private closed = false;

  constructor(private readonly options: MailboxOptions) {}

  get size(): number {
    return this.items.length;
  }

  push(value: T): void {
    if (this.closed || this.failure) return;
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
