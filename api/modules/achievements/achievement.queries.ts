import { and, asc, desc, eq, gt, inArray, max, type SQL } from 'drizzle-orm';
import {
  achievementRules,
  achievements,
  users,
  type AchievementRow,
  type AchievementRuleRow,
} from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';

export function listAchievements(
  db: Queryable,
  filter: { userId: number | null; teamId: number | null; limit: number },
): Promise<AchievementRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.userId !== null ? eq(achievements.userId, filter.userId) : undefined,
    filter.teamId !== null ? eq(users.teamId, filter.teamId) : undefined,
  ];
  return db
    .select({ achievement: achievements })
    .from(achievements)
    .innerJoin(users, eq(users.id, achievements.userId))
    .where(and(...conditions))
    .orderBy(desc(achievements.achievedAt), desc(achievements.id))
    .limit(filter.limit)
    .then((rows) => rows.map((r) => r.achievement));
}

export async function insertAchievement(
  db: Queryable,
  values: typeof achievements.$inferInsert,
): Promise<AchievementRow> {
  const [row] = await db.insert(achievements).values(values).returning();
  if (!row) throw new Error('insert into achievements returned nothing');
  return row;
}

export function listRules(db: Queryable): Promise<AchievementRuleRow[]> {
  return db.select().from(achievementRules).orderBy(asc(achievementRules.id));
}

/** Achievements by id with their owner's team (for team filters), in one statement. */
export async function achievementsByIds(
  db: Queryable,
  ids: number[],
): Promise<(AchievementRow & { teamId: number | null })[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ achievement: achievements, teamId: users.teamId })
    .from(achievements)
    .innerJoin(users, eq(users.id, achievements.userId))
    .where(inArray(achievements.id, ids))
    .orderBy(asc(achievements.achievedAt), asc(achievements.id));
  return found.map((r) => ({ ...r.achievement, teamId: r.teamId }));
}

/** Achievements awarded after the given id (catching up after a listener gap). */
export async function achievementIdsAfter(db: Queryable, afterId: number): Promise<number[]> {
  const found = await db
    .select({ id: achievements.id })
    .from(achievements)
    .where(gt(achievements.id, afterId))
    .orderBy(asc(achievements.id))
    .limit(1000);
  return found.map((r) => r.id);
}

export async function maxAchievementId(db: Queryable): Promise<number> {
  const [row] = await db.select({ id: max(achievements.id) }).from(achievements);
  return row?.id ?? 0;
}
