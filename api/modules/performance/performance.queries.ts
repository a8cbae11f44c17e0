/** SQL of the performance domain: rollup reads, lifetime summaries, activity ingestion. */
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PeriodType } from '../../../schema/db/constants.ts';
import {
  activities,
  salesPerformance,
  users,
  type SalesPerformanceRow,
  type UserRow,
} from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';

/** People who appear on boards and team figures: active users who sell. */
export const sellerCondition = (): SQL | undefined =>
  and(eq(users.active, true), inArray(users.role, ['REP', 'MANAGER']));

export function listSellers(
  db: Queryable,
  filter: { teamId?: number | null; userIds?: number[] },
): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(
        sellerCondition(),
        filter.teamId != null ? eq(users.teamId, filter.teamId) : undefined,
        filter.userIds ? inArray(users.id, filter.userIds) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/** Sellers with a team, for team figures. */
export function listTeamSellers(db: Queryable, teamId: number | null): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(sellerCondition(), teamId !== null ? eq(users.teamId, teamId) : isNotNull(users.teamId)))
    .orderBy(asc(users.name), asc(users.id));
}

export function rollupsForPeriod(
  db: Queryable,
  periodType: PeriodType,
  periodStarts: string[],
  userIds: number[] | 'all',
): Promise<SalesPerformanceRow[]> {
  if (periodStarts.length === 0 || (userIds !== 'all' && userIds.length === 0)) return Promise.resolve([]);
  return db
    .select()
    .from(salesPerformance)
    .where(
      and(
        eq(salesPerformance.periodType, periodType),
        inArray(salesPerformance.periodStart, periodStarts),
        userIds === 'all' ? undefined : inArray(salesPerformance.userId, userIds),
      ),
    );
}

export interface SummaryRow {
  user_id: number;
  leads_created: number;
  opportunities_created: number;
  orders_won: number;
  opportunities_lost: number;
  revenue: string;
  achievement_count: number;
  first_activity_at: string | null;
  last_activity_at: string | null;
}

/** Lifetime totals (sum of YEARLY rollups, which include pushed figures) per user, in one statement. */
export function lifetimeSummaries(db: Queryable, userIds: number[] | 'all'): Promise<SummaryRow[]> {
  const filter =
    userIds === 'all'
      ? sql`u.active and u.role in ('REP', 'MANAGER')`
      : sql`u.id = any(${`{${userIds.join(',')}}`}::int[])`;
  return rows<SummaryRow>(
    db,
    sql`select u.id as user_id,
          coalesce(sum(sp.leads_created), 0)::int as leads_created,
          coalesce(sum(sp.opportunities_created), 0)::int as opportunities_created,
          coalesce(sum(sp.orders_won), 0)::int as orders_won,
          coalesce(sum(sp.opportunities_lost), 0)::int as opportunities_lost,
          coalesce(sum(sp.revenue), 0)::text as revenue,
          (select count(*)::int from achievements a where a.user_id = u.id) as achievement_count,
          (select min(occurred_at)::text from activities x where x.user_id = u.id) as first_activity_at,
          (select max(occurred_at)::text from activities x where x.user_id = u.id) as last_activity_at
        from users u
        left join sales_performance sp on sp.user_id = u.id and sp.period_type = 'YEARLY'
        where ${filter}
        group by u.id, u.name
        order by u.name, u.id`,
  );
}

export interface NewActivity {
  userId: number;
  kind: (typeof activities.$inferInsert)['kind'];
  amount: string | null;
  occurredAt: Date;
  externalId: string;
}

/** One statement, so the batch is atomic; already stored externalIds are skipped. */
export async function insertActivities(db: Queryable, batch: NewActivity[], source: string): Promise<number> {
  if (batch.length === 0) return 0;
  const inserted = await db
    .insert(activities)
    .values(batch.map((a) => ({ ...a, source })))
    .onConflictDoNothing({ target: activities.externalId })
    .returning({ id: activities.id });
  return inserted.length;
}

export async function recordPerformanceRow(
  db: Queryable,
  key: { userId: number; periodType: PeriodType; periodStart: string },
  values: Record<string, number | string>,
): Promise<SalesPerformanceRow> {
  await rows(
    db,
    sql`select 1 from record_performance(${key.userId}, ${key.periodType}::period_type, ${key.periodStart}::date,
        ${JSON.stringify(values)}::jsonb)`,
  );
  const [row] = await db
    .select()
    .from(salesPerformance)
    .where(
      and(
        eq(salesPerformance.userId, key.userId),
        eq(salesPerformance.periodType, key.periodType),
        eq(salesPerformance.periodStart, key.periodStart),
      ),
    );
  if (!row) throw new Error('record_performance left no row');
  return row;
}
