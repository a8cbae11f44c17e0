/**
 * The contest subscriptions' streams: contestChanged (one contest's standings) and contestsChanged
 * (the contests the caller may read that are upcoming, running or just ended), each at once and
 * after each change.
 *
 * Invariants: the hub reads once per change for everyone (live/hub/contests.ts: one recomputation
 * per contest; live/hub/contest-list.ts: one list read); each subscriber's share is checked here in
 * memory, with the viewer as it is now and the event's loaders (canRead: the rule of `contests` and
 * `contest(id)`), never with a statement of its own. A screen whose admin turns showContests off is
 * refused at once on both (endWhenRevoked). Each list frame is stamped with the server's clock when
 * it is sent (`generatedAt`, statuses as of then), so a client corrects its own clock by it for
 * countdowns, even from a list read long before it subscribed.
 */
import type { AppContext } from '../../core/context.ts';
import { ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { screenReadsContests } from '../../core/permissions.ts';
import type { ContestEvent, ContestListEvent } from '../../live/hub/types.ts';
import {
  endWhenRevoked,
  liveOf,
  releasing,
  type StreamScope,
  type WithLoaders,
} from '../subscriptions/subscriptions.streams.ts';
import { toContest } from './contest.mapping.ts';
import { canRead, NO_CONTESTS, readableContest, readScope } from './contest.reads.ts';
import type { ContestList } from './contest.type.ts';

export const contestStream = (ctx: AppContext, args: { id: string }) =>
  releasing((scope) => contestGen(ctx, args, scope));

export const contestListStream = (ctx: AppContext) => releasing((scope) => contestListGen(ctx, scope));

/** A contest's standings: NOT_FOUND for one the caller may not read, FORBIDDEN once they no longer may. */
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
  const unlisten = endWhenRevoked(ctx, session, viewer, box, screenReadsContests, NO_CONTESTS);
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
    unlisten();
    await box.return();
  }
}

async function* contestListGen(
  ctx: AppContext,
  scope: StreamScope,
): AsyncGenerator<WithLoaders<ContestList>> {
  const { live, session } = liveOf(ctx);
  const first = await session.viewer();
  readScope(first); // FORBIDDEN at once for a screen with contests off
  const box = scope.track(live.watchContestList());
  const unlisten = endWhenRevoked(ctx, session, first, box, screenReadsContests, NO_CONTESTS);
  try {
    for await (const event of box as AsyncIterable<ContestListEvent>) {
      // executed per subscriber, with the viewer as it is now (field visibility reads it)
      const viewer = (ctx.viewer = await session.viewer());
      if (!screenReadsContests(viewer)) throw new ForbiddenError(NO_CONTESTS);
      const check: AppContext = { ...ctx, loaders: event.loaders };
      const readable = await Promise.all(event.contests.map((c) => canRead(check, viewer, c)));
      // stamped as sent, not as read: a new subscriber's first frame may be a list read long ago
      const sentAt = new Date();
      const contests = event.contests.filter((_, i) => readable[i]).map((c) => toContest(c, sentAt));
      yield { value: { generatedAt: sentAt, contests }, loaders: event.loaders };
    }
  } finally {
    unlisten();
    await box.return();
  }
}
