/**
 * Whether a paired screen is online, for the Screens page (issue 15), with several processes:
 * each socket a screen opens is a row of `screen_connections` (schema/db/screens.ts), written by
 * the process that holds the socket on connect and on close, and refreshed (`seen_at`) for all of
 * that process's open screen sockets by one statement a minute: never per event, never per frame.
 * A screen is online while one of its rows is open and was refreshed within ONLINE_WITHIN_MS (a
 * process that died leaves open rows that go stale). Times are the auth clock's (tests move it).
 * Writes are fire-and-forget for the socket: a failed one is logged, the socket is not affected.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Queryable } from '../../db/client.ts';

/** How often a process refreshes its open screen sockets' `seen_at`. */
export const PRESENCE_BEAT_MS = 60_000;
/** An open row refreshed within this is a screen online now (two beats and some slack). */
export const ONLINE_WITHIN_MS = 2 * PRESENCE_BEAT_MS + 30_000;
/** Closed rows are kept this long: reconnects are counted over the last 24 hours. */
export const HISTORY_MS = 24 * 60 * 60 * 1000;

/** What a TV says about itself in connection_init (`client: { version, resolution }`), checked. */
export interface ScreenClientInfo {
  version: string | null;
  resolution: string | null;
}

export function clientInfoOf(params: Record<string, unknown> | undefined): ScreenClientInfo {
  const client = params?.client;
  const info = typeof client === 'object' && client !== null ? (client as Record<string, unknown>) : {};
  const version = typeof info.version === 'string' ? info.version.trim().slice(0, 64) : '';
  const resolution = typeof info.resolution === 'string' ? info.resolution.trim() : '';
  return {
    version: /^[\w.+-]{1,64}$/.test(version) ? version : null,
    resolution: /^\d{2,5}x\d{2,5}$/.test(resolution) ? resolution : null,
  };
}

export class ScreenPresence {
  /** This process's open screen sockets: connection id → screen id. */
  private readonly open = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  /** Ends being written, waited for by dispose (before the database closes). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Queryable,
    private readonly clock: { now(): number },
    private readonly logger: Logger,
    beatMs = PRESENCE_BEAT_MS,
  ) {
    this.timer = setInterval(() => void this.beat(), beatMs);
    this.timer.unref();
  }

  private at(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** A screen's socket opened: its row (and the screen's first connection, once); its id. */
  async connect(screenId: number, info: ScreenClientInfo): Promise<string> {
    const id = randomUUID();
    const now = this.at();
    this.open.set(id, screenId);
    try {
      await rows(
        this.db,
        sql`with added as (
              insert into screen_connections (id, screen_user_id, connected_at, seen_at, client_version, resolution)
              values (${id}, ${screenId}, ${now}::timestamptz, ${now}::timestamptz, ${info.version}, ${info.resolution})
            ), pruned as (
              delete from screen_connections where screen_user_id = ${screenId}
                and disconnected_at < ${now}::timestamptz - make_interval(secs => ${HISTORY_MS / 1000})
            )
            update screens set first_connected_at = ${now}::timestamptz
              where user_id = ${screenId} and first_connected_at is null`,
      );
    } catch (error) {
      this.logger.error({ err: error, screenId }, 'screen presence: connect not recorded');
    }
    return id;
  }

  /** The socket closed (once its connect was recorded): its row ends now. */
  disconnect(connected: Promise<string>): void {
    const write = connected.then(async (id) => {
      if (!this.open.delete(id)) return;
      const now = this.at();
      try {
        await rows(
          this.db,
          sql`update screen_connections set disconnected_at = ${now}::timestamptz, seen_at = ${now}::timestamptz
              where id = ${id}`,
        );
      } catch (error) {
        this.logger.error({ err: error }, 'screen presence: disconnect not recorded');
      }
    });
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  /** Every open screen socket of this process seen now: one statement. */
  async beat(): Promise<void> {
    if (this.open.size === 0) return;
    try {
      await rows(
        this.db,
        sql`update screen_connections set seen_at = ${this.at()}::timestamptz
            where id = any(${`{${[...this.open.keys()].join(',')}}`}::uuid[]) and disconnected_at is null`,
      );
    } catch (error) {
      this.logger.error({ err: error }, 'screen presence: refresh failed');
    }
  }

  /** Stops the refresh and waits for the ends being written (the sockets closed before). */
  async dispose(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.pending]);
  }
}
