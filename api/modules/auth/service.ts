/**
 * Signing in with e-mail and password, changing one's password and ending sessions: the rules of
 * issue 15's first slice, behind the /auth routes (routes.ts) and the GraphQL mutations
 * (modules/auth/auth.resolver.ts).
 *
 * Invariants:
 * - No user enumeration: an unknown e-mail, a user without a password, an inactive user and a
 *   wrong password get the same answer (WRONG_CREDENTIALS), after the same Argon2 work
 *   (passwords.ts verifyOrDummy), and count as failures alike (throttle.ts keys on the e-mail
 *   as typed, not on a user).
 * - A locked account or address is refused before any hashing, saying so and until when; the
 *   failure that reaches the limit answers that way already.
 * - A password change (and signOutEverywhere) revokes the user's other sessions in the same
 *   transaction; the revocation's notification ends them in every process (sessions.ts).
 */
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { rows, type Database, type Queryable } from '../../db/client.ts';
import { BadInputError, DomainError, UnauthenticatedError } from '../../core/errors.ts';
import type { Viewer } from '../../core/permissions.ts';
import { hashPassword, passwordProblem, tooLong, verifyOrDummy, warmDummyHash } from './passwords.ts';
import type { Logger } from 'pino';
import { LinkService, type LinkSettings } from './links.ts';
import { ScreenPairing } from './screen-pairing.ts';
import type { Mailer } from './mailer.ts';
import type { AuthClock, SessionStore } from './sessions.ts';
import {
  accountKey,
  addressKey,
  clearAccount,
  lockedKey,
  recordFailure,
  type ThrottleLimits,
} from './throttle.ts';

export const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong.';

/** Too many failed sign-ins: refused until `until` (HTTP 429 with Retry-After). */
export class SignInLockedError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(
    readonly kind: 'account' | 'address',
    readonly until: Date,
  ) {
    super(
      kind === 'account'
        ? `Too many failed sign-ins: this account is locked until ${until.toISOString()}.`
        : `Too many failed sign-ins from your address: try again after ${until.toISOString()}.`,
    );
  }
  override extensions(): Record<string, unknown> {
    return { lockedUntil: this.until.toISOString() };
  }
}

export interface SignedIn {
  user: { id: number; email: string; name: string; role: string };
  token: string;
  expiresAt: Date;
}

export type AuthSettings = Pick<
  Config,
  | 'passwordMinLength'
  | 'signInMaxFailures'
  | 'signInMaxFailuresPerAddress'
  | 'signInLockMs'
  | 'screenOfflineAfterMs'
  | 'oidc'
> &
  LinkSettings;

export class AuthService {
  private readonly limits: ThrottleLimits;
  /** Invitations and password resets (links.ts). */
  readonly links: LinkService;
  /** TV pairing (screens.ts). */
  readonly screens: ScreenPairing;

  constructor(
    private readonly db: Database,
    readonly sessions: SessionStore,
    readonly clock: AuthClock,
    private readonly settings: AuthSettings,
    mailer: Mailer | undefined,
    logger: Logger,
    port: () => number,
  ) {
    warmDummyHash();
    this.limits = {
      accountMaxFailures: settings.signInMaxFailures,
      addressMaxFailures: settings.signInMaxFailuresPerAddress,
      lockMs: settings.signInLockMs,
    };
    this.links = new LinkService(db, sessions, clock, settings, this.limits, mailer, logger, port);
    this.screens = new ScreenPairing(db, sessions, clock, this.limits);
  }

  /** OIDC_ONLY: the single sign-on button's label, when it is the only way in (no passwords); else null. */
  get ssoOnlyLabel(): string | null {
    return this.settings.oidc?.only ? this.settings.oidc.buttonLabel : null;
  }

  /** SCREEN_OFFLINE_AFTER: a paired screen offline longer is flagged (screens.ts). */
  get screenOfflineAfterMs(): number {
    return this.settings.screenOfflineAfterMs;
  }

  async signIn(input: {
    email: unknown;
    password: unknown;
    address: string;
    userAgent: string | undefined;
  }): Promise<SignedIn> {
    if (typeof input.email !== 'string' || input.email.trim() === '' || input.email.length > 320)
      throw BadInputError.one('email', 'must be an e-mail address');
    if (typeof input.password !== 'string' || input.password === '')
      throw BadInputError.one('password', 'must not be empty');
    if (tooLong(input.password)) throw BadInputError.one('password', 'is longer than any password can be');
    const email = input.email.trim().toLowerCase();
    const keys = [accountKey(email), addressKey(input.address)];
    const now = new Date(this.clock.now());
    const locked = await lockedKey(this.db, keys, now);
    if (locked) throw new SignInLockedError(locked.kind, locked.until);

    const [user] = await rows<{
      id: number;
      email: string;
      name: string;
      role: string;
      active: boolean;
      hash: string | null;
    }>(
      this.db,
      sql`select u.id, u.email, u.name, u.role, u.active, p.password_hash as hash
          from users u left join user_passwords p on p.user_id = u.id where u.email = ${email}`,
    );
    const ok = await verifyOrDummy(user?.hash ?? undefined, input.password);
    if (!user || !ok || !user.active) {
      const lock = await recordFailure(this.db, keys, this.limits, now);
      if (lock) throw new SignInLockedError(lock.kind, lock.until);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await clearAccount(this.db, keys[0]!);
    const session = await this.sessions.create(this.db, Number(user.id), input.userAgent);
    return {
      user: { id: Number(user.id), email: user.email, name: user.name, role: user.role },
      token: session.token,
      expiresAt: session.expiresAt,
    };
  }

  /**
   * Sets the caller's password: `current` must match the one they have (a caller without one, who
   * signed in with a token, sets their first). Ends their other sessions (all of them for a token).
   * `db`: the request's database (its statements counted there: core/request-scope.ts).
   */
  async changePassword(
    viewer: Viewer,
    sessionId: string | undefined,
    current: string | null | undefined,
    next: string,
    db: Database = this.db,
  ): Promise<number> {
    const problem = passwordProblem(next, this.settings.passwordMinLength);
    if (problem) throw BadInputError.one('newPassword', problem);
    const [row] = await rows<{ hash: string }>(
      db,
      sql`select password_hash as hash from user_passwords where user_id = ${viewer.id}`,
    );
    if (row || current) {
      // guessing the current password from a session is throttled as signing in is
      const keys = [accountKey(viewer.email)];
      const now = new Date(this.clock.now());
      const locked = await lockedKey(db, keys, now);
      if (locked) throw new SignInLockedError(locked.kind, locked.until);
      if (typeof current !== 'string' || tooLong(current) || !(await verifyOrDummy(row?.hash, current))) {
        const lock = await recordFailure(db, keys, this.limits, now);
        if (lock) throw new SignInLockedError(lock.kind, lock.until);
        throw BadInputError.one('currentPassword', 'is not your current password');
      }
    }
    const hash = await hashPassword(next);
    const at = new Date(this.clock.now()).toISOString();
    const ended = await db.transaction(async (tx) => {
      await rows(
        tx,
        sql`insert into user_passwords (user_id, password_hash, updated_at) values (${viewer.id}, ${hash}, ${at}::timestamptz)
            on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      );
      return this.sessions.revokeUser(tx, viewer.id, sessionId);
    });
    // again after the commit: a read during the transaction may have kept the old rows
    this.sessions.invalidate();
    return ended;
  }

  /**
   * Deletes what can no longer matter: sessions ended (expired, idle or revoked) over a day ago,
   * and failure counts whose window and lock are over. Run now and then (app.ts), not per request.
   */
  async prune(): Promise<void> {
    const now = this.clock.now();
    const day = 24 * 3600_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await rows(
      this.db,
      sql`delete from sessions where expires_at < ${iso(now - day)}::timestamptz
          or revoked_at < ${iso(now - day)}::timestamptz
          or (kind = 'browser' and last_used_at < ${iso(now - this.sessions.idleMs - day)}::timestamptz)`,
    );
    await rows(
      this.db,
      sql`delete from sign_in_throttle where window_started_at < ${iso(now - this.limits.lockMs)}::timestamptz
          and (locked_until is null or locked_until < ${iso(now)}::timestamptz)`,
    );
  }

  /** Ends every session of `userId`; answers how many. */
  signOutEverywhere(db: Queryable, userId: number): Promise<number> {
    return this.sessions.revokeUser(db, userId);
  }
}
