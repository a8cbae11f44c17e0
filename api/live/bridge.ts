/**
 * The LISTEN bridge: one dedicated listening connection per API process, feeding parsed messages
 * to a handler (the hub).
 *
 * Where messages come from (drizzle/0007_live_change_log.sql): the triggers append them to the
 * UNLOGGED table live_changes instead of sending NOTIFYs, so writers do not serialise on
 * PostgreSQL's NOTIFY commit lock. This bridge registers as a listener (live_listeners) and is
 * either
 * - armed (idle): it runs no statement; the first transaction that commits a change sees the flag
 *   and sends one NOTIFY '{"t":"wake"}';
 * - draining: woken, it disarms itself and reads the new rows every `drainMs` (live_drain: rows
 *   whose transaction became visible since the previous drain's snapshot, each exactly once,
 *   whatever the commit order). While every drain finds rows (sustained writes, about 100
 *   commits a second and more) the interval doubles up to `busyDrainMs`, the hub's first
 *   coalescing window, which at such a rate is growing anyway (hub.ts); each read is a statement
 *   on the cores the writers use (M6: reads every 10 ms under 8 pgbench writers took 5-7 % of
 *   their throughput). A wake-up is read at once, and after a drain that found nothing the next
 *   comes after `drainMs` again. When a drain finds nothing it arms itself again and keeps
 *   draining until every transaction that was in progress when it armed has ended (they may have
 *   checked the flag before it was set, and will not wake it), then goes idle.
 * A NOTIFY that carries a message itself (an older trigger, a hand-written pg_notify) is still
 * delivered as before.
 *
 * Failure model: a listening connection can die loudly (terminated backend, network error:
 * postgres.js reconnects and calls onlisten again) or silently (a half-open TCP connection that
 * never delivers again). A heartbeat is sent through the ordinary pool every `heartbeatMs`; it
 * renews the registration (which expires unless renewed, so a crashed process stops costing writers
 * anything) and NOTIFYs an echo; if the echo does not arrive within `heartbeatTimeoutMs` the
 * listener is thrown away and a new one opened. Every (re)connect after the first, and a heartbeat
 * that finds the registration lapsed, calls `onReconnect`: messages may have been missed, so the hub
 * must treat everything as changed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import postgres from 'postgres';
import { rows, type DatabaseHandle } from '../db/client.ts';
import { CHANNEL, isWake, parseMessage, parseSnapshot, type LiveMessage, type Snapshot } from './messages.ts';

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
   * Registered and, as far as anyone can tell, hearing every change: false from start until the
   * first registration, and again from any sign of a gap (a reconnect, a heartbeat not echoed in
   * time, a lapsed registration, a failing read of the change log) until registered afresh.
   * Caches that rely on the notifications (the viewer directory) serve nothing while it is false.
   */
  readonly current: boolean;
  /**
   * Whether every change committed before the call has been handed to onMessage: current, and no
   * change-log row committed since the last read of the log. One statement (an index range of
   * live_changes). Lets caches fed by the messages answer as freshly as a query would.
   */
  caughtUp(): Promise<boolean>;
}

/** Log rows are pruned once their transaction ended this long ago (every listener has read them). */
const PRUNE_AFTER_MS = 60_000;
const SAMPLE_EVERY_MS = 10_000;
/** Waiting only for transactions in progress at arming: back off up to this interval. */
const MAX_WAIT_MS = 1000;

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
  let connects = 0;
  let disposed = false;
  let pending: { nonce: string; timer: NodeJS.Timeout } | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let listener: postgres.Sql | undefined;
  let unlistenPglite: (() => Promise<void>) | undefined;

  // ---------------------------------------------------------------- the change log
  let after: Snapshot | undefined; // the previous drain's snapshot
  let batches = 0; // drains so far
  let armed = false;
  let woken = false; // a wake-up arrived since the last drain: disarm with the next one
  let waitFor: bigint[] = []; // transactions in progress when this listener armed
  let register = false; // (re)connected: register before anything else
  let gap = false; // ...and messages may have been missed: the hub recomputes everything
  let trusted = false; // see Bridge.current
  let draining: Promise<void> | undefined;
  let again = false;
  let interrupt: (() => void) | undefined;
  let samples: { at: number; snap: string }[] = [];
  let firstRegistration: { resolve(): void; reject(error: unknown): void } | undefined;
  const registeredOnce = new Promise<void>((resolve, reject) => {
    firstRegistration = { resolve, reject };
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      interrupt = undefined;
    });

  /** Reads the rows committed since the previous drain and hands them to the hub. */
  async function drain(disarm: boolean): Promise<number> {
    const [row] = await rows<DrainRow>(
      database.db,
      sql`select snap, payloads from live_drain(${id}, ${after?.text ?? null}::pg_snapshot, ${disarm})`,
    );
    if (!row) throw new Error('live_drain returned nothing');
    const snapshot = parseSnapshot(row.snap);
    after = snapshot;
    waitFor = waitFor.filter((xid) => snapshot.running(xid));
    const payloads = row.payloads ?? [];
    batches += 1;
    for (const payload of payloads) {
      const message = parseMessage(payload);
      if (message.t === 'perf') message.batch = batches; // see PerfMessage.batch
      options.onMessage(message);
    }
    return payloads.length;
  }

  /** Deletes rows every listener has read: their transaction ended a minute ago. */
  async function prune(): Promise<void> {
    const now = Date.now();
    if (!after) return;
    if (now - (samples.at(-1)?.at ?? 0) >= SAMPLE_EVERY_MS) samples.push({ at: now, snap: after.text });
    const old = samples.filter((s) => now - s.at >= PRUNE_AFTER_MS).at(-1);
    if (!old) return;
    samples = samples.filter((s) => s.at > old.at);
    await rows(database.db, sql`select live_prune(${old.snap}::pg_snapshot)`);
  }

  /**
   * Arms the listener (writers wake it from now on), then drains once: that snapshot's running
   * transactions may have checked the flag before it was set, so they are waited for.
   */
  async function arm(): Promise<void> {
    await rows(database.db, sql`select live_register(${id}, ${ttl}::interval)`);
    armed = true;
    await drain(false);
    waitFor = after?.inProgress ?? [];
  }

  /** Drains until nothing is left to wait for, then leaves the listener armed and idle. */
  async function drainLoop(): Promise<void> {
    let wait = drainMs;
    let busy = false; // the previous drain found rows
    while (!disposed) {
      if (register) {
        register = false;
        after = undefined; // a fresh start: what came before is recomputed (gap) or not watched yet
        woken = false;
        await arm();
        firstRegistration?.resolve();
        firstRegistration = undefined;
        if (gap) {
          gap = false;
          logger.warn({ connects }, 'live: listener reconnected; recomputing everything');
          options.onReconnect();
        }
        trusted = true;
        if (waitFor.length === 0 && !woken && !register) return; // armed, nothing to wait for
        wait = drainMs;
      } else {
        const disarm = woken;
        woken = false;
        if (disarm) armed = false;
        const found = await drain(disarm);
        await prune();
        const wasBusy = busy;
        busy = found > 0;
        if (found > 0 || woken) {
          // rows keep coming: read less often, up to busyDrainMs (see the header)
          wait = busy && wasBusy ? Math.min(wait * 2, busyDrainMs) : drainMs;
        } else if (!armed) {
          await arm();
          if (waitFor.length === 0 && !woken && !register) return; // armed, nothing to wait for
          wait = drainMs;
        } else if (waitFor.length === 0) {
          return; // armed, and every transaction that might not wake us has ended
        } else {
          wait = Math.min(wait * 2, MAX_WAIT_MS);
        }
      }
      if (!woken && !register) await sleep(wait);
    }
  }

  function kick(): void {
    if (disposed) return;
    if (draining) {
      again = true;
      interrupt?.();
      return;
    }
    draining = drainLoop()
      .catch((error: unknown) => {
        if (disposed) return;
        if (firstRegistration) {
          firstRegistration.reject(error);
          firstRegistration = undefined;
          return;
        }
        // the database is unreachable: retry now and then (the heartbeat reopens the listener,
        // which registers again and has the hub recompute everything)
        logger.warn({ err: error }, 'live: could not read the change log; retrying');
        woken = true;
        setTimeout(kick, MAX_WAIT_MS).unref();
      })
      .finally(() => {
        draining = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  // ---------------------------------------------------------------- notifications

  const connected = () => {
    trusted = false;
    connects += 1;
    if (connects > 1) gap = true;
    register = true;
    kick();
  };

  const deliver = (payload: string) => {
    if (isWake(payload)) {
      woken = true;
      kick();
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
    if (disposed) return;
    await listenOnServer();
  }

  async function beat(): Promise<void> {
    if (disposed || pending) return;
    const nonce = randomUUID();
    const timer = setTimeout(() => {
      if (pending?.nonce !== nonce || disposed) return;
      pending = undefined;
      trusted = false;
      logger.warn('live: heartbeat not echoed in time; reopening the listener');
      replaceListener().catch((error: unknown) =>
        logger.error({ err: error }, 'live: could not reopen the listener'),
      );
    }, heartbeatTimeoutMs);
    pending = { nonce, timer };
    try {
      const [row] = await rows<{ alive: boolean }>(
        database.db,
        sql`select live_heartbeat(${id}, ${ttl}::interval, ${JSON.stringify({ t: 'hb', n: nonce })}) as alive`,
      );
      if (row && !row.alive && !disposed) {
        // writers stopped logging for this listener (its registration expired): start afresh
        logger.warn('live: listener registration had lapsed');
        trusted = false;
        gap = true;
        register = true;
        kick();
      }
    } catch (error) {
      // the pool is down too; the timeout above reopens the listener once it answers again
      logger.warn({ err: error }, 'live: heartbeat could not be sent');
    }
  }

  return {
    get connects() {
      return connects;
    },
    get reads() {
      return batches;
    },
    get idle() {
      return draining === undefined && armed;
    },
    get current() {
      return trusted && !disposed;
    },
    async caughtUp() {
      const seen = after;
      if (!trusted || disposed || !seen) return false;
      const [row] = await rows<{ behind: boolean }>(
        database.db,
        // behind = a committed change of a transaction `seen` did not see: one that began after it
        // (xid >= its xmax) or was running then (its xip). Both as index probes ordered by xid, a
        // plan that stays one probe whatever the statistics say (an EXISTS over `xid >= xmin` was
        // planned as a scan of the whole log when a burst had left them stale: 6.5 ms per query).
        sql`select coalesce((select xid from live_changes order by xid desc limit 1) >= pg_snapshot_xmax(s.s), false)
              or exists (select 1 from pg_snapshot_xip(s.s) x(id)
                where x.id = (select c.xid from live_changes c where c.xid >= x.id order by c.xid limit 1)) as behind
            from (select ${seen.text}::pg_snapshot as s) s`,
      );
      return row?.behind === false && trusted && !disposed;
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
      disposed = true;
      if (heartbeat) clearInterval(heartbeat);
      if (pending) clearTimeout(pending.timer);
      interrupt?.();
      await draining?.catch(() => {});
      await unlistenPglite?.().catch(() => {});
      await listener?.end({ timeout: 1 }).catch(() => {});
      // writers need not log for this process any more
      await rows(database.db, sql`delete from live_listeners where id = ${id}`).catch(() => {});
    },
  };
}
