/**
 * The process's cache of viewers (who a token's email is: role, team, managed teams, active),
 * kept until the database says the directory changed. It replaces one `users` query per
 * subscriber per event (and per HTTP request) with one per user per change of the directory.
 *
 * Invariants:
 * - Every change to `users` or `teams`, by any writer, sends the `dir` notification
 *   (drizzle/functions/directory_notify.sql); `handle` drops the whole cache on it, so a role change, a move
 *   between teams or a deactivation is seen by the next event after the notification arrives
 *   (milliseconds), as with a fresh read.
 * - A listener that was away (`all`, reconnect) may have missed `dir`: `invalidate` drops
 *   everything then too, and while the listener is not known to hear every change (`current`
 *   false: before its first registration, from a heartbeat not echoed in time until it has
 *   registered again) nothing is served from the cache or kept: every lookup reads. `maxAgeMs`
 *   bounds the age of an entry regardless, in case a signal is lost in a way nobody noticed.
 * - Requests that write (GraphQL mutations, REST and import routes other than GET) are authorised
 *   against a `fresh` read, never the cache: a role change, a move between teams or a
 *   deactivation committed in plain SQL binds the very next write, not only the next write after
 *   its notification (one statement per write request; reads keep the cache).
 * - Writes this process makes to users/teams (createUser, createTeam) call `invalidate` when they
 *   commit, so its own next request sees them without waiting for the notification; a change
 *   written elsewhere (plain SQL, another process) applies once its `dir` notification arrives,
 *   milliseconds after the commit (BENCHMARKS.md: the listener drains the log every 10 ms).
 * - A read that started before an invalidation is not kept after it (the cache is cleared, the
 *   next lookup reads again): it may have read the old row.
 * - Failed reads are not cached; an unknown or inactive user is (as `null`), until the next change.
 * - At most `capacity` emails are kept (oldest dropped first), so a flood of tokens for many
 *   users cannot grow memory without bound.
 */
import type { Queryable } from '../db/client.ts';
import { UnauthenticatedError } from '../errors.ts';
import { findViewerByEmail } from '../modules/users/user.queries.ts';
import type { Viewer } from '../permissions.ts';
import type { LiveMessage } from './messages.ts';
import type { ViewerCache } from './ports.ts';

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
