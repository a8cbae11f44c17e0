/**
 * The server's stop order: each component registers how to stop as soon as it has started, and
 * they stop in reverse (the last started first), so nothing stops while something started after
 * it may still use it: the database closes last. stop() runs the steps once (a second call gets the
 * same promise) and the process counts as stopping from that first call (/readyz answers 503 while
 * requests drain); a start that fails part-way unwinds what had started.
 */
export interface Shutdown {
  /** How to stop what has just started. */
  push(step: () => Promise<void> | void): void;
  /** Whether stop() was called. */
  readonly stopping: boolean;
  /** Every step, in reverse order; once. */
  stop(): Promise<void>;
  /** The steps so far, in reverse order, after a failed start. */
  unwind(): Promise<void>;
}

export function createShutdown(): Shutdown {
  const stack: (() => Promise<void> | void)[] = [];
  /** Set once stop() is called: /readyz answers 503 from then on, while requests drain. */
  let stopping: Promise<void> | undefined;
  const unwind = async () => {
    for (const step of stack.reverse()) await step();
  };
  return {
    push: (step) => {
      stack.push(step);
    },
    get stopping() {
      return stopping !== undefined;
    },
    stop: () => (stopping ??= unwind()),
    unwind,
  };
}
