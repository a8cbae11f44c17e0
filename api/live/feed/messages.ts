/**
 * The messages the database's triggers write (the drizzle/functions/*_notify.sql triggers, through live_emit.sql:
 * appended to the change log live_changes and read by the bridge, not sent as NOTIFYs on 'pulse_changes'),
 * parsed and checked. Anything unreadable becomes {t: 'all'}: recompute everything.
 * A row of the log holds a transaction's messages in the order logged, joined by SEPARATOR (live_emit.sql:
 * one row per transaction while it stays small); splitRow takes them apart.
 * On the channel itself: '{"t":"wake"}' (changes are waiting in the log) and the heartbeat's echo.
 */
import type { PeriodType } from '../../../schema/db/constants.ts';
import { PERIOD_TYPES } from '../../../schema/db/constants.ts';

export const CHANNEL = 'pulse_changes';

/**
 * Between two messages of a change-log row: ASCII RS, chr(30) in live_emit.sql. Never raw in JSON
 * text (JSON.stringify and Postgres's json escape every control character inside strings; only
 * space, tab, CR and LF may stand between tokens), so no message can contain it.
 */
export const SEPARATOR = '\u001e';

/** The messages of one change-log row, in the order they were logged. */
export function splitRow(payload: string): string[] {
  return payload.split(SEPARATOR);
}

/** A rollup row as a change logs it (drizzle/functions/sales_performance_notify.sql): its figures after the change. */
export interface RollupRow {
  userId: number;
  periodType: PeriodType;
  periodStart: string;
  revenue: string;
  ordersWon: number;
  leadsCreated: number;
  opportunitiesLost: number;
  /** updated_at in microseconds since the epoch. */
  updatedAt: bigint;
}

export interface PerfMessage {
  t: 'perf';
  periods: { periodType: PeriodType; periodStart: string }[];
  /** The teams of the sellers whose rollups changed; null: any team (or told by `rows`). */
  teams: number[] | null;
  /** The changed rows themselves, when the statement changed few (then with `xid`). */
  rows?: RollupRow[];
  /** The writer's transaction. */
  xid?: bigint;
  /**
   * Which read of the change log delivered it (set by the bridge): within one read, the order of
   * two transactions' rows is unknown; across reads it is their commit order.
   */
  batch?: number;
}

export type LiveMessage =
  | PerfMessage
  | { t: 'goal'; ids: number[] }
  | { t: 'goal_del'; goals: { id: number; userId: number | null; teamId: number | null }[] }
  | { t: 'ach'; ids: number[] }
  /** Kudos given (drizzle/functions/kudos_notify.sql). */
  | { t: 'kudos'; ids: number[] }
  /** Goals that fell behind pace past the alert threshold (api/jobs/pace/pace-alerts.ts). */
  | { t: 'pace'; ids: number[] }
  | { t: 'dir' }
  /** The organisation's settings changed (drizzle/functions/settings_notify.sql). */
  | { t: 'org' }
  /** A contest, its participants or its frozen results changed (drizzle/functions/contests_notify.sql). */
  | { t: 'contest' }
  | { t: 'hb'; nonce: string }
  | { t: 'all' };

const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isPeriodType = (v: unknown): v is PeriodType => (PERIOD_TYPES as readonly unknown[]).includes(v);

export function parseMessage(payload: string): LiveMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return { t: 'all' };
  }
  if (typeof raw !== 'object' || raw === null) return { t: 'all' };
  const m = raw as Record<string, unknown>;
  switch (m.t) {
    case 'perf': {
      if (Array.isArray(m.r) && typeof m.x === 'string' && /^\d+$/.test(m.x)) {
        const rows = m.r.map(rollupRow);
        if (rows.some((r) => r === undefined)) return { t: 'all' };
        const ok = rows as RollupRow[];
        const periods = new Map(ok.map((r) => [`${r.periodType}|${r.periodStart}`, r]));
        return {
          t: 'perf',
          periods: [...periods.values()].map((r) => ({
            periodType: r.periodType,
            periodStart: r.periodStart,
          })),
          teams: null,
          rows: ok,
          xid: BigInt(m.x),
        };
      }
      if (m.all === true || !Array.isArray(m.p)) return { t: 'all' };
      const periods = m.p.flatMap((k: unknown) =>
        Array.isArray(k) && isPeriodType(k[0]) && typeof k[1] === 'string'
          ? [{ periodType: k[0], periodStart: k[1] }]
          : [],
      );
      const teams = Array.isArray(m.tm) ? m.tm.filter((x): x is number => Number.isSafeInteger(x)) : null;
      return { t: 'perf', periods, teams };
    }
    case 'goal':
    case 'ach':
    case 'kudos':
    case 'pace':
      return Array.isArray(m.ids) ? { t: m.t, ids: m.ids.filter(isId) } : { t: 'all' };
    case 'goal_del':
      return Array.isArray(m.g)
        ? {
            t: 'goal_del',
            goals: m.g.flatMap((g: unknown) =>
              Array.isArray(g) && isId(g[0])
                ? [{ id: g[0], userId: isId(g[1]) ? g[1] : null, teamId: isId(g[2]) ? g[2] : null }]
                : [],
            ),
          }
        : { t: 'all' };
    case 'dir':
      return { t: 'dir' };
    case 'org':
      return { t: 'org' };
    case 'contest':
      return { t: 'contest' };
    case 'hb':
      return { t: 'hb', nonce: typeof m.n === 'string' ? m.n : '' };
    default:
      return { t: 'all' };
  }
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function rollupRow(raw: unknown): RollupRow | undefined {
  if (!Array.isArray(raw) || raw.length !== 8) return undefined;
  const [userId, periodType, periodStart, revenue, ordersWon, leadsCreated, opportunitiesLost, updatedAt] =
    raw as unknown[];
  if (
    !isId(userId) ||
    !isPeriodType(periodType) ||
    typeof periodStart !== 'string' ||
    !DATE.test(periodStart) ||
    typeof revenue !== 'string' ||
    !DECIMAL.test(revenue) ||
    !isCount(ordersWon) ||
    !isCount(leadsCreated) ||
    !isCount(opportunitiesLost) ||
    !isCount(updatedAt)
  ) {
    return undefined;
  }
  return {
    userId,
    periodType,
    periodStart,
    revenue,
    ordersWon,
    leadsCreated,
    opportunitiesLost,
    updatedAt: BigInt(updatedAt),
  };
}

const WAKE = /^\{\s*"t"\s*:\s*"wake"\s*\}$/;

/** The NOTIFY a committing writer sends an idle listener: read the change log. */
export function isWake(payload: string): boolean {
  return WAKE.test(payload);
}

/** A pg_snapshot ('xmin:xmax:xip,...'): which transactions were still running when it was taken. */
export interface Snapshot {
  readonly text: string;
  readonly xmin: bigint;
  readonly xmax: bigint;
  readonly inProgress: bigint[];
  /** Not finished as of this snapshot (running, or not started yet). */
  running(xid: bigint): boolean;
}

export function parseSnapshot(text: string): Snapshot {
  const [xmin = '0', xmax = '0', xip = ''] = text.split(':');
  const inProgress = xip ? xip.split(',').map((x) => BigInt(x)) : [];
  const running = new Set(inProgress);
  const snapshot: Snapshot = {
    text,
    xmin: BigInt(xmin),
    xmax: BigInt(xmax),
    inProgress,
    running: (xid) => xid >= snapshot.xmax || running.has(xid),
  };
  return snapshot;
}
