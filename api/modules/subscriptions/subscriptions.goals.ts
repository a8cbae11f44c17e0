/**
 * The goal streams: goalChanged (a snapshot, then changes), goalRemoved and paceAlert, under one
 * filter (a person, a team) and the caller's scope: a rep their own and their team's goals.
 * Invariant: a paired screen reads goals only while its admin allows it (showGoals, in its
 * viewer): its goal streams end with FORBIDDEN when that is turned off, at the directory's
 * invalidation (endWhenRevoked), not at the next event; pace alerts are never a screen's. The
 * three streams are one skeleton (goalStream) with what each takes of the hub's events.
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
import type { LiveEvents } from '../../live/ports.ts';
import type { GoalEvent, PaceAlertEvent } from '../../live/hub/types.ts';
import type { Mailbox } from '../../live/hub/mailbox.ts';
import {
  endWhenRevoked,
  liveOf,
  releasing,
  type StreamScope,
  type WithLoaders,
} from './subscriptions.streams.ts';

type GoalArgs = { userId: string | null; teamId: string | null };

export const goalChangedStream = (ctx: AppContext, args: GoalArgs) =>
  releasing((scope) => goalChangedGen(ctx, args, scope));
export const goalRemovedStream = (ctx: AppContext, args: GoalArgs) =>
  releasing((scope) => goalRemovedGen(ctx, args, scope));
export const paceAlertStream = (ctx: AppContext, args: GoalArgs) =>
  releasing((scope) => paceAlertGen(ctx, args, scope));

interface GoalFilter {
  userId: number | null;
  teamId: number | null;
}

async function goalFilter(ctx: AppContext, viewer: Viewer, args: GoalArgs) {
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

/**
 * One goal stream: subscribe to its hub events BEFORE any snapshot (`first`), then for each event
 * read the viewer again (field visibility follows it), end a screen's stream when goals are no
 * longer its to read, and yield what `pick` takes of the event for the filter and that viewer.
 */
async function* goalStream<E, T>(
  ctx: AppContext,
  args: GoalArgs,
  scope: StreamScope,
  spec: {
    events: (live: LiveEvents) => Mailbox<E>;
    /** Whether a screen may read this stream (and, while it may, follows its showGoals). */
    screens: boolean;
    first?: (viewer: Viewer, filter: GoalFilter) => AsyncIterable<T>;
    pick: (event: E, viewer: Viewer, filter: GoalFilter) => Iterable<T> | AsyncIterable<T>;
  },
): AsyncGenerator<T> {
  const { live, session } = liveOf(ctx);
  const initial = await session.viewer();
  const filter = await goalFilter(ctx, initial, args);
  const box = scope.track(spec.events(live));
  const unlisten = spec.screens ? endWhenGoalsOff(ctx, session, initial, box) : () => {};
  const readsGoals = (viewer: Viewer) =>
    viewer.role !== 'VIEWER' || (spec.screens && screenReadsGoals(viewer));
  const refusal = spec.screens ? NO_GOALS : 'Screens signed in as VIEWER do not see goals.';
  try {
    ctx.viewer = initial;
    if (!readsGoals(initial)) throw new ForbiddenError(refusal);
    if (spec.first) yield* spec.first(initial, filter);
    for await (const event of box) {
      // executed per subscriber, with the viewer as it is now (field visibility reads it)
      const viewer = (ctx.viewer = await session.viewer());
      if (!readsGoals(viewer)) throw new ForbiddenError(refusal);
      yield* spec.pick(event, viewer, filter);
    }
  } finally {
    unlisten();
    await box.return();
  }
}

const goalChangedGen = (ctx: AppContext, args: GoalArgs, scope: StreamScope) => {
  const snapshot = async function* (viewer: Viewer, filter: GoalFilter): AsyncGenerator<WithLoaders<Goal>> {
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
  return goalStream<GoalEvent, WithLoaders<Goal>>(ctx, args, scope, {
    events: (live) => live.goalEvents(),
    screens: true,
    first: snapshot,
    pick: (event, viewer, filter) => {
      if (event.kind === 'resync') return snapshot(viewer, filter);
      if (event.kind !== 'changed') return [];
      return event.goals
        .filter((goal) => goalVisible(goal, filter, viewer))
        .map((goal) => ({ value: goal, loaders: event.loaders }));
    },
  });
};

const goalRemovedGen = (ctx: AppContext, args: GoalArgs, scope: StreamScope) =>
  goalStream<GoalEvent, string>(ctx, args, scope, {
    events: (live) => live.goalEvents(),
    screens: true,
    pick: (event, viewer, filter) =>
      event.kind === 'removed'
        ? event.goals.filter((goal) => goalVisible(goal, filter, viewer)).map((goal) => String(goal.id))
        : [],
  });

/** Pace alerts: only new ones (no snapshot), in the scope and with the filter of goalChanged; never a screen's. */
const paceAlertGen = (ctx: AppContext, args: GoalArgs, scope: StreamScope) =>
  goalStream<PaceAlertEvent, WithLoaders<Goal>>(ctx, args, scope, {
    events: (live) => live.paceAlertEvents(),
    screens: false,
    pick: (event, viewer, filter) =>
      event.goals
        .filter((goal) => goalVisible(goal, filter, viewer))
        .map((goal) => ({ value: goal, loaders: event.loaders })),
  });
