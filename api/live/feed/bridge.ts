/**
 * The LISTEN bridge: one dedicated listening connection per API process, reading the change log
 * (live_changes, migration 0007: a row per transaction holding its messages, live_emit.sql) and
 * handing each message to the hub, each exactly once whatever the commit order. Armed and idle it runs no statement (the first writer to commit a change wakes it);
 * woken it drains every `drainMs`, backing off to `busyDrainMs` under sustained writes, until every
 * transaction in progress when it re-armed has ended. A heartbeat through the pool renews the
 * registration and checks the listener hears its echo; any sign of a gap (a reconnect, a lapsed
 * registration, a missing echo) makes it untrusted (`current`) until it has registered afresh and
 * told the hub to recompute everything. Why: writers must not serialise on NOTIFY, and a missed
 * message must never leave a screen stale. The decisions are the pure machine in bridge-state.ts;
 * this file runs its effects (statements, timers, the connection). The story: docs/live-updates.md.
 * Over 300 lines because each effect's I/O (register, drain, prune, heartbeat, reconnect) is here
 * with its error path; splitting them would spread one connection's lifecycle over files.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import postgres from 'postgres';
import { rows, type DatabaseHandle, type Queryable } from '../../db/client.ts';
import { initialBridgeState, next, type BridgeEffect, type BridgeEvent } from './bridge-state.ts';
import {
  CHANNEL,
  isWake,
  parseMessage,
  parseSnapshot,
  splitRow,
  type LiveMessage,
  type Snapshot,
} from './messages.ts';
import type { Metrics } from '../../core/metrics.ts';

export interface BridgeOptions {
  database: DatabaseHandle;
  /** Server mode: the URL the dedicated listening connection opens. */
  databaseUrl?: string | undefined;
  logger: Logger;
  onMessage(message: LiveMessage): void;
  /** A listener connected again after a gap: notifications may have been missed. */
  onReconnect(): void;
  /** @default 5000 */
  heartbeatMs?: number;
  /** @default 3000 */
  heartbeatTimeoutMs?: number;
  /**
   * While woken, how often the change log is read: well inside the hub's coalescing window, so
   * that changes reach it about when they commit (it tells a burst by marks inside a window).
   * @default 10
   */
  drainMs?: number;
  /** While consecutive drains keep finding rows, the interval grows up to this. @default 25 */
  busyDrainMs?: number;
  /** Reads of the change log, rows read and the lag of rollup changes (core/metrics.ts). */
  metrics?: Pick<Metrics, 'changeLogRead' | 'rollupRead'>;
}

export interface Bridge {
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** Number of times the listener connected (1 after start). */
  readonly connects: number;
  /** Reads of the change log so far. */
  readonly reads: number;
  /** Asleep until a writer wakes it (not reading the change log): tests wait for this. */
  readonly idle: boolean;
  /**
   * The loop's interval between reads of the change log: drainMs when woken, doubling up to
   * busyDrainMs while consecutive reads keep finding rows (bridge-state.ts).
   */
  readonly drainInterval: number;
  /**
   * Registered and, as far as anyone can tell, hearing every change: false from start until the
   * first registration, and again from any sign of a gap (a reconnect, a heartbeat not echoed in
   * time, a lapsed registration) until registered afresh (a failing read of the change log is no
   * gap: the rows stay in the log and the retry reads them).
   * Caches that rely on the notifications (the viewer directory) serve nothing while it is false.
   */
  readonly current: boolean;
  /**
   * Whether every change committed before the call has been handed to onMessage: current, and no
   * change-log row committed since the last read of the log. One statement (an index range of
   * live_changes). Lets caches fed by the messages answer as freshly as a query would. `db`: the
   * request's database, the statement counted there (core/request-scope.ts); else the bridge's.
   */
  caughtUp(db?: Queryable): Promise<boolean>;
}

/** Log rows are pruned once their transaction ended this long ago (every listener has read them). */
const PRUNE_AFTER_MS = 60_000;
const SAMPLE_EVERY_MS = 10_000;

interface DrainRow {
  snap: string;
  payloads: string[] | null;
}

export function createBridge(options: BridgeOptions): Bridge {
  const { database, logger, heartbeatMs = 5000, heartbeatTimeoutMs = 3000 } = options;
  const drainMs = Math.max(1, options.drainMs ?? 10);
  const busyDrainMs = Math.max(drainMs, options.busyDrainMs ?? 25);
  const id = randomUUID();
  // the registration outlives several missed heartbeats; embedded: one process, no expiry
  const ttl = database.kind === 'pglite' ? null : `${Math.max(30_000, 6 * heartbeatMs)} milliseconds`;
  let pending: { nonce: string; timer: NodeJS.Timeout } | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let listener: postgres.Sql | undefined;
  let unlistenPglite: (() => Promise<void>) | undefined;

  // ---------------------------------------------------------------- the change log
  let state = initialBridgeState({ drainMs, busyDrainMs }); // every decision: bridge-state.ts
  let after: Snapshot | undefined; // the previous drain's snapshot
  let batches = 0; // drains so far
  let samples: { at: number; snap: string }[] = [];
  let sleeping: NodeJS.Timeout | undefined;
  let loopEnded: (() => void)[] = []; // dispose waits for the drain loop
  let firstRegistration: { resolve(): void; reject(error: unknown): void } | undefined;
  const registeredOnce = new Promise<void>((resolve, reject) => {
    firstRegistration = { resolve, reject };
  });

  /** Feeds an event to the state machine and runs what it decided, in order. */
  function dispatch(event: BridgeEvent): void {
    const step = next(state, event);
    state = step.state;
    for (const effect of step.effects) run(effect);
    if (state.phase.name === 'idle' && loopEnded.length > 0) {
      const waiting = loopEnded;
      loopEnded = [];
      for (const resolve of waiting) resolve();
    }
  }

  /** A statement's outcome comes back as the next event. */
  function perform(io: Promise<BridgeEvent>): void {
    io.then(dispatch, (error: unknown) => dispatch({ type: 'failed', error })).catch((error: unknown) =>
      logger.error({ err: error }, 'live: bridge step failed'),
    );
  }

  function run(effect: BridgeEffect): void {
    switch (effect.type) {
      case 'register':
        if (effect.fresh) after = undefined; // a fresh start: what came before is recomputed (gap) or not watched yet
        perform(register());
        return;
      case 'drain':
        perform(drain(effect.disarm));
        return;
      case 'prune':
        perform(prune());
        return;
      case 'sleep':
        sleeping = setTimeout(() => {
          sleeping = undefined;
          dispatch({ type: 'slept' });
        }, effect.ms);
        return;
      case 'cancelSleep':
        clearTimeout(sleeping);
        sleeping = undefined;
        return;
      case 'ready':
        firstRegistration?.resolve();
        firstRegistration = undefined;
        return;
      case 'startFailed':
        firstRegistration?.reject(effect.error);
        firstRegistration = undefined;
        return;
      case 'reconnected':
        logger.warn({ connects: state.connects }, 'live: listener reconnected; recomputing everything');
        options.onReconnect();
        return;
      case 'retryLater':
        logger.warn({ err: effect.error }, 'live: could not read the change log; retrying');
        setTimeout(() => dispatch({ type: 'retry' }), effect.ms).unref();
        return;
      case 'reopen':
        logger.warn('live: heartbeat not echoed in time; reopening the listener');
        replaceListener().catch((error: unknown) =>
          logger.error({ err: error }, 'live: could not reopen the listener'),
        );
        return;
    }
  }

  /** Registers the listener: writers wake it from now on. */
  async function register(): Promise<BridgeEvent> {
    await rows(database.db, sql`select live_register(${id}, ${ttl}::interval)`);
    return { type: 'registered' };
  }

  /** Reads the rows committed since the previous drain and hands them to the hub. */
  async function drain(disarm: boolean): Promise<BridgeEvent> {
    const [row] = await rows<DrainRow>(
      database.db,
      sql`select snap, payloads from live_drain(${id}, ${after?.text ?? null}::pg_snapshot, ${disarm})`,
    );
    if (!row) throw new Error('live_drain returned nothing');
    const snapshot = parseSnapshot(row.snap);
    after = snapshot;
    const payloads = row.payloads ?? [];
    batches += 1;
    options.metrics?.changeLogRead(payloads.length);
    for (const payload of payloads) {
      // a transaction's messages share its row (live_emit.sql), in the order it logged them
      for (const part of splitRow(payload)) {
        const message = parseMessage(part);
        if (message.t === 'perf') {
          message.batch = batches; // see PerfMessage.batch
          options.metrics?.rollupRead(message.rows);
        }
        options.onMessage(message);
      }
    }
    return { type: 'drained', found: payloads.length, snapshot };
  }

  /** Deletes rows every listener has read: their transaction ended a minute ago. */
  async function prune(): Promise<BridgeEvent> {
    const now = Date.now();
    if (!after) return { type: 'pruned' };
    if (now - (samples.at(-1)?.at ?? 0) >= SAMPLE_EVERY_MS) samples.push({ at: now, snap: after.text });
    const old = samples.filter((s) => now - s.at >= PRUNE_AFTER_MS).at(-1);
    if (!old) return { type: 'pruned' };
    samples = samples.filter((s) => s.at > old.at);
    await rows(database.db, sql`select live_prune(${old.snap}::pg_snapshot)`);
    return { type: 'pruned' };
  }

  // ---------------------------------------------------------------- notifications

  const connected = () => dispatch({ type: 'connected' });

  const deliver = (payload: string) => {
    if (isWake(payload)) {
      dispatch({ type: 'wake' });
      return;
    }
    const message = parseMessage(payload);
    if (message.t === 'hb') {
      if (pending && message.nonce === pending.nonce) {
        clearTimeout(pending.timer);
        pending = undefined;
      }
      return;
    }
    options.onMessage(message);
  };

  async function listenOnServer(): Promise<void> {
    if (!options.databaseUrl) throw new Error('bridge: databaseUrl is required in server mode');
    const conn = postgres(options.databaseUrl, {
      max: 1,
      onnotice: () => {},
      connection: { application_name: 'pulse-listener' },
    });
    listener = conn;
    await conn.listen(CHANNEL, deliver, connected);
  }

  async function replaceListener(): Promise<void> {
    const old = listener;
    listener = undefined;
    await old?.end({ timeout: 0 }).catch(() => {});
    if (state.stopped) return;
    await listenOnServer();
  }

  async function beat(): Promise<void> {
    if (state.stopped || pending) return;
    const nonce = randomUUID();
    const timer = setTimeout(() => {
      if (pending?.nonce !== nonce || state.stopped) return;
      pending = undefined;
      dispatch({ type: 'silent' });
    }, heartbeatTimeoutMs);
    pending = { nonce, timer };
    try {
      const [row] = await rows<{ alive: boolean }>(
        database.db,
        sql`select live_heartbeat(${id}, ${ttl}::interval, ${JSON.stringify({ t: 'hb', n: nonce })}) as alive`,
      );
      if (row && !row.alive && !state.stopped) {
        // writers stopped logging for this listener (its registration expired): start afresh
        logger.warn('live: listener registration had lapsed');
        dispatch({ type: 'lapsed' });
      }
    } catch (error) {
      // the pool is down too; the timeout above reopens the listener once it answers again
      logger.warn({ err: error }, 'live: heartbeat could not be sent');
    }
  }

  return {
    get connects() {
      return state.connects;
    },
    get reads() {
      return batches;
    },
    get idle() {
      return state.phase.name === 'idle' && state.armed;
    },
    get drainInterval() {
      return state.wait;
    },
    get current() {
      return state.trusted && !state.stopped;
    },
    async caughtUp(db = database.db) {
      const seen = after;
      if (!state.trusted || state.stopped || !seen) return false;
      const [row] = await rows<{ behind: boolean }>(
        db,
        // behind = a committed change of a transaction `seen` did not see: one that began after it
        // (xid >= its xmax) or was running then (its xip). Both as index probes ordered by xid, a
        // plan that stays one probe whatever the statistics say (an EXISTS over `xid >= xmin` was
        // planned as a scan of the whole log when a burst had left them stale: 6.5 ms per query).
        sql`select coalesce((select xid from live_changes order by xid desc limit 1) >= pg_snapshot_xmax(s.s), false)
              or exists (select 1 from pg_snapshot_xip(s.s) x(id)
                where x.id = (select c.xid from live_changes c where c.xid >= x.id order by c.xid limit 1)) as behind
            from (select ${seen.text}::pg_snapshot as s) s`,
      );
      return row?.behind === false && state.trusted && !state.stopped;
    },
    async start() {
      if (database.kind === 'pglite') {
        if (!database.pglite) throw new Error('bridge: no PGlite instance');
        // one process owns an embedded database: listeners left by an earlier run are gone
        await rows(database.db, sql`delete from live_listeners`);
        unlistenPglite = await database.pglite.listen(CHANNEL, deliver);
        connected();
      } else {
        await listenOnServer();
        heartbeat = setInterval(() => void beat(), heartbeatMs);
        heartbeat.unref();
      }
      await registeredOnce;
    },
    async dispose() {
      dispatch({ type: 'stop' });
      if (heartbeat) clearInterval(heartbeat);
      if (pending) clearTimeout(pending.timer);
      if (state.phase.name !== 'idle') await new Promise<void>((resolve) => loopEnded.push(resolve));
      await unlistenPglite?.().catch(() => {});
      await listener?.end({ timeout: 1 }).catch(() => {});
      // writers need not log for this process any more
      await rows(database.db, sql`delete from live_listeners where id = ${id}`).catch(() => {});
    },
  };
}
