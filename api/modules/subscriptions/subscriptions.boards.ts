/**
 * The leaderboard stream: every version of a board, as the object of the viewer's audience.
 * Invariant: a board event is executed once per version and audience for all its subscribers
 * (live/shared-execution.ts), never shared across audiences: a screen's result shows only what a
 * screen may see (core/graphql/visibility.ts), and the audience is the viewer's as it is at each
 * event. A screen reads only its own team's boards (assertScreenReads, at subscribe and per event).
 * Over WebSocket a version is first offered to the fast path (ctx.frames, transport/ws/frames.ts):
 * when the viewer is known without waiting (Session.peek) and may still read the board, its
 * audience's payload is written straight into the frame; anything else (a viewer to read again,
 * a refusal, a payload with errors or too large, a socket still sending) goes through the stream
 * below, which decides as it always has.
 */
import type { AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import { assertScreenReads, audienceOf, type Audience } from '../../core/permissions.ts';
import type { BoardEvent } from '../../live/hub/types.ts';
import { markShared } from '../../live/shared-execution.ts';
import type { Board } from '../leaderboard/leaderboard.args.ts';
import { checkLimit } from '../leaderboard/leaderboard.service.ts';
import { liveOf, releasing, type StreamScope } from './subscriptions.streams.ts';

export const leaderboardStream = (ctx: AppContext, args: BoardStream) =>
  releasing((scope) => leaderboardGen(ctx, args, scope));

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
  const frames = ctx.frames;
  const bypass = frames
    ? (event: BoardEvent, stale: () => boolean): boolean | Promise<boolean> => {
        const now = session.peek();
        if (!now) return false;
        try {
          assertScreenReads(now, teamId);
        } catch {
          return false; // the stream refuses it, as it always has
        }
        const payload = frames.payload(forAudience(event, audienceOf(now)));
        if (payload === null) return false;
        if (!(payload instanceof Promise)) return frames.write(payload);
        return payload.then((bytes) => bytes !== null && !stale() && frames.write(bytes));
      }
    : undefined;
  const box = scope.track(
    live.watchBoard(
      {
        periodType: args.periodType,
        metric: args.metric,
        teamId,
        limit: args.limit,
        standings: args.standings ?? false,
      },
      bypass ? { bypass } : undefined,
    ),
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
