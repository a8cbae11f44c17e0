/**
 * One-time links (issue 15): an invitation to set a first password, and a password reset. A
 * link opens the web client's set-password page; using it sets the password and signs in.
 *
 * Invariants:
 * - A link's token (32 random bytes) is in the link's #fragment (never sent to a server in a
 *   request line or a Referer) and stored as its SHA-256 only; it works once, until it expires
 *   (INVITATION_TTL, RESET_TTL), for an active user; issuing a new one of the same kind for the
 *   same person retires the older one (one live link a person and kind).
 * - Who issues: an ADMIN for anyone, a MANAGER for REPs of teams they manage (invite into them,
 *   or a reset link for one of them). With SMTP_URL the link is mailed to the person and not
 *   shown; without it, it is answered to the issuer to pass on.
 * - Anyone may ask for a reset of their own account, only with SMTP_URL: the answer is the same
 *   whether or not the e-mail belongs to someone (no enumeration), the mail goes out after the
 *   answer, and asking is throttled per e-mail and per address like failed sign-ins.
 * - Using a reset link ends the person's browser sessions (not their API tokens).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { BadInputError, ForbiddenError } from '../../core/errors.ts';
import { rows, type Database } from '../../db/client.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import type { Mailer } from './mailer.ts';
import { hashPassword, passwordProblem, tooLong } from './passwords.ts';
import { hashToken, type AuthClock, type SessionStore } from './sessions.ts';
import { accountKey, addressKey, lockedKey, recordFailure, type ThrottleLimits } from './throttle.ts';

export type LinkKind = 'invitation' | 'reset';

export interface IssuedLink {
  user: UserRow;
  kind: LinkKind;
  /** The link, when it was not mailed (the issuer passes it on); null when mailed. */
  link: string | null;
  emailed: boolean;
  expiresAt: Date;
}

export type LinkSettings = Pick<
  Config,
  'publicUrl' | 'invitationTtlMs' | 'resetTtlMs' | 'passwordMinLength' | 'smtpUrl'
>;

const NOT_VALID = 'This link is not valid any more (used, replaced or expired): ask for a new one.';

export class LinkService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionStore,
    private readonly clock: AuthClock,
    private readonly settings: LinkSettings,
    private readonly throttle: ThrottleLimits,
    private readonly mailer: Mailer | undefined,
    private readonly logger: Logger,
    /** The port the server listens on, for links without PUBLIC_URL (known once it listens). */
    private readonly port: () => number,
  ) {}

  /** Whether links are mailed (SMTP_URL set). */
  get mails(): boolean {
    return this.mailer !== undefined;
  }

  /**
   * POST /auth/reset-request: mails a reset link to an active user with that e-mail, if any; the
   * caller answers the same either way. Throttled per e-mail and address (each request counts).
   */
  async requestReset(emailInput: unknown, address: string): Promise<void> {
    if (!this.mailer)
      throw new ForbiddenError('Password reset by e-mail is not set up here: ask an admin for a link.');
    if (typeof emailInput !== 'string' || emailInput.trim() === '' || emailInput.length > 320)
      throw BadInputError.one('email', 'must be an e-mail address');
    const email = emailInput.trim().toLowerCase();
    const keys = [accountKey(`reset:${email}`), addressKey(`reset:${address}`)];
    const now = new Date(this.clock.now());
    if (await lockedKey(this.db, keys, now)) return; // the same answer: nothing is sent
    await recordFailure(this.db, keys, this.throttle, now);
    const [user] = await rows<UserRow & { team_id: number | null }>(
      this.db,
      sql`select id, name, email, role, team_id as "teamId", active, created_at as "createdAt"
          from users where email = ${email} and active`,
    );
    if (!user) return;
    // after the answer: its timing says nothing about whether the mail went out
    setImmediate(() => {
      this.issue({ ...user, id: Number(user.id) }, 'reset', null).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'reset link not issued'),
      );
    });
  }

  /**
   * POST /auth/set-password: sets the password of the link's person, uses the link up (and for a
   * reset ends their browser sessions) and opens a session; BAD_USER_INPUT `token` for a link that
   * is not valid, `password` for one too short.
   */
  async use(
    token: unknown,
    password: unknown,
    userAgent: string | undefined,
  ): Promise<{ user: UserRow; session: { token: string; expiresAt: Date } }> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 100)
      throw BadInputError.one('token', NOT_VALID);
    if (typeof password !== 'string' || tooLong(password))
      throw BadInputError.one('password', 'is longer than any password can be');
    const problem = passwordProblem(password, this.settings.passwordMinLength);
    if (problem) throw BadInputError.one('password', problem);
    const hash = await hashPassword(password);
    const at = new Date(this.clock.now()).toISOString();
    const user = await this.db.transaction(async (tx) => {
      const [link] = await rows<{ user_id: number; kind: LinkKind }>(
        tx,
        sql`update one_time_links l set used_at = ${at}::timestamptz
            from users u
            where l.id = ${hashToken(token)} and l.used_at is null and l.expires_at > ${at}::timestamptz
              and u.id = l.user_id and u.active
            returning l.user_id, l.kind`,
      );
      if (!link) throw BadInputError.one('token', NOT_VALID);
      const userId = Number(link.user_id);
      await rows(
        tx,
        sql`insert into user_passwords (user_id, password_hash, updated_at) values (${userId}, ${hash}, ${at}::timestamptz)
            on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      );
      // a reset is for someone who lost the password: whoever had it is signed out
      if (link.kind === 'reset') await this.sessions.revokeUser(tx, userId);
      const [row] = await rows<UserRow>(
        tx,
        sql`select id, name, email, role, team_id as "teamId", active, created_at as "createdAt"
            from users where id = ${userId}`,
      );
      return { ...row!, id: userId };
    });
    this.sessions.invalidate();
    const session = await this.sessions.create(this.db, user.id, userAgent);
    return { user, session };
  }

  /**
   * A new link of `kind` for `user`, retiring their older one; mailed when SMTP is set up. `db`:
   * the request's database (its statements counted there: core/request-scope.ts).
   */
  async issue(
    user: UserRow,
    kind: LinkKind,
    createdBy: number | null,
    db: Database = this.db,
  ): Promise<IssuedLink> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(
      now + (kind === 'invitation' ? this.settings.invitationTtlMs : this.settings.resetTtlMs),
    );
    const at = new Date(now).toISOString();
    await db.transaction(async (tx) => {
      await rows(
        tx,
        sql`update one_time_links set used_at = ${at}::timestamptz
            where user_id = ${user.id} and kind = ${kind} and used_at is null`,
      );
      await rows(
        tx,
        sql`insert into one_time_links (id, kind, user_id, created_by, created_at, expires_at)
            values (${hashToken(token)}, ${kind}, ${user.id}, ${createdBy}, ${at}::timestamptz,
                    ${expiresAt.toISOString()}::timestamptz)`,
      );
    });
    const link = `${this.settings.publicUrl ?? `http://localhost:${this.port()}`}/#set-password=${token}`;
    const emailed = this.mailer ? await this.mailer.send(mailFor(kind, user, link, expiresAt)) : false;
    return { user, kind, link: emailed ? null : link, emailed, expiresAt };
  }
}

function mailFor(kind: LinkKind, user: UserRow, link: string, expiresAt: Date) {
  const until = expiresAt.toUTCString();
  return kind === 'invitation'
    ? {
        to: user.email,
        subject: 'You are invited to Pulse',
        text: `Hello ${user.name},\n\nyou have been invited to Pulse, your team's sales performance board.\nChoose your password here (the link works once, until ${until}):\n\n${link}\n`,
      }
    : {
        to: user.email,
        subject: 'Reset your Pulse password',
        text: `Hello ${user.name},\n\nsomeone asked to reset your Pulse password. If it was you, choose a new one here\n(the link works once, until ${until}):\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
      };
}
