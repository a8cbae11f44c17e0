import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
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
