/**
 * The streams of public recognition, badges (achievementUnlocked) and kudos (kudosGiven): each
 * item is for one person, streamed to every role, of everyone or of one team's people.
 * Invariant: a screen reads only its own team's (assertScreenReads, at subscribe and again for
 * every event with the viewer as it is now); events carry their loaders, shared by every
 * subscriber, so an event costs no statement per subscriber.
 */
import type { AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import type { Loaders } from '../../core/loaders.ts';
import { assertScreenReads } from '../../core/permissions.ts';
import type { Mailbox } from '../../live/hub/mailbox.ts';
import type { AchievementEvent, KudosEvent } from '../../live/hub/types.ts';
import type { LiveEvents } from '../../live/ports.ts';
import type { Achievement } from '../achievements/achievement.type.ts';
import type { Kudos } from '../kudos/kudos.type.ts';
import { liveOf, releasing, type StreamScope, type WithLoaders } from './subscriptions.streams.ts';

export const achievementStream = (ctx: AppContext, args: { teamId: string | null }) =>
  releasing((scope) => achievementGen(ctx, args, scope));
/** Kudos as they are given, of everyone or of the recipients in one team (a screen: its own). */
export const kudosStream = (ctx: AppContext, args: { teamId: string | null }) =>
  releasing((scope) =>
    teamEventsGen(ctx, args, scope, {
      open: (live) => live.kudosEvents(),
      items: (event: KudosEvent): Kudos[] => event.kudos,
      teamOf: (k) => k.recipientTeamId,
    }),
  );

/**
 * Events of every role's public recognition (badges, kudos), each for one person: all of them, or
 * those whose person is in `teamId` (a screen: its own team). Executed per subscriber, with the
 * viewer as it is now (checked again for each event).
 */
export async function* teamEventsGen<E extends { loaders: Loaders }, T>(
  ctx: AppContext,
  args: { teamId: string | null },
  scope: StreamScope,
  source: {
    open: (live: LiveEvents) => Mailbox<E>;
    items: (event: E) => T[];
    teamOf: (item: T) => number | null;
  },
): AsyncGenerator<WithLoaders<T>> {
  const { live, session } = liveOf(ctx);
  const viewer = await session.viewer();
  const teamId = optionalId(args.teamId, 'Team');
  assertScreenReads(viewer, teamId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const box = scope.track(source.open(live));
  try {
    for await (const event of box as AsyncIterable<E>) {
      ctx.viewer = await session.viewer();
      assertScreenReads(ctx.viewer, teamId);
      for (const item of source.items(event)) {
        if (teamId === null || source.teamOf(item) === teamId) yield { value: item, loaders: event.loaders };
      }
    }
  } finally {
    await box.return();
  }
}

function achievementGen(
  ctx: AppContext,
  args: { teamId: string | null },
  scope: StreamScope,
): AsyncGenerator<WithLoaders<Achievement>> {
  return teamEventsGen(ctx, args, scope, {
    open: (live) => live.achievementEvents(),
    items: (event: AchievementEvent) => event.achievements,
    teamOf: (a) => a.teamId,
  });
}
