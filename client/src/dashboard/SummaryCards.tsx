/**
 * The four cards of the original dashboard, for the chosen person and period; live (liveFigures.ts).
 * Each rate is shown with its base ("3 orders from 15 leads"), and the revenue card says where the
 * person stands on the period's revenue board ("You: #7 — $1,000 behind David Kim"): rank, gap and
 * the next person up are the server's (Leaderboard.standing), never recomputed here. Each figure
 * shows its change against the previous period (comparedWith: the same days of it while this one
 * is partial), "▲ 12 % vs the first 6 days of November 2025".
 */
import { useQuery } from '@apollo/client/react';
import { changeMarks } from '../components/ChangeMark.tsx';
import { graphql } from '../gql/index.ts';
import { countOf, formatCount, formatMoney, formatPercent, noun, NOUNS } from '../lib/format.ts';
import { rateBase, standingText } from '../lib/standing.ts';
import { useLiveFigures, useRefetchOnChange } from './liveFigures.ts';
import { StatCard } from './StatCard.tsx';
import { selectionDate, selectionLabel } from './PeriodPicker.tsx';
import { useViewer, type Person, type PeriodSelection } from './viewer.ts';

const SUMMARY = graphql(`
  query SummaryCards($userId: ID!, $periodType: PeriodType!, $date: Date) {
    performance(userId: $userId, periodType: $periodType, date: $date) {
      periodStart
      periodEnd
      revenue
      ordersWon
      conversionRate
      leadsCreated
      winRate
      opportunitiesCreated
      opportunitiesLost
      comparedWith {
        periodStart
        periodEnd
        revenue
        conversionRate
        winRate
      }
    }
    performanceSummary(userId: $userId) {
      achievementCount
    }
    leaderboard(metric: REVENUE, periodType: $periodType, date: $date, limit: 1) {
      metric
      periodType
      minimumSample
      standing(userId: $userId) {
        rank
        sample
        gap
        ahead {
          user {
            id
            name
          }
        }
      }
    }
  }
`);

const BADGE = { one: 'badge earned', other: 'badges earned' };

export function SummaryCards({ person, period }: { person: Person; period: PeriodSelection }) {
  const viewer = useViewer();
  const live = useLiveFigures();
  const { data, error, loading, refetch } = useQuery(SUMMARY, {
    variables: { userId: person.id, periodType: period.periodType, date: selectionDate(period) },
    pollInterval: live.pollInterval,
  });
  useRefetchOnChange(live.version, refetch);
  const p = data?.performance;
  const badges = data?.performanceSummary[0]?.achievementCount;
  const board = data?.leaderboard;
  const label = selectionLabel(period);
  if (error && !data)
    return (
      <p className="error" role="alert">
        Could not load the figures: {error.message}
      </p>
    );
  // the rates' bases: counts below zero count as zero, as the server's rates do
  const figures = p && {
    ordersWon: Math.max(0, p.ordersWon),
    leadsCreated: Math.max(0, p.leadsCreated),
    opportunitiesClosed: Math.max(0, p.ordersWon) + Math.max(0, p.opportunitiesLost),
  };
  const who = person.id === viewer.me.id ? 'You' : person.name;
  const mark = changeMarks(period.periodType, p, p?.comparedWith);
  return (
    <section className="cards" aria-label={`${person.name}: ${label}`} aria-busy={loading}>
      <StatCard
        icon="money"
        title="Revenue"
        value={p ? formatMoney(p.revenue) : '…'}
        change={mark('revenue', 'percent')}
        extra={
          board?.standing ? (
            <p className="stat-standing">
              {standingText(who, board.standing, board, period.offset === 0, label)}
              <span className="stat-scope"> · all teams</span>
            </p>
          ) : null
        }
      >
        {p ? countOf(p.ordersWon, NOUNS.order) : ' '} · {label}
      </StatCard>
      <StatCard
        icon="target"
        title="Conversion rate"
        value={p ? formatPercent(p.conversionRate) : '…'}
        change={mark('conversionRate', 'points')}
      >
        {figures ? (figures.leadsCreated === 0 ? 'no leads yet' : rateBase('CONVERSION_RATE', figures)) : ' '}
      </StatCard>
      <StatCard
        icon="chart"
        title="Win rate"
        value={p ? formatPercent(p.winRate) : '…'}
        change={mark('winRate', 'points')}
      >
        {figures
          ? figures.opportunitiesClosed === 0
            ? 'no closed opportunities yet'
            : rateBase('WIN_RATE', figures)
          : ' '}
      </StatCard>
      <StatCard icon="trophy" title="Achievements" value={badges === undefined ? '…' : formatCount(badges)}>
        {noun(badges ?? 0, BADGE)}
      </StatCard>
    </section>
  );
}
