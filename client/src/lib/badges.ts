/**
 * Progress toward a badge rule in words: "2 of 3 deals won this month · 1 to go". The figures are
 * the server's (Query achievementProgress); only the wording is here, pluralised by the
 * platform's rules (Intl.PluralRules).
 */
import type { PeriodType, RuleMetric } from '../gql/graphql.ts';
import { formatCount, formatMoney } from './format.ts';

const plural = new Intl.PluralRules('en-US');
const UNITS: Record<Exclude<RuleMetric, 'REVENUE'>, { one: string; other: string }> = {
  ORDERS: { one: 'deal won', other: 'deals won' },
  LEADS: { one: 'lead', other: 'leads' },
  OPPORTUNITIES: { one: 'opportunity', other: 'opportunities' },
  CALLS: { one: 'call', other: 'calls' },
  MEETINGS: { one: 'meeting', other: 'meetings' },
};
export const WHEN: Record<PeriodType, string> = {
  DAILY: 'today',
  WEEKLY: 'this week',
  MONTHLY: 'this month',
  QUARTERLY: 'this quarter',
  YEARLY: 'this year',
};

/** "2 of 3 deals won this month", "$4,000 of $10,000 in revenue, all time". */
export function progressText(
  metric: RuleMetric,
  periodType: PeriodType | null,
  current: number,
  threshold: number,
): string {
  const when = periodType ? WHEN[periodType] : 'all time';
  if (metric === 'REVENUE') return `${formatMoney(current)} of ${formatMoney(threshold)} in revenue, ${when}`;
  const unit = UNITS[metric];
  return `${formatCount(current)} of ${formatCount(threshold)} ${plural.select(threshold) === 'one' ? unit.one : unit.other} ${when}`;
}

/** "1 to go", "$6,000 to go". */
export function remainingText(metric: RuleMetric, remaining: number): string {
  return `${metric === 'REVENUE' ? formatMoney(remaining) : formatCount(remaining)} to go`;
}
