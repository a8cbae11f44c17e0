/**
 * The subscription streams: each validates its arguments and the caller's scope, subscribes to the
 * hub BEFORE reading any snapshot (so nothing that changes meanwhile is lost), sends the snapshot
 * where the contract says so, then every matching event. Scope is checked again for every event
 * with a freshly read viewer (Session), not only at subscribe time, and field visibility
 * (core/graphql/visibility.ts) follows that viewer too: a board event is yielded as the object of the
 * viewer's audience (one per version and audience, executed once for all its subscribers), and a
 * per-subscriber event is executed with the fresh viewer in the context.
 */
import type { AppContext, Session } from '../../core/context.ts';
import { localDate } from '../../domain/periods.ts';
import { NotFoundError, UnauthenticatedError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import type { AchievementEvent, BoardEvent } from '../../live/hub/types.ts';
import { createLoaders, type Loaders } from '../../core/loaders.ts';
import type { LiveEvents } from '../../live/ports.ts';
import { markShared } from '../../live/shared-execution.ts';
import {
  assertNotViewer,
  assertScreenReads,
  audienceOf,
  type Audience,
  type Viewer,
} from '../../core/permissions.ts';
import type { Achievement } from '../achievements/achievement.type.ts';
import { listGoals } from '../goals/goal.queries.ts';
import { toGoal } from '../goals/goal.mapping.ts';
import type { Goal } from '../goals/goal.type.ts';
import type { Board } from '../leaderboard/leaderboard.args.ts';
import { checkLimit } from '../leaderboard/leaderboard.service.ts';
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
  assertNotViewer(viewer);
  const filter: GoalFilter = {
    userId: optionalId(args.userId, 'User'),
    teamId: optionalId(args.teamId, 'Team'),
  };
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
  if (viewer.role === 'VIEWER') return false;
  if (filter.userId !== null && owner.userId !== filter.userId) return false;
  if (filter.teamId !== null && owner.teamId !== filter.teamId) return false;
  if (viewer.role === 'REP')
    return owner.userId === viewer.id || (owner.teamId !== null && owner.teamId === viewer.teamId);
  return true;
}

async function* goalChangedGen(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<WithLoaders<Goal>> {
  const { live, session } = liveOf(ctx);
  const filter = await goalFilter(ctx, await session.viewer(), args);
  const box = scope.track(live.goalEvents());
  const snapshot = async function* (viewer: Viewer): AsyncGenerator<WithLoaders<Goal>> {
    const rows = await listGoals(ctx.db, {
      userId: filter.userId,
      teamId: filter.teamId,
      activeOn: localDate(new Date(), ctx.org.timeZone),
      ...(viewer.role === 'REP' ? { ownedBy: { userId: viewer.id, teamId: viewer.teamId } } : {}),
    });
    const loaders = createLoaders(ctx.db);
    for (const row of rows) yield { value: toGoal(row), loaders };
  };
  try {
    yield* snapshot(await session.viewer());
    for await (const event of box) {
      const viewer = await session.viewer();
      if (viewer.role === 'VIEWER') throw new ForbiddenError('Screens signed in as VIEWER do not see goals.');
      if (event.kind === 'resync') yield* snapshot(viewer);
      else if (event.kind === 'changed') {
        for (const goal of event.goals)
          if (goalVisible(goal, filter, viewer)) yield { value: goal, loaders: event.loaders };
      }
    }
  } finally {
    await box.return();
  }
}

async function* goalRemovedGen(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<string> {
  const { live, session } = liveOf(ctx);
  const filter = await goalFilter(ctx, await session.viewer(), args);
  const box = scope.track(live.goalEvents());
  try {
    for await (const event of box) {
      const viewer = await session.viewer();
      if (event.kind !== 'removed') continue;
      for (const goal of event.goals) if (goalVisible(goal, filter, viewer)) yield String(goal.id);
    }
  } finally {
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
