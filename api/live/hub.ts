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
 * - The window is `coalesceMs` while changes come one at a time. When BURST_ARRIVALS or more
 *   separate arrivals of notifications (more than SAME_COMMIT_MS apart: one commit's, or one
 *   read of the change log's, come together) were gathered since the last flush began, changes
 *   are coming faster than screens can usefully show them: the next window is twice as long, up
 *   to `maxCoalesceMs`, so a sustained burst costs a few frames a second, not one per change. A
 *   flush with fewer arrivals, or a quiet spell longer than the window, resets it. A steady 20
 *   sales a second (50 ms apart: each finds the hub quiet) is shown sale by sale, at once.
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
 * - A board is kept in memory whole (every seller in scope, their figures, user and team rows, and
 *   the snapshot they were read in: boardSellers, one statement) and ranked in JavaScript
 *   (rankSellers). A rollup change that logs its rows (drizzle/0012) is applied to it with no
 *   statement: rows of transactions visible in the board's snapshot are in it already and skipped;
 *   rows come in commit order from one read of the change log to the next, so a later row of a
 *   seller replaces an earlier one. The board is read again from the database (`reload`) when the
 *   order is unknown (one read holds two rows of one seller), when a change names only periods
 *   (large statements, deleted rollups), on any `dir` change (names, roles, teams, new sellers),
 *   after a gap, at a period rollover, and after a failed read.
 * Each event carries fresh DataLoaders, primed with the rows it shows, shared by its subscribers.
 */
import type { Logger } from 'pino';
import type { LeaderboardMetric, PeriodType } from '../../schema/db/constants.ts';
import type { OrgSettings } from '../context.ts';
import type { Database } from '../db/client.ts';
import { localDate, periodBounds, periodEnd, periodStart } from '../domain/periods.ts';
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
import { rankSellers, scoreSeller, type ScoredSeller } from '../modules/leaderboard/leaderboard.service.ts';
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
  now?: () => Date;
}

export interface HubStats {
  /** Leaderboard recomputations (one per dirty board per flush). */
  recomputations: number;
  /** Boards published (recomputed and different from the last one sent). */
  published: number;
  /** Recomputations that read the board from the database (the rest applied logged rows). */
  reloads: number;
  flushes: number;
  notifications: number;
}

interface Board {
  readonly id: string;
  readonly key: BoardKey;
  periodStart: string;
  readonly subscribers: Set<Mailbox<BoardEvent>>;
  last: { fingerprint: string; event: BoardEvent } | undefined;
  version: bigint;
  dirty: boolean;
  /** The board in memory (see the invariants); undefined until first read. */
  sellers: { snapshot: Snapshot; rows: Map<number, ScoredSeller>; clock: bigint } | undefined;
  /** Read it from the database at the next recompute. */
  reload: boolean;
  /** Being read from the database. */
  reading: boolean;
  /** Logged rows not applied yet, in the order they came. */
  pending: { row: RollupRow; xid: bigint }[];
  /** The change-log read that last brought a row of each seller (see PerfMessage.batch). */
  batchOf: Map<number, number>;
}

const boardId = (k: BoardKey): string => `${k.periodType}|${k.metric}|${k.teamId ?? ''}|${k.limit}`;
const MAX_TIMER_MS = 6 * 60 * 60 * 1000;
/** Notifications this close to the previous one arrived together (one commit, one log read). */
const SAME_COMMIT_MS = 3;
/** Separate arrivals since the last flush began that make a burst. */
const BURST_ARRIVALS = 2;
/** After a failed flush (database unreachable), wait this long before the next try. */
const RETRY_MS = 1000;

export class LiveHub {
  readonly stats: HubStats = { recomputations: 0, published: 0, reloads: 0, flushes: 0, notifications: 0 };
  private readonly boards = new Map<string, Board>();
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
        for (const board of this.boards.values()) this.rollupChanged(board, message);
        break;
      case 'dir':
        for (const board of this.boards.values()) this.mustReload(board);
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
    if (now - this.lastArrivalAt > SAME_COMMIT_MS) this.arrivals += 1;
    this.lastArrivalAt = now;
    this.schedule();
  }

  /** A board's figures changed: queue the logged rows, or read the board again. */
  private rollupChanged(board: Board, message: PerfMessage): void {
    const { periodType } = board.key;
    if (message.rows && message.xid !== undefined) {
      const xid = message.xid;
      // while the board is being read, any seller may be on it (a new one, say)
      const known = board.reading ? undefined : board.sellers?.rows;
      const rows = message.rows.filter(
        (r) =>
          r.periodType === periodType &&
          r.periodStart === board.periodStart &&
          (known?.has(r.userId) ?? true),
      );
      if (rows.length === 0) return;
      board.dirty = true;
      if (board.reload) return; // the read will have them
      for (const row of rows) {
        // a second row of a seller in one read: which of the two is newer is unknown
        if (message.batch !== undefined && board.batchOf.get(row.userId) === message.batch) {
          this.mustReload(board);
          return;
        }
        if (message.batch !== undefined) board.batchOf.set(row.userId, message.batch);
        board.pending.push({ row, xid });
      }
      return;
    }
    const samePeriod = message.periods.some(
      (p) => p.periodType === periodType && p.periodStart === board.periodStart,
    );
    const sameTeam = board.key.teamId === null || !message.teams || message.teams.includes(board.key.teamId);
    if (samePeriod && sameTeam) this.mustReload(board);
  }

  private mustReload(board: Board): void {
    board.dirty = true;
    board.reload = true;
    board.pending = [];
  }

  /** The listener was away: anything may have changed. */
  everythingChanged(): void {
    for (const board of this.boards.values()) this.mustReload(board);
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
      board = {
        id,
        key,
        periodStart: this.currentStart(key.periodType),
        subscribers: new Set(),
        last: undefined,
        version: 0n,
        dirty: true,
        sellers: undefined,
        reload: true,
        reading: false,
        pending: [],
        batchOf: new Map(),
      };
      this.boards.set(id, board);
    }
    const b = board;
    const mailbox = new Mailbox<BoardEvent>({
      mode: 'latest',
      onClose: () => {
        b.subscribers.delete(mailbox);
        if (b.subscribers.size === 0 && this.boards.get(b.id) === b) this.boards.delete(b.id);
      },
    });
    b.subscribers.add(mailbox);
    if (b.last && b.periodStart === this.currentStart(key.periodType)) mailbox.push(b.last.event);
    else {
      this.mustReload(b);
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
      this.arrivals >= BURST_ARRIVALS
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
        this.mustReload(b); // retried by the next flush
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

  /** The board in memory, read again if it must be, with the logged rows since applied. */
  private async current(board: Board, start: string): Promise<NonNullable<Board['sellers']>> {
    if (start !== board.periodStart) this.mustReload(board);
    board.periodStart = start;
    let sellers = board.sellers;
    if (board.reload || !sellers) {
      board.reload = false;
      this.stats.reloads += 1;
      board.reading = true;
      const read = await boardSellers(this.options.db, { ...board.key, periodStart: start }).finally(() => {
        board.reading = false;
      });
      sellers = {
        snapshot: parseSnapshot(read.snapshot),
        rows: new Map(read.sellers.map((s) => [s.id, scoreSeller(s)])),
        clock: BigInt(read.version),
      };
      board.sellers = sellers;
    }
    // rows that came while it was read are applied too, unless the read saw their transaction
    for (const { row, xid } of board.pending.splice(0)) {
      if (!sellers.snapshot.running(xid)) continue;
      const seller = sellers.rows.get(row.userId);
      if (!seller) continue; // not on this board (another team, not a seller)
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

  private async recompute(board: Board): Promise<void> {
    if (board.subscribers.size === 0) return;
    this.stats.recomputations += 1;
    const now = this.now();
    const start = this.currentStart(board.key.periodType);
    const { db } = this.options;
    const sellers = await this.current(board, start);
    const { users, teams, ...ranked } = rankSellers(sellers.rows, board.key.metric, board.key.limit);
    const computed = { ...ranked, dbVersion: sellers.clock };
    const loaders = createLoaders(db);
    // the users and their teams are in memory: no statement
    for (const user of users) loaders.userById.prime(user.id, user);
    for (const team of teams) loaders.teamById.prime(team.id, team);
    const fingerprint = JSON.stringify([start, computed.totalEntries, computed.entries, users, teams]);
    if (board.last?.fingerprint === fingerprint) return;
    const dbVersion = computed.dbVersion;
    board.version = board.version + 1n > dbVersion ? board.version + 1n : dbVersion;
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
        entries: computed.entries,
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
        periodBounds(b.key.periodType, b.periodStart, this.options.org.timeZone).to.getTime(),
      );
    }
    const wait = Math.max(0, Math.min(next - now + 5, MAX_TIMER_MS));
    this.rollover = setTimeout(() => {
      for (const b of this.boards.values()) {
        if (this.currentStart(b.key.periodType) !== b.periodStart) b.dirty = true;
      }
      this.schedule(0);
    }, wait);
    this.rollover.unref();
  }
}
