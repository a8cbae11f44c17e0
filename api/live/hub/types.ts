/**
 * The live hub's public types: what subscribers receive and how the hub is configured.
 *
 * Invariant: these are the only types the hub's callers (app.ts, the subscription streams, the
 * webhook worker, live/ports.ts) name; they are re-exported by hub.ts, so the parts of the hub
 * (hub/*.ts) can share them without importing the facade that assembles them (no import cycle).
 *
 * Why a file of its own: the events are the hub's contract with the GraphQL layer; the parts
 * that produce them (boards.ts, fanout.ts) and the facade must agree on one definition.
 * See docs/live-hub.md for how the parts fit together.
 */
import type { Logger } from 'pino';
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import type { OrgSettings } from '../../config.ts';
import type { Database, Queryable } from '../../db/client.ts';
import type { Loaders } from '../../core/loaders.ts';
import type { Achievement } from '../../modules/achievements/achievement.type.ts';
import type { Kudos } from '../../modules/kudos/kudos.type.ts';
import type { Goal } from '../../modules/goals/goal.type.ts';
import type { Leaderboard } from '../../modules/leaderboard/leaderboard.type.ts';
import type { ContestWithParts } from '../../modules/contests/contest.queries.ts';
import type { StandingsView } from '../../modules/contests/contest.standings.ts';
import type { Metrics } from '../../core/metrics.ts';

export interface BoardKey {
  periodType: PeriodType;
  metric: LeaderboardMetric;
  teamId: number | null;
  limit: number;
  /**
   * Its subscribers ask for standings (Leaderboard.standing), which show any seller of the board,
   * ranked or not: it is published when any seller's figures change, not only the top entries.
   */
  standings?: boolean;
}

export interface BoardEvent {
  board: Leaderboard;
  loaders: Loaders;
}

export type GoalEvent =
  | { kind: 'changed'; goals: Goal[]; loaders: Loaders }
  | { kind: 'removed'; goals: { id: number; userId: number | null; teamId: number | null }[] }
  | { kind: 'resync' };

/** Goals that fell behind pace past the alert threshold (subscription goalBehindPace). */
export interface PaceAlertEvent {
  goals: Goal[];
  loaders: Loaders;
}

/** Kudos given, read once per flush for every subscriber (hub/id-events.ts). */
export interface KudosEvent {
  kudos: Kudos[];
  loaders: Loaders;
}

export interface AchievementEvent {
  achievements: (Achievement & { teamId: number | null })[];
  loaders: Loaders;
}

/** A contest's standings as of one recomputation, shared by all its subscribers (hub/contests.ts). */
export interface ContestEvent {
  standings: StandingsView;
  /** The contest as read for it (its participants decide who may still watch it). */
  contest: ContestWithParts;
  loaders: Loaders;
}

/** The contests not ended before a while ago, read once per change for every subscriber (hub/contest-list.ts). */
export interface ContestListEvent {
  contests: ContestWithParts[];
  /** The server's clock when it was read (countdowns correct their own by it). */
  generatedAt: Date;
  loaders: Loaders;
}

export interface HubOptions {
  db: Database;
  org: OrgSettings;
  logger: Logger;
  /** How long a burst of notifications is gathered before boards are recomputed. @default 25 */
  coalesceMs?: number;
  /** The longest window during a sustained burst. @default 250 */
  maxCoalesceMs?: number;
  /** Capacity of a goal or badge subscriber's queue. @default 1000 */
  queueCapacity?: number;
  /**
   * Whether every change committed before the call has been delivered to `handle` (the LISTEN
   * bridge's caughtUp). Without it, HTTP reads are never served from memory.
   */
  caughtUp?: (db?: Queryable) => Promise<boolean>;
  now?: () => Date;
  /** Each flush counted and timed (core/metrics.ts). */
  metrics?: Pick<Metrics, 'flushed'>;
}

export interface HubStats {
  /** Leaderboard recomputations (one per dirty board per flush). */
  recomputations: number;
  /** Boards published (recomputed and different from the last one sent). */
  published: number;
  /** Reads of a table from the database (the rest of the time logged rows are applied). */
  reloads: number;
  /** HTTP leaderboard reads answered from memory (readBoard). */
  memoryReads: number;
  flushes: number;
  notifications: number;
  /** Contest recomputations (one per dirty watched contest per flush). */
  contestRecomputations: number;
  /** Reads of the current contests' list (one per flush after a contest or directory change). */
  contestListReads: number;
}
