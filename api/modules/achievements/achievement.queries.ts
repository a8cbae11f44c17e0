import { and, asc, desc, eq, gt, gte, inArray, lt, max, sql, type SQL } from 'drizzle-orm';
import {
  achievementRules,
  achievements,
  users,
  type AchievementRow,
  type AchievementRuleRow,
} from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';

export function listAchievements(
  db: Queryable,
  filter: { userId: number | null; teamId: number | null; limit: number; earned?: { from: Date; to: Date } },
): Promise<AchievementRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.userId !== null ? eq(achievements.userId, filter.userId) : undefined,
    filter.teamId !== null ? eq(users.teamId, filter.teamId) : undefined,
    // [from, to): a period's instants (periodBounds)
    filter.earned ? gte(achievements.achievedAt, filter.earned.from) : undefined,
    filter.earned ? lt(achievements.achievedAt, filter.earned.to) : undefined,
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

export interface RuleProgressRow {
  id: number;
  kind: string;
  title: string;
  description: string | null;
  badge_icon: string;
  metric: AchievementRuleRow['metric'];
  period_type: AchievementRuleRow['periodType'];
  threshold: string;
  active: boolean;
  awards_from: string | null;
  period_start: string | null;
  current: string;
  achieved_at: string | null;
}

/**
 * Every active rule with one user's value of its metric, summed as award_rules_for() sums it (the
 * rule's period containing `today`, or lifetime: the user's YEARLY rollups), and the badge the
 * rule gave them for that period (lifetime: ever), in one statement.
 */
export function ruleProgress(db: Queryable, userId: number, today: string): Promise<RuleProgressRow[]> {
  return rows(
    db,
    sql`with r as (
          select ar.*, case when ar.period_type is null then null
                            else period_start_of(ar.period_type, ${today}::date) end as ps
          from achievement_rules ar where ar.active
        )
        select r.id, r.kind, r.title, r.description, r.badge_icon, r.metric, r.period_type,
          r.threshold::text as threshold, r.active, r.awards_from::text as awards_from,
          r.ps::text as period_start,
          coalesce(case r.metric
            when 'REVENUE' then t.revenue
            when 'ORDERS' then t.orders_won
            when 'LEADS' then t.leads_created
            when 'OPPORTUNITIES' then t.opportunities_created
            when 'CALLS' then t.calls
            when 'MEETINGS' then t.meetings
          end, 0)::text as current,
          (select min(a.achieved_at) from achievements a
            where a.rule_id = r.id and a.user_id = ${userId}
              and a.period_type is not distinct from r.period_type
              and (r.ps is null or a.period_start = r.ps)) as achieved_at
        from r
        left join lateral (
          select sum(sp.revenue) as revenue, sum(sp.orders_won) as orders_won,
            sum(sp.leads_created) as leads_created, sum(sp.opportunities_created) as opportunities_created,
            sum(sp.calls) as calls, sum(sp.meetings) as meetings
          from sales_performance sp
          where sp.user_id = ${userId}
            and case when r.ps is null then sp.period_type = 'YEARLY'
                     else sp.period_type = r.period_type and sp.period_start = r.ps end
        ) t on true
        order by r.id`,
  );
}
