/**
 * A figure against the previous period (the server's comparedWith: the same days of it while the
 * period is partial, the whole of it once ended): up or down in per cent for money and counts, in
 * points for rates; "new" from nothing (never an infinite percentage); nothing when either rate is
 * undefined (api/domain/change.ts, shared with the PDF report). Formatted like every other figure
 * (format.ts).
 */
import { changeOf, type ChangeKind } from '@domain/change.ts';
import type { PeriodType } from '../gql/graphql.ts';
import { formatNumber, formatPercent } from './format.ts';
import { periodEnd, periodLabel } from './periods.ts';

export type { ChangeKind };

export type Change =
  { direction: 'up' | 'down'; amount: string } | { direction: 'same' } | { direction: 'new' };

/** The rule is the server's (api/domain/change.ts, the PDF report's too); formatted here. */
export function changeBetween(
  now: number | string | null,
  before: number | string | null,
  kind: ChangeKind,
): Change | null {
  const change = changeOf(now, before, kind);
  if (change === null || change.direction === 'same' || change.direction === 'new') return change;
  return {
    direction: change.direction,
    amount: kind === 'points' ? `${formatNumber(change.amount)} pts` : formatPercent(change.amount, 0),
  };
}

const DAY_MS = 86_400_000;

/**
 * What a comparison covers, for "vs …": the previous period's label ("November 2025") when it is
 * the whole of it, else "the first 6 days of November 2025".
 */
export function comparedLabel(
  periodType: PeriodType,
  compared: { periodStart: string; periodEnd: string },
): string {
  const label = periodLabel(periodType, compared.periodStart);
  if (compared.periodEnd === periodEnd(periodType, compared.periodStart)) return label;
  const days = (Date.parse(compared.periodEnd) - Date.parse(compared.periodStart)) / DAY_MS + 1;
  return days === 1 ? `the first day of ${label}` : `the first ${formatNumber(days)} days of ${label}`;
}

/** The change as a screen reader says it: "up 12 % vs November 2025", "new since November 2025". */
export function changeText(change: Change, vs: string): string {
  switch (change.direction) {
    case 'up':
    case 'down':
      return `${change.direction} ${change.amount} vs ${vs}`;
    case 'new':
      return `new since ${vs}`;
    case 'same':
      return `no change vs ${vs}`;
  }
}
