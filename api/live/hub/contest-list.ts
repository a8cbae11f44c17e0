/**
 * The current contests (contestsChanged): one list for the whole organisation, read once per
 * change and shared by every subscriber, each of whom sees it filtered to what they may read
 * (subscriptions: contest.streams.ts, in memory with the event's loaders).
 *
 * Invariants: the list is read only when someone subscribes and something may have changed it: a
 * contest written, started (its start announced) or ended (its results frozen: the 'contest'
 * message, api/jobs/contests/scheduler.ts makes both at the boundary in some process), or people
 * and teams changed ('dir': who is in a screen's team decides what it sees). One statement set per
 * flush, whatever the number of screens; a sale reads nothing here. It holds the contests not
 * ended before CONTEST_RECENT_MS ago (upcoming, running, just ended), soonest start first, at
 * most CONTEST_LIST_MAX; each event carries the server's clock (`generatedAt`) for countdowns.
 * Why: a TV learns of a new contest, its start and its end without a reload and without a read
 * per screen (docs/screens.md).
 */
import { createLoaders } from '../../core/loaders.ts';
import type { Database } from '../../db/client.ts';
import { currentContests } from '../../modules/contests/contest.queries.ts';
import { Mailbox } from './mailbox.ts';
import type { ContestListEvent, HubStats } from './types.ts';

/** Ended contests stay in the list (a TV shows their winners) this long after their end. */
export const CONTEST_RECENT_MS = 3_600_000;
/** Most contests in the list. */
export const CONTEST_LIST_MAX = 200;

export interface ContestListOptions {
  db: Database;
  stats: Pick<HubStats, 'contestListReads'>;
  now: () => Date;
  /** Flush in this turn (a first subscriber's snapshot). */
  flushNow: () => void;
}

export class ContestList {
  private readonly subscribers = new Set<Mailbox<ContestListEvent>>();
  private last: ContestListEvent | undefined;
  private dirty = true;

  constructor(private readonly options: ContestListOptions) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The current list at once, then after every change, until the reader stops. */
  watch(): Mailbox<ContestListEvent> {
    const box: Mailbox<ContestListEvent> = new Mailbox<ContestListEvent>({
      mode: 'latest',
      onClose: () => {
        this.subscribers.delete(box);
        if (this.subscribers.size === 0) {
          this.last = undefined;
          this.dirty = true;
        }
      },
    });
    this.subscribers.add(box);
    if (this.last && !this.dirty) box.push(this.last);
    else this.options.flushNow();
    return box;
  }

  /** Contests, people or teams changed (or anything may have). */
  changed(): void {
    this.dirty = true;
  }

  flush(): Promise<void>[] {
    return this.dirty && this.subscribers.size > 0 ? [this.read()] : [];
  }

  dispose(): void {
    for (const box of this.subscribers) void box.return();
    this.subscribers.clear();
  }

  private async read(): Promise<void> {
    this.dirty = false;
    const { db, stats, now } = this.options;
    try {
      stats.contestListReads += 1;
      const at = now();
      const contests = await currentContests(
        db,
        new Date(at.getTime() - CONTEST_RECENT_MS),
        CONTEST_LIST_MAX,
      );
      const event: ContestListEvent = { contests, generatedAt: at, loaders: createLoaders(db) };
      this.last = event;
      for (const box of this.subscribers) box.push(event);
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }
}
