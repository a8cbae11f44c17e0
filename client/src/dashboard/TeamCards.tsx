/**
 * The cards of a manager's home: the chosen team's figures for the period (teamPerformance), not
 * the manager's own; with all teams, one card per team. Live like the person's cards
 * (liveFigures.ts), each figure with its change against the previous period (comparedWith).
 */
import { useQuery } from '@apollo/client/react';
import { changeMarks } from '../components/ChangeMark.tsx';
import { getFragmentData, graphql } from '../gql/index.ts';
import { formatCount, formatMoney, formatPercent } from '../lib/format.ts';
import { useLiveFigures, useRefetchOnChange } from './liveFigures.ts';
import { StatCard } from './StatCard.tsx';
import { selectionDate, selectionLabel } from './PeriodPicker.tsx';
import type { PeriodSelection } from './viewer.ts';

/** A team's figures for the period: these cards, and the Team tab's heading of each team. */
export const TeamFiguresFragment = graphql(`
  fragment TeamFigures_team on TeamPerformance {
    periodStart
    memberCount
    revenue
    avgRevenuePerMember
    ordersWon
    conversionRate
    winRate
    team {
      id
      name
    }
    topPerformer {
      id
      name
    }
    comparedWith {
      periodStart
      periodEnd
      revenue
      avgRevenuePerMember
      ordersWon
      conversionRate
      winRate
    }
  }
`);

const TEAM_CARDS = graphql(`
  query TeamCards($periodType: PeriodType!, $date: Date, $teamId: ID) {
    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {
      ...TeamFigures_team
    }
  }
`);

export function TeamCards({ teamId, period }: { teamId: string | null; period: PeriodSelection }) {
  const live = useLiveFigures();
  const { data, error, loading, refetch } = useQuery(TEAM_CARDS, {
    variables: { periodType: period.periodType, date: selectionDate(period), teamId },
    pollInterval: live.pollInterval,
  });
  useRefetchOnChange(live.version, refetch);
  const label = selectionLabel(period);
  if (error && !data)
    return (
      <p className="error" role="alert">
        Could not load the team figures: {error.message}
      </p>
    );
  const teams = (data?.teamPerformance ?? []).map((t) => getFragmentData(TeamFiguresFragment, t));
  const one = teamId !== null ? teams[0] : undefined;
  if (one) {
    const mark = changeMarks(period.periodType, one, one.comparedWith);
    return (
      <section
        className="cards team-cards"
        aria-label={`Team ${one.team.name}: ${label}`}
        aria-busy={loading}
      >
        <StatCard
          icon="money"
          title="Team revenue"
          value={formatMoney(one.revenue)}
          change={mark('revenue', 'percent')}
        >
          {formatCount(one.ordersWon)} {one.ordersWon === 1 ? 'order' : 'orders'} · {label}
        </StatCard>
        <StatCard
          icon="users"
          title="Per member"
          value={formatMoney(one.avgRevenuePerMember)}
          change={mark('avgRevenuePerMember', 'percent')}
        >
          {formatCount(one.memberCount)} {one.memberCount === 1 ? 'seller' : 'sellers'} in {one.team.name}
        </StatCard>
        <StatCard
          icon="target"
          title="Conversion rate"
          value={formatPercent(one.conversionRate)}
          change={mark('conversionRate', 'points')}
        >
          orders won per lead, whole team
        </StatCard>
        <StatCard icon="medal" title="Top performer" value={one.topPerformer?.name ?? '—'}>
          {one.topPerformer ? 'highest revenue' : 'no sales yet'} · {label}
        </StatCard>
      </section>
    );
  }
  return (
    <section className="cards team-cards" aria-label={`All teams: ${label}`} aria-busy={loading}>
      {teams.map((t) => (
        <StatCard
          key={t.team.id}
          icon="users"
          title={t.team.name}
          value={formatMoney(t.revenue)}
          change={changeMarks(period.periodType, t, t.comparedWith)('revenue', 'percent')}
        >
          {formatCount(t.ordersWon)} {t.ordersWon === 1 ? 'order' : 'orders'} · {formatCount(t.memberCount)}{' '}
          {t.memberCount === 1 ? 'seller' : 'sellers'} · {label}
        </StatCard>
      ))}
      {!data ? <StatCard icon="users" title="Teams" value="…" /> : null}
    </section>
  );
}
