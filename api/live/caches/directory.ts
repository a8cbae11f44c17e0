/**
 * The process's cache of viewers (a token's email → role, team, managed teams, active): one
 * `users` read per user per change of the directory instead of one per request and per event.
 * Invariants: every change to users or teams, by any writer, logs `dir`
 * (drizzle/functions/directory_notify.sql) and `handle` drops the whole cache on it; a listener
 * that may have missed it (`all`, reconnect, `current` false) drops everything and serves nothing
 * until it hears every change again; `maxAgeMs` bounds an entry's age regardless. Writes are
 * authorised against a `fresh` read, never the cache, so a change committed in plain SQL binds
 * the very next write. A read that started before an invalidation is not kept; failed reads are
 * not cached; at most `capacity` emails are kept. Why each rule: docs/live-updates.md.
 */
import type { Queryable } from '../../db/client.ts';
import { UnauthenticatedError } from '../../core/errors.ts';
import { findViewerByEmail } from '../../modules/users/user.queries.ts';
import type { Viewer } from '../../core/permissions.ts';
import type { LiveMessage } from '../feed/messages.ts';
import type { ViewerCache } from '../ports.ts';

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
}

export interface DirectoryOptions {
  /** The oldest entry served, whatever the notifications say. @default 60000 */
  maxAgeMs?: number;
  /** @default 10000 */
  capacity?: number;
  now?: () => number;
  /** Whether the notifications can be relied on now (the LISTEN bridge's `current`). @default always */
  current?: () => boolean;
}

export class ViewerDirectory implements ViewerCache {
  /** Database reads made, and times everything was dropped (tests, benchmarks). */
  reads = 0;
  invalidations = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly maxAgeMs: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private readonly current: () => boolean;

  constructor(
    private readonly db: Queryable,
    options: DirectoryOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.capacity = options.capacity ?? 10_000;
    this.now = options.now ?? Date.now;
    this.current = options.current ?? (() => true);
  }

  /** The active user behind `email`; UNAUTHENTICATED when there is none. */
  async viewer(email: string): Promise<Viewer> {
    return activeOnly(await this.lookup(email.toLowerCase()));
  }

  /**
   * The active user behind `email` as committed now, read past the cache (which is left as it is:
   * the `dir` notification of whatever changed will clear it). For requests that write.
   */
  async fresh(email: string): Promise<Viewer> {
    this.reads += 1;
    return activeOnly(await readViewer(this.db, email.toLowerCase()));
  }

  /** Drops everything: the next lookup of every email reads the database. */
  invalidate(): void {
    this.invalidations += 1;
    this.entries.clear();
    for (const listener of this.listeners) listener();
  }

  /**
   * Called after every drop (a user, team or screen layout may have changed, here or in another
   * process): a screen's `myScreen` stream then reads its viewer again. Returns the unsubscribe.
   */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows the live notifications: a directory change, or "anything may have changed". */
  handle(message: LiveMessage): void {
    if (message.t === 'dir' || message.t === 'all') this.invalidate();
  }

  get size(): number {
    return this.entries.size;
  }

  private lookup(email: string): Promise<Viewer | null> {
    if (!this.current()) {
      // a change may go unheard: read, and keep nothing (what is kept is dropped)
      if (this.entries.size > 0) this.invalidate();
      this.reads += 1;
      return readViewer(this.db, email);
    }
    const now = this.now();
    const cached = this.entries.get(email);
    if (cached && now - cached.readAt < this.maxAgeMs) return cached.viewer;
    if (cached) this.entries.delete(email);
    this.reads += 1;
    const viewer = readViewer(this.db, email);
    const entry: Entry = { viewer, readAt: now };
    this.entries.set(email, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    viewer.catch(() => {
      if (this.entries.get(email) === entry) this.entries.delete(email);
    });
    return viewer;
  }
}

function activeOnly(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('The token names no active user.');
  return viewer;
}
