/**
 * Failed sign-ins, counted in Postgres (table sign_in_throttle) so that every API process sees the
 * same counts: per account (the e-mail as typed, normalised, whether or not such a user exists, so
 * a lock says nothing about existence) and per client address.
 *
 * Invariant: `maxFailures` failures of one key within `lockMs` of its window's first failure lock
 * it until `lockMs` after the failure that reached the limit; an expired window starts again at
 * one. Each failure is one atomic upsert (concurrent attempts cannot both read "4 of 5"). A
 * success clears the account's count, not the address's (one valid account must not let an
 * address try others without limit). Times come from the caller's clock (tests inject it).
 */
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../db/client.ts';

export interface ThrottleLimits {
  accountMaxFailures: number;
  addressMaxFailures: number;
  lockMs: number;
}

export type ThrottleKey = { kind: 'account' | 'address'; key: string };

export const accountKey = (email: string): ThrottleKey => ({ kind: 'account', key: `account:${email}` });
export const addressKey = (address: string): ThrottleKey => ({ kind: 'address', key: `address:${address}` });

/** The first of `keys` locked at `now`, with until when; undefined when none is. */
export async function lockedKey(
  db: Queryable,
  keys: ThrottleKey[],
  now: Date,
): Promise<{ kind: ThrottleKey['kind']; until: Date } | undefined> {
  const found = await rows<{ key: string; locked_until: string | Date }>(
    db,
    sql`select key, locked_until from sign_in_throttle
        where key in (${sql.join(
          keys.map((k) => sql`${k.key}`),
          sql`, `,
        )}) and locked_until > ${now.toISOString()}::timestamptz
        order by locked_until desc`,
  );
  for (const k of keys) {
    const row = found.find((r) => r.key === k.key);
    if (row) return { kind: k.kind, until: new Date(row.locked_until) };
  }
  return undefined;
}

/** Counts one failure against each key; answers the latest lock it caused or found, if any. */
export async function recordFailure(
  db: Queryable,
  keys: ThrottleKey[],
  limits: ThrottleLimits,
  now: Date,
): Promise<{ kind: ThrottleKey['kind']; until: Date } | undefined> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - limits.lockMs).toISOString();
  const lockUntil = new Date(now.getTime() + limits.lockMs).toISOString();
  const max = (k: ThrottleKey) =>
    k.kind === 'account' ? limits.accountMaxFailures : limits.addressMaxFailures;
  const values = sql.join(
    keys.map((k) => sql`(${k.key}, ${max(k)}::int)`),
    sql`, `,
  );
  const result = await rows<{ key: string; locked_until: string | Date | null }>(
    db,
    sql`insert into sign_in_throttle as t (key, failures, window_started_at, locked_until)
        select v.key, 1, ${at}::timestamptz,
               case when v.max <= 1 then ${lockUntil}::timestamptz end
        from (values ${values}) as v(key, max)
        on conflict (key) do update set
          failures = case when t.window_started_at <= ${windowStart}::timestamptz then 1 else t.failures + 1 end,
          window_started_at = case when t.window_started_at <= ${windowStart}::timestamptz
                                   then ${at}::timestamptz else t.window_started_at end,
          locked_until = case
            when (case when t.window_started_at <= ${windowStart}::timestamptz then 1 else t.failures + 1 end)
                 >= (select v2.max from (values ${values}) as v2(key, max) where v2.key = t.key)
              then ${lockUntil}::timestamptz
            else t.locked_until end
        returning key, locked_until`,
  );
  let lock: { kind: ThrottleKey['kind']; until: Date } | undefined;
  for (const k of keys) {
    const row = result.find((r) => r.key === k.key);
    if (row?.locked_until == null) continue;
    const until = new Date(row.locked_until);
    if (until > now && (!lock || until > lock.until)) lock = { kind: k.kind, until };
  }
  return lock;
}

/** A successful sign-in: the account starts again from no failures. */
export async function clearAccount(db: Queryable, key: ThrottleKey): Promise<void> {
  await rows(db, sql`delete from sign_in_throttle where key = ${key.key}`);
}
