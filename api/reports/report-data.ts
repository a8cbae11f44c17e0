/**
 * What a performance report holds (issue 19), for one person, one team or the whole organisation
 * and one period: the summary figures and what they are compared with, the period's goals, the
 * revenue leaderboard, the revenue of the last 12 periods and the badges earned in the period.
 *
 * Invariant: every figure is read THROUGH THE SERVICES GraphQL and the exports use (performance,
 * comparedPeriod/comparedTeam, teamPerformance, periodPerformance, trends, goals, leaderboard,
 * achievements), never by SQL of its own, so a report says what the API says and is scoped as it
 * is: a REP reads only their own report (no scope given: theirs), team figures are for managers
 * and admins, a VIEWER is refused. The organisation's figures are its sellers' added up as a
 * team's are (aggregateTeam), and compared like for like (the same days of the previous period)
 * as a team's are. Why: a PDF that disagreed with the dashboard would be worse than none.
 * Over 300 lines: three scopes (person, team, organisation), each its own reads of the same sections,
 * side by side so that what one scope reads can be checked against the others at a glance.
 */
import type { PeriodType } from '../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../core/context.ts';
import { NotFoundError } from '../core/errors.ts';
import { assertNotViewer } from '../core/permissions.ts';
import { lastPeriods, localDate, periodBounds, periodEnd, periodStart } from '../domain/periods.ts';
import { achievements } from '../modules/achievements/achievement.service.ts';
import { goals } from '../modules/goals/goal.service.ts';
import { leaderboard } from '../modules/leaderboard/leaderboard.service.ts';
import { orgToday } from '../modules/performance/clock.ts';
import {
  comparedPeriod,
  comparedSpan,
  comparedTeam,
  userStretch,
} from '../modules/performance/comparison.service.ts';
import { performance, periodPerformance, trends } from '../modules/performance/performance.service.ts';
import {
  aggregateTeam,
  revenueCents,
  teamPerformance,
} from '../modules/performance/team-performance.service.ts';
import type { PerformancePeriod, TeamPerformance } from '../modules/performance/performance.type.ts';
import type { TrendSeries } from './trend-chart.ts';

/** Whose report: one person, one team, or (neither) the organisation. */
export type ReportScope =
  { kind: 'person'; userId: string } | { kind: 'team'; teamId: string } | { kind: 'organisation' };

export interface ReportRequest {
  /** null: the caller's default (a REP: themselves; anyone else: the organisation). */
  scope: ReportScope | null;
  periodType: PeriodType;
  /** A day of the period; null: today in the organisation's zone. */
  date: string | null;
  /** Leaderboard rows shown (1 to LIMITS.leaderboardLimit). */
  leaderboardLimit: number;
}

/** The summary cards' figures. */
export interface ReportFigures {
  periodStart: string;
  periodEnd: string;
  /** Decimal string, two decimals. */
  revenue: string;
  ordersWon: number;
  /** The conversion rate's base (counts below zero as zero, as the rates do). */
  leadsCreated: number;
  /** The win rate's base: orders won + opportunities lost. */
  opportunitiesClosed: number;
  conversionRate: number | null;
  winRate: number | null;
}

export interface ReportGoal {
  owner: string;
  metric: string;
  targetValue: number;
  currentValue: number;
  achievementPercentage: number;
  status: string;
  description: string | null;
}

export interface ReportLeaderboardRow {
  rank: number;
  userId: number;
  name: string;
  team: string | null;
  revenue: string;
  ordersWon: number;
}

export interface ReportBadge {
  name: string;
  title: string;
  achievedAt: Date;
}

export interface ReportData {
  scope: { kind: ReportScope['kind']; id: number | null; name: string };
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  /** The period contains the organisation's today: figures so far. */
  partial: boolean;
  generatedAt: Date;
  currency: string;
  timeZone: string;
  summary: ReportFigures;
  /** The previous period, like for like (the dashboard's comparedWith); null before the period begins. */
  comparedWith: ReportFigures | null;
  goals: ReportGoal[];
  leaderboard: {
    /** The team's board for a team report, else everyone's. */
    teamId: number | null;
    rows: ReportLeaderboardRow[];
    totalEntries: number;
    unrankedCount: number;
  };
  /** Revenue of the last 12 periods, oldest first, ending with the report's (values as numbers). */
  trend: TrendSeries;
  /** The same revenues as the API's decimal strings, for sums to the cent. */
  trendRevenue: string[];
  badges: ReportBadge[];
}

export const TREND_PERIODS = 12;
/** Badges read for the period, the newest first: the achievements query's largest page. */
const BADGES_READ = 1000;

function personFigures(p: PerformancePeriod): ReportFigures {
  const orders = Math.max(0, p.ordersWon);
  return {
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    revenue: p.revenue,
    ordersWon: p.ordersWon,
    leadsCreated: Math.max(0, p.leadsCreated),
    opportunitiesClosed: orders + Math.max(0, p.opportunitiesLost),
    conversionRate: p.conversionRate,
    winRate: p.winRate,
  };
}

/** A team's (or the organisation's) figures: the totals the service computed, the bases from its members. */
function groupFigures(t: TeamPerformance): ReportFigures {
  const sum = (pick: (m: PerformancePeriod) => number) => t.members.reduce((s, m) => s + pick(m), 0);
  return {
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    revenue: t.revenue,
    ordersWon: t.ordersWon,
    leadsCreated: Math.max(
      0,
      sum((m) => m.leadsCreated),
    ),
    opportunitiesClosed:
      Math.max(0, t.ordersWon) +
      Math.max(
        0,
        sum((m) => m.opportunitiesLost),
      ),
    conversionRate: t.conversionRate,
    winRate: t.winRate,
  };
}

/** Sellers' periods added up as a team's are (highest revenue first, like teamPerformance). */
function organisationTotals(
  periodType: PeriodType,
  start: string,
  periods: PerformancePeriod[],
): TeamPerformance {
  const members = periods
    .map((period) => ({ period, revenueCents: revenueCents(period.revenue) }))
    .sort((a, b) => (a.revenueCents < b.revenueCents ? 1 : a.revenueCents > b.revenueCents ? -1 : 0));
  return aggregateTeam(0, periodType, start, members);
}

async function organisationPeriod(
  ctx: AppContext,
  periodType: PeriodType,
  date: string,
): Promise<TeamPerformance> {
  const periods = await periodPerformance(ctx, { userId: null, teamId: null, periodType, date });
  return organisationTotals(periodType, periodStart(periodType, date), periods);
}

/** The organisation's comparison, as comparedTeam does a team's: whole previous period, or its first days. */
async function organisationCompared(
  ctx: AppContext,
  current: TeamPerformance,
): Promise<TeamPerformance | null> {
  const span = comparedSpan(current.periodType, current.periodStart, orgToday(ctx));
  if (!span) return null;
  if (span.whole) return organisationPeriod(ctx, current.periodType, span.from);
  const stretches = await Promise.all(
    current.members.map((m) => userStretch(ctx, m.userId, current.periodType, span)),
  );
  return Object.assign(organisationTotals(current.periodType, span.from, stretches), { periodEnd: span.to });
}

/** "Jan 2026", "Q1 2026", "2026", "Dec 7": a period's label on the trend chart's axis. */
export function periodLabel(periodType: PeriodType, start: string, withYear: boolean): string {
  const day = new Date(`${start}T00:00:00Z`);
  const year = day.getUTCFullYear();
  switch (periodType) {
    case 'YEARLY':
      return String(year);
    case 'QUARTERLY':
      return `Q${Math.floor(day.getUTCMonth() / 3) + 1}${withYear ? ` ${year}` : ''}`;
    case 'MONTHLY':
      return new Intl.DateTimeFormat('en', {
        month: 'short',
        ...(withYear ? { year: '2-digit' } : {}),
        timeZone: 'UTC',
      }).format(day);
    default:
      return new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(day);
  }
}

const PERIOD_NOUNS: Record<PeriodType, string> = {
  DAILY: 'days',
  WEEKLY: 'weeks',
  MONTHLY: 'months',
  QUARTERLY: 'quarters',
  YEARLY: 'years',
};

/** The scope a request asks for, defaults applied (a REP's: themselves). */
export function resolveScope(ctx: AppContext, scope: ReportScope | null): ReportScope {
  const viewer = requireViewer(ctx);
  // a report is people's figures: a screen reads boards and badges only
  assertNotViewer(viewer);
  if (scope) return scope;
  return viewer.role === 'REP' ? { kind: 'person', userId: String(viewer.id) } : { kind: 'organisation' };
}

export async function collectReport(ctx: AppContext, request: ReportRequest): Promise<ReportData> {
  const scope = resolveScope(ctx, request.scope);
  const { periodType } = request;
  const day = request.date ?? localDate(ctx.now, ctx.org.timeZone);
  const start = periodStart(periodType, day);
  const starts = lastPeriods(periodType, day, TREND_PERIODS);

  let name: string;
  let id: number | null = null;
  let summary: ReportFigures;
  let comparedWith: ReportFigures | null;
  let trendValues: string[];
  let goalArgs: { userId: string | null; teamId: string | null; includeMembers: boolean };
  let boardTeam: string | null = null;
  let badgeArgs: { userId: string | null; teamId: string | null };

  if (scope.kind === 'person') {
    // performance() checks the caller may read this person (a REP: only themselves) and that they exist
    const period = await performance(ctx, scope.userId, periodType, day);
    const user = await ctx.loaders.userById.load(period.userId);
    id = period.userId;
    name = user?.name ?? `User ${period.userId}`;
    summary = personFigures(period);
    const previous = await comparedPeriod(ctx, period);
    comparedWith = previous && personFigures(previous);
    trendValues = (await trends(ctx, scope.userId, periodType, TREND_PERIODS, day)).map((p) => p.revenue);
    goalArgs = { userId: scope.userId, teamId: null, includeMembers: false };
    badgeArgs = { userId: scope.userId, teamId: null };
  } else if (scope.kind === 'team') {
    // managers and admins only; NOT_FOUND for a team that does not exist
    const [team] = await teamPerformance(ctx, scope.teamId, periodType, day);
    if (!team) throw new NotFoundError('Team', scope.teamId);
    const row = await ctx.loaders.teamById.load(team.teamId);
    id = team.teamId;
    name = row?.name ?? `Team ${team.teamId}`;
    summary = groupFigures(team);
    const previous = await comparedTeam(ctx, team);
    comparedWith = previous && groupFigures(previous);
    trendValues = await Promise.all(
      starts.map(
        async (s) => (await teamPerformance(ctx, scope.teamId, periodType, s))[0]?.revenue ?? '0.00',
      ),
    );
    goalArgs = { userId: null, teamId: scope.teamId, includeMembers: true };
    boardTeam = scope.teamId;
    badgeArgs = { userId: null, teamId: scope.teamId };
  } else {
    const current = await organisationPeriod(ctx, periodType, day);
    name = 'All teams';
    summary = groupFigures(current);
    const previous = await organisationCompared(ctx, current);
    comparedWith = previous && groupFigures(previous);
    trendValues = await Promise.all(
      starts.map(async (s) => (await organisationPeriod(ctx, periodType, s)).revenue),
    );
    goalArgs = { userId: null, teamId: null, includeMembers: false };
    badgeArgs = { userId: null, teamId: null };
  }

  const [goalRows, board, badgeRows] = await Promise.all([
    goals(ctx, { ...goalArgs, status: null, activeOnly: false, period: { periodType, date: day } }),
    leaderboard(ctx, {
      periodType,
      date: day,
      teamId: boardTeam,
      metric: 'REVENUE',
      limit: request.leaderboardLimit,
    }),
    achievements(ctx, {
      ...badgeArgs,
      limit: BADGES_READ,
      earned: periodBounds(periodType, start, ctx.org.timeZone),
    }),
  ]);

  const end = periodEnd(periodType, start);
  const names = await namesOf(ctx, [
    ...goalRows.map((g) => g.userId),
    ...board.entries.map((e) => e.userId),
    ...badgeRows.map((b) => b.userId),
  ]);
  const teamNames = await teamNamesOf(ctx, [
    ...goalRows.map((g) => g.teamId),
    ...board.entries.map((e) => names.teamOf(e.userId)),
  ]);
  const today = orgToday(ctx);
  const yearsDiffer = starts[0]?.slice(0, 4) !== starts.at(-1)?.slice(0, 4);

  return {
    scope: { kind: scope.kind, id, name },
    periodType,
    periodStart: start,
    periodEnd: end,
    partial: start <= today && today <= end,
    generatedAt: ctx.now,
    currency: ctx.org.currency,
    timeZone: ctx.org.timeZone,
    summary,
    comparedWith,
    goals: goalRows.map((g) => ({
      owner:
        g.userId !== null
          ? names.name(g.userId)
          : `${teamNames.get(g.teamId ?? 0) ?? `Team ${g.teamId ?? '?'}`} (team)`,
      metric: g.metric,
      targetValue: g.targetValue,
      currentValue: g.currentValue,
      achievementPercentage: g.achievementPercentage,
      status: g.status,
      description: g.description,
    })),
    leaderboard: {
      teamId: boardTeam === null ? null : Number(boardTeam),
      rows: board.entries.map((e) => ({
        rank: e.rank,
        userId: e.userId,
        name: names.name(e.userId),
        team: teamNames.get(names.teamOf(e.userId) ?? 0) ?? null,
        revenue: e.revenue,
        ordersWon: e.ordersWon,
      })),
      totalEntries: board.totalEntries,
      unrankedCount: board.unrankedCount,
    },
    trend: {
      title: `Revenue, last ${TREND_PERIODS} ${PERIOD_NOUNS[periodType]}`,
      unit: 'money',
      points: starts.map((s, i) => ({
        label: periodLabel(
          periodType,
          s,
          yearsDiffer && (i === 0 || s.slice(0, 4) !== starts[i - 1]?.slice(0, 4)),
        ),
        value: Number(trendValues[i] ?? '0'),
      })),
    },
    trendRevenue: trendValues,
    // the period's badges (read for its instants in the organisation's zone: periodBounds)
    badges: badgeRows
      .map((b) => ({ name: names.name(b.userId), title: b.title, achievedAt: b.achievedAt }))
      .sort((a, b) => a.achievedAt.getTime() - b.achievedAt.getTime() || a.name.localeCompare(b.name)),
  };
}

async function namesOf(ctx: AppContext, ids: (number | null)[]) {
  const unique = [...new Set(ids.filter((x): x is number => x !== null))];
  const users = await ctx.loaders.userById.loadMany(unique);
  const byId = new Map(users.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u] as const] : [])));
  return {
    name: (id: number) => byId.get(id)?.name ?? `User ${id}`,
    teamOf: (id: number) => byId.get(id)?.teamId ?? null,
  };
}

async function teamNamesOf(ctx: AppContext, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((x): x is number => x !== null))];
  const teams = await ctx.loaders.teamById.loadMany(unique);
  return new Map(teams.flatMap((t) => (t && !(t instanceof Error) ? [[t.id, t.name] as const] : [])));
}
