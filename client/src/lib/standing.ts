/**
 * The words a leaderboard speaks, shared by the dashboard and the TV (no GraphQL documents here):
 * what an empty board says ("No sales yet today — be the first"), a rate board's minimum and
 * definition, a rate with its base ("2 orders from 5 leads"), and a seller's standing ("You: #7 —
 * $1,000 behind David Kim"). Every figure next to a rule — rank, gap, the next person up, the
 * minimum sample, a seller's sample — is the server's (Leaderboard.minimumSample, .standing); this
 * only words it, so the screens never recompute a ranking.
 */
import type { LeaderboardMetric, PeriodType } from '../gql/graphql.ts';
import { countOf, formatCount, formatMoney, formatNumber, noun, NOUNS, type Noun } from './format.ts';

const THIS_PERIOD: Record<PeriodType, string> = {
  DAILY: 'today',
  WEEKLY: 'this week',
  MONTHLY: 'this month',
  QUARTERLY: 'this quarter',
  YEARLY: 'this year',
};

/** What a rate board's sample counts: leads (conversion), closed opportunities (win rate). */
export function sampleNoun(metric: LeaderboardMetric): Noun | null {
  if (metric === 'CONVERSION_RATE') return NOUNS.lead;
  if (metric === 'WIN_RATE') return NOUNS.closedOpportunity;
  return null;
}

/** The period a board shows, as a sentence needs it: "today" (current) or "in November 2025". */
function when(periodType: PeriodType, current: boolean, label: string): string {
  return current ? THIS_PERIOD[periodType] : `in ${label}`;
}

/**
 * What a board with nobody ranked says: "No sales yet today — be the first", "No orders won in
 * November 2025", "No one has 5 leads yet this month".
 */
export function emptyBoardText(
  board: { metric: LeaderboardMetric; periodType: PeriodType; minimumSample: number | null },
  current: boolean,
  label: string,
): string {
  const period = when(board.periodType, current, label);
  const sample = sampleNoun(board.metric);
  if (sample && board.minimumSample !== null) {
    const needed = countOf(board.minimumSample, sample);
    return current ? `No one has ${needed} yet ${period}` : `No one had ${needed} ${period}`;
  }
  const what = board.metric === 'ORDERS' ? 'No orders won' : 'No sales';
  return current ? `${what} yet ${period} — be the first` : `${what} ${period}`;
}

/** "Ranked from 5 leads" on a rate board; null on the others. */
export function minimumText(metric: LeaderboardMetric, minimumSample: number | null): string | null {
  const sample = sampleNoun(metric);
  return sample && minimumSample !== null ? `Ranked from ${countOf(minimumSample, sample)}` : null;
}

/** What a rate board's rate is, where it can pass 100 %. */
export function rateDefinition(metric: LeaderboardMetric): string | null {
  if (metric === 'CONVERSION_RATE')
    return 'Conversion = orders won ÷ leads created in the period: it can pass 100 % when orders come from earlier leads.';
  if (metric === 'WIN_RATE') return 'Win rate = orders won ÷ closed opportunities (won + lost).';
  return null;
}

export interface RateFigures {
  ordersWon: number;
  leadsCreated: number;
  opportunitiesClosed: number;
}

/**
 * A rate's base: "2 orders from 5 leads", "2 won of 5 closed opportunities" ("of 5 leads", "of 5
 * closed" short); "no leads", "none closed" when there is none (the rate is then undefined: "—").
 */
export function rateBase(metric: 'CONVERSION_RATE' | 'WIN_RATE', e: RateFigures, short = false): string {
  if (metric === 'CONVERSION_RATE') {
    if (e.leadsCreated === 0) return 'no leads';
    return short
      ? `of ${countOf(e.leadsCreated, NOUNS.lead)}`
      : `${countOf(e.ordersWon, NOUNS.order)} from ${countOf(e.leadsCreated, NOUNS.lead)}`;
  }
  if (e.opportunitiesClosed === 0) return short ? 'none closed' : 'no closed opportunities';
  return short
    ? `of ${formatCount(e.opportunitiesClosed)} closed`
    : `${formatCount(e.ordersWon)} won of ${countOf(e.opportunitiesClosed, NOUNS.closedOpportunity)}`;
}

/** A gap in the board's metric: "$1,000", "2 orders", "12.5 points". */
export function gapText(metric: LeaderboardMetric, gap: number): string {
  if (metric === 'REVENUE') return formatMoney(gap);
  if (metric === 'ORDERS') return countOf(gap, NOUNS.order);
  return `${formatNumber(gap)} ${noun(gap, NOUNS.point)}`;
}

export interface StandingFigures {
  rank: number | null;
  sample: number | null;
  gap: number | null;
  ahead: { user: { name: string } } | null;
}

/**
 * A seller's place, from their standing: "You: #7 — $1,000 behind David Kim", "You: #1", "You:
 * not ranked yet — 2 of the 5 leads needed", "Emily: not ranked yet — no sales today".
 */
export function standingText(
  who: string,
  standing: StandingFigures,
  board: { metric: LeaderboardMetric; periodType: PeriodType; minimumSample: number | null },
  current: boolean,
  label: string,
): string {
  const { rank, ahead, gap, sample } = standing;
  if (rank === null) {
    const unit = sampleNoun(board.metric);
    if (unit && board.minimumSample !== null && sample !== null) {
      return `${who}: not ranked yet — ${formatCount(sample)} of the ${countOf(board.minimumSample, unit)} needed`;
    }
    const nothing = board.metric === 'ORDERS' ? 'no orders won' : 'no sales';
    return `${who}: not ranked yet — ${nothing} ${when(board.periodType, current, label)}`;
  }
  if (ahead === null || gap === null) return `${who}: #${rank}`;
  return `${who}: #${rank} — ${gapText(board.metric, gap)} behind ${ahead.user.name}`;
}
