/**
 * The only module that touches the kudos table (and a kudos' pending mail in mail_outbox). Every
 * read joins the recipient for their team: who may read a private message and a screen's scope
 * are decided from it. Removed kudos (deleted_at set) are never read back, but still counted by
 * `recentGiven` (the rate limit).
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import { activities, goals, kudos, mailOutbox, users } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import type { KudosWithTeam } from './kudos.mapping.ts';

/** First key of pg_advisory_xact_lock(int, int) for one giver's kudos (the second: their id). */
const KUDOS_GIVER_LOCK = 7_263_016;

/** Serialises one giver's gives, so two at once cannot both pass the rate limit's count. */
export async function lockGiver(tx: Queryable, giverId: number): Promise<void> {
  await rows(tx, sql`select pg_advisory_xact_lock(${KUDOS_GIVER_LOCK}, ${giverId})`);
}

/** When the giver gave kudos after `since` (removed ones included), newest first, at most `limit`. */
export async function recentGiven(
  db: Queryable,
  giverId: number,
  since: Date,
  limit: number,
): Promise<Date[]> {
  const found = await db
    .select({ at: kudos.createdAt })
    .from(kudos)
    .where(and(eq(kudos.giverId, giverId), gt(kudos.createdAt, since)))
    .orderBy(desc(kudos.createdAt))
    .limit(limit);
  return found.map((r) => r.at);
}

export async function insertKudos(db: Queryable, values: typeof kudos.$inferInsert): Promise<number> {
  const [row] = await db.insert(kudos).values(values).returning({ id: kudos.id });
  if (!row) throw new Error('insert into kudos returned nothing');
  return row.id;
}

const withTeam = { kudos, recipientTeamId: users.teamId };

/** Kudos not removed, by id, with their recipient's team, oldest first. */
export async function kudosByIds(db: Queryable, ids: number[]): Promise<KudosWithTeam[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select(withTeam)
    .from(kudos)
    .innerJoin(users, eq(users.id, kudos.recipientId))
    .where(and(inArray(kudos.id, ids), isNull(kudos.deletedAt)))
    .orderBy(asc(kudos.id));
  return found.map((r) => ({ ...r.kudos, recipientTeamId: r.recipientTeamId }));
}

/** Kudos given after the given id (the live hub catching up after a listener gap). */
export async function kudosIdsAfter(db: Queryable, afterId: number): Promise<number[]> {
  const found = await db
    .select({ id: kudos.id })
    .from(kudos)
    .where(gt(kudos.id, afterId))
    .orderBy(asc(kudos.id))
    .limit(1000);
  return found.map((r) => r.id);
}

export async function maxKudosId(db: Queryable): Promise<number> {
  const [row] = await db.select({ id: max(kudos.id) }).from(kudos);
  return row?.id ?? 0;
}

/** One page of the feed, newest first (by id): of one person (received or given) or one recipient team when given. */
export async function listKudos(
  db: Queryable,
  filter: { userId: number | null; teamId: number | null; beforeId: number | null; take: number },
): Promise<KudosWithTeam[]> {
  const conditions: (SQL | undefined)[] = [
    isNull(kudos.deletedAt),
    filter.userId !== null
      ? or(eq(kudos.recipientId, filter.userId), eq(kudos.giverId, filter.userId))
      : undefined,
    filter.teamId !== null ? eq(users.teamId, filter.teamId) : undefined,
    filter.beforeId !== null ? lt(kudos.id, filter.beforeId) : undefined,
  ];
  const found = await db
    .select(withTeam)
    .from(kudos)
    .innerJoin(users, eq(users.id, kudos.recipientId))
    .where(and(...conditions))
    .orderBy(desc(kudos.id))
    .limit(filter.take);
  return found.map((r) => ({ ...r.kudos, recipientTeamId: r.recipientTeamId }));
}

/** The kudos, locked for a change (FOR UPDATE), unless removed. */
export async function lockKudos(tx: Queryable, id: number): Promise<KudosWithTeam | null> {
  const [row] = await tx
    .select(withTeam)
    .from(kudos)
    .innerJoin(users, eq(users.id, kudos.recipientId))
    .where(and(eq(kudos.id, id), isNull(kudos.deletedAt)))
    .for('update', { of: kudos });
  return row ? { ...row.kudos, recipientTeamId: row.recipientTeamId } : null;
}

const mailKey = (id: number) => `kudos:${id}`;

/** Changes message or privacy; a mail not sent yet says the new message. */
export async function updateKudosRow(
  tx: Queryable,
  id: number,
  recipientId: number,
  set: { message: string; private: boolean; updatedAt: Date },
): Promise<void> {
  await tx.update(kudos).set(set).where(eq(kudos.id, id));
  await tx
    .update(mailOutbox)
    .set({
      payload: sql`jsonb_set(jsonb_set(${mailOutbox.payload}, '{kudos,message}', to_jsonb(${set.message}::text)),
        '{kudos,private}', to_jsonb(${set.private}::boolean))`,
    })
    .where(
      and(
        eq(mailOutbox.userId, recipientId),
        eq(mailOutbox.dedupeKey, mailKey(id)),
        eq(mailOutbox.status, 'PENDING'),
      ),
    );
}

/** Marks it removed; its mail, when not sent yet, is dropped. */
export async function removeKudosRow(tx: Queryable, id: number, recipientId: number, at: Date) {
  await tx.update(kudos).set({ deletedAt: at }).where(eq(kudos.id, id));
  await tx
    .update(mailOutbox)
    .set({ status: 'DROPPED', lastError: 'the kudos was removed' })
    .where(
      and(
        eq(mailOutbox.userId, recipientId),
        eq(mailOutbox.dedupeKey, mailKey(id)),
        eq(mailOutbox.status, 'PENDING'),
      ),
    );
}

/** Whose activity it is (null: no such activity). */
export async function activityOwner(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.select({ userId: activities.userId }).from(activities).where(eq(activities.id, id));
  return row?.userId ?? null;
}

/** Whose goal it is, a person's or a team's (null: no such goal). */
export async function goalOwner(
  db: Queryable,
  id: number,
): Promise<{ userId: number | null; teamId: number | null } | null> {
  const [row] = await db
    .select({ userId: goals.userId, teamId: goals.teamId })
    .from(goals)
    .where(eq(goals.id, id));
  return row ?? null;
}
