/**
 * The LISTEN bridge: one dedicated listening connection per API process, feeding parsed messages
 * to a handler (the hub).
 *
 * Failure model: a listening connection can die loudly (terminated backend, network error:
 * postgres.js reconnects and calls onlisten again) or silently (a half-open TCP connection that
 * never delivers again). A heartbeat NOTIFY is sent through the ordinary pool every
 * `heartbeatMs`; if its echo does not arrive within `heartbeatTimeoutMs` the listener is thrown
 * away and a new one opened. Every (re)connect after the first calls `onReconnect`: while no
 * listener was connected notifications were lost, so the hub must treat everything as changed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import postgres from 'postgres';
import { rows, type DatabaseHandle } from '../db/client.ts';
import { CHANNEL, parseMessage, type LiveMessage } from './messages.ts';

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
}

export interface Bridge {
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** Number of times the listener connected (1 after start). */
  readonly connects: number;
}

export function createBridge(options: BridgeOptions): Bridge {
  const { database, logger, heartbeatMs = 5000, heartbeatTimeoutMs = 3000 } = options;
  let connects = 0;
  let disposed = false;
  let pending: { nonce: string; timer: NodeJS.Timeout } | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let listener: postgres.Sql | undefined;
  let unlistenPglite: (() => Promise<void>) | undefined;

  const connected = () => {
    connects += 1;
    if (connects > 1) {
      logger.warn({ connects }, 'live: listener reconnected; recomputing everything');
      options.onReconnect();
    }
  };

  const deliver = (payload: string) => {
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
      logger.warn('live: heartbeat not echoed in time; reopening the listener');
      replaceListener().catch((error: unknown) =>
        logger.error({ err: error }, 'live: could not reopen the listener'),
      );
    }, heartbeatTimeoutMs);
    pending = { nonce, timer };
    try {
      await rows(database.db, sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ t: 'hb', n: nonce })})`);
    } catch (error) {
      // the pool is down too; the timeout above reopens the listener once it answers again
      logger.warn({ err: error }, 'live: heartbeat could not be sent');
    }
  }

  return {
    get connects() {
      return connects;
    },
    async start() {
      if (database.kind === 'pglite') {
        if (!database.pglite) throw new Error('bridge: no PGlite instance');
        unlistenPglite = await database.pglite.listen(CHANNEL, deliver);
        connected();
        return;
      }
      await listenOnServer();
      heartbeat = setInterval(() => void beat(), heartbeatMs);
      heartbeat.unref();
    },
    async dispose() {
      disposed = true;
      if (heartbeat) clearInterval(heartbeat);
      if (pending) clearTimeout(pending.timer);
      await unlistenPglite?.().catch(() => {});
      await listener?.end({ timeout: 1 }).catch(() => {});
    },
  };
}
