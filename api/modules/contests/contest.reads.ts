/**
 * Contest reads: the list, one contest, its standings, and who reads which contest (the scope
 * the live streams apply too: contest.streams.ts).
 *
 * Invariants:
 * - Admins and managers see every contest; a rep those for everyone, naming them or their team; a
 *   screen those of its team (a screen of no team: all), read-only, while its admin leaves
 *   showContests on (else FORBIDDEN, as goals without showGoals).
 * - readScope (SQL, contest.queries.ts) and canRead (in memory) are the same rule: a list and a
 *   single read never disagree.
 */
import type { ContestStatus } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { screenReadsContests, type Viewer } from '../../core/permissions.ts';
import { toContest } from './contest.mapping.ts';
import { findContest, listContests, type ContestScope, type ContestWithParts } from './contest.queries.ts';
import { standingsOf, type StandingsView } from './contest.standings.ts';
import type { Contest } from './contest.type.ts';

/** Most contests one `contests` read returns. */
export const CONTEST_LIST_MAX = 200;

/** Why a screen reads no contest: its admin turned showContests off. */
export const NO_CONTESTS = 'This screen’s admin turned its contests off (showContests).';

/** Which contests the viewer reads (module header); FORBIDDEN for a screen with contests off. */
export function readScope(viewer: Viewer): ContestScope {
  if (viewer.role === 'ADMIN' || viewer.role === 'MANAGER') return {};
  if (!screenReadsContests(viewer)) throw new ForbiddenError(NO_CONTESTS);
  if (viewer.role === 'REP') return { person: { userId: viewer.id, teamId: viewer.teamId } };
  return viewer.teamId === null ? {} : { team: viewer.teamId };
}

/** Whether the viewer reads this contest (in memory, but a screen's team members: one statement). */
export async function canRead(ctx: AppContext, viewer: Viewer, c: ContestWithParts): Promise<boolean> {
  const scope = readScope(viewer);
  if (c.everyone) return true;
  if (scope.person) {
    const { userId, teamId } = scope.person;
    return c.participants.some(
      (p) => p.userId === userId || p.opponentId === userId || (teamId !== null && p.teamId === teamId),
    );
  }
  if (scope.team !== undefined) {
    const team = scope.team;
    if (c.participants.some((p) => p.teamId === team)) return true;
    const people = c.participants
      .flatMap((p) => [p.userId, p.opponentId])
      .filter((x): x is number => x !== null);
    const users = await Promise.all(people.map((id) => ctx.loaders.userById.load(id)));
    return users.some((u) => u?.teamId === team);
  }
  return true;
}

/** The contest, when the viewer may read it; FORBIDDEN when it exists but is not theirs. */
export async function readableContest(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<ContestWithParts | null> {
  const c = await findContest(ctx.db, id);
  if (!c) return null;
  if (!(await canRead(ctx, viewer, c)))
    throw new ForbiddenError(`Contest ${id} is not one you take part in.`);
  return c;
}

export async function contests(
  ctx: AppContext,
  args: { status: ContestStatus | null; limit: number },
): Promise<Contest[]> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > CONTEST_LIST_MAX)
    throw BadInputError.one('limit', `must be between 1 and ${CONTEST_LIST_MAX}`);
  const list = await listContests(ctx.db, {
    scope: readScope(viewer),
    status: args.status,
    now: ctx.now,
    limit: args.limit,
  });
  return list.map((c) => toContest(c, ctx.now));
}

export async function contest(ctx: AppContext, idArg: string): Promise<Contest | null> {
  const viewer = requireViewer(ctx);
  const c = await readableContest(ctx, viewer, parseId(idArg, 'Contest'));
  return c ? toContest(c, ctx.now) : null;
}

/** A contest's standings for a Contest.standings field (already scoped by its parent). */
export async function standings(ctx: AppContext, id: number): Promise<StandingsView> {
  const c = await findContest(ctx.db, id);
  if (!c) throw new NotFoundError('Contest', id);
  return standingsOf(ctx.db, ctx.org, c, ctx.now);
}
