/**
 * The watched leaderboards: one per (period type, metric, team, limit, standings), always of the
 * current period, shared by all its subscribers.
 *
 * Invariants: a board is recomputed at most once per flush, whatever the number of subscribers
 * (changes only mark it dirty); it is published only when what it shows changed (fingerprint of
 * period and entries, names included), as one shared object per version, with a version that only
 * ever increases: max(last + 1, the database's rollup clock in µs), so a new process continues
 * above an older one's versions. A board's first version is read afresh, as a query would be.
 * Subscribers read through `latest` mailboxes: a slow reader skips to the newest version.
 * A newcomer's first version is as fresh as a query at its subscribe: the version in memory is given
 * to it only by a recompute that began after the listener was known to have delivered every change
 * committed before the subscribe (`caughtUp`), else the board is read again. Why: a screen moved
 * from another replica (a restart) must not see a version older than the one it showed there.
 * A version reaches its subscribers in batches of FAN_OUT_BATCH, yielding to the event loop
 * between them (a fan-out to 10,000 screens writes for a couple of hundred ms: sockets, requests
 * and notifications are served meanwhile), beside the flushes rather than inside them (a long
 * fan-out must not stretch the coalescing windows). A newer version that comes mid-way is what
 * the rest of the fan-out pushes, to those not served yet first, then to those served with the
 * older one: every subscriber gets the newest version within one pass, none is starved.
 * Why one board for all: the cost of a change is one ranking per board, not one per subscriber.
 */
import type { PeriodType } from '../../../schema/db/constants.ts';
import type { OrgSettings } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { addPeriods, localDate, periodEnd, periodStart } from '../../domain/periods.ts';
import { minimumSample } from '../../domain/ranking.ts';
import { createLoaders } from '../../core/loaders.ts';
import { Mailbox, type MailboxOptions } from './mailbox.ts';
import { markShared } from '../../live/shared-execution.ts';
import { withPreviousRanks } from '../../modules/leaderboard/leaderboard.mapping.ts';
import { digest, ranked, ranksOf, type SellerTables, type Table } from './tables.ts';
import type { BoardEvent, BoardKey, HubStats } from './types.ts';

interface Board {
  readonly id: string;
  readonly key: BoardKey;
  readonly subscribers: Set<Mailbox<BoardEvent>>;
  last: { fingerprint: string; event: BoardEvent } | undefined;
  version: bigint;
  dirty: boolean;
  /** The sellers it ranks (its period's and team's). */
  table: Table;
  /** Subscribers still to be pushed `last` (those left from an older version first). */
  unserved: Set<Mailbox<BoardEvent>>;
  /** The fan-out running now, if any. */
  fanning: Promise<void> | undefined;
  /**
   * The same team's sellers in the previous period: their ranks are the entries' previousRank.
   * The board is among its boards, so a backdated change to that period marks it dirty.
   */
  previous: Table;
  /** Subscribed, not yet known to be behind no commit: given nothing yet (`confirm`). */
  joining: Set<Mailbox<BoardEvent>>;
  /** Confirmed: the next recompute to start gives them its version, changed or not. */
  ready: Set<Mailbox<BoardEvent>>;
}

export interface BoardsOptions {
  db: Database;
  org: OrgSettings;
  tables: SellerTables;
  stats: Pick<HubStats, 'recomputations' | 'published'>;
  now: () => Date;
  /** Flush in this turn (a new board's first version). */
  flushNow: () => void;
  /**
   * Whether every change committed before the call has been delivered (the bridge's caughtUp).
   * Without it a newcomer to a board already in memory has the board read again.
   */
  caughtUp?: (() => Promise<boolean>) | undefined;
}

/** Subscribers a version is pushed to between two turns of the event loop (see the header). */
export const FAN_OUT_BATCH = 256;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const boardId = (k: BoardKey): string =>
  `${k.periodType}|${k.metric}|${k.teamId ?? ''}|${k.limit}${k.standings ? '|standings' : ''}`;

export class Boards {
  private readonly boards = new Map<string, Board>();
  /** Boards with newcomers (`joining`) for the next `caughtUp` check; one check runs at a time. */
  private readonly unconfirmed = new Set<Board>();
  private confirming = false;
  private confirmation: Promise<void> = Promise.resolve();

  constructor(private readonly options: BoardsOptions) {}

  get size(): number {
    return this.boards.size;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const b of this.boards.values()) n += b.subscribers.size;
    return n;
  }

  /** The period type and start each board shows now (the rollover timer's boundaries). */
  shown(): { periodType: PeriodType; periodStart: string }[] {
    return [...this.boards.values()].map((b) => ({
      periodType: b.key.periodType,
      periodStart: b.table.periodStart,
    }));
  }

  /** The current board at once, then every newer version, until the reader stops. */
  watch(key: BoardKey, options?: Pick<MailboxOptions<BoardEvent>, 'bypass'>): Mailbox<BoardEvent> {
    const { tables } = this.options;
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
        unserved: new Set(),
        fanning: undefined,
        table: tables.tableFor(key.periodType, start, key.teamId),
        previous: tables.tableFor(key.periodType, addPeriods(key.periodType, start, -1), key.teamId),
        joining: new Set(),
        ready: new Set(),
      };
      board.table.boards.add(board);
      board.previous.boards.add(board);
      this.boards.set(id, board);
    }
    const b = board;
    const mailbox = new Mailbox<BoardEvent>({
      mode: 'latest',
      ...options,
      onClose: () => {
        b.subscribers.delete(mailbox);
        b.joining.delete(mailbox);
        b.ready.delete(mailbox);
        b.unserved.delete(mailbox);
        if (b.subscribers.size === 0 && this.boards.get(b.id) === b) {
          this.boards.delete(b.id);
          tables.leave(b, b.table);
          tables.leave(b, b.previous);
        }
      },
    });
    b.subscribers.add(mailbox);
    if (b.last && b.table.periodStart === this.currentStart(key.periodType)) {
      // the version in memory may be behind a commit the listener has not delivered yet, one that
      // another replica has already shown this screen (it reconnected here): confirmed first
      b.joining.add(mailbox);
      this.confirm(b);
    } else {
      // a board's first version is read afresh, as a query would be: its table may have been kept
      // only for queries, behind commits the listener has not delivered yet
      b.ready.add(mailbox);
      tables.mustReload(b.table);
      tables.mustReload(b.previous);
      this.options.flushNow();
    }
    return mailbox;
  }

  /**
   * Asks whether the listener has delivered every change committed so far, for the newcomers of
   * every board in `unconfirmed` (one statement for all who joined before it was sent; those who
   * join while it runs wait for the next). Yes: the next recompute gives them the board, a version
   * in memory only if nothing changed. No (or no answer): their board is read again first.
   */
  private confirm(board: Board): void {
    this.unconfirmed.add(board);
    if (this.confirming) return;
    this.confirming = true;
    this.confirmation = this.confirmAll();
  }

  /** Resolves when the newcomers who joined so far have been confirmed (their flush is asked for). */
  confirmed(): Promise<void> {
    return this.confirmation;
  }

  private async confirmAll(): Promise<void> {
    const { tables, caughtUp } = this.options;
    try {
      while (this.unconfirmed.size > 0) {
        const batch = [...this.unconfirmed].map((b) => ({ board: b, joined: [...b.joining] }));
        this.unconfirmed.clear();
        const fresh = caughtUp ? await caughtUp().catch(() => false) : false;
        for (const { board, joined } of batch) {
          if (this.boards.get(board.id) !== board) continue;
          for (const m of joined) if (board.joining.delete(m)) board.ready.add(m);
          if (!fresh) {
            tables.mustReload(board.table);
            tables.mustReload(board.previous);
          }
          board.dirty = true;
        }
        this.options.flushNow();
      }
    } finally {
      // in the same turn as the loop's last check: a newcomer after it starts the next run
      this.confirming = false;
    }
  }

  /** Recomputes the dirty boards (started now, in order); a failed one is read again next flush. */
  flush(): Promise<void>[] {
    const dirty = [...this.boards.values()].filter((b) => b.dirty);
    for (const b of dirty) b.dirty = false;
    return dirty.map((b) =>
      this.recompute(b).catch((error: unknown) => {
        this.options.tables.mustReload(b.table); // retried by the next flush
        this.options.tables.mustReload(b.previous);
        throw error;
      }),
    );
  }

  /** Marks dirty the boards whose period has ended (they move to the new one when recomputed). */
  markEndedPeriods(): void {
    for (const b of this.boards.values()) {
      if (this.currentStart(b.key.periodType) !== b.table.periodStart) b.dirty = true;
    }
  }

  /** Resolves when every version published so far has been pushed to all its subscribers. */
  async fannedOut(): Promise<void> {
    for (const b of this.boards.values()) await b.fanning;
  }

  /** Ends every subscriber's stream. */
  dispose(): void {
    for (const b of this.boards.values()) for (const m of b.subscribers) void m.return();
  }

  private currentStart(periodType: PeriodType): string {
    return periodStart(periodType, localDate(this.options.now(), this.options.org.timeZone));
  }

  private async recompute(board: Board): Promise<void> {
    if (board.subscribers.size === 0) return;
    // the newcomers this recompute serves: confirmed before it began; later ones wait for the next
    const serving = board.ready;
    board.ready = new Set();
    try {
      await this.publish(board, serving);
    } catch (error) {
      for (const m of serving) if (board.subscribers.has(m)) board.ready.add(m);
      throw error;
    }
  }

  private async publish(board: Board, serving: Set<Mailbox<BoardEvent>>): Promise<void> {
    const { db, org, tables, stats } = this.options;
    stats.recomputations += 1;
    const now = this.options.now();
    const start = this.currentStart(board.key.periodType);
    if (start !== board.table.periodStart) {
      // a new period: the board moves to that period's table
      tables.leave(board, board.table);
      tables.leave(board, board.previous);
      board.table = tables.join(board, board.key.periodType, start, board.key.teamId);
      const before = addPeriods(board.key.periodType, start, -1);
      board.previous = tables.join(board, board.key.periodType, before, board.key.teamId);
    }
    const [sellers, previous] = await Promise.all([
      tables.current(board.table),
      tables.current(board.previous),
    ]);
    const minimums = org.rateMinimums;
    const { users, teams, standingOf, ...computed } = withPreviousRanks(
      ranked(sellers, board.key.metric, board.key.limit, minimums),
      ranksOf(previous, board.key.metric, minimums),
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
    if (board.last?.fingerprint === fingerprint) {
      for (const m of serving) if (board.subscribers.has(m)) board.unserved.add(m);
      this.fanOut(board);
      return;
    }
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
    stats.published += 1;
    // not to newcomers this recompute began without: they get the version the next one finds
    for (const subscriber of board.subscribers)
      if (!board.joining.has(subscriber) && !board.ready.has(subscriber)) board.unserved.add(subscriber);
    this.fanOut(board);
  }

  /**
   * Pushes `last` to every unserved subscriber: the first batch now, the rest a batch per turn of
   * the event loop (see the header). A fan-out already running takes the newer version over.
   */
  private fanOut(board: Board): void {
    if (board.fanning || this.pushBatch(board)) return;
    board.fanning = (async () => {
      try {
        do {
          await yieldToLoop();
        } while (!this.pushBatch(board));
      } finally {
        board.fanning = undefined;
      }
    })();
  }

  /** One batch of the fan-out; true when every subscriber has the latest version. */
  private pushBatch(board: Board): boolean {
    const event = board.last?.event;
    if (!event) return true;
    let batch = 0;
    for (const subscriber of board.unserved) {
      board.unserved.delete(subscriber);
      subscriber.push(event);
      if (++batch === FAN_OUT_BATCH) break;
    }
    return board.unserved.size === 0;
  }
}
