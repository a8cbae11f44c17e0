/**
 * Execute and serialise a live event once for all its subscribers, not once per subscriber.
 *
 * graphql-js runs a subscription by executing the selection set for every event of every
 * subscriber, and graphql-ws stringifies every result; for a board that 10,000 screens watch,
 * that is 10,000 identical executions and JSON strings per change. Here:
 * - `subscribeShared` replaces graphql's `subscribe`: it creates the source stream the same way
 *   (`createSourceEventStream`: argument coercion, the resolver's `subscribe`, its errors), then maps
 *   each event through `executeEvent`.
 * - An event the hub marked with `markShared` (one object per board version, pushed to every
 *   subscriber of the board) is executed once per (event, document, operation name, variables);
 *   the promise is memoised in a WeakMap on the event, so it goes when the version goes. The
 *   result of a clean execution carries its JSON, computed once.
 * - `rawPayload` turns such a result into a payload whose bytes the WebSocket transport copies
 *   into each subscriber's frame (api/transport/ws/splice.ts): each frame is its own id around the shared
 *   JSON.
 *
 * Invariant that makes sharing correct: nothing in a shared event's selection depends on who is
 * asking beyond what the event object itself says. The shared execution runs with `viewer: null`,
 * so a field resolver that needed the viewer would fail loudly (UNAUTHENTICATED) instead of
 * leaking one viewer's view to others; scope is checked per subscriber before the event is passed
 * on (live.streams.ts). Field visibility differs by audience (screens see names, not e-mail
 * addresses or members: core/graphql/visibility.ts), so a board version is one marked object per
 * audience, carrying it, and the memo keyed on the object never serves one audience's result to
 * the other. Unmarked events (goals, badges: per subscriber, filtered by scope) are executed per
 * subscriber as before, with the subscriber's current viewer.
 */
import { randomUUID } from 'node:crypto';
import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';

const shared = new WeakSet<object>();
const memo = new WeakMap<object, WeakMap<DocumentNode, Map<string, Promise<ExecutionResult>>>>();
const JSON_OF = Symbol('pulse.json');

type SharedResult = ExecutionResult & { [JSON_OF]?: string };

/** Marks an event as the same for every subscriber (see the invariant above). */
export function markShared<T extends object>(event: T): T {
  shared.add(event);
  return event;
}

/** Results of shared executions once settled (sharedBytes: no wait for a payload already made). */
const settled = new WeakMap<Promise<ExecutionResult>, ExecutionResult>();

/** Counters (tests, benchmarks): executions run, and results served from the memo. */
export const sharedStats = { executions: 0, reused: 0 };

function executeEvent(args: ExecutionArgs, key: string, event: unknown): Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null || !shared.has(event)) {
    return Promise.resolve(execute({ ...args, rootValue: event }));
  }
  let byDocument = memo.get(event);
  if (!byDocument) memo.set(event, (byDocument = new WeakMap()));
  let byKey = byDocument.get(args.document);
  if (!byKey) byDocument.set(args.document, (byKey = new Map<string, Promise<ExecutionResult>>()));
  const known = byKey.get(key);
  if (known) {
    sharedStats.reused += 1;
    return known;
  }
  sharedStats.executions += 1;
  const context = { ...(args.contextValue as object), viewer: null };
  const result = Promise.resolve(execute({ ...args, rootValue: event, contextValue: context })).then(
    (r: SharedResult) => {
      if (!r.errors?.length) {
        r[JSON_OF] = JSON.stringify(
          r.extensions ? { data: r.data, extensions: r.extensions } : { data: r.data },
        );
      }
      settled.set(result, r);
      return r;
    },
  );
  byKey.set(key, result);
  return result;
}

/** The memo's key of a subscription's executions (its operation and variables). */
export const executionKey = (args: ExecutionArgs): string =>
  `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;

/**
 * A shared event's JSON for the subscription `args` describes (the same memoised execution as its
 * stream's): the bytes when already made, a promise meanwhile; null when the event is not shared
 * or its execution has errors (those go through graphql-ws and its error formatting).
 */
export function sharedBytes(
  args: ExecutionArgs,
  key: string,
  event: object,
): Buffer | null | Promise<Buffer | null> {
  if (!shared.has(event)) return null;
  const result = executeEvent(args, key, event);
  const done = settled.get(result);
  if (done) return rawPayload(done)?.bytes ?? null;
  return result.then((r) => rawPayload(r)?.bytes ?? null);
}

/** graphql's `subscribe`, executing shared events once (see above). */
export async function subscribeShared(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = executionKey(args);
  const iterator = source[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.();
    return { done: true as const, value: undefined };
  };
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await iterator.next();
      if (step.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await executeEvent(args, key, step.value) };
      } catch (error) {
        await close();
        throw error;
      }
    },
    return: close,
    async throw(error: unknown) {
      if (iterator.throw) {
        const step = await iterator.throw(error);
        return step.done
          ? { done: true, value: undefined }
          : { done: false, value: await executeEvent(args, key, step.value) };
      }
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return mapped;
}

/**
 * The payload graphql-ws is stringifying into a frame right now, for the socket's send that comes
 * next in the same synchronous step (api/transport/ws/splice.ts); one slot for the process.
 */
const stage: { payload?: RawPayload | undefined } = {};
/** Unguessable, so no string in a payload or an id a client chose can pose as it. */
export const RAW_PLACEHOLDER = `__pulse_raw_${randomUUID()}__`;

/**
 * A payload already serialised (and UTF-8 encoded, once). In a graphql-ws message it serialises
 * as a placeholder and stages itself; api/transport/ws/splice.ts copies its bytes in its place.
 */
export class RawPayload {
  private encoded: Buffer | undefined;
  constructor(readonly json: string) {}
  get bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.json));
  }
  toJSON(): string {
    stage.payload = this;
    return RAW_PLACEHOLDER;
  }
}

/** The payload staged by the last stringify, emptying the slot. */
export function takeStaged(): RawPayload | undefined {
  const payload = stage.payload;
  stage.payload = undefined;
  return payload;
}

/** Whether a payload waits for its frame (tests: none stays). */
export const stagedCount = (): number => (stage.payload ? 1 : 0);

const PAYLOAD_OF = Symbol('pulse.payload');

/** The shared payload of a result, for graphql-ws's onNext; undefined if it has none. */
export function rawPayload(result: ExecutionResult): RawPayload | undefined {
  const r = result as SharedResult & { [PAYLOAD_OF]?: RawPayload };
  const json = r[JSON_OF];
  if (json === undefined) return undefined;
  return (r[PAYLOAD_OF] ??= new RawPayload(json));
}
