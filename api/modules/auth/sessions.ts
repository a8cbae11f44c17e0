/**
 * Server-side sessions (table sessions) and the process's cache of them, so that a request signed
 * in by cookie costs no database round trip more than one signed in by bearer token.
 *
 * Invariants:
 * - The cookie holds an opaque random token (32 bytes, base64url); the table holds only its
 *   SHA-256, so a copy of the table signs nobody in.
 * - A session is valid while not revoked, before expires_at (SESSION_TTL after sign-in), and
 *   while used within SESSION_IDLE_TTL; its user is then checked by the viewer directory
 *   (active, role, team), as for a token.
 * - The cache maps token hash -> session row, and is dropped whole on the `dir` notification
 *   (sessions_notify fires it when a session is revoked or deleted; users_notify on any user
 *   change, deactivation included) and on `all`; while the listener is not known to hear every
 *   change (`current` false) nothing is served from it or kept. Revocations this process makes
 *   drop it at once. An entry is re-read after `maxAgeMs` regardless (also refreshing last use
 *   other processes wrote).
 * - last_used_at is written at most once per `touchMs` per session and process (not per
 *   request); idle time is therefore measured to within about touchMs + maxAgeMs.
 * - Times come from `clock` (tests inject one); the database's now() is not used.
 * Over 300 lines: the table's statements and the cache that must stay consistent with them are
 * kept together, so no statement can change a session without the cache hearing of it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Database, type Queryable } from '../../db/client.ts';
import { UnauthenticatedError } from '../../core/errors.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import { NotifiedCache, type NotifiedCacheOptions } from '../../live/caches/notified-cache.ts';
import type { Viewer } from '../../core/permissions.ts';

export interface AuthClock {
  now(): number;
}

/** API tokens start so (a bearer token that does not is read as a JWT: core/session.ts). */
export const API_TOKEN_PREFIX = 'pulse_';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type CredentialKind = 'browser' | 'api';

interface CachedSession {
  userId: number;
  email: string;
  kind: CredentialKind;
  /** Infinity for an API token that never expires. */
  expiresAt: number;
  /** Last use as far as this process knows (the row's, or a later request here). */
  lastUsedAt: number;
  /** What the row holds, as far as this process knows. */
  writtenAt: number;
  readAt: number;
}

export interface SessionOptions extends NotifiedCacheOptions {
  ttlMs: number;
  idleMs: number;
  clock: AuthClock;
  /** @default 60000 */
  touchMs?: number;
  logger?: Logger;
}

const EXPIRED = 'The session has expired: sign in again.';
const ENDED = 'The session has ended: sign in again.';
const TOKEN_ENDED = 'The API token is not valid (revoked, or never issued).';
const TOKEN_EXPIRED = 'The API token has expired.';

/** Dropped whole on `dir` and `all` (NotifiedCache): holders of a WebSocket check their session again. */
export class SessionStore extends NotifiedCache<string, CachedSession | null> {
  /** Database reads of sessions made (tests). */
  reads = 0;
  private readonly touchMs: number;

  constructor(
    private readonly db: Queryable,
    private readonly directory: ViewerDirectory,
    private readonly options: SessionOptions,
  ) {
    super(options);
    this.touchMs = options.touchMs ?? 60_000;
  }

  /** The sessions' clock (tests move it), in epoch milliseconds. */
  now(): number {
    return this.options.clock.now();
  }

  get idleMs(): number {
    return this.options.idleMs;
  }

  /** A new session for `userId`; the token goes in the cookie, never anywhere else. */
  async create(
    db: Queryable,
    userId: number,
    userAgent: string | undefined,
  ): Promise<{ token: string; id: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const id = hashToken(token);
    const now = new Date(this.options.clock.now());
    const expiresAt = new Date(now.getTime() + this.options.ttlMs);
    await rows(
      db,
      sql`insert into sessions (id, user_id, created_at, expires_at, last_used_at, user_agent)
          values (${id}, ${userId}, ${now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz,
                  ${now.toISOString()}::timestamptz, ${userAgent?.slice(0, 500) ?? null})`,
    );
    return { token, id, expiresAt };
  }

  /**
   * A new API token for `userId`, unless they hold `limit` live ones already (null then). The
   * owner's row is locked first, so two requests at once cannot both pass the count.
   */
  async createApiToken(
    db: Database,
    userId: number,
    name: string,
    expiresAt: Date | null,
    limit: number,
  ): Promise<{ token: string; handle: string } | null> {
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = new Date(this.options.clock.now()).toISOString();
    return db.transaction(async (tx) => {
      await rows(tx, sql`select id from users where id = ${userId} for update`);
      const [held] = await rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from sessions where user_id = ${userId} and kind = 'api'
              and revoked_at is null and (expires_at is null or expires_at > ${now}::timestamptz)`,
      );
      if ((held?.n ?? 0) >= limit) return null;
      const [row] = await rows<{ handle: string }>(
        tx,
        sql`insert into sessions (id, user_id, kind, name, prefix, created_at, expires_at, last_used_at)
            values (${hashToken(token)}, ${userId}, 'api', ${name}, ${token.slice(0, API_TOKEN_PREFIX.length + 6)},
                    ${now}::timestamptz, ${expiresAt?.toISOString() ?? null}::timestamptz, ${now}::timestamptz)
            returning handle`,
      );
      return row ? { token, handle: row.handle } : null;
    });
  }

  /**
   * The viewer a token names, and its row's id; UNAUTHENTICATED when it is not valid or not of
   * `kind` (a cookie never carries an API token, an Authorization header never a browser's).
   */
  authenticate(
    token: string,
    kind: CredentialKind = 'browser',
    db?: Queryable,
  ): Promise<{ viewer: Viewer; id: string; expiresAt: number }> {
    return this.authenticateId(hashToken(token), { kind, ...(db ? { db } : {}) });
  }

  /**
   * The same by the session's id; `fresh`: read past the cache, the session and its user as
   * committed now (requests that write, as the directory's `fresh`). `db`: the request's database
   * (its statements counted there: core/request-scope.ts), else the store's.
   */
  async authenticateId(
    id: string,
    options: { fresh?: boolean; kind?: CredentialKind; db?: Queryable | undefined } = {},
  ): Promise<{ viewer: Viewer; id: string; expiresAt: number }> {
    const now = this.options.clock.now();
    const db = options.db ?? this.db;
    let session = options.fresh ? await this.read(db, id, now, false) : await this.lookup(db, id, now);
    const idle = (s: CachedSession) => s.kind === 'browser' && now - s.lastUsedAt >= this.options.idleMs;
    if (session && idle(session) && session.readAt < now) {
      // read earlier: another process may have seen it used since
      session = await this.read(db, id, now, !options.fresh);
    }
    if (!session || (options.kind !== undefined && session.kind !== options.kind)) {
      throw new UnauthenticatedError(session?.kind === 'api' || options.kind === 'api' ? TOKEN_ENDED : ENDED);
    }
    if (now >= session.expiresAt || idle(session)) {
      throw new UnauthenticatedError(session.kind === 'api' ? TOKEN_EXPIRED : EXPIRED);
    }
    session.lastUsedAt = now;
    if (now - session.writtenAt >= this.touchMs) this.touch(db, id, session, now);
    const viewer = await (options.fresh
      ? this.directory.fresh(session.email, db)
      : this.directory.viewer(session.email, db));
    if (viewer.id !== session.userId) throw new UnauthenticatedError(ENDED);
    return { viewer, id, expiresAt: session.expiresAt };
  }

  /**
   * What `authenticateId(id)` would answer now (its viewer) when both caches hold it current and
   * nothing is left to decide: the session not idle nor expired, its user's viewer settled. The
   * use is recorded as authenticateId records it. undefined otherwise: ask authenticateId.
   */
  peekId(id: string): Viewer | undefined {
    if (!this.current()) return undefined;
    const now = this.options.clock.now();
    const session = this.entries.get(id);
    if (!session || now - session.readAt >= this.maxAgeMs || now >= session.expiresAt) return undefined;
    if (session.kind === 'browser' && now - session.lastUsedAt >= this.options.idleMs) return undefined;
    const viewer = this.directory.peek(session.email);
    if (!viewer || viewer.id !== session.userId) return undefined;
    session.lastUsedAt = now;
    if (now - session.writtenAt >= this.touchMs) this.touch(this.db, id, session, now);
    return viewer;
  }

  /** Ends one browser session (sign-out; an API token is revoked by its handle: api-tokens.ts). */
  async revoke(id: string): Promise<void> {
    await rows(
      this.db,
      sql`update sessions set revoked_at = ${new Date(this.options.clock.now()).toISOString()}::timestamptz
          where id = ${id} and kind = 'browser' and revoked_at is null`,
    );
    this.invalidate();
  }

  /** Ends every browser session of a user but `exceptId` (API tokens stay); answers how many ended. */
  async revokeUser(db: Queryable, userId: number, exceptId?: string): Promise<number> {
    const ended = await rows<{ id: string }>(
      db,
      sql`update sessions set revoked_at = ${new Date(this.options.clock.now()).toISOString()}::timestamptz
          where user_id = ${userId} and kind = 'browser' and revoked_at is null
            ${exceptId ? sql`and id <> ${exceptId}` : sql``}
          returning id`,
    );
    this.invalidate();
    return ended.length;
  }

  private async lookup(db: Queryable, id: string, now: number): Promise<CachedSession | null> {
    if (!this.current()) {
      if (this.entries.size > 0) this.invalidate();
      return this.read(db, id, now, false);
    }
    const cached = this.entries.get(id);
    if (cached !== undefined && (cached === null || now - cached.readAt < this.maxAgeMs)) return cached;
    return this.read(db, id, now, true, cached ?? undefined);
  }

  /** `known`: this process's last entry for it (a use here may not be written yet). */
  private async read(
    db: Queryable,
    id: string,
    now: number,
    keep: boolean,
    known = this.entries.get(id) ?? undefined,
  ): Promise<CachedSession | null> {
    this.reads += 1;
    const before = this.invalidations;
    const [row] = await rows<{
      user_id: number;
      email: string;
      kind: CredentialKind;
      expires_at: string | Date | null;
      last_used_at: string | Date;
    }>(
      db,
      sql`select s.user_id, u.email, s.kind, s.expires_at, s.last_used_at
          from sessions s join users u on u.id = s.user_id
          where s.id = ${id} and s.revoked_at is null`,
    );
    const session: CachedSession | null = row
      ? {
          userId: Number(row.user_id),
          email: row.email,
          kind: row.kind,
          expiresAt: row.expires_at === null ? Infinity : new Date(row.expires_at).getTime(),
          lastUsedAt: Math.max(new Date(row.last_used_at).getTime(), known?.lastUsedAt ?? 0),
          writtenAt: Math.max(new Date(row.last_used_at).getTime(), known?.writtenAt ?? 0),
          readAt: now,
        }
      : null;
    // a read that started before an invalidation may have seen the old row: not kept
    if (keep && this.current() && before === this.invalidations) {
      this.keep(id, session);
    }
    return session;
  }

  private touch(db: Queryable, id: string, session: CachedSession, now: number): void {
    session.writtenAt = now;
    rows(
      db,
      sql`update sessions set last_used_at = greatest(last_used_at, ${new Date(now).toISOString()}::timestamptz)
          where id = ${id}`,
    ).catch((error: unknown) => this.options.logger?.warn({ err: error }, 'session last use not written'));
  }
}
