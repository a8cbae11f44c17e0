/**
 * The process's cache of viewers (a token's email → role, team, managed teams, active): one
 * `users` read per user per change of the directory instead of one per request and per event.
 * Invariants: every change to users or teams, by any writer, logs `dir`
 * (drizzle/functions/directory_notify.sql) and `handle` drops the whole cache on it; a listener
 * that may have missed it (`all`, reconnect, `current` false) drops everything and serves nothing
 * until it hears every change again; `maxAgeMs` bounds an entry's age regardless. Writes are
 * authorised against a `fresh` read, never the cache, so a change committed in plain SQL binds
 * the very next write. A read that started before an invalidation is not kept; failed reads are
 * not cached; at most `capacity` emails are kept (notified-cache.ts holds the dropping). Why each
 * rule: docs/live-updates.md. After a drop a screen's `myScreen` stream reads its viewer again.
 */
import type { Queryable } from '../../db/client.ts';
import { UnauthenticatedError } from '../../core/errors.ts';
import { findViewerByEmail } from '../../modules/users/user.queries.ts';
import type { Viewer } from '../../core/permissions.ts';
import type { ViewerCache } from '../ports.ts';
import { NotifiedCache, type NotifiedCacheOptions } from './notified-cache.ts';

/** The viewer an email names, or null when there is no such active user: one statement. */
export async function readViewer(db: Queryable, email: string): Promise<Viewer | null> {
  const user = await findViewerByEmail(db, email);
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    managedTeamIds:
      user.role === 'MANAGER'
        ? [...new Set([...user.managedTeamIds, ...(user.teamId === null ? [] : [user.teamId])])]
        : [],
    ...(user.layout ? { screen: user.layout } : {}),
  };
}

interface Entry {
  readonly viewer: Promise<Viewer | null>;
  readonly readAt: number;
  /** The answer once the read settled (peek). */
  settled?: Viewer | null;
}

export interface DirectoryOptions extends NotifiedCacheOptions {
  now?: () => number;
}

export class ViewerDirectory extends NotifiedCache<string, Entry> implements ViewerCache {
  /** Database reads made (tests, benchmarks). */
  reads = 0;
  private readonly now: () => number;

  constructor(
    private readonly db: Queryable,
    options: DirectoryOptions = {},
  ) {
    super(options);
    this.now = options.now ?? Date.now;
  }

  /**
   * The active user behind `email`; UNAUTHENTICATED when there is none. `db`: the request's
   * database, a read it starts counted there (core/request-scope.ts); else the directory's.
   */
  async viewer(email: string, db: Queryable = this.db): Promise<Viewer> {
    return activeOnly(await this.lookup(email.toLowerCase(), db));
  }

  /**
   * The active user behind `email` as committed now, read past the cache (which is left as it is:
   * the `dir` notification of whatever changed will clear it). For requests that write.
   */
  async fresh(email: string, db: Queryable = this.db): Promise<Viewer> {
    this.reads += 1;
    return activeOnly(await readViewer(db, email.toLowerCase()));
  }

  /**
   * What `viewer(email)` would answer now, if the cache holds it settled and current (no read,
   * no wait); undefined otherwise (ask `viewer`). A user who is not active is never peeked.
   */
  peek(email: string): Viewer | undefined {
    if (!this.current()) return undefined;
    const cached = this.entries.get(email.toLowerCase());
    if (!cached?.settled || this.now() - cached.readAt >= this.maxAgeMs) return undefined;
    return cached.settled;
  }

  private lookup(email: string, db: Queryable): Promise<Viewer | null> {
    if (!this.current()) {
      // a change may go unheard: read, and keep nothing (what is kept is dropped)
      if (this.entries.size > 0) this.invalidate();
      this.reads += 1;
      return readViewer(db, email);
    }
    const now = this.now();
    const cached = this.entries.get(email);
    if (cached && now - cached.readAt < this.maxAgeMs) return cached.viewer;
    if (cached) this.entries.delete(email);
    this.reads += 1;
    const viewer = readViewer(db, email);
    const entry: Entry = { viewer, readAt: now };
    this.keep(email, entry);
    viewer.then(
      (settled) => {
        entry.settled = settled;
      },
      () => {
        if (this.entries.get(email) === entry) this.entries.delete(email);
      },
    );
    return viewer;
  }
}

function activeOnly(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('The token names no active user.');
  return viewer;
}
