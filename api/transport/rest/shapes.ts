/**
 * Service results -> the seed's snake_case response shapes (its tables and views:
 * sales_performance, performance_goals + goal_achievement_status, achievements,
 * top_performers_leaderboard, user_performance_summary, team_performance). Money stays a decimal
 * string ("15000.00", as node-postgres returned the seed's numeric columns), counts are integers,
 * rates and goal values numbers. Exports reuse these rows.
 */
import type { GoalStatus } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import type { Achievement } from '../../modules/achievements/achievement.type.ts';
import type { Goal } from '../../modules/goals/goal.type.ts';
import type { LeaderboardEntry } from '../../modules/leaderboard/leaderboard.type.ts';
import type {
  PerformancePeriod,
  PerformanceSummary,
  TeamPerformance,
} from '../../modules/performance/performance.type.ts';
import { GOAL_TYPE_LABELS, lower, MEDAL_ICONS, STATUS_LABELS } from './names.ts';

/** A flat response row: what a CSV or XLSX cell can hold too. */
export type Cell = string | number | boolean | null;
/** A row with exactly these columns (the compiler checks every shape function against its list). */
export type Row<C extends readonly string[]> = Record<C[number], Cell>;

export const PERIOD_COLUMNS = [
  'user_id',
  'user_name',
  'period_type',
  'period_start',
  'period_end',
  'leads_created',
  'opportunities_created',
  'quotations_sent',
  'quotations_accepted',
  'orders_created',
  'opportunities_lost',
  'total_revenue',
  'avg_deal_size',
  'conversion_rate',
  'win_rate',
  'quotation_acceptance_rate',
  'calls_made',
  'emails_sent',
  'meetings_held',
] as const;

export const GOAL_COLUMNS = [
  'id',
  'user_id',
  'user_name',
  'team_id',
  'team_name',
  'goal_type',
  'period_type',
  'period_start',
  'period_end',
  'target_value',
  'current_value',
  'achievement_percentage',
  'status',
  'performance_status',
  'projected_value',
  'description',
  'version',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export const LEADERBOARD_COLUMNS = [
  'rank',
  'medal',
  'medal_icon',
  'user_id',
  'user_name',
  'total_revenue',
  'orders_created',
  'conversion_rate',
  'win_rate',
  'revenue_rank',
  'orders_rank',
  'conversion_rank',
  'win_rate_rank',
] as const;

/** Names of the users and teams a response mentions, read in one batch through the loaders. */
export interface Names {
  user(id: number | null): string | null;
  team(id: number | null): string | null;
}

export async function loadNames(
  ctx: AppContext,
  userIds: (number | null)[],
  teamIds: (number | null)[] = [],
): Promise<Names> {
  const ids = <T>(list: (T | null)[]) => [...new Set(list.filter((x): x is T => x !== null))];
  const [users, teams] = await Promise.all([
    ctx.loaders.userById.loadMany(ids(userIds)),
    ctx.loaders.teamById.loadMany(ids(teamIds)),
  ]);
  const userNames = new Map(
    users.filter((u): u is UserRow => !!u && !(u instanceof Error)).map((u) => [u.id, u.name]),
  );
  const teamNames = new Map(
    teams.filter((t): t is TeamRow => !!t && !(t instanceof Error)).map((t) => [t.id, t.name]),
  );
  return {
    user: (id) => (id === null ? null : (userNames.get(id) ?? null)),
    team: (id) => (id === null ? null : (teamNames.get(id) ?? null)),
  };
}

export function restPeriod(p: PerformancePeriod, names: Names): Row<typeof PERIOD_COLUMNS> {
  return {
    user_id: p.userId,
    user_name: names.user(p.userId),
    period_type: lower(p.periodType),
    period_start: p.periodStart,
    period_end: p.periodEnd,
    leads_created: p.leadsCreated,
    opportunities_created: p.opportunitiesCreated,
    quotations_sent: p.quotationsSent,
    quotations_accepted: p.quotationsAccepted,
    orders_created: p.ordersWon,
    opportunities_lost: p.opportunitiesLost,
    total_revenue: p.revenue,
    avg_deal_size: p.avgDealSize,
    conversion_rate: p.conversionRate,
    win_rate: p.winRate,
    quotation_acceptance_rate: p.quotationAcceptanceRate,
    calls_made: p.calls,
    emails_sent: p.emails,
    meetings_held: p.meetings,
  };
}

export function restSummary(s: PerformanceSummary, names: Names) {
  return {
    user_id: s.userId,
    user_name: names.user(s.userId),
    total_leads: s.leadsCreated,
    total_opportunities: s.opportunitiesCreated,
    total_orders: s.ordersWon,
    total_revenue: s.revenue,
    avg_deal_size: s.avgDealSize,
    conversion_rate: s.conversionRate,
    win_rate: s.winRate,
    achievement_count: s.achievementCount,
    first_activity_at: s.firstActivityAt?.toISOString() ?? null,
    last_activity_at: s.lastActivityAt?.toISOString() ?? null,
  };
}

/** "on_track" for programs, "On Track" (the seed's label) for people. */
export const restStatus = (status: GoalStatus) => ({
  status: lower(status),
  performance_status: STATUS_LABELS[status],
});

export function restGoal(g: Goal, names: Names): Row<typeof GOAL_COLUMNS> {
  return {
    id: g.id,
    user_id: g.userId,
    user_name: names.user(g.userId),
    team_id: g.teamId,
    team_name: names.team(g.teamId),
    goal_type: GOAL_TYPE_LABELS[g.metric],
    period_type: lower(g.periodType),
    period_start: g.periodStart,
    period_end: g.periodEnd,
    target_value: g.targetValue,
    current_value: g.currentValue,
    achievement_percentage: g.achievementPercentage,
    ...restStatus(g.status),
    projected_value: g.projectedValue,
    description: g.description,
    version: g.version,
    created_by: g.createdById,
    created_at: g.createdAt.toISOString(),
    updated_at: g.updatedAt.toISOString(),
  };
}

export function restAchievement(a: Achievement, names: Names) {
  return {
    id: a.id,
    user_id: a.userId,
    user_name: names.user(a.userId),
    achievement_type: a.kind,
    title: a.title,
    description: a.description,
    badge_icon: a.badgeIcon,
    achievement_value: a.value,
    achieved_at: a.achievedAt.toISOString(),
    rule_id: a.ruleId,
  };
}

export function restLeaderboardEntry(e: LeaderboardEntry, names: Names): Row<typeof LEADERBOARD_COLUMNS> {
  return {
    rank: e.rank,
    medal: e.medal === null ? null : lower(e.medal),
    medal_icon: e.medal === null ? null : MEDAL_ICONS[e.medal],
    user_id: e.userId,
    user_name: names.user(e.userId),
    total_revenue: e.revenue,
    orders_created: e.ordersWon,
    conversion_rate: e.conversionRate,
    win_rate: e.winRate,
    revenue_rank: e.revenueRank,
    orders_rank: e.ordersRank,
    conversion_rank: e.conversionRank,
    win_rate_rank: e.winRateRank,
  };
}

export function restTeam(t: TeamPerformance, names: Names) {
  return {
    team_id: t.teamId,
    team_name: names.team(t.teamId),
    period_type: lower(t.periodType),
    period_start: t.periodStart,
    period_end: t.periodEnd,
    team_members: t.memberCount,
    total_revenue: t.revenue,
    total_orders: t.ordersWon,
    avg_revenue_per_member: t.avgRevenuePerMember,
    conversion_rate: t.conversionRate,
    win_rate: t.winRate,
    top_performer_id: t.topPerformerId,
    top_performer_name: names.user(t.topPerformerId),
    members: t.members.map((m) => restPeriod(m, names)),
  };
}
