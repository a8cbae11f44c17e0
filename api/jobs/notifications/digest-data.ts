/**
 * What a weekly digest says about a team, read from committed figures when the digest is enqueued
 * and stored in its outbox row (so every retry renders the same mail): each member's week as the
 * API's teamPerformance(teamId, WEEKLY, date) shows it (the same statement, mapping and team totals:
 * performance.queries.ts teamSellersWithRollups, toPerformancePeriod, aggregateTeam, so the figures
 * equal the API's by construction), the goals of the team and its members whose period overlaps the
 * week (status and % as stored, what the goals query answers), the badges earned during the week
 * (its instants in the organisation's zone) and the team's weekly revenue for the 12 weeks ending
 * with it (the same sellers' WEEKLY rollups summed: teamPerformance of each of those weeks).
 * A fixed number of statements whatever the number of teams (one per part), so a digest for an
 * admin of many teams costs what one for a manager of one does.
 */
import { and, asc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import { achievements, goals, teams, users } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { lastPeriods, periodBounds, periodEnd } from '../../domain/periods.ts';
import { toPerformancePeriod } from '../../modules/performance/performance.mapping.ts';
import { intArray, teamSellersWithRollups, toCounts } from '../../modules/performance/performance.queries.ts';
import { SELLER_U } from '../../modules/performance/sellers.ts';
import {
  aggregateTeam,
  revenueCents,
  type Member,
} from '../../modules/performance/team-performance.service.ts';
import { toUserRow } from '../../modules/users/user.queries.ts';

/** Weeks of team revenue in a digest's trend chart, the digest's week last. */
export const TREND_WEEKS = 12;

export interface DigestMember {
  user_id: number;
  name: string;
  revenue: string;
  orders_won: number;
  leads_created: number;
  /** As the API answers conversionRate: null without leads. */
  conversion_rate: number | null;
}

export interface DigestGoal {
  id: number;
  /** The person's name, or "Team <name>" for a team goal. */
  owner: string;
  metric: string;
  period_type: string;
  period_start: string;
  period_end: string;
  target_value: string;
  current_value: string;
  achievement_percentage: string;
  status: string;
}

export interface DigestBadge {
  user_name: string;
  title: string;
  badge_icon: string;
  achieved_at: string;
}

export interface DigestTeam {
  team_id: number;
  team_name: string;
  revenue: string;
  orders_won: number;
  conversion_rate: number | null;
  /** Highest revenue first, as teamPerformance lists them. */
  members: DigestMember[];
  goals: DigestGoal[];
  badges: DigestBadge[];
  /** The team's revenue in each of the TREND_WEEKS weeks ending with this one, oldest first. */
  trend: { week_start: string; revenue: string }[];
}

/** A WEEKLY_DIGEST outbox row's payload. */
export interface DigestPayload {
  week_start: string;
  week_end: string;
  teams: DigestTeam[];
}

/** The digest's part of every team in `teamIds` for the week starting `weekStart` (a Monday). */
export async function readDigestTeams(
  db: Queryable,
  teamIds: readonly number[],
  weekStart: string,
  timeZone: string,
): Promise<Map<number, DigestTeam>> {
  const ids = [...new Set(teamIds)];
  const out = new Map<number, DigestTeam>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const list = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(sql`${teams.id} = any(${intArray(ids)}::int[])`)
    .orderBy(asc(teams.name), asc(teams.id));

  // members, in teamPerformance's statement and order (one team, or every team when several)
  const sellers = await teamSellersWithRollups(db, ids.length === 1 ? ids[0]! : null, 'WEEKLY', weekStart);
  const byTeam = new Map<number, Member[]>();
  const names = new Map<number, string>();
  for (const seller of sellers) {
    const user = toUserRow(seller);
    if (user.teamId === null || !wanted.has(user.teamId)) continue;
    names.set(user.id, user.name);
    const counts = toCounts(seller);
    const member: Member = {
      period: toPerformancePeriod(user.id, 'WEEKLY', weekStart, counts),
      revenueCents: counts ? revenueCents(counts.revenue) : 0n,
    };
    const members = byTeam.get(user.teamId);
    if (members) members.push(member);
    else byTeam.set(user.teamId, [member]);
  }

  const weekEnd = periodEnd('WEEKLY', weekStart);
  const owner = sql<number | null>`coalesce(${goals.teamId}, ${users.teamId})`;
  const goalRows = await db
    .select({
      goal: goals,
      teamOf: owner,
      userName: users.name,
      teamName: teams.name,
    })
    .from(goals)
    .leftJoin(users, eq(users.id, goals.userId))
    .leftJoin(teams, eq(teams.id, goals.teamId))
    .where(
      and(
        or(
          sql`${goals.teamId} = any(${intArray(ids)}::int[])`,
          sql`${users.teamId} = any(${intArray(ids)}::int[])`,
        ),
        lte(goals.periodStart, weekEnd),
        gte(goals.periodEnd, weekStart),
      ),
    )
    .orderBy(asc(goals.periodEnd), asc(goals.id));

  const { from, to } = periodBounds('WEEKLY', weekStart, timeZone);
  const badgeRows = await db
    .select({ badge: achievements, userName: users.name, teamId: users.teamId })
    .from(achievements)
    .innerJoin(users, eq(users.id, achievements.userId))
    .where(
      and(
        sql`${users.teamId} = any(${intArray(ids)}::int[])`,
        gte(achievements.achievedAt, from),
        lt(achievements.achievedAt, to),
      ),
    )
    .orderBy(asc(achievements.achievedAt), asc(achievements.id));

  const weeks = lastPeriods('WEEKLY', weekStart, TREND_WEEKS);
  const trendRows = await rows<{ team_id: number; period_start: string; revenue: string }>(
    db,
    sql`select u.team_id, sp.period_start::text as period_start, sum(sp.revenue)::numeric(20, 2)::text as revenue
        from users u
        join sales_performance sp on sp.user_id = u.id and sp.period_type = 'WEEKLY'
          and sp.period_start = any(${`{${weeks.join(',')}}`}::date[])
        where ${SELLER_U} and u.team_id = any(${intArray(ids)}::int[])
        group by u.team_id, sp.period_start`,
  );
  const trend = new Map(trendRows.map((r) => [`${r.team_id}|${r.period_start}`, r.revenue]));

  for (const team of list) {
    const members = byTeam.get(team.id) ?? [];
    const totals = aggregateTeam(team.id, 'WEEKLY', weekStart, members);
    out.set(team.id, {
      team_id: team.id,
      team_name: team.name,
      revenue: totals.revenue,
      orders_won: totals.ordersWon,
      conversion_rate: totals.conversionRate ?? null,
      members: members.map(({ period }) => ({
        user_id: period.userId,
        name: names.get(period.userId) ?? '?',
        revenue: period.revenue,
        orders_won: period.ordersWon,
        leads_created: period.leadsCreated,
        conversion_rate: period.conversionRate ?? null,
      })),
      goals: goalRows
        .filter((g) => Number(g.teamOf) === team.id)
        .map(({ goal, userName, teamName }) => ({
          id: goal.id,
          owner: goal.teamId !== null ? `Team ${teamName ?? team.name}` : (userName ?? '?'),
          metric: goal.metric,
          period_type: goal.periodType,
          period_start: goal.periodStart,
          period_end: goal.periodEnd,
          target_value: goal.targetValue,
          current_value: goal.currentValue,
          achievement_percentage: goal.achievementPercentage,
          status: goal.status,
        })),
      badges: badgeRows
        .filter((b) => b.teamId === team.id)
        .map(({ badge, userName }) => ({
          user_name: userName,
          title: badge.title,
          badge_icon: badge.badgeIcon,
          achieved_at: badge.achievedAt.toISOString(),
        })),
      trend: weeks.map((week) => ({
        week_start: week,
        revenue: trend.get(`${team.id}|${week}`) ?? '0.00',
      })),
    });
  }
  return out;
}
