/**
 * The sellers of each (period, team) in memory: one table shared by every board (any metric,
 * limit) and HTTP read that shows them, ranked in JavaScript once per change of its rows.
 *
 * Invariant: a table's rows are what one read would return now, or it is marked `reload`. Logged
 * rollup rows (drizzle/functions/sales_performance_notify.sql) are applied with no statement: rows of transactions visible in the
 * read's snapshot are in it already and skipped; rows come in commit order between log reads, so
 * a later row of a seller replaces an earlier one. When that order is unknown (two rows of one
 * seller in one log read), when a change names only periods, on any directory change, after a
 * gap or a failed read, the table is read again. Tables no board shows are kept for HTTP reads
 * while used (at most TABLE_CACHE, for TABLE_IDLE_MS). Details: docs/live-hub.md.
 */
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import type { Database, Queryable } from '../../db/client.ts';
import type { RateMinimums } from '../../domain/ranking.ts';
import { boardSellers } from '../../modules/leaderboard/leaderboard.queries.ts';
import {
  rankSellers,
  ranksOn,
  scoreSeller,
  type ScoredSeller,
} from '../../modules/leaderboard/leaderboard.mapping.ts';
import { parseSnapshot, type PerfMessage, type RollupRow, type Snapshot } from '../feed/messages.ts';
import type { HubStats } from './types.ts';

export type Ranked = ReturnType<typeof rankSellers>;

export interface Sellers {
  /** The snapshot they were read in: changes of transactions visible in it are in. */
  snapshot: Snapshot;
  rows: Map<number, ScoredSeller>;
  /** The latest updated_at (µs) of the rollups they show: the board version's floor. */
  clock: bigint;
  /** Rankings of these rows by `metric|limit`, emptied whenever a row or the clock changes. */
  ranked: Map<string, Ranked>;
  /**
   * Each seller's rank by metric, emptied with `ranked`: as the previous period's table, the
   * previousRank of the current boards (a backdated change to that period empties it too).
   */
  ranks: Map<LeaderboardMetric, Map<number, number>>;
  /** Every seller's name and figures, as text (boards with standings: their fingerprint); as ranked. */
  digest: string | undefined;
}

/** What shows a table: marked dirty when the table changes (a board). */
export interface TableViewer {
  dirty: boolean;
}

/** The sellers of one (period, team) in memory. */
export interface Table {
  readonly id: string;
  readonly periodType: PeriodType;
  readonly periodStart: string;
  readonly teamId: number | null;
  /** The boards that show it, marked dirty when it changes. */
  readonly boards: Set<TableViewer>;
  /** Undefined until first read. */
  sellers: Sellers | undefined;
  /** Read it from the database before it is used again. */
  reload: boolean;
  /** The read in progress. */
  loading: Promise<void> | undefined;
  /** Logged rows not applied yet, in the order they came. */
  pending: { row: RollupRow; xid: bigint }[];
  /** The change-log read that last brought a row of each seller (see PerfMessage.batch). */
  batchOf: Map<number, number>;
  /** When an HTTP read last used it (performance.now()). */
  usedAt: number;
}

/** Rankings kept per table (distinct metric and limit pairs asked for); beyond this, start over. */
const RANKED_CACHE = 16;
/** Tables no board shows, kept for HTTP reads: at most this many... */
const TABLE_CACHE = 32;
/** ...each for this long after its last read. */
const TABLE_IDLE_MS = 60_000;

const tableId = (periodType: PeriodType, periodStart: string, teamId: number | null): string =>
  `${periodType}|${periodStart}|${teamId ?? ''}`;

export class SellerTables {
  private readonly tables = new Map<string, Table>();

  constructor(
    private readonly db: Database,
    private readonly stats: Pick<HubStats, 'reloads'>,
  ) {}

  /** The table of a (period, team), made (to be read) if there is none. */
  tableFor(periodType: PeriodType, periodStart: string, teamId: number | null): Table {
    const id = tableId(periodType, periodStart, teamId);
    let table = this.tables.get(id);
    if (!table) {
      table = {
        id,
        periodType,
        periodStart,
        teamId,
        boards: new Set(),
        sellers: undefined,
        reload: true,
        loading: undefined,
        pending: [],
        batchOf: new Map(),
        usedAt: performance.now(),
      };
      this.evict(); // a new table: room for it (reads of existing ones cost no sweep)
      this.tables.set(id, table);
    }
    return table;
  }

  /** The table a board shows in the period starting `start`, with the board among its boards. */
  join(board: TableViewer, periodType: PeriodType, start: string, teamId: number | null): Table {
    const table = this.tableFor(periodType, start, teamId);
    table.boards.add(board);
    return table;
  }

  /** A board leaves its table (closed, or moved to a new period); see evict. */
  leave(board: TableViewer, table: Table): void {
    table.boards.delete(board);
    this.evict();
  }

  /** Whether using the table now starts a read of it (as fresh as a query). */
  readsNow(table: Table): boolean {
    return (table.reload || !table.sellers) && !table.loading;
  }

  /** Figures changed (a `perf` notification): every table of its period takes it. */
  rollupChanged(message: PerfMessage): void {
    for (const table of this.tables.values()) this.applyRollup(table, message);
  }

  /** Every table is read again before its next use (directory change, listener gap). */
  reloadAll(): void {
    for (const table of this.tables.values()) this.mustReload(table);
  }

  /** The table is read again before its next use; its boards are dirty. */
  mustReload(table: Table): void {
    table.reload = true;
    table.pending = [];
    markBoards(table);
  }

  /**
   * The table's sellers, read again if they must be, with the logged rows since applied. `db`:
   * the request's database, a read this call starts counted there; else the hub's.
   */
  async current(table: Table, db: Queryable = this.db): Promise<Sellers> {
    if (this.readsNow(table)) {
      table.reload = false;
      this.stats.reloads += 1;
      table.loading = boardSellers(db, table)
        .then((read) => {
          table.sellers = {
            snapshot: parseSnapshot(read.snapshot),
            rows: new Map(read.sellers.map((s) => [s.id, scoreSeller(s)])),
            clock: BigInt(read.version),
            ranked: new Map(),
            ranks: new Map(),
            digest: undefined,
          };
        })
        .catch((error: unknown) => {
          table.reload = true;
          throw error;
        })
        .finally(() => {
          table.loading = undefined;
        });
    }
    if (table.loading) await table.loading;
    const sellers = table.sellers;
    if (!sellers) throw new Error('live: the board was not read');
    // rows that came while it was read are applied too, unless the read saw their transaction
    const pending = table.pending.splice(0);
    if (pending.length > 0) {
      sellers.ranked.clear();
      sellers.ranks.clear();
      sellers.digest = undefined;
    }
    for (const { row, xid } of pending) {
      if (!sellers.snapshot.running(xid)) continue;
      const seller = sellers.rows.get(row.userId);
      if (!seller) {
        // not in this table (another team, not a seller); the whole organisation's version moves
        if (table.teamId === null && row.updatedAt > sellers.clock) sellers.clock = row.updatedAt;
        continue;
      }
      sellers.rows.set(
        row.userId,
        scoreSeller({
          ...seller.row,
          revenue: row.revenue,
          orders_won: row.ordersWon,
          leads_created: row.leadsCreated,
          opportunities_lost: row.opportunitiesLost,
        }),
      );
      if (row.updatedAt > sellers.clock) sellers.clock = row.updatedAt;
    }
    return sellers;
  }

  /** Figures of a table's period changed: queue the logged rows, or read the table again. */
  private applyRollup(table: Table, message: PerfMessage): void {
    const { periodType, periodStart, teamId } = table;
    if (message.rows && message.xid !== undefined) {
      const xid = message.xid;
      // while the table is being read, any seller may be in it (a new one, say); every row of the
      // period moves the whole organisation's version (boardVersion), a seller's or not
      const known = table.loading || teamId === null ? undefined : table.sellers?.rows;
      const rows = message.rows.filter(
        (r) => r.periodType === periodType && r.periodStart === periodStart && (known?.has(r.userId) ?? true),
      );
      if (rows.length === 0) return;
      markBoards(table);
      if (table.reload) return; // the read will have them
      for (const row of rows) {
        // a second row of a seller in one read: which of the two is newer is unknown
        if (message.batch !== undefined && table.batchOf.get(row.userId) === message.batch) {
          this.mustReload(table);
          return;
        }
        if (message.batch !== undefined) table.batchOf.set(row.userId, message.batch);
        table.pending.push({ row, xid });
      }
      return;
    }
    const samePeriod = message.periods.some(
      (p) => p.periodType === periodType && p.periodStart === periodStart,
    );
    const sameTeam = teamId === null || !message.teams || message.teams.includes(teamId);
    if (samePeriod && sameTeam) this.mustReload(table);
  }

  /** Drops the tables no board shows that HTTP reads have not used lately, the oldest beyond TABLE_CACHE. */
  private evict(): void {
    const now = performance.now();
    const spare = [...this.tables.values()].filter((t) => t.boards.size === 0 && !t.loading);
    spare.sort((a, b) => b.usedAt - a.usedAt);
    spare.forEach((table, i) => {
      if (i >= TABLE_CACHE || now - table.usedAt > TABLE_IDLE_MS) this.tables.delete(table.id);
    });
  }
}

function markBoards(table: Table): void {
  for (const board of table.boards) board.dirty = true;
}

/**
 * The sellers ranked on `metric`, top `limit`: computed once per change of the rows and shared by
 * every board and HTTP read that asks for the same ranking (callers never modify it).
 */
export function ranked(
  sellers: Sellers,
  metric: LeaderboardMetric,
  limit: number,
  minimums: RateMinimums,
): Ranked {
  const key = `${metric}|${limit}`;
  let result = sellers.ranked.get(key);
  if (!result) {
    if (sellers.ranked.size >= RANKED_CACHE) sellers.ranked.clear();
    result = rankSellers(sellers.rows, metric, limit, minimums);
    sellers.ranked.set(key, result);
  }
  return result;
}

/** Each seller's rank on `metric` (ranksOn), computed once per change of the rows. */
export function ranksOf(
  sellers: Sellers,
  metric: LeaderboardMetric,
  minimums: RateMinimums,
): ReadonlyMap<number, number> {
  let result = sellers.ranks.get(metric);
  if (!result) sellers.ranks.set(metric, (result = ranksOn(sellers.rows, metric, minimums)));
  return result;
}

/** Every seller's name and figures: what a standing can show of anyone (computed once per change). */
export function digest(sellers: Sellers): string {
  if (sellers.digest === undefined) {
    const parts: string[] = [];
    for (const { row } of sellers.rows.values()) {
      parts.push(
        `${row.id}:${row.name}:${row.team_id}:${row.team_name}:${row.revenue}:${row.orders_won}:${row.leads_created}:${row.opportunities_lost}`,
      );
    }
    sellers.digest = parts.join('|');
  }
  return sellers.digest;
}
