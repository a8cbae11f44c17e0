import { and, asc, eq, getTableColumns, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { GoalStatus, PeriodType } from '../../../schema/db/constants.ts';
import { goals, type GoalRow } from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';

export type GoalWithProjection = GoalRow & { projectedValue: string };

const withProjection = {
  ...getTableColumns(goals),
  projectedValue: sql<string>`goal_projected_value(${goals.metric}, ${goals.currentValue}, ${goals.periodType}, ${goals.periodStart})::text`,
};

export interface GoalFilter {
  userId?: number | null;
  teamId?: number | null;
  status?: GoalStatus | null;
  /** Periods that end today or later (organisation's today). */
  activeOn?: string | null;
  /** With teamId: also the goals of the team's current members (reports and exports). */
  includeMembers?: boolean;
  /** Goals of exactly this period. */
  period?: { periodType: PeriodType; periodStart: string } | null;
  /** Goals whose period overlaps these days (both included). */
  overlapping?: { from: string; to: string } | null;
  /** REP scope: their own goals and their team's. */
  ownedBy?: { userId: number; teamId: number | null };
}

export function listGoals(db: Queryable, filter: GoalFilter): Promise<GoalWithProjection[]> {
  const conditions: (SQL | undefined)[] = [
    filter.userId != null ? eq(goals.userId, filter.userId) : undefined,
    filter.teamId != null
      ? or(
          eq(goals.teamId, filter.teamId),
          filter.includeMembers
            ? sql`${goals.userId} in (select u.id from users u where u.team_id = ${filter.teamId})`
            : undefined,
        )
      : undefined,
    filter.period ? eq(goals.periodType, filter.period.periodType) : undefined,
    filter.period ? eq(goals.periodStart, filter.period.periodStart) : undefined,
    filter.status ? eq(goals.status, filter.status) : undefined,
    filter.activeOn ? gte(goals.periodEnd, filter.activeOn) : undefined,
    filter.overlapping ? lte(goals.periodStart, filter.overlapping.to) : undefined,
    filter.overlapping ? gte(goals.periodEnd, filter.overlapping.from) : undefined,
    filter.ownedBy
      ? or(
          eq(goals.userId, filter.ownedBy.userId),
          filter.ownedBy.teamId !== null ? eq(goals.teamId, filter.ownedBy.teamId) : undefined,
        )
      : undefined,
  ];
  return db
    .select(withProjection)
    .from(goals)
    .where(and(...conditions))
    .orderBy(asc(goals.periodEnd), asc(goals.id));
}

export async function findGoal(db: Queryable, id: number): Promise<GoalWithProjection | undefined> {
  const [row] = await db.select(withProjection).from(goals).where(eq(goals.id, id));
  return row;
}

export async function findGoals(db: Queryable, ids: number[]): Promise<GoalWithProjection[]> {
  return ids.length ? db.select(withProjection).from(goals).where(inArray(goals.id, ids)) : [];
}

/** The id of the goal of this owner, metric and period (what the unique indexes allow once), or null. */
export async function findGoalId(
  db: Queryable,
  key: {
    userId: number | null;
    teamId: number | null;
    metric: GoalRow['metric'];
    periodType: PeriodType;
    periodStart: string;
  },
): Promise<number | null> {
  const [row] = await db
    .select({ id: goals.id })
    .from(goals)
    .where(
      and(
        key.userId === null ? isNull(goals.userId) : eq(goals.userId, key.userId),
        key.teamId === null ? isNull(goals.teamId) : eq(goals.teamId, key.teamId),
        eq(goals.metric, key.metric),
        eq(goals.periodType, key.periodType),
        eq(goals.periodStart, key.periodStart),
      ),
    );
  return row?.id ?? null;
}

export async function insertGoal(db: Queryable, values: typeof goals.$inferInsert): Promise<number> {
  const [row] = await db.insert(goals).values(values).returning({ id: goals.id });
  if (!row) throw new Error('insert into goals returned nothing');
  return row.id;
}

/**
 * Compare-and-set update: applies only when the stored version is expectedVersion (if given).
 * Returns whether a row was written (the goals_derive trigger skips writes that change nothing).
 */
export async function updateGoalRow(
  db: Queryable,
  id: number,
  values: Partial<Pick<GoalRow, 'targetValue' | 'currentValue' | 'description' | 'updatedBy'>>,
  expectedVersion: number | null,
): Promise<boolean> {
  const written = await db
    .update(goals)
    .set(values)
    .where(and(eq(goals.id, id), expectedVersion === null ? undefined : eq(goals.version, expectedVersion)))
    .returning({ id: goals.id });
  return written.length > 0;
}

export async function deleteGoalRow(db: Queryable, id: number): Promise<boolean> {
  const deleted = await db.delete(goals).where(eq(goals.id, id)).returning({ id: goals.id });
  return deleted.length > 0;
}
