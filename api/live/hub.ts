/**
 * The live hub: turns database notifications into subscription events, behind one small facade.
 *
 * Invariant: a notification only marks what it changes (seller tables, boards, pending goal and
 * badge ids) and opens a coalescing window; a flush does the work, one at a time, so each watched
 * board is recomputed at most once per flush whatever its number of subscribers. After a listener
 * reconnect (or an unreadable notification) everything is treated as changed.
 * The parts, one job each (hub/): coalescer.ts (when to flush), tables.ts (the sellers of each
 * period and team in memory), boards.ts (recompute and publish boards), fanout.ts (goal and
 * pace-alert events), id-events.ts (events named by ids: badges, kudos), reads.ts (HTTP leaderboard reads from memory), rollover.ts (period boundaries),
 * contests.ts (watched contests' standings), contest-list.ts (the current contests).
 * Why a facade: app.ts and the tests see one object with one lifecycle (start, dispose); the
 * context and the resolvers see only its ports (ports.ts: LiveEvents, BoardSource), so nothing
 * they import leads back here. The whole story, and the figures behind it: docs/live-hub.md.
 * A little over 300 lines: the facade wires each part's callbacks to the others in one place.
 */
import type { AchievementRow } from '../../schema/db/index.ts';
import { tracing } from '../core/tracing.ts';
import type { Queryable } from '../db/client.ts';
import type { BoardQuery, BoardWithStandings } from '../modules/leaderboard/leaderboard.mapping.ts';
import { Boards } from './hub/boards.ts';
import { ContestList } from './hub/contest-list.ts';
import { ContestWatches } from './hub/contests.ts';
import { Coalescer, DEFAULT_COALESCE_MS, DEFAULT_MAX_COALESCE_MS } from './hub/coalescer.ts';
import { FanOut } from './hub/fanout.ts';
import { IdEvents } from './hub/id-events.ts';
import { createLoaders } from '../core/loaders.ts';
import {
  achievementIdsAfter,
  achievementsByIds,
  maxAchievementId,
} from '../modules/achievements/achievement.queries.ts';
import { toAchievement } from '../modules/achievements/achievement.mapping.ts';
import { kudosByIds, kudosIdsAfter, maxKudosId } from '../modules/kudos/kudos.queries.ts';
import { toKudos, type KudosWithTeam } from '../modules/kudos/kudos.mapping.ts';
import { createBoardReader, type BoardReader } from './hub/reads.ts';
import { RolloverTimer } from './hub/rollover.ts';
import { SellerTables } from './hub/tables.ts';
import type {
  AchievementEvent,
  BoardEvent,
  BoardKey,
  ContestEvent,
  ContestListEvent,
  GoalEvent,
  HubOptions,
  HubStats,
  KudosEvent,
  PaceAlertEvent,
} from './hub/types.ts';
import type { Mailbox, MailboxOptions } from './hub/mailbox.ts';
import type { LiveMessage } from './feed/messages.ts';
import type { BoardSource, LiveEvents } from './ports.ts';

/** A badge as the hub reads it: the achievement and its holder's team (who may see it). */
type AwardedRow = AchievementRow & { teamId: number | null };

export class LiveHub implements LiveEvents, BoardSource {
  readonly stats: HubStats = {
    recomputations: 0,
    published: 0,
    reloads: 0,
    memoryReads: 0,
    flushes: 0,
    notifications: 0,
    contestRecomputations: 0,
    contestListReads: 0,
  };
  /** A span per flush, linked to the writes it applies (core/tracing.ts); undefined while off. */
  private readonly trace = tracing?.hub(this.stats);
  /** The window while changes come one at a time. */
  readonly coalesceMs: number;
  private readonly coalescer: Coalescer;
  private readonly tables: SellerTables;
  private readonly boards: Boards;
  private readonly fanOut: FanOut;
  /** Badges awarded (achievementUnlocked): events named by ids (hub/id-events.ts). */
  private readonly achievements: IdEvents<AwardedRow, AchievementEvent>;
  /** Kudos given (TV celebrations, kudosGiven): published as badges are (hub/id-events.ts). */
  private readonly kudos: IdEvents<KudosWithTeam, KudosEvent>;
  private readonly contests: ContestWatches;
  private readonly contestList: ContestList;
  private readonly rollover: RolloverTimer;
  private readonly reader: BoardReader | undefined;
  private disposed = false;

  constructor(private readonly options: HubOptions) {
    const { db, org, logger, caughtUp } = options;
    const now = options.now ?? (() => new Date());
    this.coalescer = new Coalescer({
      coalesceMs: options.coalesceMs ?? DEFAULT_COALESCE_MS,
      maxCoalesceMs: options.maxCoalesceMs ?? DEFAULT_MAX_COALESCE_MS,
      flush: () => (this.trace ? this.trace.flush(() => this.flush()) : this.flush()),
    });
    this.coalesceMs = this.coalescer.coalesceMs;
    this.tables = new SellerTables(db, this.stats);
    this.boards = new Boards({
      db,
      org,
      tables: this.tables,
      stats: this.stats,
      now,
      flushNow: () => this.coalescer.schedule(0),
      caughtUp,
    });
    this.fanOut = new FanOut({ db, queueCapacity: options.queueCapacity });
    this.achievements = new IdEvents({
      read: (ids) => achievementsByIds(db, ids),
      idsAfter: (id) => achievementIdsAfter(db, id),
      maxId: () => maxAchievementId(db),
      toEvent: (rows) => ({
        achievements: rows.map((r) => ({ ...toAchievement(r), teamId: r.teamId })),
        loaders: createLoaders(db),
      }),
      queueCapacity: options.queueCapacity,
    });
    this.kudos = new IdEvents({
      read: (ids) => kudosByIds(db, ids),
      idsAfter: (id) => kudosIdsAfter(db, id),
      maxId: () => maxKudosId(db),
      toEvent: (rows) => ({ kudos: rows.map(toKudos), loaders: createLoaders(db) }),
      queueCapacity: options.queueCapacity,
    });
    this.contests = new ContestWatches({
      db,
      org,
      stats: this.stats,
      now,
      flushNow: () => this.coalescer.schedule(0),
    });
    this.contestList = new ContestList({
      db,
      stats: this.stats,
      now,
      flushNow: () => this.coalescer.schedule(0),
    });
    this.rollover = new RolloverTimer({
      get timeZone() {
        return org.timeZone; // read at every arm: a time-zone change applies to the next one
      },
      now,
      onBoundary: () => {
        this.boards.markEndedPeriods();
        this.coalescer.schedule(0);
      },
    });
    this.reader =
      caughtUp && createBoardReader({ tables: this.tables, caughtUp, org, logger, stats: this.stats });
  }

  async start(): Promise<void> {
    await this.achievements.start();
    await this.kudos.start();
  }

  dispose(): void {
    this.disposed = true;
    this.coalescer.dispose();
    this.rollover.dispose();
    this.boards.dispose();
    this.fanOut.dispose();
    this.achievements.dispose();
    this.kudos.dispose();
    this.contests.dispose();
    this.contestList.dispose();
  }

  /** The current coalescing window, in ms (coalescer.ts): coalesceMs unless in a burst. */
  get coalesceWindow(): number {
    return this.coalescer.window;
  }

  get watchedBoards(): number {
    return this.boards.size;
  }

  get subscriberCount(): number {
    return (
      this.fanOut.subscriberCount +
      this.achievements.subscriberCount +
      this.kudos.subscriberCount +
      this.boards.subscriberCount +
      this.contests.subscriberCount +
      this.contestList.subscriberCount
    );
  }

  handle(message: LiveMessage): void {
    if (this.disposed) return;
    this.stats.notifications += 1;
    this.trace?.arrived(message);
    switch (message.t) {
      case 'perf':
        this.tables.rollupChanged(message);
        this.contests.rollupChanged(message);
        break;
      case 'dir':
        this.tables.reloadAll();
        this.contests.allChanged();
        this.contestList.changed();
        break;
      case 'goal':
        this.fanOut.goalsChanged(message.ids);
        this.contests.goalsChanged();
        break;
      case 'goal_del':
        this.fanOut.goalsRemoved(message.goals);
        this.contests.goalsChanged();
        break;
      case 'contest':
        this.contests.allChanged();
        this.contestList.changed();
        break;
      case 'ach':
        this.achievements.added(message.ids);
        break;
      case 'pace':
        this.fanOut.paceAlerted(message.ids);
        break;
      case 'kudos':
        this.kudos.added(message.ids);
        break;
      case 'hb':
      case 'org': // app.ts reloads the settings, then calls everythingChanged
        return;
      case 'all':
        this.everythingChanged();
        return;
    }
    // a rollup change read from the log is one statement's commit, however many came in one read
    this.coalescer.arrive(message.t === 'perf' && message.batch !== undefined);
  }

  /** The listener was away, or the organisation's settings changed: anything may have changed. */
  everythingChanged(): void {
    this.tables.reloadAll();
    this.fanOut.everythingChanged();
    this.achievements.everythingChanged();
    this.kudos.everythingChanged();
    this.contests.allChanged();
    this.contestList.changed();
    this.coalescer.schedule();
  }

  /** The current board at once, then every newer version, until the reader stops. */
  watchBoard(key: BoardKey, options?: Pick<MailboxOptions<BoardEvent>, 'bypass'>): Mailbox<BoardEvent> {
    return this.boards.watch(key, options);
  }

  goalEvents(): Mailbox<GoalEvent> {
    return this.fanOut.goalEvents();
  }

  achievementEvents(): Mailbox<AchievementEvent> {
    return this.achievements.events();
  }

  /** A contest's standings at once, then after every change that moves them (hub/contests.ts). */
  watchContest(id: number): Mailbox<ContestEvent> {
    return this.contests.watch(id);
  }

  /** The current contests at once, then after every change (hub/contest-list.ts). */
  watchContestList(): Mailbox<ContestListEvent> {
    return this.contestList.watch();
  }

  paceAlertEvents(): Mailbox<PaceAlertEvent> {
    return this.fanOut.paceAlertEvents();
  }

  /** Subscribers of kudosGiven (a test waits for a screen's before giving kudos). */
  get kudosSubscriberCount(): number {
    return this.kudos.subscriberCount;
  }

  kudosEvents(): Mailbox<KudosEvent> {
    return this.kudos.events();
  }

  /**
   * A board for an HTTP read, from memory when that is as fresh as a query (hub/reads.ts);
   * undefined when it is not: the caller ranks in SQL.
   */
  readBoard(q: BoardQuery, db?: Queryable): Promise<BoardWithStandings | undefined> {
    if (this.disposed || !this.reader) return Promise.resolve(undefined);
    return this.reader(q, db);
  }

  /**
   * Resolves when every mark made so far has been flushed and every board version published has
   * been pushed to its subscribers (tests, shutdown); a fast-path write may still wait for its
   * payload's execution (frames then follow within microtasks of it).
   */
  async settled(): Promise<void> {
    await this.boards.confirmed();
    await this.coalescer.settled();
    await this.boards.fannedOut();
  }

  /** One flush: the dirty boards, then pending goals and badges; false when any of it failed. */
  private async flush(): Promise<boolean> {
    this.stats.flushes += 1;
    const started = performance.now();
    const work = [
      ...this.boards.flush(),
      ...this.fanOut.flush(),
      ...this.achievements.flush(),
      ...this.kudos.flush(),
      ...this.contests.flush(),
      ...this.contestList.flush(),
    ];
    const failed = (await Promise.allSettled(work)).filter((r) => r.status === 'rejected');
    this.options.metrics?.flushed((performance.now() - started) / 1000, failed.length === 0);
    if (failed.length) {
      this.options.logger.error(
        { err: failed[0]?.reason, failures: failed.length },
        'live: flush failed; retrying',
      );
    }
    this.rollover.arm(this.boards.shown());
    this.contests.arm();
    return failed.length === 0;
  }
}
