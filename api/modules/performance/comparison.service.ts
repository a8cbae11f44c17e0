/**
 * What a period's figures are compared with (PerformancePeriod.comparedWith and
 * TeamPerformance.comparedWith): the previous period of the same type, like for like. A period in
 * progress is compared with as many of the previous period's first days as it has begun
 * (previousStretch, added up from DAILY rollups: the same days as previousToDate); an ended period
 * with the whole previous period as stored (its own rollups); a period not begun with nothing.
 * Team comparisons add up the team's members of now, as the team's figures do.
 */
import type { PeriodType } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { addPeriods, periodEnd, previousStretch } from '../../domain/periods.ts';
import { orgToday, periodProgress } from './clock.ts';
import { toPerformancePeriod } from './performance.mapping.ts';
import { performance } from './performance.service.ts';
import { aggregateTeam, revenueCents, teamPerformance } from './team-performance.service.ts';
import type { PerformancePeriod, TeamPerformance } from './performance.type.ts';

/** The days of the previous period a period is compared with; null before it begins. */
export interface ComparedSpan {
  from: string;
  to: string;
  /** The whole previous period (the period has ended): read from its own rollups. */
  whole: boolean;
}

export function comparedSpan(periodType: PeriodType, start: string, today: string): ComparedSpan | null {
  const { partial, elapsedDays } = periodProgress(periodType, start, today);
  if (elapsedDays === 0) return null;
  if (partial) return { ...previousStretch(periodType, start, elapsedDays), whole: false };
  const from = addPeriods(periodType, start, -1);
  return { from, to: periodEnd(periodType, from), whole: true };
}

/** A partial stretch [from, to] of one user's previous period, added up from daily rollups. */
export async function userStretch(
  ctx: AppContext,
  userId: number,
  periodType: PeriodType,
  span: { from: string; to: string },
): Promise<PerformancePeriod> {
  const counts = await ctx.loaders.dailyTotals.load({ userId, ...span });
  return Object.assign(toPerformancePeriod(userId, periodType, span.from, counts), { periodEnd: span.to });
}

export async function comparedPeriod(
  ctx: AppContext,
  period: PerformancePeriod,
): Promise<PerformancePeriod | null> {
  const span = comparedSpan(period.periodType, period.periodStart, orgToday(ctx));
  if (!span) return null;
  if (span.whole) return performance(ctx, String(period.userId), period.periodType, span.from);
  return userStretch(ctx, period.userId, period.periodType, span);
}

export async function comparedTeam(
  ctx: AppContext,
  figures: TeamPerformance,
): Promise<TeamPerformance | null> {
  const span = comparedSpan(figures.periodType, figures.periodStart, orgToday(ctx));
  if (!span) return null;
  if (span.whole) {
    const [previous] = await teamPerformance(ctx, String(figures.teamId), figures.periodType, span.from);
    return previous ?? null;
  }
  // the same members, over the same days of the previous period: one statement for every team asked
  const members = await Promise.all(
    figures.members.map((m) => userStretch(ctx, m.userId, figures.periodType, span)),
  );
  const ranked = members
    .map((period) => ({ period, revenueCents: revenueCents(period.revenue) }))
    .sort(
      (a, b) =>
        (a.revenueCents < b.revenueCents ? 1 : a.revenueCents > b.revenueCents ? -1 : 0) ||
        b.period.ordersWon - a.period.ordersWon,
    );
  return Object.assign(aggregateTeam(figures.teamId, figures.periodType, span.from, ranked), {
    periodEnd: span.to,
  });
}
