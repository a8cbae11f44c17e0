/** Rollup rows -> GraphQL objects: rates and averages are derived here from counts, never stored. */
import type { PeriodType } from '../../../schema/db/constants.ts';
import type { SalesPerformanceRow } from '../../../schema/db/index.ts';
import { periodEnd } from '../../domain/periods.ts';
import { avgDealSize, conversionRate, quotationAcceptanceRate, winRate } from '../../domain/rates.ts';
import { PerformancePeriod, type PerformanceCounts } from './performance.type.ts';

export const ZERO_COUNTS: PerformanceCounts = {
  leadsCreated: 0,
  opportunitiesCreated: 0,
  quotationsSent: 0,
  quotationsAccepted: 0,
  ordersWon: 0,
  opportunitiesLost: 0,
  revenue: '0.00',
  calls: 0,
  emails: 0,
  meetings: 0,
};

const nonNegative = (n: number): number => Math.max(0, n);

// Callers map whole lists (a team's members, a trend) of one period type, mostly of one period:
// the last period's end is kept rather than recomputed by calendar arithmetic for every row.
let lastEnd = { periodType: '', periodStart: '', periodEnd: '' };
function endOf(periodType: PeriodType, periodStart: string): string {
  if (lastEnd.periodType !== periodType || lastEnd.periodStart !== periodStart) {
    lastEnd = { periodType, periodStart, periodEnd: periodEnd(periodType, periodStart) };
  }
  return lastEnd.periodEnd;
}

export function toPerformancePeriod(
  userId: number,
  periodType: PeriodType,
  periodStart: string,
  row: PerformanceCounts | undefined,
): PerformancePeriod {
  const c: PerformanceCounts = row ?? ZERO_COUNTS;
  const orders = nonNegative(c.ordersWon);
  // an instance, not a plain object: type-graphql copies a plain root into a new instance (with
  // `delete` for every absent field) before each field resolver, here `user` on every member
  return Object.assign(new PerformancePeriod(), {
    userId,
    periodType,
    periodStart,
    periodEnd: endOf(periodType, periodStart),
    leadsCreated: c.leadsCreated,
    opportunitiesCreated: c.opportunitiesCreated,
    quotationsSent: c.quotationsSent,
    quotationsAccepted: c.quotationsAccepted,
    ordersWon: c.ordersWon,
    opportunitiesLost: c.opportunitiesLost,
    revenue: c.revenue,
    avgDealSize: avgDealSize(c.revenue, orders),
    conversionRate: conversionRate(orders, nonNegative(c.leadsCreated)),
    winRate: winRate(orders, nonNegative(c.opportunitiesLost)),
    quotationAcceptanceRate: quotationAcceptanceRate(
      nonNegative(c.quotationsAccepted),
      nonNegative(c.quotationsSent),
    ),
    calls: c.calls,
    emails: c.emails,
    meetings: c.meetings,
  });
}

/** Key for looking rollups up by (user, period start). */
export const rollupKey = (userId: number, periodStart: string): string => `${userId}|${periodStart}`;

export function indexRollups(rows: SalesPerformanceRow[]): Map<string, SalesPerformanceRow> {
  return new Map(rows.map((r) => [rollupKey(r.userId, r.periodStart), r]));
}
