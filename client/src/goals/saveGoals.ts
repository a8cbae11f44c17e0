/**
 * Saving several goals at once (every member of a team, last period's goals copied): one
 * createGoal per goal, in order, each with its own outcome, so what was saved stays saved and what
 * was refused is shown beside its row with the reason. A duplicate is refused by the server with
 * CONFLICT naming the goal in the way (extensions.existingGoalId): its outcome carries a link to
 * that goal (its owner, team and period in the dashboard's URL), not only "already exists".
 */
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { goalLinkParams } from '../dashboard/viewState.ts';
import { graphql } from '../gql/index.ts';
import type { CreateGoalInput } from '../gql/graphql.ts';
import { apiError } from '../lib/errors.ts';
import { withParams } from '../lib/router.ts';
import { useCreateGoal, type OwnerInfo } from './mutations.ts';

const GOAL_LINK = graphql(`
  query GoalLink($id: ID!) {
    goal(id: $id) {
      id
      periodType
      periodStart
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
`);

export interface GoalLink {
  id: string;
  /** The dashboard's goals tab showing the goal: its owner, team and period. */
  href: string;
  /** Whose it is, in words ("John Smith", "Team Enterprise"). */
  owner: string;
}

export function goalHref(goal: {
  id: string;
  periodType: CreateGoalInput['periodType'];
  periodStart: string;
  user: { id: string; team: { id: string } | null } | null;
  team: { id: string } | null;
}): string {
  return withParams(
    goalLinkParams({
      id: goal.id,
      periodType: goal.periodType,
      periodStart: goal.periodStart,
      userId: goal.user?.id ?? null,
      teamId: goal.team?.id ?? goal.user?.team?.id ?? null,
    }),
    '/goals',
  );
}

async function linkTo(client: ApolloClient, id: string): Promise<GoalLink | null> {
  try {
    const { data } = await client.query({ query: GOAL_LINK, variables: { id }, fetchPolicy: 'network-only' });
    const goal = data?.goal;
    if (!goal) return null;
    return {
      id: goal.id,
      href: goalHref(goal),
      owner: goal.user?.name ?? (goal.team ? `Team ${goal.team.name}` : ''),
    };
  } catch {
    return null; // the refusal still says why; only the link is missing
  }
}

export type Outcome =
  | { state: 'created'; id: string }
  | {
      state: 'refused';
      message: string;
      fields: Record<string, string>;
      code: string | null;
      existing: GoalLink | null;
    };

export interface GoalToSave {
  key: string;
  input: CreateGoalInput;
  owner: OwnerInfo;
}

/** Saves goals one after the other; the outcomes by key, as they come. */
export function useSaveGoals(today: string) {
  const client = useApolloClient();
  const [create] = useCreateGoal(today);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(new Map());
  const [saving, setSaving] = useState(false);

  const save = async (goals: readonly GoalToSave[]): Promise<Map<string, Outcome>> => {
    setSaving(true);
    const done = new Map<string, Outcome>();
    try {
      for (const goal of goals) {
        let outcome: Outcome;
        try {
          const result = await create(goal.input, goal.owner);
          outcome = { state: 'created', id: result.data?.createGoal.id ?? '' };
        } catch (error) {
          const e = apiError(error);
          const existingId = e?.extensions.existingGoalId;
          outcome = {
            state: 'refused',
            message: e?.message ?? 'Could not save the goal.',
            fields: { ...e?.fields },
            code: e?.code ?? null,
            existing:
              e?.code === 'CONFLICT' && typeof existingId === 'string'
                ? await linkTo(client, existingId)
                : null,
          };
        }
        done.set(goal.key, outcome);
        setOutcomes((previous) => new Map([...previous, [goal.key, outcome]]));
      }
    } finally {
      setSaving(false);
    }
    return done;
  };
  return { save, saving, outcomes };
}
