/**
 * Leaderboards: the sellers in scope with something in the board's metric (domain/ranking.ts
 * boardScore: revenue above zero, an order won, the minimum sample of a rate) ranked with standard
 * competition ranking (ties share a rank) on each metric; the board's metric orders the entries,
 * ties by name (JavaScript's localeCompare) then id. Sellers it does not rank are counted
 * (unrankedCount), never listed: no rank, medal or movement for nothing. Postgres ranks (window
 * functions) and returns only the rows that can make the top `limit`; the live hub ranks the same
 * way in memory (rankSellers, leaderboard.mapping.ts). The same ranking written plainly in JavaScript (tests/oracles) is the
 * reference the tests compare both with. A seller's standing (rank, entry, the next person up and
 * the gap to them) comes from the same ranking: from memory, or one statement when asked for.
 */
import { LIMITS } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { assertScreenReads } from '../../core/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import { periodEnd, periodStart } from '../../domain/periods.ts';
import { minimumSample, sampleOf, type RateMinimums } from '../../domain/ranking.ts';
import { BadInputError, NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import { dayOf } from '../performance/performance.service.ts';
import { toUserRow } from '../users/user.queries.ts';
import type { Board } from './leaderboard.args.ts';
import {
  figuresOf,
  inBoardOrder,
  standing,
  teamsOf,
  toEntry,
  type BoardQuery,
  type BoardWithStandings,
} from './leaderboard.mapping.ts';
import { rankedBoard, standingRows } from './leaderboard.queries.ts';
import {
  LeaderboardEntry,
  LeaderboardStanding,
  type Leaderboard,
  type StandingResult,
} from './leaderboard.type.ts';

/** A board (defaults applied, see leaderboard.args.ts) of the period containing date (default today). */
export type LeaderboardArgs = Board & { date: string | null };

/**
 * The ranked board's entries, best first (ties by name, then id), with their users' and teams'
 * rows: everything a board shows but its version and time, when the live hub has no copy. One
 * statement: Postgres ranks every seller and returns only the rows that can make the top `limit`
 * (rankBoard in tests/oracles/ranking.ts is the same ranking done in full; tests hold them equal). The
 * entries' users come with it (whole rows: callers prime their user loader with them).
 */
export async function computeBoard(
  db: Queryable,
  q: BoardQuery,
  minimums: RateMinimums,
): Promise<BoardWithStandings> {
  const board = await rankedBoard(db, q, minimums);
  const top = board.rows.sort(inBoardOrder).slice(0, q.limit);
  return {
    entries: top.map(toEntry),
    totalEntries: board.total,
    unrankedCount: board.unranked,
    dbVersion: board.version,
    users: top.map(toUserRow),
    teams: teamsOf(top),
    standingOf: (userId) => standingFromSql(db, q, minimums, userId),
  };
}

/** One statement (see standingRows); the next person up is the last of the better key's people. */
async function standingFromSql(
  db: Queryable,
  q: BoardQuery,
  minimums: RateMinimums,
  userId: number,
): Promise<StandingResult | null> {
  const { seller, ahead } = await standingRows(db, q, minimums, userId);
  if (!seller) return null;
  const next = ahead.sort(inBoardOrder).at(-1) ?? null;
  const ranked = seller.key !== null;
  const shown = ranked ? [seller, ...(next ? [next] : [])] : [seller];
  const gapUnits =
    next && seller.key !== null && next.key !== null ? Number(next.key) - Number(seller.key) : null;
  return {
    standing: standing({
      rank: ranked ? seller.rank : null,
      entry: ranked ? toEntry(seller) : null,
      sample: sampleOf(q.metric, figuresOf(seller)),
      ahead: next ? toEntry(next) : null,
      gap: gapUnits === null ? null : q.metric === 'ORDERS' ? gapUnits : gapUnits / 100,
    }),
    users: shown.map(toUserRow),
    teams: teamsOf(shown),
  };
}

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.leaderboardLimit) {
    throw BadInputError.one('limit', `must be between 1 and ${LIMITS.leaderboardLimit}`);
  }
}

export async function leaderboard(ctx: AppContext, args: LeaderboardArgs): Promise<Leaderboard> {
  const viewer = requireViewer(ctx);
  checkLimit(args.limit);
  const teamId = optionalId(args.teamId, 'Team');
  assertScreenReads(viewer, teamId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const start = periodStart(args.periodType, dayOf(ctx, args.date));
  const q: BoardQuery = {
    periodType: args.periodType,
    periodStart: start,
    metric: args.metric,
    teamId,
    limit: args.limit,
  };
  const minimums = ctx.org.rateMinimums;
  // from the live hub's memory when that is as fresh as this query, else ranked by Postgres
  const board = (await ctx.boards?.readBoard(q, ctx.db)) ?? (await computeBoard(ctx.db, q, minimums));
  // the entries' users and teams came with the ranking: `user { team { ... } }` costs no statement
  for (const user of board.users) ctx.loaders.userById.prime(user.id, user);
  for (const team of board.teams) ctx.loaders.teamById.prime(team.id, team);
  // each entry knows its board, for `contributions` (copies: the hub's entries are shared)
  const on = { metric: args.metric, periodStart: start, periodEnd: periodEnd(args.periodType, start) };
  return {
    teamId,
    standingOf: (userId) => onBoard(board.standingOf(userId), on),
    periodType: args.periodType,
    periodStart: start,
    periodEnd: periodEnd(args.periodType, start),
    metric: args.metric,
    version: board.dbVersion,
    generatedAt: ctx.now,
    totalEntries: board.totalEntries,
    unrankedCount: board.unrankedCount,
    minimumSample: minimumSample(args.metric, minimums),
    entries: board.entries.map((e) => withBoard(e, on)),
  };
}

const withBoard = (entry: LeaderboardEntry, board: NonNullable<LeaderboardEntry['board']>) =>
  Object.assign(new LeaderboardEntry(), entry, { board });

/** A standing whose entries know their board (see `withBoard`). */
function onBoard(
  found: StandingResult | null | Promise<StandingResult | null>,
  board: NonNullable<LeaderboardEntry['board']>,
): StandingResult | null | Promise<StandingResult | null> {
  const mark = (result: StandingResult | null): StandingResult | null => {
    if (!result) return null;
    const { entry, ahead } = result.standing;
    return {
      ...result,
      standing: Object.assign(new LeaderboardStanding(), result.standing, {
        entry: entry && withBoard(entry, board),
        ahead: ahead && withBoard(ahead, board),
      }),
    };
  };
  return found instanceof Promise ? found.then(mark) : mark(found);
}
