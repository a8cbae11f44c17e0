/**
 * The live hub: turns database notifications into subscription events.
 *
 * Invariants:
 * - Each watched leaderboard (period type, metric, team, limit; always the current period) is
 *   recomputed at most once per flush, whatever the number of subscribers: a notification only
 *   marks boards dirty, and a flush recomputes the dirty boards. A mark that finds the hub quiet
 *   (no flush for longer than the current window) flushes at once: a change that comes alone is
 *   on screen as soon as it is recomputed. Marks that arrive during a flush, or within a window of
 *   the last one, are gathered for a window and cause exactly one more flush.
 * - The window is `coalesceMs` while changes come one at a time. When the arrivals gathered since
 *   the last flush began (each rollup change read from the change log counts, since under load one
 *   read brings many commits; other notifications count once per SAME_COMMIT_MS, as one commit's
 *   come together) are at least BURST_ARRIVALS and more than one per BURST_SPACING_MS of the
 *   window, changes are coming faster than screens can usefully show them: the next window is
 *   twice as long, up to `maxCoalesceMs`, so a sustained burst costs a few frames a second, not one
 *   per change. A flush with fewer arrivals, or a quiet spell longer than the window, resets it.
 *   A steady 20 sales a second (50 ms apart: each finds the hub quiet, and never three in one
 *   window) is shown sale by sale, at once.
 * - A board is published only when what it shows changed (fingerprint of period and entries,
 *   names included), with a version that only ever increases: max(last + 1, the database's
 *   rollup clock in microseconds), so a new process continues above an older one's versions.
 * - Subscribers read through mailboxes: boards conflate (a slow reader skips to the newest),
 *   goal and badge events queue up to a bound, past which that subscriber's stream fails.
 * - After a listener reconnect (or an unreadable notification) everything is treated as changed:
 *   every board is recomputed, goal subscribers resend their snapshot, and badges awarded since
 *   the last one seen are fetched and published.
 * - Period rollover (midnight, a new month... in the organisation's time zone) moves every board
 *   to the new period and publishes it, by a timer armed for the next boundary.
 * - The sellers of a (period, team) are kept in memory whole (a table: every seller in scope, their
 *   figures, user and team rows, and the snapshot they were read in: boardSellers, one statement),
 *   shared by the boards of every metric and limit that show them and by HTTP reads, and ranked in
 *   JavaScript (rankSellers; each ranking kept until the rows change, so boards and HTTP reads of
 *   one metric and limit rank once per change). A rollup change that logs its rows (drizzle/0012) is applied to it
 *   with no statement: rows of transactions visible in the table's snapshot are in it already and
 *   skipped; rows come in commit order from one read of the change log to the next, so a later row
 *   of a seller replaces an earlier one. The table is read again from the database (`reload`) when
 *   the order is unknown (one read holds two rows of one seller), when a change names only periods
 *   (large statements, deleted rollups), on any `dir` change (names, roles, teams, new sellers),
 *   after a gap, and after a failed read; a board moves to a new table at a period rollover.
 * - An HTTP leaderboard read (readBoard) is served from a table only when the listener is known to
 *   have delivered every change committed before the read began (`caughtUp`: one cheap statement
 *   over the change log), or from a fresh read of the table; otherwise the caller ranks in SQL.
 *   Tables no board shows are kept for HTTP reads while used (at most TABLE_CACHE, for TABLE_IDLE_MS).
 * Each event carries fresh DataLoaders, primed with the rows it shows, shared by its subscribers.
 */
import type { Logger } from 'pino';
import type { LeaderboardMetric, PeriodType } from '../../schema/db/constants.ts';
import type { OrgSettings } from '../context.ts';
import type { Database } from '../db/client.ts';
import { localDate, periodBounds, periodEnd, periodStart } from '../domain/periods.ts';
import { minimumSample, type RateMinimums } from '../domain/ranking.ts';
import { createLoaders, type Loaders } from '../loaders.ts';
import {
  achievementIdsAfter,
  achievementsByIds,
  maxAchievementId,
} from '../modules/achievements/achievement.queries.ts';
import { toAchievement } from '../modules/achievements/achievement.service.ts';
import type { Achievement } from '../modules/achievements/achievement.type.ts';
import { findGoals } from '../modules/goals/goal.queries.ts';
import { toGoal } from '../modules/goals/goal.service.ts';
import type { Goal } from '../modules/goals/goal.type.ts';
import { boardSellers } from '../modules/leaderboard/leaderboard.queries.ts';
import {
  rankSellers,
  scoreSeller,
  type BoardQuery,
  type BoardWithStandings,
  type ScoredSeller,
} from '../modules/leaderboard/leaderboard.service.ts';
import type { Leaderboard } from '../modules/leaderboard/leaderboard.type.ts';
import { Mailbox } from './mailbox.ts';
import { markShared } from './shared-execution.ts';
import {
  parseSnapshot,
  type LiveMessage,
  type PerfMessage,
  type RollupRow,
  type Snapshot,
} from './messages.ts';

export interface BoardKey {
  periodType: PeriodType;
  metric: LeaderboardMetric;
  teamId: number | null;
  limit: number;
  /**
   * Its subscribers ask for standings (Leaderboard.standing), which show any seller of the board,
   * ranked or not: it is published when any seller's figures change, not only the top entries.
   */
  standings?: boolean;
}

export interface BoardEvent {
  board: Leaderboard;
  loaders: Loaders;
}

export type GoalEvent =
  | { kind: 'changed'; goals: Goal[]; loaders: Loaders }
  | { kind: 'removed'; goals: { id: number; userId: number | null; teamId: number | null }[] }
  | { kind: 'resync' };

export interface AchievementEvent {
  achievements: (Achievement & { teamId: number | null })[];
  loaders: Loaders;
}

export interface HubOptions {
  db: Database;
  org: OrgSettings;
  logger: Logger;
  /** How long a burst of notifications is gathered before boards are recomputed. @default 25 */
  coalesceMs?: number;
  /** The longest window during a sustained burst. @default 250 */
  maxCoalesceMs?: number;
  /** Capacity of a goal or badge subscriber's queue. @default 1000 */
  queueCapacity?: number;
  /**
   * Whether every change committed before the call has been delivered to `handle` (the LISTEN
   * bridge's caughtUp). Without it, HTTP reads are never served from memory.
   */
  caughtUp?: () => Promise<boolean>;
  now?: () => Date;
}

export interface HubStats {
  /** Leaderboard recomputations (one per dirty board per flush). */
  recomputations: number;
  /** Boards published (recomputed and different from the last one sent). */
  published: number;
  /** Reads of a table from the database (the rest of the time logged rows are applied). */
  reloads: number;
  /** HTTP leaderboard reads answered from memory (readBoard). */
  memoryReads: number;
  flushes: number;
  notifications: number;
}

interface Board {
  readonly id: string;
  readonly key: BoardKey;
  readonly subscribers: Set<Mailbox<BoardEvent>>;
  last: { fingerprint: string; event: BoardEvent } | undefined;
  version: bigint;
  dirty: boolean;
  /** The sellers it ranks (its period's and team's). */
  table: Table;
}

interface Sellers {
  /** The snapshot they were read in: changes of transactions visible in it are in. */
  snapshot: Snapshot;
  rows: Map<number, ScoredSeller>;
  /** The latest updated_at (µs) of the rollups they show: the board version's floor. */
  clock: bigint;
  /** Rankings of these rows by `metric|limit`, emptied whenever a row or the clock changes. */
  ranked: Map<string, Ranked>;
  /** Every seller's name and figures, as text (boards with standings: their fingerprint); as ranked. */
  digest: string | undefined;
}

type Ranked = ReturnType<typeof rankSellers>;
/** Rankings kept per table (distinct metric and limit pairs asked for); beyond this, start over. */
const RANKED_CACHE = 16;

/** The sellers of one (period, team) in memory (see the invariants). */
interface Table {
  readonly id: string;
  readonly periodType: PeriodType;
  readonly periodStart: string;
  readonly teamId: number | null;
  /** The boards that show it, marked dirty when it changes. */
  readonly boards: Set<Board>;
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

const boardId = (k: BoardKey): string =>
  `${k.periodType}|${k.metric}|${k.teamId ?? ''}|${k.limit}${k.standings ? '|standings' : ''}`;
const tableId = (periodType: PeriodType, periodStart: string, teamId: number | null): string =>
  `${periodType}|${periodStart}|${teamId ?? ''}`;
/** Tables no board shows, kept for HTTP reads: at most this many... */
const TABLE_CACHE = 32;
/** ...each for this long after its last read. */
const TABLE_IDLE_MS = 60_000;
const MAX_TIMER_MS = 6 * 60 * 60 * 1000;
/** Notifications this close to the previous one arrived together (one commit, one log read). */
const SAME_COMMIT_MS = 3;
/** Separate arrivals since the last flush began that make a burst: at least this many... */
const BURST_ARRIVALS = 3;
/** ...and more than one per this many ms of the window (a rate, so a longer window needs more). */
const BURST_SPACING_MS = 20;
/** After a failed flush (database unreachable), wait this long before the next try. */
const RETRY_MS = 1000;

export class LiveHub {
  readonly stats: HubStats = {
    recomputations: 0,
    published: 0,
    reloads: 0,
    memoryReads: 0,
    flushes: 0,
    notifications: 0,
  };
  private readonly boards = new Map<string, Board>();
  private readonly tables = new Map<string, Table>();
  private readonly goalListeners = new Set<Mailbox<GoalEvent>>();
  private readonly achievementListeners = new Set<Mailbox<AchievementEvent>>();
  private readonly pendingGoals = new Set<number>();
  private readonly pendingAchievements = new Set<number>();
  private lastAchievementId = 0;
  private catchUpAchievements = false;
  private timer: { cancel(): void } | undefined;
  private rollover: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private again = false;
  private retry = false;
  private disposed = false;
  /** The window while changes come one at a time. */
  readonly coalesceMs: number;
  private readonly maxCoalesceMs: number;
  /** The current window (see the invariants), and the arrivals counted for the next one. */
  private window: number;
  private arrivals = 0;
  private lastArrivalAt = -Infinity;
  private flushEndedAt = 0;
  private readonly now: () => Date;

  constructor(private readonly options: HubOptions) {
    this.coalesceMs = options.coalesceMs ?? 25;
    this.maxCoalesceMs = Math.max(this.coalesceMs, options.maxCoalesceMs ?? 250);
    this.window = this.coalesceMs;
    this.now = options.now ?? (() => new Date());
  }

  async start(): Promise<void> {
    this.lastAchievementId = await maxAchievementId(this.options.db);
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    clearTimeout(this.rollover);
    for (const b of this.boards.values()) for (const m of b.subscribers) void m.return();
    for (const m of this.goalListeners) void m.return();
    for (const m of this.achievementListeners) void m.return();
  }

  /** The current coalescing window, in ms (see the invariants): coalesceMs unless in a burst. */
  get coalesceWindow(): number {
    return this.window;
  }

  get watchedBoards(): number {
    return this.boards.size;
  }

  get subscriberCount(): number {
    let n = this.goalListeners.size + this.achievementListeners.size;
    for (const b of this.boards.values()) n += b.subscribers.size;
    return n;
  }

  // ------------------------------------------------------------------ notifications

  handle(message: LiveMessage): void {
    if (this.disposed) return;
    this.stats.notifications += 1;
    switch (message.t) {
      case 'perf':
        for (const table of this.tables.values()) this.rollupChanged(table, message);
        break;
      case 'dir':
        for (const table of this.tables.values()) this.mustReload(table);
        break;
      case 'goal':
        for (const id of message.ids) this.pendingGoals.add(id);
        break;
      case 'goal_del':
        this.publishGoals({ kind: 'removed', goals: message.goals });
        break;
      case 'ach':
        for (const id of message.ids) this.pendingAchievements.add(id);
        break;
      case 'hb':
        return;
      case 'all':
        this.everythingChanged();
        return;
    }
    const now = performance.now();
    // a rollup change read from the log is one statement's commit, however many came in one read
    // (under load one read brings many); other messages count by arrival
    if ((message.t === 'perf' && message.batch !== undefined) || now - this.lastArrivalAt > SAME_COMMIT_MS) {
      this.arrivals += 1;
    }
    this.lastArrivalAt = now;
    this.schedule();
  }

  /** Figures of a table's period changed: queue the logged rows, or read the table again. */
  private rollupChanged(table: Table, message: PerfMessage): void {
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
      this.markBoards(table);
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

  private markBoards(table: Table): void {
    for (const board of table.boards) board.dirty = true;
  }

  private mustReload(table: Table): void {
    table.reload = true;
    table.pending = [];
    this.markBoards(table);
  }

  /** The listener was away: anything may have changed. */
  everythingChanged(): void {
    for (const table of this.tables.values()) this.mustReload(table);
    this.catchUpAchievements = true;
    this.publishGoals({ kind: 'resync' });
    this.schedule();
  }

  // ------------------------------------------------------------------ subscriptions

  /** The current board at once, then every newer version, until the reader stops. */
  watchBoard(key: BoardKey): Mailbox<BoardEvent> {
    const id = boardId(key);
    let board = this.boards.get(id);
    if (!board) {
      const start = this.currentStart(key.periodType);
      board = {
        id,
        key,
        subscribers: new Set(),
        last: undefined,
        version: 0n,
        dirty: true,
        table: this.tableFor(key.periodType, start, key.teamId),
      };
      board.table.boards.add(board);
      this.boards.set(id, board);
    }
    const b = board;
    const mailbox = new Mailbox<BoardEvent>({
      mode: 'latest',
      onClose: () => {
        b.subscribers.delete(mailbox);
        if (b.subscribers.size === 0 && this.boards.get(b.id) === b) {
          this.boards.delete(b.id);
          this.leave(b);
        }
      },
    });
    b.subscribers.add(mailbox);
    if (b.last && b.table.periodStart === this.currentStart(key.periodType)) mailbox.push(b.last.event);
    else {
      // a board's first version is read afresh, as a query would be: its table may have been kept
      // only for queries, behind commits the listener has not delivered yet
      this.mustReload(b.table);
      this.schedule(0);
    }
    return mailbox;
  }

  goalEvents(): Mailbox<GoalEvent> {
    const mailbox: Mailbox<GoalEvent> = new Mailbox<GoalEvent>({
      mode: 'queue',
      capacity: this.options.queueCapacity ?? 1000,
      onClose: () => this.goalListeners.delete(mailbox),
    });
    this.goalListeners.add(mailbox);
    return mailbox;
  }

  achievementEvents(): Mailbox<AchievementEvent> {
    const mailbox: Mailbox<AchievementEvent> = new Mailbox<AchievementEvent>({
      mode: 'queue',
      capacity: this.options.queueCapacity ?? 1000,
      onClose: () => this.achievementListeners.delete(mailbox),
    });
    this.achievementListeners.add(mailbox);
    return mailbox;
  }

  /** Resolves when every mark made so far has been flushed (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.timer || this.flushing) {
      if (this.flushing) await this.flushing;
      else await new Promise((r) => setTimeout(r, this.coalesceMs + 1));
    }
  }

  // ------------------------------------------------------------------ flushing

  /** Opens a window (flush after `delay`, by default the current window) unless one is open. */
  private schedule(delay?: number): void {
    if (this.disposed) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    const now = performance.now();
    if (this.timer) {
      if (delay === undefined || delay > 0) return;
      this.timer.cancel();
    } else if (delay === undefined && now - this.flushEndedAt > this.window) {
      // quiet for longer than a window: whatever burst there was is over, and this change is
      // alone so far (the rest of its commit's messages are handled before the timer runs)
      this.window = this.coalesceMs;
      delay = 0;
    }
    const run = () => {
      this.timer = undefined;
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined;
        this.flushEndedAt = performance.now();
        if (this.retry) {
          this.retry = false;
          this.again = false;
          this.schedule(RETRY_MS);
        } else if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
    };
    const wait = delay ?? this.window;
    // setTimeout waits at least 1 ms: a change that finds the hub quiet goes out in this turn
    if (wait === 0) {
      const immediate = setImmediate(run);
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(run, wait);
      this.timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  private async flush(): Promise<void> {
    this.stats.flushes += 1;
    this.window =
      this.arrivals >= Math.max(BURST_ARRIVALS, this.window / BURST_SPACING_MS)
        ? Math.min(Math.max(this.window, 1) * 2, this.maxCoalesceMs)
        : this.coalesceMs;
    this.arrivals = 0;
    const dirty = [...this.boards.values()].filter((b) => b.dirty);
    for (const b of dirty) b.dirty = false;
    const goalIds = [...this.pendingGoals];
    this.pendingGoals.clear();
    const achievementIds = [...this.pendingAchievements];
    this.pendingAchievements.clear();
    const catchUp = this.catchUpAchievements;
    this.catchUpAchievements = false;
    const work: Promise<void>[] = dirty.map((b) =>
      this.recompute(b).catch((error: unknown) => {
        this.mustReload(b.table); // retried by the next flush
        throw error;
      }),
    );
    if (goalIds.length && this.goalListeners.size) {
      work.push(
        this.publishChangedGoals(goalIds).catch((error: unknown) => {
          for (const id of goalIds) this.pendingGoals.add(id);
          throw error;
        }),
      );
    }
    if ((achievementIds.length || catchUp) && this.achievementListeners.size) {
      work.push(
        this.publishAchievements(achievementIds, catchUp).catch((error: unknown) => {
          for (const id of achievementIds) this.pendingAchievements.add(id);
          this.catchUpAchievements ||= catchUp;
          throw error;
        }),
      );
    } else if (achievementIds.length) {
      this.lastAchievementId = Math.max(this.lastAchievementId, ...achievementIds);
    }
    const failed = (await Promise.allSettled(work)).filter((r) => r.status === 'rejected');
    if (failed.length) {
      this.options.logger.error(
        { err: failed[0]?.reason, failures: failed.length },
        'live: flush failed; retrying',
      );
      this.retry = true;
    }
    this.armRollover();
  }

  private currentStart(periodType: PeriodType): string {
    return periodStart(periodType, localDate(this.now(), this.options.org.timeZone));
  }

  /** The table of a (period, team), made (to be read) if there is none. */
  private tableFor(periodType: PeriodType, periodStart: string, teamId: number | null): Table {
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
      this.evictTables(); // a new table: room for it (reads of existing ones cost no sweep)
      this.tables.set(id, table);
    }
    return table;
  }

  /** The table a board shows in the period starting `start`, with the board among its boards. */
  private join(board: Board, start: string): Table {
    const table = this.tableFor(board.key.periodType, start, board.key.teamId);
    table.boards.add(board);
    return table;
  }

  /** A board leaves its table (closed, or moved to a new period); see evictTables. */
  private leave(board: Board): void {
    board.table.boards.delete(board);
    this.evictTables();
  }

  /** Drops the tables no board shows that HTTP reads have not used lately, the oldest beyond TABLE_CACHE. */
  private evictTables(): void {
    const now = performance.now();
    const spare = [...this.tables.values()].filter((t) => t.boards.size === 0 && !t.loading);
    spare.sort((a, b) => b.usedAt - a.usedAt);
    spare.forEach((table, i) => {
      if (i >= TABLE_CACHE || now - table.usedAt > TABLE_IDLE_MS) this.tables.delete(table.id);
    });
  }

  /** The table's sellers, read again if they must be, with the logged rows since applied. */
  private async current(table: Table): Promise<Sellers> {
    if ((table.reload || !table.sellers) && !table.loading) {
      table.reload = false;
      this.stats.reloads += 1;
      table.loading = boardSellers(this.options.db, table)
        .then((read) => {
          table.sellers = {
            snapshot: parseSnapshot(read.snapshot),
            rows: new Map(read.sellers.map((s) => [s.id, scoreSeller(s)])),
            clock: BigInt(read.version),
            ranked: new Map(),
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

  /**
   * A board for an HTTP read, from memory when that is as fresh as a query (see the invariants);
   * undefined when it is not: the caller ranks in SQL.
   */
  async readBoard(q: BoardQuery): Promise<BoardWithStandings | undefined> {
    const caughtUp = this.options.caughtUp;
    if (this.disposed || !caughtUp) return undefined;
    const table = this.tableFor(q.periodType, q.periodStart, q.teamId);
    table.usedAt = performance.now();
    // a read started now is as fresh as a query; otherwise every change committed so far must have
    // been delivered (a read already under way may have begun before this request)
    const readsNow = (table.reload || !table.sellers) && !table.loading;
    let sellers: Sellers;
    try {
      if (!readsNow && !(await caughtUp())) return undefined;
      sellers = await this.current(table);
    } catch (error) {
      // the query's own statement will tell the caller what is wrong with the database
      this.options.logger.warn({ err: error }, 'live: could not read a board for a query');
      return undefined;
    }
    if (table.reload) return undefined; // meanwhile changed in a way only a new read shows
    this.stats.memoryReads += 1;
    return {
      ...ranked(sellers, q.metric, q.limit, this.options.org.rateMinimums),
      dbVersion: sellers.clock.toString(),
    };
  }

  private async recompute(board: Board): Promise<void> {
    if (board.subscribers.size === 0) return;
    this.stats.recomputations += 1;
    const now = this.now();
    const start = this.currentStart(board.key.periodType);
    const { db } = this.options;
    if (start !== board.table.periodStart) {
      // a new period: the board moves to that period's table
      this.leave(board);
      board.table = this.join(board, start);
    }
    const sellers = await this.current(board.table);
    const minimums = this.options.org.rateMinimums;
    const { users, teams, standingOf, ...computed } = ranked(
      sellers,
      board.key.metric,
      board.key.limit,
      minimums,
    );
    const loaders = createLoaders(db);
    // the users and their teams are in memory: no statement
    for (const user of users) loaders.userById.prime(user.id, user);
    for (const team of teams) loaders.teamById.prime(team.id, team);
    const fingerprint = JSON.stringify([
      start,
      computed.totalEntries,
      computed.unrankedCount,
      computed.entries,
      users,
      teams,
      board.key.standings ? digest(sellers) : null,
    ]);
    if (board.last?.fingerprint === fingerprint) return;
    board.version = board.version + 1n > sellers.clock ? board.version + 1n : sellers.clock;
    // one object per version for every subscriber: executed and serialised once (shared-execution.ts)
    const event: BoardEvent = markShared({
      loaders,
      board: {
        teamId: board.key.teamId,
        periodType: board.key.periodType,
        periodStart: start,
        periodEnd: periodEnd(board.key.periodType, start),
        metric: board.key.metric,
        version: board.version.toString(),
        generatedAt: now,
        totalEntries: computed.totalEntries,
        unrankedCount: computed.unrankedCount,
        minimumSample: minimumSample(board.key.metric, minimums),
        entries: computed.entries,
        standingOf,
      },
    });
    board.last = { fingerprint, event };
    this.stats.published += 1;
    for (const subscriber of board.subscribers) subscriber.push(event);
  }

  private publishGoals(event: GoalEvent): void {
    for (const listener of this.goalListeners) listener.push(event);
  }

  private async publishChangedGoals(ids: number[]): Promise<void> {
    const { db } = this.options;
    const rows = await findGoals(db, ids);
    if (rows.length === 0) return;
    const loaders = createLoaders(db);
    this.publishGoals({ kind: 'changed', goals: rows.map(toGoal), loaders });
  }

  private async publishAchievements(ids: number[], catchUp: boolean): Promise<void> {
    const { db } = this.options;
    const all = new Set(ids);
    if (catchUp) for (const id of await achievementIdsAfter(db, this.lastAchievementId)) all.add(id);
    const rows = await achievementsByIds(db, [...all]);
    if (rows.length === 0) return;
    this.lastAchievementId = Math.max(this.lastAchievementId, ...rows.map((r) => r.id));
    const event: AchievementEvent = {
      loaders: createLoaders(db),
      achievements: rows.map((r) => ({ ...toAchievement(r), teamId: r.teamId })),
    };
    for (const listener of this.achievementListeners) listener.push(event);
  }

  /** Arms a timer for the next period boundary of any watched board. */
  private armRollover(): void {
    clearTimeout(this.rollover);
    if (this.disposed || this.boards.size === 0) return;
    const now = this.now().getTime();
    let next = Infinity;
    for (const b of this.boards.values()) {
      next = Math.min(
        next,
        periodBounds(b.key.periodType, b.table.periodStart, this.options.org.timeZone).to.getTime(),
      );
    }
    const wait = Math.max(0, Math.min(next - now + 5, MAX_TIMER_MS));
    this.rollover = setTimeout(() => {
      for (const b of this.boards.values()) {
        if (this.currentStart(b.key.periodType) !== b.table.periodStart) b.dirty = true;
      }
      this.schedule(0);
    }, wait);
    this.rollover.unref();
  }
}

/**
 * The sellers ranked on `metric`, top `limit`: computed once per change of the rows and shared by
 * every board and HTTP read that asks for the same ranking (callers never modify it).
 */
function ranked(sellers: Sellers, metric: LeaderboardMetric, limit: number, minimums: RateMinimums): Ranked {
  const key = `${metric}|${limit}`;
  let result = sellers.ranked.get(key);
  if (!result) {
    if (sellers.ranked.size >= RANKED_CACHE) sellers.ranked.clear();
    result = rankSellers(sellers.rows, metric, limit, minimums);
    sellers.ranked.set(key, result);
  }
  return result;
}

/** Every seller's name and figures: what a standing can show of anyone (computed once per change). */
function digest(sellers: Sellers): string {
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
