/**
 * The contest timer: announces each contest's start (CONTEST_STARTED) and freezes each ended
 * contest (results, winners' badges, CONTEST_ENDED), whether or not anyone watches it.
 *
 * Invariants:
 * - Exactly once across processes: every replica runs this timer, and the database decides who
 *   acts (a conditional UPDATE for the start, INSERT ... ON CONFLICT DO NOTHING for the results:
 *   contest.standings.ts); a loser writes nothing.
 * - Nothing is missed across restarts: `start` catches up at once (every ended contest not frozen,
 *   every running one not announced), then the timer is armed for the next start or end and
 *   re-armed whenever contests change (the 'contest' message) or a pass fails.
 * - Time comes from `clock` (tests move it and call `check`), never from the timer's firing alone.
 * Why a job of its own: a freeze must not depend on a viewer being connected (the live hub only
 * computes what someone watches).
 */
import type { Logger } from 'pino';
import type { OrgSettings } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { endedUnfrozen, nextBoundary, startedUnannounced } from '../../modules/contests/contest.results.ts';
import { announceStart, freezeContest } from '../../modules/contests/contest.standings.ts';

/** Longest sleep (a far boundary, or none): the timer looks again after it. */
const MAX_SLEEP_MS = 3_600_000;
/** After a failed pass (database unreachable). */
const RETRY_MS = 5_000;

export interface ContestSchedulerOptions {
  db: Database;
  org: OrgSettings;
  logger: Logger;
  clock?: { now: () => Date };
}

export class ContestScheduler {
  /** Tests replace `now` to move time, then call check(). */
  readonly clock: { now: () => Date };
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(private readonly options: ContestSchedulerOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
  }

  /** The catch-up at startup, then the timer. */
  start(): Promise<void> {
    return this.check();
  }

  /** Contests changed (here or in another process): look again. */
  contestsChanged(): void {
    if (!this.disposed) void this.check();
  }

  /**
   * Freezes every ended contest and announces every started one as of clock.now(), then arms the
   * timer. Passes never overlap: a call during one makes one more after it.
   */
  check(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.pass = (async () => {
      do {
        this.again = false;
        await this.runPass();
      } while (this.again && !this.disposed);
    })().finally(() => {
      this.pass = undefined;
    });
    return this.pass;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async runPass(): Promise<void> {
    const { db, org, logger } = this.options;
    let delay: number;
    try {
      const now = this.clock.now();
      for (const id of await endedUnfrozen(db, now)) {
        if (await freezeContest(db, org, id)) logger.info({ contest: id }, 'contest ended: results frozen');
      }
      for (const id of await startedUnannounced(db, now)) {
        if (await announceStart(db, id, now)) logger.info({ contest: id }, 'contest started');
      }
      const next = await nextBoundary(db, now);
      delay =
        next === null
          ? MAX_SLEEP_MS
          : Math.min(Math.max(next.getTime() - this.clock.now().getTime(), 0), MAX_SLEEP_MS);
    } catch (error) {
      if (this.disposed) return;
      logger.error({ err: error }, 'contest timer failed; retrying');
      delay = RETRY_MS;
    }
    this.arm(delay);
  }

  private arm(delay: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, delay);
    this.timer.unref();
  }
}
