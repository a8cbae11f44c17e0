/**
 * Goals of the chosen period (the period picker's: goals(periodType, date), ended periods
 * included, read-only there with their final status), grouped by person: a manager lands on their
 * team, each member once with their goals, members most in need of attention first (at risk,
 * missed, behind, then the lowest share reached), a status filter and the Person select to narrow
 * it; team goals apart. Kept live for the current and coming periods: goalChanged upserts (its
 * first frames are the active goals), goalRemoved removes. What is not shown says why: a rep
 * does not see other teams' goals, and goals are set by the manager.
 */
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { getFragmentData, graphql } from '../gql/index.ts';
import type { GoalsTabQuery, GoalStatus } from '../gql/graphql.ts';
import { CopyGoalsDialog } from '../goals/CopyGoalsDialog.tsx';
import { CreateGoalDialog } from '../goals/CreateGoalDialog.tsx';
import { EditGoalDialog } from '../goals/GoalEditor.tsx';
import { GoalCard, GoalCardFragment } from '../goals/GoalCard.tsx';
import { goalExplanation } from '../goals/explainGoal.ts';
import { ContributionsDialog, type ContributionsSource } from './ContributionsDialog.tsx';
import { removeGoalFromCache } from '../goals/mutations.ts';
import { byAttention, GOAL_STATUSES_BY_ATTENTION, STATUS_NAMES } from '../lib/goals.ts';
import { periodEnd } from '../lib/periods.ts';
import { selectionDate, selectionLabel, selectionStart } from './PeriodPicker.tsx';
import { canWriteAnyGoal, canWriteGoal, useViewer, type Person } from './viewer.ts';
import type { DashboardView } from './viewState.ts';

/**
 * What the tab itself reads of a goal (to filter, group and sort), in the list and in each change
 * pushed to it. Spread beside the card's fragment (GoalCard_goal), not around it: nested, each
 * spread would count two more levels against the server's depth limit (MAX_DEPTH 8).
 */
const GoalsTabGoalFragment = graphql(`
  fragment GoalsTab_goal on Goal {
    id
    status
    achievementPercentage
    periodStart
    periodEnd
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
`);

const GOALS_TAB = graphql(`
  query GoalsTab($periodType: PeriodType!, $date: Date, $teamId: ID, $includeMembers: Boolean) {
    goals(
      periodType: $periodType
      date: $date
      teamId: $teamId
      includeMembers: $includeMembers
      activeOnly: false
    ) {
      id
      ...GoalsTab_goal
      ...GoalCard_goal
    }
  }
`);

const GOAL_CHANGED = graphql(`
  subscription GoalChanged {
    goalChanged {
      id
      ...GoalsTab_goal
      ...GoalCard_goal
    }
  }
`);

const GOAL_REMOVED = graphql(`
  subscription GoalRemoved {
    goalRemoved
  }
`);

/** A listed goal as the tab reads it, with the reference its card and its editor read theirs from. */
function tabGoal(ref: NonNullable<GoalsTabQuery['goals']>[number]) {
  return { ...getFragmentData(GoalsTabGoalFragment, ref), ref };
}

type Update = (changes: Record<string, string | null>) => void;

export function GoalsTab({ view, update }: { view: DashboardView; update: Update }) {
  const viewer = useViewer();
  const { period, teamId, person } = view;
  const otherTeam = viewer.me.role === 'REP' && teamId !== null && teamId !== viewer.me.teamId;
  if (otherTeam) return <OtherTeamGoals teamId={teamId} update={update} />;
  return (
    <GoalsOfPeriod
      key={`${period.periodType}|${period.offset}`}
      view={view}
      update={update}
      person={person}
    />
  );
}

/** A rep chose another team: its goals exist, but are its manager's and the admins' to see. */
function OtherTeamGoals({ teamId, update }: { teamId: string; update: Update }) {
  const viewer = useViewer();
  const name = viewer.teams.find((t) => t.id === teamId)?.name ?? 'this team';
  return (
    <div className="goals-tab">
      <div className="section-head">
        <h2>Goals · {name}</h2>
      </div>
      <p className="explain" role="note">
        The goals of {name} are shown to its manager and to admins only: as a rep you see your own goals and
        your team’s{viewer.me.teamName ? ` (${viewer.me.teamName})` : ''}.
      </p>
      {viewer.me.teamId ? (
        <button type="button" onClick={() => update({ team: viewer.me.teamId, goal: null })}>
          Show {viewer.me.teamName ?? 'my team'}
        </button>
      ) : null}
    </div>
  );
}

function GoalsOfPeriod({
  view,
  update,
  person,
}: {
  view: DashboardView;
  update: Update;
  person: Person | null;
}) {
  const viewer = useViewer();
  const { period, teamId, status } = view;
  const start = selectionStart(period);
  const end = periodEnd(period.periodType, start);
  const label = selectionLabel(period);
  const past = period.offset < 0;
  const { data, error, loading, subscribeToMore, client } = useQuery(GOALS_TAB, {
    variables: {
      periodType: period.periodType,
      date: selectionDate(period),
      teamId: viewer.me.role === 'REP' ? null : teamId,
      includeMembers: viewer.me.role !== 'REP' && teamId !== null,
    },
  });
  const [dialog, setDialog] = useState<
    { kind: 'create'; owner: string | null } | { kind: 'copy' } | { kind: 'edit'; id: string } | null
  >(null);
  const [explaining, setExplaining] = useState<ContributionsSource | null>(null);

  useEffect(() => {
    // an ended period does not change: nothing to listen to
    if (past) return undefined;
    const stopChanged = subscribeToMore({
      document: GOAL_CHANGED,
      updateQuery: (previous, { subscriptionData }) => {
        if (!previous) return previous;
        const goal = subscriptionData.data?.goalChanged;
        const list = previous.goals ?? [];
        if (!goal || list.some((g) => g.id === goal.id)) return previous as never;
        // only goals running in the period shown (a change to another period's goal is not ours)
        const { periodStart, periodEnd } = getFragmentData(GoalsTabGoalFragment, goal);
        if (periodStart > end || periodEnd < start) return previous as never;
        return { ...previous, goals: [...list, goal] } as never;
      },
    });
    const stopRemoved = subscribeToMore({
      document: GOAL_REMOVED,
      updateQuery: (previous, { subscriptionData }) => {
        if (!previous) return previous;
        const id = subscriptionData.data?.goalRemoved;
        if (!id) return previous as never;
        queueMicrotask(() => removeGoalFromCache(client.cache, id));
        return { ...previous, goals: (previous.goals ?? []).filter((g) => g.id !== id) } as never;
      },
    });
    return () => {
      stopChanged();
      stopRemoved();
    };
  }, [subscribeToMore, client, past, start, end]);

  const all = (data?.goals ?? []).map(tabGoal).filter((g) => g.periodStart <= end && g.periodEnd >= start);
  type Goal = (typeof all)[number];
  const teamOf = (g: Goal) => g.team?.id ?? g.user?.team?.id ?? null;
  const inTeam = teamId === null ? all : all.filter((g) => teamOf(g) === teamId);
  const teamGoals = inTeam.filter((g) => g.team && (!person || g.team.id === person.teamId));
  const personal = inTeam.filter((g) => g.user && (!person || g.user.id === person.id));
  const counts = new Map<GoalStatus, number>();
  for (const g of [...teamGoals, ...personal]) counts.set(g.status, (counts.get(g.status) ?? 0) + 1);
  const matches = (g: Goal) => status === null || g.status === status;

  // each person once: the people of the view (with or without goals), then anyone else with goals
  const people: { id: string; name: string }[] = person
    ? [person]
    : viewer.me.role === 'REP'
      ? [viewer.me]
      : [...view.people];
  for (const g of personal) {
    if (g.user && !people.some((p) => p.id === g.user?.id)) people.push({ id: g.user.id, name: g.user.name });
  }
  const groups = people
    .map((p) => ({ person: p, goals: personal.filter((g) => g.user?.id === p.id).sort(byAttention) }))
    .sort((a, b) => {
      const [x, y] = [a.goals[0], b.goals[0]];
      if (x && y) return byAttention(x, y) || a.person.name.localeCompare(b.person.name);
      return x ? -1 : y ? 1 : a.person.name.localeCompare(b.person.name);
    });
  const teams = new Map<string, { name: string; goals: Goal[] }>();
  for (const g of teamGoals.sort(byAttention)) {
    if (!g.team) continue;
    const entry = teams.get(g.team.id) ?? { name: g.team.name, goals: [] };
    entry.goals.push(g);
    teams.set(g.team.id, entry);
  }

  const writable = canWriteAnyGoal(viewer) && !past;
  const editHandler = (g: Goal) =>
    !past && canWriteGoal(viewer, { userTeamId: g.user?.team?.id, teamId: g.team?.id })
      ? () => setDialog({ kind: 'edit', id: g.id })
      : undefined;
  const explainHandler = (g: Goal) => {
    const source = goalExplanation(viewer, getFragmentData(GoalCardFragment, g.ref));
    return source ? () => setExplaining(source) : undefined;
  };
  const writableTeams = viewer.teams.filter(
    (t) => viewer.me.role === 'ADMIN' || viewer.writableTeamIds.has(t.id),
  );
  const canSetFor = (p: { id: string }) =>
    writable && writableTeams.some((t) => t.members.some((m) => m.id === p.id));

  // a link to one goal brings it into view
  const linked = view.goalId;
  const linkedShown = linked !== null && all.some((g) => g.id === linked);
  useEffect(() => {
    if (!linked || !linkedShown) return;
    const element = document.querySelector<HTMLElement>(`[data-goal-id="${CSS.escape(linked)}"]`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [linked, linkedShown]);

  const teamName = viewer.teams.find((t) => t.id === teamId)?.name;
  const own = person?.id === viewer.me.id;
  const title = person
    ? own
      ? 'My goals'
      : `${person.name}’s goals`
    : teamName
      ? `Team ${teamName}`
      : 'Everyone’s goals';
  const manager = viewer.teams.find((t) => t.id === viewer.me.teamId)?.managerId;
  const managerName = viewer.teams
    .flatMap((t) => t.members)
    .find((m) => m.id === manager && m.id !== viewer.me.id)?.name;
  const editing = dialog?.kind === 'edit' ? all.find((g) => g.id === dialog.id) : undefined;
  const shownGroups = groups.filter((g) => status === null || g.goals.some(matches));
  const total = teamGoals.length + personal.length;
  // one group's cards, the team's own or a person's
  const grid = (shown: Goal[]) => (
    <div className="goal-grid goal-list">
      {shown.map((g) => (
        <GoalCard
          key={g.id}
          goal={g.ref}
          onEdit={editHandler(g)}
          onExplain={explainHandler(g)}
          highlight={g.id === linked}
        />
      ))}
    </div>
  );
  // the team's own goals: above the members for a whole team, below one person's own
  const teamSection = [...teams].map(([id, team]) => {
    const shown = team.goals.filter(matches);
    if (shown.length === 0) return null;
    return (
      <section key={id} className="goal-group team-goals" aria-label={`Team ${team.name}: team goals`}>
        <h3 className="goal-group-head">
          Team {team.name}
          <span className="muted small"> · the team’s own goals (its members summed)</span>
        </h3>
        {grid(shown)}
      </section>
    );
  });

  return (
    <div className="goals-tab">
      <div className="section-head">
        <h2>
          {title}
          <span className="muted"> · {label}</span>
        </h2>
        {writable ? (
          <div className="actions">
            <button type="button" onClick={() => setDialog({ kind: 'copy' })}>
              Copy last period’s goals
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => setDialog({ kind: 'create', owner: person ? `user:${person.id}` : null })}
            >
              New goals
            </button>
          </div>
        ) : null}
      </div>
      {viewer.me.role === 'REP' ? (
        <p className="explain" role="note">
          Goals are set by your manager{managerName ? `, ${managerName}` : ''}. You see your own goals and
          your team’s.
        </p>
      ) : null}
      {past ? (
        <p className="explain period-ended" role="note">
          {label} has ended: these goals show their final status and are read-only.
        </p>
      ) : period.offset > 0 ? (
        <p className="explain" role="note">
          {label} has not started: nothing counts toward these goals yet.
        </p>
      ) : null}

      {error && !data ? (
        <p className="error" role="alert">
          Could not load goals: {error.message}
        </p>
      ) : loading && !data ? (
        <p className="muted">Loading goals…</p>
      ) : (
        <>
          {total > 0 ? (
            <div className="segmented status-filter" role="group" aria-label="Show goals">
              <button
                type="button"
                aria-pressed={status === null}
                className={status === null ? 'selected' : ''}
                onClick={() => update({ status: null, goal: null })}
              >
                All ({total})
              </button>
              {GOAL_STATUSES_BY_ATTENTION.filter((s) => counts.has(s)).map((s) => (
                <button
                  key={s}
                  type="button"
                  aria-pressed={status === s}
                  className={status === s ? 'selected' : ''}
                  onClick={() => update({ status: s, goal: null })}
                >
                  {STATUS_NAMES[s]} ({counts.get(s)})
                </button>
              ))}
            </div>
          ) : null}

          {person ? null : teamSection}
          {shownGroups.map(({ person: p, goals }) => {
            const shown = goals.filter(matches);
            return (
              <section
                key={p.id}
                className="goal-group"
                aria-label={`${p.name}: goals`}
                data-person-id={p.id}
              >
                <h3 className="goal-group-head">
                  {p.name}
                  {p.id === viewer.me.id ? <span className="muted small"> (me)</span> : null}
                  {goals.length > 0 ? (
                    <span className="muted small">
                      {' '}
                      · {goals.length} {goals.length === 1 ? 'goal' : 'goals'}
                    </span>
                  ) : null}
                </h3>
                {shown.length > 0 ? (
                  grid(shown)
                ) : (
                  <p className="empty">
                    No goals for {label}.
                    {canSetFor(p) ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link"
                          onClick={() => setDialog({ kind: 'create', owner: `user:${p.id}` })}
                        >
                          Set a goal for {p.name}
                        </button>
                      </>
                    ) : null}
                  </p>
                )}
              </section>
            );
          })}
          {person ? teamSection : null}
          {status !== null && shownGroups.length === 0 && teams.size === 0 ? (
            <p className="empty">
              No {STATUS_NAMES[status].toLowerCase()} goals for {label}.
            </p>
          ) : null}
        </>
      )}

      {dialog?.kind === 'create' ? (
        <CreateGoalDialog
          teams={writableTeams}
          defaultOwner={
            dialog.owner ?? (teamId && writableTeams.some((t) => t.id === teamId) ? `each:${teamId}` : null)
          }
          period={period}
          onClose={() => setDialog(null)}
          onCreated={update}
        />
      ) : null}
      {dialog?.kind === 'copy' ? (
        <CopyGoalsDialog
          teams={writableTeams}
          defaultTeamId={teamId}
          period={period}
          onClose={() => setDialog(null)}
          onCreated={update}
        />
      ) : null}
      {explaining ? <ContributionsDialog source={explaining} onClose={() => setExplaining(null)} /> : null}
      {editing ? (
        <EditGoalDialog
          goal={getFragmentData(GoalCardFragment, editing.ref)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
