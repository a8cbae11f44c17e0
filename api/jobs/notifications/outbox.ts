/**
 * The mail worker's SQL over mail_outbox, and the switch that says whether mail is on.
 * A claim is one short statement (no transaction held while talking to SMTP): due rows are picked
 * with FOR UPDATE SKIP LOCKED and their next_attempt_at moves a lease ahead, so two processes
 * never claim the same row and nobody claims it again while it is being sent. A sent row is
 * marked SENT only after the SMTP server took it; a process stopping waits for its sends to be
 * recorded, so a restart resends nothing. Only a process killed between SMTP's answer and the
 * mark (milliseconds) leaves a row to be sent again when its lease runs out.
 * Rows whose person was deactivated or turned the kind off after it was enqueued (or, for the
 * weekly digest, no longer has a role it is offered to) are DROPPED at claim time: an unsubscribe
 * takes effect for mails already waiting too.
 */
import { and, asc, eq, inArray, is, lte, SQL, sql } from 'drizzle-orm';
import {
  mailOutbox,
  notificationSettings,
  notificationState,
  users,
  type MailOutboxRow,
} from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { choices, isKind, offeredTo } from './kinds.ts';

export interface ClaimedMail extends MailOutboxRow {
  email: string;
  name: string;
  teamId: number | null;
}

const after = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/** Written by every process at start from SMTP_URL: while false, nothing is enqueued. */
export async function setMailEnabled(db: Queryable, enabled: boolean): Promise<void> {
  await db
    .insert(notificationState)
    .values({ id: 1, mailEnabled: enabled })
    .onConflictDoUpdate({
      target: notificationState.id,
      set: { mailEnabled: enabled, updatedAt: sql`now()` },
      setWhere: sql`${notificationState.mailEnabled} is distinct from ${enabled}`,
    });
}

export async function mailEnabled(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ on: notificationState.mailEnabled }).from(notificationState);
  return row?.on ?? false;
}

/** Claims up to `limit` due mails; the ones nobody should get any more are dropped instead. */
export async function claimDue(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'PENDING'), lte(mailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: after(leaseMs) })
    .where(inArray(mailOutbox.id, due))
    .returning();
  if (claimed.length === 0) return [];
  const ids = [...new Set(claimed.map((c) => c.userId))];
  const people = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      teamId: users.teamId,
      role: users.role,
      settings: notificationSettings,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.active, true), eq(users.kind, 'person')));
  const byId = new Map(people.map((p) => [p.id, p]));
  const send: ClaimedMail[] = [];
  const drop: number[] = [];
  for (const row of claimed) {
    const person = byId.get(row.userId);
    const wanted =
      person &&
      isKind(row.kind) &&
      offeredTo(row.kind, person.role) &&
      choices(person.settings ?? undefined)[row.kind];
    if (person && wanted)
      send.push({ ...row, email: person.email, name: person.name, teamId: person.teamId });
    else drop.push(row.id);
  }
  if (drop.length > 0) {
    await db
      .update(mailOutbox)
      .set({ status: 'DROPPED', lastError: 'turned off or no longer active' })
      .where(inArray(mailOutbox.id, drop));
  }
  return send.sort((a, b) => a.id - b.id);
}

export async function markSent(db: Queryable, id: number): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'SENT', sentAt: sql`now()`, lastError: null })
    .where(eq(mailOutbox.id, id));
}

/** A failed attempt: retried after `retryInMs`, or FAILED for good when that is null. */
export async function markFailed(db: Queryable, id: number, error: string, retryInMs: number | null) {
  await db
    .update(mailOutbox)
    .set({
      lastError: error.slice(0, 1000),
      ...(retryInMs === null ? { status: 'FAILED' } : { nextAttemptAt: after(retryInMs) }),
    })
    .where(eq(mailOutbox.id, id));
}

/** Milliseconds until the earliest pending mail is due (<= 0: now), null when none is pending. */
export async function msUntilNextDue(db: Queryable): Promise<number | null> {
  const [row] = await rows<{ ms: number | null }>(
    db,
    sql`select (extract(epoch from min(next_attempt_at) - now()) * 1000)::float8 as ms
        from mail_outbox where status = 'PENDING'`,
  );
  return row?.ms ?? null;
}

/**
 * Enqueues one kind of mail for the people `recipients` selects (a SQL query returning user ids),
 * in the caller's transaction, while mail is on: each person who is active and has not turned the
 * kind off gets one row (dedupe key per person: a repeat is dropped by the unique index). The
 * payload is a value, or a SQL expression giving jsonb. One statement, whatever the number of people.
 */
export async function enqueueMail(
  db: Queryable,
  mail: { kind: 'GOAL_BEHIND_PACE' | 'CONTESTS' | 'TEAM_RANK'; key: string; payload: unknown },
  recipients: SQL,
): Promise<void> {
  const column = sql.identifier(
    { GOAL_BEHIND_PACE: 'goal_behind_pace', CONTESTS: 'contests', TEAM_RANK: 'team_rank' }[mail.kind],
  );
  const payload = is(mail.payload, SQL) ? mail.payload : sql`${JSON.stringify(mail.payload)}::jsonb`;
  await rows(
    db,
    sql`insert into mail_outbox (user_id, kind, dedupe_key, payload)
        select u.id, ${mail.kind}, ${mail.key}, ${payload}
        from users u left join notification_settings s on s.user_id = u.id
        where u.id in (${recipients}) and u.active and u.kind = 'person' and coalesce(s.${column}, true)
          and exists (select 1 from notification_state where mail_enabled)
        order by u.id
        on conflict (user_id, dedupe_key) do nothing`,
  );
}

/** Everyone in a contest: its people, their HEAD_TO_HEAD opponents, and the members of its teams. */
export const contestPeople = (contestId: number): SQL =>
  sql`select cp.user_id from contest_participants cp where cp.contest_id = ${contestId} and cp.user_id is not null
      union select cp.opponent_id from contest_participants cp where cp.contest_id = ${contestId} and cp.opponent_id is not null
      union select m.id from contest_participants cp join users m on m.team_id = cp.team_id where cp.contest_id = ${contestId}`;
