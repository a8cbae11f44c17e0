/**
 * Goal mutations as hooks, each with an optimistic result so the list changes at once; the server's
 * answer (or the live goalChanged event) then replaces it, and a refusal rolls it back. The
 * optimistic pace is the server's rule (@domain/pace.ts) in the organisation's clock.
 */
import type { ApolloCache, Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useContext } from 'react';
import { ClockContext } from '../dashboard/clock.ts';
import { graphql, makeFragmentData } from '../gql/index.ts';
import type { CreateGoalInput, GoalCard_GoalFragment, UpdateGoalInput } from '../gql/graphql.ts';
import { achievementPercentage, goalStatus, optimisticPace } from '../lib/goals.ts';
import { periodEnd, shiftPeriod } from '../lib/periods.ts';
import { GoalCardFragment } from './GoalCard.tsx';

const CREATE_GOAL = graphql(`
  mutation CreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      id
      ...GoalCard_goal
    }
  }
`);

const UPDATE_GOAL = graphql(`
  mutation UpdateGoal($id: ID!, $input: UpdateGoalInput!, $expectedVersion: Int) {
    updateGoal(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      ...GoalCard_goal
    }
  }
`);

const DELETE_GOAL = graphql(`
  mutation DeleteGoal($id: ID!) {
    deleteGoal(id: $id)
  }
`);

/** Adds a goal reference to every cached `goals(...)` list that lacks it. */
export function addGoalToLists(cache: ApolloCache, goal: { __typename?: 'Goal'; id: string }): void {
  const id = cache.identify({ __typename: 'Goal', id: goal.id });
  if (!id) return;
  cache.modify({
    fields: {
      goals(existing: readonly Reference[] = [], { toReference, readField }) {
        if (existing.some((ref) => readField('id', ref) === goal.id)) return existing;
        const ref = toReference(id);
        return ref ? [...existing, ref] : existing;
      },
    },
  });
}

export function removeGoalFromCache(cache: ApolloCache, goalId: string): void {
  cache.modify({
    fields: {
      goals(existing: readonly Reference[] = [], { readField }) {
        return existing.filter((ref) => readField('id', ref) !== goalId);
      },
    },
  });
  const id = cache.identify({ __typename: 'Goal', id: goalId });
  if (id) cache.evict({ id });
  cache.gc();
}

let optimisticIds = 0;

export interface OwnerInfo {
  user: { id: string; name: string; teamId: string | null; teamName: string | null } | null;
  team: { id: string; name: string } | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Until the server answers: how far the period has run by the organisation's today. */
function optimisticDays(periodType: CreateGoalInput['periodType'], start: string, today: string) {
  const periodDays = dayNumber(shiftPeriod(periodType, start, 1)) - dayNumber(start);
  return {
    periodDays,
    elapsedDays: Math.min(periodDays, Math.max(0, dayNumber(today) - dayNumber(start) + 1)),
  };
}

/** `today`: the organisation's (dashboard/clock.ts), for the optimistic status until the answer. */
export function useCreateGoal(today: string) {
  const [mutate, state] = useMutation(CREATE_GOAL);
  const clock = useContext(ClockContext) ?? { timeZone: 'UTC', paceBasis: 'CALENDAR_DAYS' as const };
  const create = (input: CreateGoalInput, owner: OwnerInfo) => {
    const current = input.metric === 'CUSTOM' ? (input.currentValue ?? 0) : 0;
    const pct = achievementPercentage(current, input.targetValue);
    const end = periodEnd(input.periodType, input.periodStart);
    const goal: GoalCard_GoalFragment = {
      __typename: 'Goal',
      id: `optimistic-${++optimisticIds}`,
      metric: input.metric,
      periodType: input.periodType,
      periodStart: input.periodStart,
      periodEnd: end,
      targetValue: input.targetValue,
      currentValue: current,
      achievementPercentage: pct,
      status: goalStatus(pct, end < today),
      projectedValue: current,
      description: input.description ?? null,
      version: 1,
      ...optimisticDays(input.periodType, input.periodStart, today),
      pace: optimisticPace({ ...input, currentValue: current }, clock),
      user: owner.user
        ? {
            __typename: 'User',
            id: owner.user.id,
            name: owner.user.name,
            team: owner.user.teamId
              ? { __typename: 'Team', id: owner.user.teamId, name: owner.user.teamName ?? '' }
              : null,
          }
        : null,
      team: owner.team ? { __typename: 'Team', ...owner.team } : null,
    };
    return mutate({
      variables: { input },
      optimisticResponse: {
        __typename: 'Mutation',
        createGoal: {
          __typename: 'Goal',
          id: goal.id,
          ...makeFragmentData(goal, GoalCardFragment),
        } as never,
      },
      update(cache, { data }) {
        if (data?.createGoal) addGoalToLists(cache, data.createGoal);
      },
    });
  };
  return [create, state] as const;
}

export function useUpdateGoal(today: string) {
  const [mutate, state] = useMutation(UPDATE_GOAL);
  const orgClock = useContext(ClockContext);
  const update = (goal: GoalCard_GoalFragment, input: UpdateGoalInput, expectedVersion: number) => {
    const target = input.targetValue ?? goal.targetValue;
    const current = goal.metric === 'CUSTOM' ? (input.currentValue ?? goal.currentValue) : goal.currentValue;
    const pct = achievementPercentage(current, target);
    const optimistic: GoalCard_GoalFragment = {
      ...goal,
      targetValue: target,
      currentValue: current,
      achievementPercentage: pct,
      status: goalStatus(pct, goal.periodEnd < today),
      description: input.description === undefined ? goal.description : input.description,
      version: expectedVersion + 1,
      pace: optimisticPace(
        { ...goal, targetValue: target, currentValue: current },
        orgClock ?? { timeZone: 'UTC', paceBasis: goal.pace.basis },
      ),
    };
    return mutate({
      variables: { id: goal.id, input, expectedVersion },
      optimisticResponse: {
        __typename: 'Mutation',
        updateGoal: {
          __typename: 'Goal',
          id: goal.id,
          ...makeFragmentData(optimistic, GoalCardFragment),
        } as never,
      },
    });
  };
  return [update, state] as const;
}

export function useDeleteGoal() {
  const [mutate, state] = useMutation(DELETE_GOAL);
  const remove = (id: string) =>
    mutate({
      variables: { id },
      optimisticResponse: { __typename: 'Mutation', deleteGoal: id },
      update(cache, { data }) {
        if (data?.deleteGoal) removeGoalFromCache(cache, data.deleteGoal);
      },
    });
  return [remove, state] as const;
}
