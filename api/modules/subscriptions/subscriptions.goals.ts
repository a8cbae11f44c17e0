/**
 * The goal streams: goalChanged (a snapshot, then changes), goalRemoved and paceAlert, under one
 * filter (a person, a team) and the caller's scope: a rep their own and their team's goals.
 * Invariant: a paired screen reads goals only while its admin allows it (showGoals, in its
 * viewer): its goal streams end with FORBIDDEN when that is turned off, at the directory's
 * invalidation (endWhenRevoked), not at the next event; pace alerts are never a screen's.
 */
import type { AppContext, Session } from '../../core/context.ts';
import { ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import { createLoaders } from '../../core/loaders.ts';
import {
  assertScreenGoalReads,
  screenReadsGoals,
  screenSeesGoal,
  type Viewer,
} from '../../core/permissions.ts';
import { localDate } from '../../domain/periods.ts';
import { toGoal } from '../goals/goal.mapping.ts';
import { listGoals } from '../goals/goal.queries.ts';
import type { Goal } from '../goals/goal.type.ts';
import {
  endWhenRevoked,
  liveOf,
  releasing,
  type StreamScope,
  type WithLoaders,
} from './subscriptions.streams.ts';

export const goalChangedStream = (ctx: AppContext, args: { userId: string | null; teamId: string | null }) =>
  releasing((scope) => goalChangedGen(ctx, args, scope));
export const goalRemovedStream = (ctx: AppContext, args: { userId: string | null; teamId: string | null }) =>
  releasing((scope) => goalRemovedGen(ctx, args, scope));
export const paceAlertStream = (ctx: AppContext, args: { userId: string | null; teamId: string | null }) =>
  releasing((scope) => paceAlertGen(ctx, args, scope));

interface GoalFilter {
  userId: number | null;
  teamId: number | null;
}

async function goalFilter(
  ctx: AppContext,
  viewer: Viewer,
  args: { userId: string | null; teamId: string | null },
) {
  const filter: GoalFilter = {
    userId: optionalId(args.userId, 'User'),
    teamId: optionalId(args.teamId, 'Team'),
  };
  assertScreenGoalReads(viewer, filter.userId, filter.teamId);
  if (filter.userId !== null && !(await ctx.loaders.userById.load(filter.userId))) {
    throw new NotFoundError('User', filter.userId);
  }
  if (filter.teamId !== null && !(await ctx.loaders.teamById.load(filter.teamId))) {
    throw new NotFoundError('Team', filter.teamId);
  }
  if (viewer.role === 'REP') {
    if (filter.userId !== null && filter.userId !== viewer.id)
      throw new ForbiddenError('You may only watch your own goals.');
    if (filter.teamId !== null && filter.teamId !== viewer.teamId) {
      throw new ForbiddenError('You may only watch your own team’s goals.');
    }
  }
  return filter;
}

/** Whether a goal (or a removed goal's owner) matches the filter and the viewer's scope. */
function goalVisible(
  owner: { userId: number | null; teamId: number | null },
  filter: GoalFilter,
  viewer: Viewer,
) {
  if (viewer.role === 'VIEWER' && !screenSeesGoal(viewer, owner)) return false;
  if (filter.userId !== null && owner.userId !== filter.userId) return false;
  if (filter.teamId !== null && owner.teamId !== filter.teamId) return false;
  if (viewer.role === 'REP')
    return owner.userId === viewer.id || (owner.teamId !== null && owner.teamId === viewer.teamId);
  return true;
}

/** Why a screen's goal stream ends: its admin turned showGoals off (or it is no screen). */
const NO_GOALS =
  'Screens signed in as VIEWER do not see goals (a paired screen: unless its admin allows it).';

const endWhenGoalsOff = (
  ctx: AppContext,
  session: Session,
  viewer: Viewer,
  box: { fail(error: Error): void },
) => endWhenRevoked(ctx, session, viewer, box, screenReadsGoals, NO_GOALS);

async function* goalChangedGen(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<WithLoaders<Goal>> {
  const { live, session } = liveOf(ctx);
  const first = await session.viewer();
  const filter = await goalFilter(ctx, first, args);
  const box = scope.track(live.goalEvents());
  const unlisten = endWhenGoalsOff(ctx, session, first, box);
  const snapshot = async function* (viewer: Viewer): AsyncGenerator<WithLoaders<Goal>> {
    const screen = viewer.role === 'VIEWER';
    const rows = await listGoals(ctx.db, {
      userId: filter.userId,
      // a screen of a team: that team's goals (filtered again below: team goals only)
      teamId: screen ? (filter.teamId ?? viewer.teamId) : filter.teamId,
      activeOn: localDate(new Date(), ctx.org.timeZone),
      ...(viewer.role === 'REP' ? { ownedBy: { userId: viewer.id, teamId: viewer.teamId } } : {}),
    });
    const loaders = createLoaders(ctx.db);
    for (const row of rows) if (!screen || screenSeesGoal(viewer, row)) yield { value: toGoal(row), loaders };
  };
  try {
    ctx.viewer = first;
    yield* snapshot(first);
    for await (const event of box) {
      // executed per subscriber, with the viewer as it is now (field visibility reads it)
      const viewer = (ctx.viewer = await session.viewer());
      if (viewer.role === 'VIEWER' && !screenReadsGoals(viewer)) throw new ForbiddenError(NO_GOALS);
      if (event.kind === 'resync') yield* snapshot(viewer);
      else if (event.kind === 'changed') {
        for (const goal of event.goals)
          if (goalVisible(goal, filter, viewer)) yield { value: goal, loaders: event.loaders };
      }
    }
  } finally {
    unlisten();
    await box.return();
  }
}

async function* goalRemovedGen(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<string> {
  const { live, session } = liveOf(ctx);
  const first = await session.viewer();
  const filter = await goalFilter(ctx, first, args);
  const box = scope.track(live.goalEvents());
  const unlisten = endWhenGoalsOff(ctx, session, first, box);
  try {
    for await (const event of box) {
      const viewer = await session.viewer();
      if (viewer.role === 'VIEWER' && !screenReadsGoals(viewer)) throw new ForbiddenError(NO_GOALS);
      if (event.kind !== 'removed') continue;
      for (const goal of event.goals) if (goalVisible(goal, filter, viewer)) yield String(goal.id);
    }
  } finally {
    unlisten();
    await box.return();
  }
}

/** Pace alerts: only new ones (no snapshot), in the scope and with the filter of goalChanged. */
async function* paceAlertGen(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<WithLoaders<Goal>> {
  const { live, session } = liveOf(ctx);
  const filter = await goalFilter(ctx, await session.viewer(), args);
  const box = scope.track(live.paceAlertEvents());
  try {
    for await (const event of box) {
      const viewer = await session.viewer();
      if (viewer.role === 'VIEWER') throw new ForbiddenError('Screens signed in as VIEWER do not see goals.');
      for (const goal of event.goals)
        if (goalVisible(goal, filter, viewer)) yield { value: goal, loaders: event.loaders };
    }
  } finally {
    await box.return();
  }
}
