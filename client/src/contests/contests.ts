/**
 * What the contest pages say, pure so it is tested without a server: metric and format names, a
 * value in the metric's unit, the countdown before the start, and the window's ends as the
 * organisation's wall-clock times (the server takes instants: @domain/contests.ts converts, one
 * rule for both sides).
 */
import { instantToWallTime, wallTimeToInstant } from '@domain/contests.ts';
import type {
  ActivityKind,
  ContestFormat,
  ContestGoalMetric,
  ContestMetric,
  ContestStatus,
} from '../gql/graphql.ts';
import { formatMoney } from '../lib/format.ts';

export { instantToWallTime, wallTimeToInstant };

export const METRIC_NAMES: Record<ContestMetric, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders won',
  CALLS: 'Calls',
  MEETINGS: 'Meetings',
  ACTIVITIES: 'Activities',
  CONVERSION_RATE: 'Conversion rate',
  GOAL_PERCENT: '% of own goal',
};

export const FORMAT_NAMES: Record<ContestFormat, string> = {
  INDIVIDUAL: 'Individual',
  TEAM_TOTAL: 'Team vs team (totals)',
  TEAM_AVERAGE: 'Team vs team (per-member average)',
  HEAD_TO_HEAD: 'Head to head',
};

export const GOAL_METRIC_NAMES: Record<ContestGoalMetric, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders',
  LEADS: 'Leads',
  OPPORTUNITIES: 'Opportunities',
  CALLS: 'Calls',
  MEETINGS: 'Meetings',
};

export const KIND_NAMES: Record<ActivityKind, string> = {
  LEAD_CREATED: 'Leads created',
  OPPORTUNITY_CREATED: 'Opportunities created',
  QUOTATION_SENT: 'Quotations sent',
  QUOTATION_ACCEPTED: 'Quotations accepted',
  ORDER_WON: 'Orders won',
  OPPORTUNITY_LOST: 'Opportunities lost',
  CALL: 'Calls',
  EMAIL: 'E-mails',
  MEETING: 'Meetings',
};

export const STATUS_NAMES: Record<ContestStatus, string> = {
  UPCOMING: 'Upcoming',
  RUNNING: 'Running',
  ENDED: 'Ended',
};

/** A standing's value in the metric's unit: "$1,250.50", "12", "33.3 %"; "—" without one. */
export function formatValue(value: string | null, metric: ContestMetric, currency = 'USD'): string {
  if (value === null) return '—';
  if (metric === 'REVENUE') return formatMoney(value, { currency });
  if (metric === 'CONVERSION_RATE' || metric === 'GOAL_PERCENT') return `${Number(value).toFixed(1)} %`;
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "2 d 03:04:05", "03:04:05", "00:00:09": the time left until the start (never negative). */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

/** "Dec 8, 15:00 – 16:00" or "Dec 8, 15:00 – Dec 9, 09:00", in the organisation's zone. */
export function windowText(startsAt: string, endsAt: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return `${day.format(start)}, ${time.format(start)} – ${sameDay ? '' : `${day.format(end)}, `}${time.format(end)}`;
}

/** Contests in the list's three sections, each in the order it reads best. */
export function bySection<T extends { status: ContestStatus; startsAt: string; endsAt: string }>(
  list: readonly T[],
): Record<ContestStatus, T[]> {
  const at = (s: string) => Date.parse(s);
  return {
    RUNNING: list.filter((c) => c.status === 'RUNNING').sort((a, b) => at(a.endsAt) - at(b.endsAt)),
    UPCOMING: list.filter((c) => c.status === 'UPCOMING').sort((a, b) => at(a.startsAt) - at(b.startsAt)),
    ENDED: list.filter((c) => c.status === 'ENDED').sort((a, b) => at(b.endsAt) - at(a.endsAt)),
  };
}
