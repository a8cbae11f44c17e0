/**
 * One goal: what, whose, progress against the target, status, projection and period. The status
 * bands measure the share of the target reached so far, not the pace (a goal reads "Behind" on the
 * 6th at 60 %): the card says so, with how far the period has run — the server's elapsedDays and
 * periodDays, in the organisation's calendar — and shows the pace beside it while the period runs
 * (Goal.pace: expected by now, the gap to it, what is needed per day left; docs/goals-pace.md).
 */
import { PaceMark } from '../components/PaceMark.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import { formatDate } from '../lib/format.ts';
import {
  formatGap,
  formatGoalValue,
  formatPaceValue,
  formatProjection,
  METRIC_NAMES,
  showsProjection,
} from '../lib/goals.ts';
import { PERIOD_NAMES } from '../lib/periods.ts';

export const GoalCardFragment = graphql(`
  fragment GoalCard_goal on Goal {
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
    description
    version
    elapsedDays
    periodDays
    pace {
      state
      expectedValue
      gap
      requiredRate
      daysLeft
      basis
    }
    user {
      id
      name
      team {
        id
        name
      }
    }
    team {
      id
      name
    }
  }
`);

export function goalOwnerName(goal: {
  user: { name: string } | null;
  team: { name: string } | null;
}): string {
  if (goal.user) return goal.user.name;
  if (goal.team) return `Team ${goal.team.name}`;
  return 'Unassigned';
}

/** What the status means for this goal now: its basis (so far, final) and how far the period has run. */
export function statusBasis(goal: {
  status: string;
  elapsedDays: number;
  periodDays: number;
  periodStart: string;
}): string {
  if (goal.elapsedDays <= 0) return `Starts ${formatDate(goal.periodStart)}: nothing counted yet.`;
  if (goal.elapsedDays >= goal.periodDays) return 'Period over: the final result.';
  return `Day ${goal.elapsedDays} of ${goal.periodDays}: the status is the share of the target reached so far, not the pace.`;
}

/** What is still needed per day (working day) left: "$337.73 / day"; counts keep their decimals. */
export function requiredRateText(goal: {
  metric: Parameters<typeof formatGoalValue>[0];
  pace: { requiredRate: number | null; basis: string };
}): string | null {
  const rate = goal.pace.requiredRate;
  if (rate === null || rate <= 0) return null;
  return `${formatPaceValue(goal.metric, rate)} / ${goal.pace.basis === 'WORKING_DAYS' ? 'working day' : 'day'}`;
}

export function GoalCard({
  goal: ref,
  showOwner = false,
  onEdit,
  onExplain,
  compact = false,
  highlight = false,
}: {
  goal: FragmentType<typeof GoalCardFragment>;
  showOwner?: boolean;
  onEdit?: (() => void) | undefined;
  /** Opens "Why this number?" (the activities counted in Current), where the viewer may see them. */
  onExplain?: (() => void) | undefined;
  compact?: boolean;
  /** The goal a link led to: marked, and brought into view by its list. */
  highlight?: boolean;
}) {
  const goal = getFragmentData(GoalCardFragment, ref);
  const metric = METRIC_NAMES[goal.metric];
  const title = showOwner ? `${goalOwnerName(goal)} · ${metric}` : metric;
  // whose goal, for assistive technology, even where the card sits under its owner's heading
  const named = `${goalOwnerName(goal)} · ${metric}`;
  const projectedPct = goal.targetValue > 0 ? (goal.projectedValue / goal.targetValue) * 100 : null;
  const optimistic = goal.id.startsWith('optimistic-');
  // pace means something while the period runs and the goal is still open
  const paced = showsProjection(goal.status) && goal.elapsedDays > 0;
  const required = paced ? requiredRateText(goal) : null;
  return (
    <article
      className={`card goal${compact ? ' compact' : ''}${optimistic ? ' pending' : ''}${highlight ? ' highlight' : ''}`}
      tabIndex={highlight ? -1 : undefined}
      data-goal-id={goal.id}
      aria-label={`${named} goal`}
      aria-busy={optimistic || undefined}
    >
      <header className="goal-head">
        <div>
          <h3 className="goal-title">{title}</h3>
          <p className="goal-period">
            {PERIOD_NAMES[goal.periodType]} · {formatDate(goal.periodStart)} – {formatDate(goal.periodEnd)}
          </p>
        </div>
        <div className="goal-marks">
          <StatusBadge status={goal.status} />
          {paced ? <PaceMark state={goal.pace.state} /> : null}
        </div>
      </header>
      <ProgressBar
        value={goal.achievementPercentage}
        label={`${named}: progress`}
        status={goal.status}
        projected={showsProjection(goal.status) ? projectedPct : null}
      />
      <p className="goal-basis">{statusBasis(goal)}</p>
      <dl className="goal-figures">
        <div>
          <dt>Current</dt>
          <dd className="goal-current">{formatGoalValue(goal.metric, goal.currentValue)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd className="goal-target">{formatGoalValue(goal.metric, goal.targetValue)}</dd>
        </div>
        <div>
          <dt>Achieved</dt>
          <dd className="goal-pct">{Number(goal.achievementPercentage.toFixed(1))} %</dd>
        </div>
        {showsProjection(goal.status) ? (
          <div>
            <dt>Projected</dt>
            <dd className="goal-projected">{formatProjection(goal.metric, goal.projectedValue)}</dd>
          </div>
        ) : null}
        {paced ? (
          <>
            <div>
              <dt>Expected by now</dt>
              <dd className="goal-expected">{formatPaceValue(goal.metric, goal.pace.expectedValue)}</dd>
            </div>
            <div>
              <dt>Gap to pace</dt>
              <dd className="goal-gap">{formatGap(goal.metric, goal.pace.gap)}</dd>
            </div>
            {required ? (
              <div>
                <dt>Needed</dt>
                <dd className="goal-required">{required}</dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      {goal.description && !compact ? <p className="goal-description">{goal.description}</p> : null}
      {onEdit || onExplain ? (
        <div className="goal-actions">
          {onExplain ? (
            <button
              type="button"
              className="link"
              onClick={onExplain}
              aria-label={`Why this number? ${named} goal: ${formatGoalValue(goal.metric, goal.currentValue)}`}
              disabled={optimistic}
            >
              Why this number?
            </button>
          ) : null}
          {onEdit ? (
            <button type="button" onClick={onEdit} aria-label={`Edit ${named} goal`} disabled={optimistic}>
              Edit
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
