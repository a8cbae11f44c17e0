/**
 * The subscription streams: each validates its arguments and the caller's scope, subscribes to the
 * hub BEFORE reading any snapshot (so nothing that changes meanwhile is lost), sends the snapshot
 * where the contract says so, then every matching event. Scope is checked again for every event
 * with a freshly read viewer (Session), not only at subscribe time, and field visibility
 * (core/graphql/visibility.ts) follows that viewer too: a board event is yielded as the object of the
 * viewer's audience (one per version and audience, executed once for all its subscribers), and a
 * per-subscriber event is executed with the fresh viewer in the context. A paired screen reads
 * goals only while its admin allows it (showGoals, in its viewer): its goal streams end with
 * FORBIDDEN when that is turned off, at the directory's invalidation, not at the next event.
 */
import type { AppContext, Session } from '../../core/context.ts';
import { localDate } from '../../domain/periods.ts';
import { NotFoundError, UnauthenticatedError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import type { AchievementEvent, BoardEvent, ContestEvent } from '../../live/hub/types.ts';
import { createLoaders, type Loaders } from '../../core/loaders.ts';
import type { LiveEvents } from '../../live/ports.ts';
import { markShared } from '../../live/shared-execution.ts';
import {
  assertScreenGoalReads,
  assertScreenReads,
  audienceOf,
  screenReadsGoals,
  screenSeesGoal,
  type Audience,
  type Viewer,
} from '../../core/permissions.ts';

import type { Achievement } from '../achievements/achievement.type.ts';
import { listGoals } from '../goals/goal.queries.ts';
import { toGoal } from '../goals/goal.mapping.ts';
import type { Goal } from '../goals/goal.type.ts';
import type { Board } from '../leaderboard/leaderboard.args.ts';
import { checkLimit } from '../leaderboard/leaderboard.service.ts';
import { canRead, readableContest } from '../contests/contest.service.ts';
import { ForbiddenError } from '../../core/errors.ts';

/**
 * Lets an unsubscribe end a stream that is waiting for its next event. An async generator's own
 * return() queues behind the await it is suspended in, so without this a closed subscription
 * would hold its hub subscription until the next event (for a quiet board: hours).
 */
export class StreamScope {
  private cancelled = false;
  private readonly boxes = new Set<{ return(): Promise<unknown> }>();

  track<B extends { return(): Promise<unknown> }>(box: B): B {
    if (this.cancelled) void box.return();
    else this.boxes.add(box);
    return box;
  }

  cancel(): void {
    this.cancelled = true;
    for (const box of this.boxes) void box.return();
  }
}

export function releasing<T>(start: (scope: StreamScope) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const scope = new StreamScope();
  const generator = start(scope);
  return {
    next: () => generator.next(),
    return: (value?: unknown) => {
      scope.cancel();
      return generator.return(value);
    },
    throw: (error?: unknown) => {
      scope.cancel();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export const leaderboardStream = (ctx: AppContext, args: BoardStream) =>
  releasing((scope) => leaderboardGen(ctx, args, scope));
export const goalChangedStream = (ctx: AppContext, args: { userId: string | null; teamId: string | null }) =>
  releasing((scope) => goalChangedGen(ctx, args, scope));
export const goalRemovedStream = (ctx: AppContext, args: { userId: string | null; teamId: string | null }) =>
  releasing((scope) => goalRemovedGen(ctx, args, scope));
export const achievementStream = (ctx: AppContext, args: { teamId: string | null }) =>
  releasing((scope) => achievementGen(ctx, args, scope));
export const contestStream = (ctx: AppContext, args: { id: string }) =>
  releasing((scope) => contestGen(ctx, args, scope));
export const paceAlertStream = (ctx: AppContext, args: { userId: string | null; teamId: string | null }) =>
  releasing((scope) => paceAlertGen(ctx, args, scope));

function liveOf(ctx: AppContext): { live: LiveEvents; session: Session } {
  if (!ctx.live || !ctx.session)
    throw new UnauthenticatedError('Subscriptions run over WebSocket with a token.');
  return { live: ctx.live, session: ctx.session };
}

export interface WithLoaders<T> {
  value: T;
  loaders: Loaders;
}

/** A board version as executed for one audience (core/graphql/visibility.ts reads `audience`). */
export interface AudienceBoardEvent extends BoardEvent {
  readonly audience: Audience;
}

const audienceViews = new WeakMap<BoardEvent, Partial<Record<Audience, AudienceBoardEvent>>>();

/**
 * One object per (board version, audience), marked shared: the shared execution is memoised on
 * the event object, so screens and everyone else never share a result, and each audience still
 * costs one execution per version whatever its number of subscribers.
 */
function forAudience(event: BoardEvent, audience: Audience): AudienceBoardEvent {
  let views = audienceViews.get(event);
  if (!views) audienceViews.set(event, (views = {}));
  return (views[audience] ??= markShared({ board: event.board, loaders: event.loaders, audience }));
}

/** A board to stream (defaults applied) and whether the operation asks for standings (see BoardKey.standings). */
export type BoardStream = Board & { standings?: boolean };

async function* leaderboardGen(
  ctx: AppContext,
  args: BoardStream,
  scope: StreamScope,
): AsyncGenerator<AudienceBoardEvent> {
  const { live, session } = liveOf(ctx);
  const viewer = await session.viewer();
  checkLimit(args.limit);
  const teamId = optionalId(args.teamId, 'Team');
  assertScreenReads(viewer, teamId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const box = scope.track(
    live.watchBoard({
      periodType: args.periodType,
      metric: args.metric,
      teamId,
      limit: args.limit,
      standings: args.standings ?? false,
    }),
  );
  try {
    for await (const event of box) {
      // leaderboards are for every role (a screen: its team's); the session must still be valid,
      // and its role now decides which fields the event shows
      const now = await session.viewer();
      assertScreenReads(now, teamId);
      yield forAudience(event, audienceOf(now));
    }
  } finally {
    await box.return();
  }
}

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

/**
 * Ends a screen's goal stream with FORBIDDEN as soon as its admin turns showGoals off: the
 * directory is dropped on every screens change (here at once, elsewhere on the `dir`
 * notification), and the viewer is read again then, once per change, never per goal event.
 * Returns the unsubscribe (nothing to do for everyone else).
 */
function endWhenGoalsOff(
  ctx: AppContext,
  session: Session,
  viewer: Viewer,
  box: { fail(error: Error): void },
): () => void {
  const directory = ctx.directory;
  if (viewer.role !== 'VIEWER' || !directory) return () => {};
  return directory.onInvalidate(() => {
    session.viewer().then(
      (now) => {
        if (!screenReadsGoals(now)) box.fail(new ForbiddenError(NO_GOALS));
      },
      (error: unknown) => box.fail(error instanceof Error ? error : new ForbiddenError(NO_GOALS)),
    );
  });
}

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

async function* achievementGen(
  ctx: AppContext,
  args: { teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<WithLoaders<Achievement>> {
  const { live, session } = liveOf(ctx);
  const viewer = await session.viewer();
  const teamId = optionalId(args.teamId, 'Team');
  assertScreenReads(viewer, teamId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const box = scope.track(live.achievementEvents());
  try {
    for await (const event of box as AsyncIterable<AchievementEvent>) {
      // badges are for every role; executed per subscriber, with the viewer as it is now
      ctx.viewer = await session.viewer();
      assertScreenReads(ctx.viewer, teamId);
      for (const a of event.achievements) {
        if (teamId === null || a.teamId === teamId) yield { value: a, loaders: event.loaders };
      }
    }
  } finally {
    await box.return();
  }
}

/**
 * A contest's standings: the current ones at once, then one event per recomputation that moved
 * them (shared by every subscriber: live/hub/contests.ts). Who may watch is checked again for each
 * event with the viewer as it is now, against the contest as the event read it (the event's
 * loaders, shared: no statement per subscriber).
 */
async function* contestGen(
  ctx: AppContext,
  args: { id: string },
  scope: StreamScope,
): AsyncGenerator<WithLoaders<ContestEvent>> {
  const { live, session } = liveOf(ctx);
  const viewer = await session.viewer();
  const id = parseId(args.id, 'Contest');
  if (!(await readableContest(ctx, viewer, id))) throw new NotFoundError('Contest', id);
  const box = scope.track(live.watchContest(id));
  try {
    for await (const event of box) {
      const now = await session.viewer();
      ctx.viewer = now;
      const check: AppContext = { ...ctx, loaders: event.loaders };
      if (!(await canRead(check, now, event.contest)))
        throw new ForbiddenError(`Contest ${id} is not one you take part in.`);
      yield { value: event, loaders: event.loaders };
    }
  } finally {
    await box.return();
  }
}
