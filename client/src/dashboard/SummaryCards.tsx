/** The four cards of the original dashboard, for the chosen person and period; live (liveFigures.ts). */
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.ts';
import { formatCount, formatMoney, formatPercent } from '../lib/format.ts';
import { useLiveFigures, useRefetchOnChange } from './liveFigures.ts';
import { selectionDate, selectionLabel } from './PeriodPicker.tsx';
import type { Person, PeriodSelection } from './viewer.ts';

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
    }
    performanceSummary(userId: $userId) {
      achievementCount
    }
  }
`);

export function SummaryCards({ person, period }: { person: Person; period: PeriodSelection }) {
  const live = useLiveFigures();
  const { data, error, loading, refetch } = useQuery(SUMMARY, {
    variables: { userId: person.id, periodType: period.periodType, date: selectionDate(period) },
    pollInterval: live.pollInterval,
  });
  useRefetchOnChange(live.version, refetch);
  const p = data?.performance;
  const badges = data?.performanceSummary[0]?.achievementCount;
  const label = selectionLabel(period);
  if (error && !data)
    return (
      <p className="error" role="alert">
        Could not load the figures: {error.message}
      </p>
    );
  return (
    <section className="cards" aria-label={`${person.name}: ${label}`} aria-busy={loading}>
      <Card icon="💰" title="Revenue" value={p ? formatMoney(p.revenue) : '…'}>
        {p ? `${formatCount(p.ordersWon)} ${p.ordersWon === 1 ? 'order' : 'orders'}` : ' '} · {label}
      </Card>
      <Card icon="🎯" title="Conversion rate" value={p ? formatPercent(p.conversionRate) : '…'}>
        {p ? `${formatCount(p.leadsCreated)} leads` : ' '}
      </Card>
      <Card icon="📈" title="Win rate" value={p ? formatPercent(p.winRate) : '…'}>
        {p ? `${formatCount(p.opportunitiesCreated)} opportunities` : ' '}
      </Card>
      <Card icon="🏆" title="Achievements" value={badges === undefined ? '…' : formatCount(badges)}>
        badges earned
      </Card>
    </section>
  );
}

function Card({
  icon,
  title,
  value,
  children,
}: {
  icon: string;
  title: string;
  value: string;
  children: React.ReactNode;
}) {
  return (
    <article className="card stat">
      <div className="stat-head">
        <h2>{title}</h2>
        <span className="stat-icon" aria-hidden="true">
          {icon}
        </span>
      </div>
      <p className="stat-value">{value}</p>
      <p className="stat-sub">{children}</p>
    </article>
  );
}
