/**
 * What every subscription stream shares: an unsubscribe that ends a stream waiting for its next
 * event (StreamScope, releasing), the live events and session of a WebSocket request (liveOf), and
 * the end of a screen's stream when its admin takes a permission away (endWhenRevoked). The
 * streams themselves, by domain: subscriptions.boards.ts, subscriptions.goals.ts,
 * subscriptions.recognition.ts (badges, kudos), contests/contest.streams.ts.
 * Each stream subscribes to the hub BEFORE reading any snapshot (so nothing that changes meanwhile
 * is lost), and checks scope again for every event with a freshly read viewer (Session), not only
 * at subscribe time; field visibility (core/graphql/visibility.ts) follows that viewer too.
 */
import type { AppContext, Session } from '../../core/context.ts';
import { ForbiddenError, UnauthenticatedError } from '../../core/errors.ts';
import type { Loaders } from '../../core/loaders.ts';
import type { Viewer } from '../../core/permissions.ts';
import type { LiveEvents } from '../../live/ports.ts';

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

export function liveOf(ctx: AppContext): { live: LiveEvents; session: Session } {
  if (!ctx.live || !ctx.session)
    throw new UnauthenticatedError('Subscriptions run over WebSocket with a token.');
  return { live: ctx.live, session: ctx.session };
}

export interface WithLoaders<T> {
  value: T;
  loaders: Loaders;
}

/**
 * Ends a screen's stream with FORBIDDEN as soon as its admin takes the permission away (showGoals,
 * showContests: `allowed` says no): the directory is dropped on every screens change (here at
 * once, elsewhere on the `dir` notification), and the viewer is read again then, once per change,
 * never per event. Returns the unsubscribe (nothing to do for everyone else).
 */
export function endWhenRevoked(
  ctx: AppContext,
  session: Session,
  viewer: Viewer,
  box: { fail(error: Error): void },
  allowed: (viewer: Viewer) => boolean,
  message: string,
): () => void {
  const directory = ctx.directory;
  if (viewer.role !== 'VIEWER' || !directory) return () => {};
  return directory.onInvalidate(() => {
    session.viewer().then(
      (now) => {
        if (!allowed(now)) box.fail(new ForbiddenError(message));
      },
      (error: unknown) => box.fail(error instanceof Error ? error : new ForbiddenError(message)),
    );
  });
}
