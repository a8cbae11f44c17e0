/**
 * A goal card's "Why this number?": what the dialog says of the goal, and whether the viewer may
 * open it (lib/contributions.ts). A CUSTOM goal is set by hand and an optimistic one not stored
 * yet: neither has activities to list.
 */
import { goalContributions, type ContributionsSource } from '../dashboard/ContributionsDialog.tsx';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import type { GoalCard_GoalFragment } from '../gql/graphql.ts';
import { canExplain } from '../lib/contributions.ts';
import { formatGoalValue, METRIC_NAMES } from '../lib/goals.ts';
import { periodLabel } from '../lib/periods.ts';
import { goalOwnerName } from './GoalCard.tsx';

export function goalExplanation(viewer: ViewerInfo, goal: GoalCard_GoalFragment): ContributionsSource | null {
  if (goal.metric === 'CUSTOM' || goal.id.startsWith('optimistic-')) return null;
  const owner = goal.team
    ? { teamId: goal.team.id }
    : goal.user
      ? { userId: goal.user.id, userTeamId: goal.user.team?.id ?? null }
      : null;
  if (!owner || !canExplain(viewer, owner)) return null;
  return {
    subject: `${goalOwnerName(goal)} · ${METRIC_NAMES[goal.metric]} · ${periodLabel(goal.periodType, goal.periodStart)}`,
    figure: formatGoalValue(goal.metric, goal.currentValue),
    money: goal.metric === 'REVENUE',
    showWho: goal.team !== null,
    load: goalContributions(goal.id),
  };
}
