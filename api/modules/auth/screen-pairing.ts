/**
 * Managed TV screens, first part: pairing and revoking (issue 15). A screen is a users row of
 * kind 'screen' (role VIEWER, its team), signed in by an API token of its own, so revoking one
 * screen ends that screen only, open socket included, and no token ever sits in a URL.
 *
 * Invariants:
 * - Pairing: the TV asks for a pairing (POST /screens/pairings, no credential) and shows its
 *   8-character code; it keeps the 256-bit secret, stored as a SHA-256 only. A code is claimed
 *   once, within PAIRING_MS, by an ADMIN (any team) or a MANAGER (a team they manage), who names
 *   the screen; the TV's next poll with the secret gets the screen's token, once.
 * - Starting pairings is throttled per address like failed sign-ins; polling is not (the secret
 *   cannot be guessed, and a waiting TV polls every POLL_MS).
 * - Revoking a screen deactivates its account: its tokens end in every process at once and the
 *   TV's socket closes 4401, after which the TV shows a new pairing code.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { LIMITS } from '../../../schema/db/constants.ts';
import { BadInputError, DomainError, NotFoundError } from '../../core/errors.ts';
import { isUniqueViolation } from '../../core/validation.ts';
import { rows, type Database } from '../../db/client.ts';
import { hashToken, type AuthClock, type SessionStore } from './sessions.ts';
import { addressKey, lockedKey, recordFailure, type ThrottleLimits } from './throttle.ts';

export const PAIRING_MS = 10 * 60_000;
export const POLL_MS = 2_000;
/** No 0/O, 1/I/L: read off a TV across a room. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "K7QM-2XPD" from anything typed like it ("k7qm 2xpd"); null when it cannot be a code. */
export function normaliseCode(text: string): string | null {
  const plain = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (plain.length !== 8 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

function newCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Too many pairings started from one address: 429 with Retry-After. */
export class PairingLockedError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(readonly until: Date) {
    super(`Too many pairings started from your address: try again after ${until.toISOString()}.`);
  }
}

export type PollAnswer =
  | { status: 'waiting'; code: string; expiresAt: Date }
  | { status: 'paired'; token: string; screen: { name: string } };

export class ScreenPairing {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionStore,
    private readonly clock: AuthClock,
    private readonly throttle: ThrottleLimits,
  ) {}

  /** POST /screens/pairings: a code to show and a secret to keep. */
  async start(address: string): Promise<{ code: string; secret: string; expiresAt: Date; pollMs: number }> {
    const now = new Date(this.clock.now());
    const keys = [addressKey(`pair:${address}`)];
    const locked = await lockedKey(this.db, keys, now);
    if (locked) throw new PairingLockedError(locked.until);
    const lock = await recordFailure(this.db, keys, this.throttle, now);
    if (lock) throw new PairingLockedError(lock.until);
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PAIRING_MS);
    // expired pairings keep their code until pruned: a collision is retried with another
    for (let attempt = 0; ; attempt++) {
      const code = newCode();
      try {
        await rows(
          this.db,
          sql`insert into screen_pairings (id, code, created_at, expires_at)
              values (${hashToken(secret)}, ${code}, ${now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz)`,
        );
        return { code, secret, expiresAt, pollMs: POLL_MS };
      } catch (error) {
        if (attempt >= 4 || !isUniqueViolation(error, 'screen_pairings_code_key')) throw error;
      }
    }
  }

  /** POST /screens/pairings/poll: waiting, or (once) the screen's token; NOT_FOUND when over. */
  async poll(secret: unknown): Promise<PollAnswer> {
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > 100)
      throw BadInputError.one('secret', 'must be the secret the pairing answered');
    const now = new Date(this.clock.now()).toISOString();
    const id = hashToken(secret);
    const [row] = await rows<{ code: string; expires_at: string | Date; screen_user_id: number | null }>(
      this.db,
      sql`select code, expires_at, screen_user_id from screen_pairings
          where id = ${id} and delivered_at is null
            and (screen_user_id is not null or expires_at > ${now}::timestamptz)`,
    );
    if (!row) throw new NotFoundError('Pairing', 'for this secret (expired or already used): start again');
    if (row.screen_user_id === null)
      return { status: 'waiting', code: row.code, expiresAt: new Date(row.expires_at) };
    // delivered once: a second poll with the same secret finds nothing
    const [claimed] = await rows<{ user_id: number; name: string }>(
      this.db,
      sql`update screen_pairings p set delivered_at = ${now}::timestamptz
          from users u where p.id = ${id} and p.delivered_at is null and u.id = p.screen_user_id and u.active
          returning u.id as user_id, u.name`,
    );
    if (!claimed) throw new NotFoundError('Pairing', 'for this secret (the screen was revoked): start again');
    const created = await this.sessions.createApiToken(
      this.db,
      Number(claimed.user_id),
      'screen',
      null,
      LIMITS.apiTokensPerUser,
    );
    if (!created) throw new NotFoundError('Pairing', 'for this secret: start again');
    return { status: 'paired', token: created.token, screen: { name: claimed.name } };
  }
}
