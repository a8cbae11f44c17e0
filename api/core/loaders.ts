/**
 * Per-operation DataLoaders: every nested user/team/members lookup of one operation is batched
 * into one statement per kind, so a 100-row leaderboard costs what a 10-row one costs.
 */
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { teams, users, type TeamRow, type UserRow } from '../../schema/db/index.ts';
import type { Database } from '../db/client.ts';
import { dailyTotals, type DaySpan } from '../modules/performance/performance.queries.ts';
import type { PerformanceCounts } from '../modules/performance/performance.type.ts';

/**
 * A DataLoader of rows by id whose rows, once known (primed or loaded), can also be read at once:
 * a field resolver that returns a row instead of a promise spares graphql-js a promise per field
 * (500 members of a team performance, each with a `user`).
 */
export class RowLoader<T> extends DataLoader<number, T | null> {
  private readonly known: Map<number, T | null>;

  constructor(batch: (ids: readonly number[]) => Promise<(T | null)[]>) {
    const known = new Map<number, T | null>();
    super(async (ids) => {
      const rows = await batch(ids);
      ids.forEach((id, i) => {
        if (!known.has(id)) known.set(id, rows[i] ?? null);
      });
      return rows;
    });
    this.known = known;
  }

  override prime(key: number, value: T | null | PromiseLike<T | null> | Error): this {
    const settled =
      !(value instanceof Error) && !(value && typeof (value as PromiseLike<T>).then === 'function');
    if (settled && !this.known.has(key)) this.known.set(key, value as T | null);
    return super.prime(key, value);
  }

  override clear(key: number): this {
    this.known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }

  /** The row at once when known, else the promise `load` gives. */
  now(id: number): T | null | Promise<T | null> {
    return this.known.has(id) ? (this.known.get(id) ?? null) : this.load(id);
  }
}

/** A row from RowLoader.now, or `missing()` thrown when there is none; a promise only if it was one. */
export function existing<T>(row: T | null | Promise<T | null>, missing: () => Error): T | Promise<T> {
  const check = (found: T | null): T => {
    if (found === null) throw missing();
    return found;
  };
  return row instanceof Promise ? row.then(check) : check(row);
}

export interface Loaders {
  readonly userById: RowLoader<UserRow>;
  readonly teamById: RowLoader<TeamRow>;
  readonly membersByTeamId: DataLoader<number, UserRow[]>;
  /** A user's days added up from their daily rollups (the like-for-like comparison of a partial period). */
  readonly dailyTotals: DataLoader<DaySpan, PerformanceCounts, string>;
}

export function createLoaders(db: Database): Loaders {
  const userById = new RowLoader<UserRow>(async (ids) => {
    const found = await db
      .select()
      .from(users)
      .where(inArray(users.id, [...ids]));
    const byId = new Map(found.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const teamById = new RowLoader<TeamRow>(async (ids) => {
    const found = await db
      .select()
      .from(teams)
      .where(inArray(teams.id, [...ids]));
    const byId = new Map(found.map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const membersByTeamId = new DataLoader<number, UserRow[]>(async (teamIds) => {
    const found = await db
      .select()
      .from(users)
      .where(inArray(users.teamId, [...teamIds]))
      .orderBy(users.name, users.id);
    for (const u of found) userById.prime(u.id, u);
    return teamIds.map((id) => found.filter((u) => u.teamId === id));
  });
  const totals = new DataLoader<DaySpan, PerformanceCounts, string>((spans) => dailyTotals(db, spans), {
    cacheKeyFn: (s) => `${s.userId}|${s.from}|${s.to}`,
  });
  return { userById, teamById, membersByTeamId, dailyTotals: totals };
}
