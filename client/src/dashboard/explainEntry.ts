/**
 * A board row's "Why this number?": what the dialog says of the seller's figure on this board (its
 * metric, period and team), and whether the viewer may open it (lib/contributions.ts).
 */
import { entryContributions, type ContributionsSource } from './ContributionsDialog.tsx';
import type { LeaderboardMetric, PeriodType } from '../gql/graphql.ts';
import { canExplain } from '../lib/contributions.ts';
import { countOf, formatMoney, formatPercent, NOUNS } from '../lib/format.ts';
import { periodLabel } from '../lib/periods.ts';
import type { ViewerInfo } from './viewer.ts';

const METRIC_WORDS: Record<LeaderboardMetric, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders won',
  CONVERSION_RATE: 'Conversion',
  WIN_RATE: 'Win rate',
};

export function entryExplanation(
  viewer: ViewerInfo,
  board: {
    metric: LeaderboardMetric;
    periodType: PeriodType;
    periodStart: string;
    team: { id: string } | null;
  },
  entry: {
    revenue: string;
    ordersWon: number;
    conversionRate?: number | null;
    winRate?: number | null;
    user: { id: string; name: string; team?: { id: string } | null };
  },
): ContributionsSource | null {
  const { user } = entry;
  // the seller's own row may come without its team (the pinned standing): it is theirs anyway
  const teamId = user.team?.id ?? (user.id === viewer.me.id ? viewer.me.teamId : null);
  if (!canExplain(viewer, { userId: user.id, userTeamId: teamId })) return null;
  const figure: Record<LeaderboardMetric, string> = {
    REVENUE: formatMoney(entry.revenue),
    ORDERS: countOf(entry.ordersWon, NOUNS.order),
    CONVERSION_RATE: formatPercent(entry.conversionRate),
    WIN_RATE: formatPercent(entry.winRate),
  };
  return {
    subject: `${user.name} · ${METRIC_WORDS[board.metric]} · ${periodLabel(board.periodType, board.periodStart)}`,
    figure: figure[board.metric],
    money: board.metric === 'REVENUE',
    load: entryContributions(
      {
        metric: board.metric,
        periodType: board.periodType,
        periodStart: board.periodStart,
        teamId: board.team?.id ?? null,
      },
      user.id,
    ),
  };
}
