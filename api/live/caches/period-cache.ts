/**
 * Team figures computed from one period's rollups, users and teams, kept until the LISTEN bridge
 * delivers a change to them: the read-side twin of the hub's in-memory boards, for results the hub
 * does not hold (every count of every member).
 * Invariants: a rollup change logs `perf` naming its periods, users/teams `dir`, and `handle`
 * moves those periods' generations (or all). A value is served only when the bridge has delivered
 * every change committed before the request (`caughtUp`, one statement) and its generations have
 * not moved since it was read, so it is as fresh as a query; a read during which one moved is not
 * kept; nothing is served or kept while the listener is not `current`. At most `capacity` values
 * and `maxPeriods` generations: bounded memory in a process that runs for months.
 */
import type { PeriodType } from '../../../schema/db/constants.ts';
import type { Queryable } from '../../db/client.ts';
import type { LiveMessage } from '../feed/messages.ts';
import type { FigureCache } from '../ports.ts';

export interface PeriodCacheOptions {
  /** Whether the listener has delivered every change committed so far (Bridge.caughtUp), asked in `db`. */
  caughtUp: (db?: Queryable) => Promise<boolean>;
  /** Whether the listener is known to hear every change (Bridge.current). */
  current: () => boolean;
  /** @default 64 */
  capacity?: number;
  /** @default 1000 */
  maxPeriods?: number;
}

interface Entry {
  readonly stamp: string;
  readonly value: unknown;
}

export class PeriodCache implements FigureCache {
  /** Values served from memory, and reads made (tests, benchmarks). */
  hits = 0;
  reads = 0;
  private everything = 0;
  private readonly generations = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly maxPeriods: number;

  constructor(private readonly options: PeriodCacheOptions) {
    this.capacity = options.capacity ?? 64;
    this.maxPeriods = options.maxPeriods ?? 1000;
  }

  /** Follows the bridge's messages. */
  handle(message: LiveMessage): void {
    if (message.t === 'perf') {
      for (const p of message.periods) this.moved(periodKey(p.periodType, p.periodStart));
    } else if (message.t === 'dir' || message.t === 'all') this.invalidate();
  }

  /** Anything may have changed (a reconnection of the listener). */
  invalidate(): void {
    this.everything += 1;
    this.generations.clear();
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The value `key` names in this period: from memory when that is as fresh as `load()` would be,
   * else `load()`'s (kept when no change to the period arrived while it ran). `db`: the request's
   * database, the freshness check counted there.
   */
  async get<T>(
    periodType: PeriodType,
    periodStart: string,
    key: string,
    load: () => Promise<T>,
    db?: Queryable,
  ): Promise<T> {
    if (!this.options.current()) {
      this.entries.clear();
      this.reads += 1;
      return load();
    }
    const period = periodKey(periodType, periodStart);
    const id = `${period}|${key}`;
    const stamp = this.stamp(period);
    const hit = this.entries.get(id);
    // a change delivered while caughtUp() ran moves the stamp: checked again after it
    if (hit?.stamp === stamp && (await this.options.caughtUp(db)) && this.stamp(period) === stamp) {
      this.hits += 1;
      return hit.value as T;
    }
    const read = this.stamp(period);
    this.reads += 1;
    const value = await load();
    // a change to the period delivered during the read already dropped the period's entries
    if (this.stamp(period) === read && this.options.current()) {
      this.entries.delete(id);
      this.entries.set(id, { stamp: read, value });
      while (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    return value;
  }

  private stamp(period: string): string {
    return `${this.everything}:${this.generations.get(period) ?? 0}`;
  }

  private moved(period: string): void {
    if (!this.generations.has(period) && this.generations.size >= this.maxPeriods) {
      this.invalidate();
      return;
    }
    this.generations.set(period, (this.generations.get(period) ?? 0) + 1);
    for (const id of this.entries.keys()) if (id.startsWith(`${period}|`)) this.entries.delete(id);
  }
}

const periodKey = (periodType: PeriodType, periodStart: string) => `${periodType}|${periodStart}`;
