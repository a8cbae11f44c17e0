/**
 * Waiting in tests, one way for every file: poll a condition up to a deadline and fail with what
 * was awaited (`until`), let the server take in every change committed so far (`settle`), and
 * prove that a subscription received nothing more (`fence`/`upTo`) without waiting for a while.
 *
 * Why fences: "nothing else arrived in 400 ms" passes whenever the unwanted frame is late, so it
 * tests the host's speed, and it costs 400 ms every time. Instead, after the change that must not
 * reach a subscriber, `fence` settles the server (the listener has read the change log up to now,
 * the hub has flushed: any frame of that change is queued already) and makes a change the
 * subscriber must receive. Frames on one subscription are delivered in the order they were
 * queued, so once the fence's frame is there, everything queued before it is there too: what came
 * before the fence (`upTo`) is all the subscriber will ever get for the earlier changes.
 */
import type { TestServer } from './server.ts';
import type { Frames } from './ws.ts';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface UntilOptions {
  /** @default 20000: a deadline for a run that broke, not a budget (nothing waits it out) */
  timeoutMs?: number;
  /** @default 10 */
  everyMs?: number;
}

/**
 * Polls `check` until it returns something other than undefined/false and returns that; after
 * `timeoutMs` fails with "timed out after N ms waiting for <what>".
 */
export async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string | (() => string),
  { timeoutMs = 20_000, everyMs = 10 }: UntilOptions = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined && found !== false) return found;
    if (performance.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`,
      );
    }
    await sleep(everyMs);
  }
}

/**
 * Every change committed before the call has reached the server's caches and subscribers: the
 * listener has handed it to the hub and the viewer directory (bridge.caughtUp), and the hub has
 * flushed (its events are in the subscribers' queues).
 */
export async function settle(server: TestServer, timeoutMs = 10_000): Promise<void> {
  await until(() => server.app.bridge.caughtUp(), 'the listener to have every committed change', {
    timeoutMs,
  });
  await server.app.live.settled();
}

/**
 * Settles the server (see above), then runs `change`: a change that every subscription the test
 * then reads with `upTo` must receive. Returns what `change` returns.
 */
export async function fence<R>(server: TestServer, change: () => Promise<R>): Promise<R> {
  await settle(server);
  return change();
}

/**
 * Waits for the fence's frame (the first value for which `isFence` holds) and returns every value
 * that arrived before it: all the subscription got for changes made before the fence.
 */
export async function upTo<T>(
  frames: Frames<T>,
  isFence: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T[]> {
  const found = await frames.waitFor(isFence, timeoutMs);
  return frames.values.slice(0, frames.values.indexOf(found));
}
