/**
 * The watched contests: one entry per contest someone streams (contestChanged), shared by all its
 * subscribers.
 *
 * Invariants: a change only marks (a rollup change marks the running contests of the sellers it
 * names, or all of them when it names none; directory, goal and contest changes mark more); a
 * flush recomputes each dirty contest once, whatever its number of subscribers, with one
 * statement (contest.standings.ts), and publishes one event object only when what it shows
 * changed (status, frozen, entries, winners); the contest's row is read again only after a contest,
 * people or team change (allChanged), not for each sale. A frozen contest is never recomputed for a rollup
 * change: its results are stored. A timer marks a contest at its start and at its end, so the
 * countdown turns into standings and the standings into the frozen results (frozen by whichever
 * process gets there first: freezeContest) without waiting for a change.
 * Why: the live path's rule (docs/live-hub.md): the cost of a change is one recomputation per
 * contest, never one query per viewer.
 */
import type { OrgSettings } from '../../config.ts';
import { NotFoundError } from '../../core/errors.ts';
import { createLoaders } from '../../core/loaders.ts';
import type { Database } from '../../db/client.ts';
import { findContest, type ContestWithParts } from '../../modules/contests/contest.queries.ts';
import { standingsOf } from '../../modules/contests/contest.standings.ts';
import type { PerfMessage } from '../feed/messages.ts';
import { Mailbox } from './mailbox.ts';
import type { ContestEvent, HubStats } from './types.ts';

/** setTimeout's longest delay is 2^31-1 ms; a farther boundary is re-armed after this. */
const MAX_TIMER_MS = 3_600_000;

interface Watched {
  readonly id: number;
  readonly subscribers: Set<Mailbox<ContestEvent>>;
  /** The contest's row and parts, kept until a contest, people or team change (allChanged). */
  contest: ContestWithParts | undefined;
  last: { fingerprint: string; event: ContestEvent } | undefined;
  dirty: boolean;
  /** The sellers it ranks (a rollup change of anyone else leaves it alone); null: not known yet. */
  people: Set<number> | null;
  frozen: boolean;
  goalPercent: boolean;
  /** Its next start or end after the last computation (ms), or null. */
  boundary: number | null;
}

export interface ContestWatchOptions {
  db: Database;
  org: OrgSettings;
  stats: Pick<HubStats, 'contestRecomputations'>;
  now: () => Date;
  /** Flush in this turn (a new contest's first frame, a boundary reached). */
  flushNow: () => void;
}

export class ContestWatches {
  private readonly watched = new Map<number, Watched>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ContestWatchOptions) {}

  get size(): number {
    return this.watched.size;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const w of this.watched.values()) n += w.subscribers.size;
    return n;
  }

  /** The current standings at once, then every change, until the reader stops. */
  watch(id: number): Mailbox<ContestEvent> {
    let w = this.watched.get(id);
    if (!w) {
      w = {
        id,
        subscribers: new Set(),
        contest: undefined,
        last: undefined,
        dirty: true,
        people: null,
        frozen: false,
        goalPercent: false,
        boundary: null,
      };
      this.watched.set(id, w);
    }
    const entry = w;
    const box: Mailbox<ContestEvent> = new Mailbox<ContestEvent>({
      mode: 'latest',
      onClose: () => {
        entry.subscribers.delete(box);
        if (entry.subscribers.size === 0 && this.watched.get(id) === entry) this.watched.delete(id);
      },
    });
    entry.subscribers.add(box);
    if (entry.last) box.push(entry.last.event);
    else this.options.flushNow();
    return box;
  }

  /** Sellers' rollups changed: the running contests they (may) take part in. */
  rollupChanged(message: PerfMessage): void {
    const users = message.rows ? new Set(message.rows.map((r) => r.userId)) : null;
    for (const w of this.watched.values()) {
      if (w.frozen) continue;
      if (users === null || w.people === null || [...users].some((u) => w.people?.has(u))) w.dirty = true;
    }
  }

  /** Goals changed: % of goal contests compare against them. */
  goalsChanged(): void {
    for (const w of this.watched.values()) if (w.goalPercent && !w.frozen) w.dirty = true;
  }

  /** Contests, people or teams changed, or anything may have: every watched contest. */
  allChanged(): void {
    for (const w of this.watched.values()) {
      w.dirty = true;
      w.contest = undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.watched.values()) for (const box of w.subscribers) void box.return();
    this.watched.clear();
  }

  /** One recomputation per dirty contest. */
  flush(): Promise<void>[] {
    const work = [...this.watched.values()].filter((w) => w.dirty).map((w) => this.recompute(w));
    return work;
  }

  /** Arms the timer for the nearest start or end of a watched contest (after each flush). */
  arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.options.now().getTime();
    let next: number | null = null;
    for (const w of this.watched.values())
      if (w.boundary !== null && (next === null || w.boundary < next)) next = w.boundary;
    if (next === null) return;
    const at = next;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const reached = this.options.now().getTime();
        for (const w of this.watched.values())
          if (w.boundary !== null && w.boundary <= reached) w.dirty = true;
        this.options.flushNow();
        this.arm();
      },
      Math.min(Math.max(at - now, 0), MAX_TIMER_MS),
    );
    this.timer.unref();
  }

  private async recompute(w: Watched): Promise<void> {
    w.dirty = false;
    const { db, org, stats, now } = this.options;
    try {
      stats.contestRecomputations += 1;
      const contest = w.contest ?? (await findContest(db, w.id));
      if (!contest) {
        for (const box of w.subscribers) box.fail(new NotFoundError('Contest', w.id));
        this.watched.delete(w.id);
        return;
      }
      w.contest = contest;
      const at = now();
      const standings = await standingsOf(db, org, contest, at);
      w.frozen = standings.frozen;
      w.goalPercent = contest.metric === 'GOAL_PERCENT';
      w.people = standings.people === null ? null : new Set(standings.people);
      const t = at.getTime();
      const start = contest.startsAt.getTime();
      const end = contest.endsAt.getTime();
      w.boundary = standings.frozen ? null : start > t ? start : end > t ? end : t;
      const fingerprint = JSON.stringify([
        standings.status,
        standings.frozen,
        standings.entries,
        standings.winnerIds,
        contest.name,
        contest.startsAt,
        contest.endsAt,
      ]);
      if (w.last?.fingerprint === fingerprint) return;
      const event: ContestEvent = { standings, contest, loaders: createLoaders(db) };
      w.last = { fingerprint, event };
      for (const box of w.subscribers) box.push(event);
    } catch (error) {
      w.dirty = true;
      w.contest = undefined;
      throw error;
    }
  }
}
