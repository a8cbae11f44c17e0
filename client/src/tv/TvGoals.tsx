/**
 * The team's goals on the TV: progress bars that move as activity is recorded. Every active goal is
 * shown, at-risk first (then behind, on track, achieved; the furthest behind first within each),
 * a page of PAGE_SIZE at a time, turning every PAGE_SECONDS while the screen shows: what matters
 * is never the part cut off. The screen's rotation waits for every page (pagesTime).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type {
  GoalStatus,
  TvGoalChangedSubscription,
  TvGoalChangedSubscriptionVariables,
  TvGoalRemovedSubscription,
  TvGoalRemovedSubscriptionVariables,
} from '../gql/graphql.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { formatGoalValue, METRIC_NAMES, showsProjection } from '../lib/goals.ts';
import { periodLabel } from '../lib/periods.ts';
import { pruneGoals, removeGoal, upsertGoal, type GoalStore } from './goalStore.ts';
import { useSubscription, operation } from './live.ts';

const TV_GOAL_CHANGED = operation<TvGoalChangedSubscription, TvGoalChangedSubscriptionVariables>(
  /* GraphQL */ `
    subscription TvGoalChanged {
      goalChanged {
        id
        metric
        periodType
        periodStart
        periodEnd
        targetValue
        currentValue
        achievementPercentage
        status
        projectedValue
        user {
          id
          name
          team {
            id
          }
        }
        team {
          id
          name
        }
      }
    }
  `,
);

const TV_GOAL_REMOVED = operation<TvGoalRemovedSubscription, TvGoalRemovedSubscriptionVariables>(
  /* GraphQL */ `
    subscription TvGoalRemoved {
      goalRemoved
    }
  `,
);

type Goal = TvGoalChangedSubscription['goalChanged'] & { teamId: string | null };

/** How long after a reconnection the snapshot has to repeat a goal before it is pruned. */
const SETTLE_MS = 5_000;
/** The goals that fit the screen at once (2 columns, 4 rows). */
export const PAGE_SIZE = 8;
/** How long each page shows. */
export const PAGE_SECONDS = 10;

/** How long the goals screen needs to show all its pages. */
export function pagesTime(goals: number): number {
  return Math.max(1, Math.ceil(goals / PAGE_SIZE)) * PAGE_SECONDS;
}

/** A whole percentage that reads 100 only once the target is reached (99.6 is 99, not 100). */
function wholePercent(value: number): number {
  return value < 100 ? Math.floor(value) : Math.round(value);
}

const ATTENTION: Record<GoalStatus, number> = { AT_RISK: 0, BEHIND: 1, ON_TRACK: 2, ACHIEVED: 3, MISSED: 4 };

/** At-risk first, then behind, on track, achieved; the furthest behind first; then by id. */
export function byAttention(
  a: { status: GoalStatus; achievementPercentage: number; id: string },
  b: { status: GoalStatus; achievementPercentage: number; id: string },
): number {
  return (
    ATTENTION[a.status] - ATTENTION[b.status] ||
    a.achievementPercentage - b.achievementPercentage ||
    a.id.localeCompare(b.id, 'en', { numeric: true })
  );
}

export function TvGoalsFeed({
  teamId,
  active,
  clock,
  today,
  connection,
  onCount,
}: {
  teamId: string | null;
  active: boolean;
  clock: string;
  /** The organisation's today: goals that ended before it are dropped. */
  today: string;
  connection: ConnectionStore;
  /** Told how many goals there are (the rotation gives the screen time for every page). */
  onCount?: (goals: number) => void;
}) {
  const epoch = useSyncExternalStore(connection.subscribe, () => connection.getState().epoch);
  const [store, setStore] = useState<GoalStore<Goal>>({ goals: new Map() });

  useSubscription(TV_GOAL_CHANGED, {}, ({ goalChanged: g }) => {
    const owner = g.team?.id ?? g.user?.team?.id ?? null;
    if (teamId !== null && owner !== teamId) return;
    setStore((s) => upsertGoal(s, { ...g, teamId: owner }, connection.getState().epoch));
  });
  useSubscription(TV_GOAL_REMOVED, {}, ({ goalRemoved: id }) => setStore((s) => removeGoal(s, id)));

  // after a reconnection, drop what the fresh snapshot did not repeat; hourly, drop ended goals
  useEffect(() => {
    if (epoch <= 1) return undefined;
    const timer = setTimeout(() => setStore((s) => pruneGoals(s, epoch, today)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [epoch, today]);
  useEffect(() => {
    const timer = setInterval(() => setStore((s) => pruneGoals(s, 0, today)), 3_600_000);
    return () => clearInterval(timer);
  }, [today]);

  const goals = [...store.goals.values()].map((item) => item.goal).sort(byAttention);
  const teamName = goals.find((g) => g.team)?.team?.name;
  const pages = Math.max(1, Math.ceil(goals.length / PAGE_SIZE));
  const count = goals.length;
  useEffect(() => onCount?.(count), [onCount, count]);

  // the page turns while the screen shows, and starts at the first (at-risk) page each time
  const [paging, setPaging] = useState({ active, page: 0 });
  if (paging.active !== active) setPaging({ active, page: 0 });
  useEffect(() => {
    if (!active || pages < 2) return undefined;
    const timer = setInterval(
      () => setPaging((p) => ({ active: p.active, page: p.page + 1 })),
      PAGE_SECONDS * 1000,
    );
    return () => clearInterval(timer);
  }, [active, pages]);
  const page = paging.page % pages;
  const shown = goals.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const atRisk = goals.filter((g) => g.status === 'AT_RISK').length;

  return (
    <section
      className="tv-screen tv-goals"
      hidden={!active}
      aria-label="Team goals"
      data-page={page + 1}
      data-pages={pages}
    >
      <header className="tv-head">
        <h1 title={teamId && teamName ? `Goals · ${teamName}` : 'Goals'}>
          Goals{teamId && teamName ? <span className="tv-team"> · {teamName}</span> : null}
        </h1>
        <p className="tv-sub">
          <span className="tv-goal-count">{count} active</span>
          {atRisk > 0 ? <span className="tv-at-risk"> · {atRisk} at risk</span> : null}
          {pages > 1 ? (
            <span className="tv-page">
              {' '}
              · page {page + 1} of {pages}
            </span>
          ) : null}
          <span className="tv-clock">{clock}</span>
        </p>
      </header>
      {shown.length === 0 ? (
        <p className="tv-wait">No active goals.</p>
      ) : (
        <ul className="tv-goal-grid">
          {shown.map((g) => {
            const owner = g.user?.name ?? `Team ${g.team?.name ?? ''}`;
            return (
              <li key={g.id} className="tv-goal" data-goal-id={g.id} data-status={g.status}>
                <div className="tv-goal-head">
                  <span className="tv-goal-owner" title={owner}>
                    {owner}
                  </span>
                  <StatusBadge status={g.status} />
                </div>
                <div className="tv-goal-metric">
                  {METRIC_NAMES[g.metric]} · {periodLabel(g.periodType, g.periodStart)}
                </div>
                <ProgressBar
                  value={g.achievementPercentage}
                  label={`${owner} ${METRIC_NAMES[g.metric]}`}
                  status={g.status}
                  projected={
                    g.targetValue > 0 && showsProjection(g.status)
                      ? (g.projectedValue / g.targetValue) * 100
                      : null
                  }
                />
                <div className="tv-goal-figures">
                  <span className="tv-goal-current">{formatGoalValue(g.metric, g.currentValue)}</span>
                  <span className="tv-goal-target"> of {formatGoalValue(g.metric, g.targetValue)}</span>
                  <span className="tv-goal-pct">{wholePercent(g.achievementPercentage)} %</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 ? (
        <ol className="tv-pages" aria-label="Pages">
          {Array.from({ length: pages }, (_, i) => (
            <li key={i} className={i === page ? 'on' : ''} aria-current={i === page || undefined}>
              <span className="visually-hidden">Page {i + 1}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
