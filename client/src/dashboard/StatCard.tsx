/**
 * One figure card of the dashboard's home (SummaryCards for a person, TeamCards for a team): a
 * title with its icon, the figure, its change against the previous period, a line saying what it is of, and anything below (the revenue
 * card's standing). The line keeps its height with nothing to say yet (a non-breaking space), so
 * the cards do not jump when the figures arrive.
 */
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../components/icons/Icon.tsx';

export function StatCard({
  icon,
  title,
  value,
  children,
  change,
  extra,
}: {
  icon: IconName;
  title: string;
  value: string;
  children?: ReactNode;
  /** Against the previous period (ChangeMark), under the figure. */
  change?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <article className="card stat">
      <div className="stat-head">
        <h2>{title}</h2>
        <span className="stat-icon" aria-hidden="true">
          <Icon name={icon} />
        </span>
      </div>
      <p className="stat-value">{value}</p>
      {change ? <p className="stat-change">{change}</p> : null}
      <p className="stat-sub">{children ?? ' '}</p>
      {extra}
    </article>
  );
}
