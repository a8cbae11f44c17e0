/** The team's goals on the TV: progress bars that move as activity is recorded. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type {
  TvGoalChangedSubscription,
  TvGoalChangedSubscriptionVariables,
  TvGoalRemovedSubscription,
  TvGoalRemovedSubscriptionVariables,
} from '../gql/graphql.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { formatGoalValue, METRIC_NAMES } from '../lib/goals.ts';
import { periodLabel, today } from '../lib/periods.ts';
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
/** At most this many goals fit the screen; the rest are summed up in a line. */
const SHOWN = 8;

export function TvGoalsFeed({
  teamId,
  active,
  clock,
  connection,
}: {
  teamId: string | null;
  active: boolean;
  clock: string;
  connection: ConnectionStore;
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
    const timer = setTimeout(() => setStore((s) => pruneGoals(s, epoch, today())), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [epoch]);
  useEffect(() => {
    const timer = setInterval(() => setStore((s) => pruneGoals(s, 0, today())), 3_600_000);
    return () => clearInterval(timer);
  }, []);

  const goals = [...store.goals.values()]
    .map((item) => item.goal)
    .sort(
      (a, b) =>
        Number(b.team !== null) - Number(a.team !== null) ||
        b.achievementPercentage - a.achievementPercentage ||
        a.id.localeCompare(b.id),
    );
  const teamName = goals.find((g) => g.team)?.team?.name;
  const shown = goals.slice(0, SHOWN);

  return (
    <section className="tv-screen tv-goals" hidden={!active} aria-label="Team goals">
      <header className="tv-head">
        <h1>Goals{teamId && teamName ? <span className="tv-team"> · {teamName}</span> : null}</h1>
        <p className="tv-sub">
          {goals.length} active
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
              <li key={g.id} className="tv-goal" data-goal-id={g.id}>
                <div className="tv-goal-head">
                  <span className="tv-goal-owner">{owner}</span>
                  <StatusBadge status={g.status} />
                </div>
                <div className="tv-goal-metric">
                  {METRIC_NAMES[g.metric]} · {periodLabel(g.periodType, g.periodStart)}
                </div>
                <ProgressBar
                  value={g.achievementPercentage}
                  label={`${owner} ${METRIC_NAMES[g.metric]}`}
                  status={g.status}
                  projected={g.targetValue > 0 ? (g.projectedValue / g.targetValue) * 100 : null}
                />
                <div className="tv-goal-figures">
                  <span className="tv-goal-current">{formatGoalValue(g.metric, g.currentValue)}</span>
                  <span className="tv-goal-target"> of {formatGoalValue(g.metric, g.targetValue)}</span>
                  <span className="tv-goal-pct">{Math.round(g.achievementPercentage)} %</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {goals.length > SHOWN ? <p className="tv-more">+ {goals.length - SHOWN} more goals</p> : null}
    </section>
  );
}
