/**
 * Goals: the chosen person's goals as cards, then every active goal the viewer may see (by team),
 * kept live: goalChanged upserts (its first frames are the current goals), goalRemoved removes.
 */
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { getFragmentData, graphql } from '../gql/index.ts';
import { CreateGoalDialog } from '../goals/CreateGoalDialog.tsx';
import { EditGoalDialog } from '../goals/GoalEditor.tsx';
import { GoalCard, GoalCardFragment } from '../goals/GoalCard.tsx';
import { removeGoalFromCache } from '../goals/mutations.ts';
import { canWriteAnyGoal, canWriteGoal, useViewer, type Person } from './viewer.ts';

const GOALS_TAB = graphql(`
  query GoalsTab {
    goals {
      id
      user {
        id
        team {
          id
        }
      }
      team {
        id
      }
      ...GoalCard_goal
      ...GoalEditor_goal
    }
  }
`);

const GOAL_CHANGED = graphql(`
  subscription GoalChanged {
    goalChanged {
      id
      user {
        id
        team {
          id
        }
      }
      team {
        id
      }
      ...GoalCard_goal
      ...GoalEditor_goal
    }
  }
`);

const GOAL_REMOVED = graphql(`
  subscription GoalRemoved {
    goalRemoved
  }
`);

/** `teamId`: the dashboard's team, which narrows the list of all active goals (null: every team). */
export function GoalsTab({ person, teamId }: { person: Person | null; teamId: string | null }) {
  const viewer = useViewer();
  const { data, error, loading, subscribeToMore, client } = useQuery(GOALS_TAB);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    const stopChanged = subscribeToMore({
      document: GOAL_CHANGED,
      updateQuery: (previous, { subscriptionData }) => {
        if (!previous) return previous;
        const goal = subscriptionData.data?.goalChanged;
        const list = previous.goals ?? [];
        if (!goal || list.some((g) => g.id === goal.id)) return previous as never;
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
  }, [subscribeToMore, client]);

  if (error && !data)
    return (
      <p className="error" role="alert">
        Could not load goals: {error.message}
      </p>
    );
  if (loading && !data) return <p className="muted">Loading goals…</p>;
  const goals = data?.goals ?? [];
  const mine = person ? goals.filter((g) => g.user?.id === person.id) : [];
  const teamOf = (g: (typeof goals)[number]) => g.team?.id ?? g.user?.team?.id ?? null;
  const shown = teamId === null ? goals : goals.filter((g) => teamOf(g) === teamId);
  const teamName = viewer.teams.find((t) => t.id === teamId)?.name;
  const editingGoal = goals.find((g) => g.id === editing);
  const canCreate = canWriteAnyGoal(viewer);
  const writableTeams = viewer.teams.filter(
    (t) => viewer.me.role === 'ADMIN' || viewer.writableTeamIds.has(t.id),
  );
  const editHandler = (g: (typeof goals)[number]) =>
    canWriteGoal(viewer, { userTeamId: g.user?.team?.id, teamId: g.team?.id })
      ? () => setEditing(g.id)
      : undefined;
  const own = person?.id === viewer.me.id;
  const defaultOwner =
    person && writableTeams.some((t) => t.id === person.teamId) && person.id !== viewer.me.id
      ? `user:${person.id}`
      : `team:${writableTeams.find((t) => t.id === viewer.me.teamId)?.id ?? writableTeams[0]?.id ?? ''}`;

  return (
    <div className="goals-tab">
      <div className="section-head">
        <h2>{own || !person ? 'My goals' : `${person.name}’s goals`}</h2>
        {canCreate ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New goal
          </button>
        ) : null}
      </div>
      {mine.length === 0 ? (
        <p className="empty">No active personal goals{person && !own ? ` for ${person.name}` : ''}.</p>
      ) : (
        <div className="goal-grid" aria-label="Personal goals">
          {mine.map((g) => (
            <GoalCard key={g.id} goal={g} onEdit={editHandler(g)} />
          ))}
        </div>
      )}

      <div className="section-head">
        <h2>
          All active goals
          {teamName ? <span className="muted"> · {teamName}</span> : null}
        </h2>
      </div>
      {shown.length === 0 ? (
        <p className="empty">No active goals.</p>
      ) : (
        <div className="goal-list" aria-label="All active goals">
          {shown.map((g) => (
            <GoalCard key={g.id} goal={g} showOwner compact onEdit={editHandler(g)} />
          ))}
        </div>
      )}

      {creating ? (
        <CreateGoalDialog
          teams={writableTeams}
          defaultOwner={defaultOwner}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {editingGoal ? (
        <EditGoalDialog
          goal={editingGoal}
          card={getFragmentData(GoalCardFragment, editingGoal)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
