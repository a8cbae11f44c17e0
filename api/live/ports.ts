/**
 * Ports: what the request context, the services and the subscription streams need of the live
 * layer, as small interfaces. LiveHub, PeriodCache and ViewerDirectory implement them (app.ts
 * passes the concrete objects in).
 *
 * Invariant: this file holds types only and names no concrete live class, so the context
 * (context.ts) and everything that imports it never import hub.ts, period-cache.ts or
 * directory.ts. The dependency points one way: live/ -> modules/ (mappers, queries) and
 * context.ts -> ports.ts, never back. Why: the hub imports the modules' mappers; if the context
 * named the hub, every service would sit in an import cycle with it (docs/architecture.md).
 * import-x/no-cycle in eslint.config.js keeps it so.
 */
import type { PeriodType } from '../../schema/db/constants.ts';
import type { BoardQuery, BoardWithStandings } from '../modules/leaderboard/leaderboard.mapping.ts';
import type { Viewer } from '../core/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type {
  AchievementEvent,
  BoardEvent,
  BoardKey,
  ContestEvent,
  ContestListEvent,
  GoalEvent,
  KudosEvent,
  PaceAlertEvent,
} from './hub/types.ts';
import type { Mailbox, MailboxOptions } from './hub/mailbox.ts';

/** Subscriptions: the live hub's event streams (LiveHub). */
export interface LiveEvents {
  /** The current board at once, then every newer version, until the reader stops. */
  watchBoard(key: BoardKey, options?: Pick<MailboxOptions<BoardEvent>, 'bypass'>): Mailbox<BoardEvent>;
  goalEvents(): Mailbox<GoalEvent>;
  achievementEvents(): Mailbox<AchievementEvent>;
  /** A contest's standings at once, then after every change that moves them. */
  watchContest(id: number): Mailbox<ContestEvent>;
  /** The current contests (upcoming, running, just ended) at once, then after every change. */
  watchContestList(): Mailbox<ContestListEvent>;
  /** Goals as they fall behind pace past the alert threshold (once per goal per day). */
  paceAlertEvents(): Mailbox<PaceAlertEvent>;
  /** Kudos as they are given (only new ones). */
  kudosEvents(): Mailbox<KudosEvent>;
}

/**
 * A WebSocket subscription's fast path (transport/ws/frames.ts, made per subscription by
 * transport/ws/accept.ts): a shared event's payload as this subscription selects it, written
 * into its own `next` frame without graphql-ws's per-subscriber steps. Whatever it cannot take
 * goes the usual way, through the stream and graphql-ws.
 */
export interface DirectFrames {
  /** The event's shared JSON for this subscription: bytes once made, a promise meanwhile, null if none. */
  payload(event: object): Buffer | null | Promise<Buffer | null>;
  /** Sends a `next` frame around `payload` now; false when the socket cannot take it now. */
  write(payload: Buffer): boolean;
}

/** HTTP: leaderboards from the live hub's memory when that is as fresh as a query (LiveHub). */
export interface BoardSource {
  /**
   * undefined when memory is not as fresh as a query: the caller ranks in SQL. `db`: the
   * request's database, what the read runs for it is counted there (core/request-scope.ts).
   */
  readBoard(q: BoardQuery, db?: Queryable): Promise<BoardWithStandings | undefined>;
}

/** HTTP: figures kept until their period changes, when that is as fresh as a query (PeriodCache). */
export interface FigureCache {
  /** `db`: the request's database, its freshness check counted there (core/request-scope.ts). */
  get<T>(
    periodType: PeriodType,
    periodStart: string,
    key: string,
    load: () => Promise<T>,
    db?: Queryable,
  ): Promise<T>;
}

/** The process's viewer cache, as operations see it (ViewerDirectory). */
export interface ViewerCache {
  /** The active user behind `email` as committed now, past the cache (mutations: http.ts). */
  fresh(email: string, db?: Queryable): Promise<Viewer>;
  /** Drops every cached viewer (writes to users and teams): the next request reads them again. */
  invalidate(): void;
  /** Called after every drop, here or from another process's change; returns the unsubscribe. */
  onInvalidate(listener: () => void): () => void;
}
