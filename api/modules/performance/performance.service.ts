/**
 * Performance reads of one user (summaries, periods, trends), scoped by role (permissions.ts);
 * rates derive from counts. Team figures: team-performance.service.ts; pushed aggregates:
 * record-performance.service.ts; activities: activity.service.ts.
 */
import { LIMITS, type PeriodType } from '../../../schema/db/constants.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { sumMoney } from '../../domain/money.ts';
import { lastPeriods, localDate, periodStart } from '../../domain/periods.ts';
import { conversionRate, winRate, avgDealSize } from '../../domain/rates.ts';
import { BadInputError, NotFoundError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { assertCanReadUser, readableUserScope } from '../../core/permissions.ts';
import { toUserRow } from '../users/user.queries.ts';
import { indexRollups, rollupKey, toPerformancePeriod } from './performance.mapping.ts';
import {
  lifetimeSummaries,
  listSellers,
  rollupsForPeriod,
  toCounts,
  userWithRollups,
} from './performance.queries.ts';
import { PerformanceSummary, type PerformanceCounts, type PerformancePeriod } from './performance.type.ts';

/** The organisation's today, or the given date, as the day a period must contain. */
export function dayOf(ctx: AppContext, date: string | null | undefined): string {
  return date ?? localDate(ctx.now, ctx.org.timeZone);
}

export async function loadUser(ctx: AppContext, id: number): Promise<UserRow> {
  const user = await ctx.loaders.userById.load(id);
  if (!user) throw new NotFoundError('User', id);
  return user;
}

export async function performanceSummary(
  ctx: AppContext,
  userIdArg: string | null | undefined,
): Promise<PerformanceSummary[]> {
  const viewer = requireViewer(ctx);
  const userId = optionalId(userIdArg, 'User');
  let scope: number[] | 'all';
  if (userId !== null) {
    assertCanReadUser(viewer, userId);
    scope = [userId]; // an unknown user: no row, NOT_FOUND below
  } else {
    const readable = readableUserScope(viewer);
    scope = readable === 'all' ? 'all' : [readable];
  }
  const summaries = await lifetimeSummaries(ctx.db, scope);
  if (userId !== null && summaries.length === 0) throw new NotFoundError('User', userId);
  return summaries.map((s) => {
    // the rows carry their users: `user { ... }` needs no statement of its own
    primeUser(ctx, toUserRow(s));
    // instances, so type-graphql's field resolvers take them as they are (see toPerformancePeriod)
    return Object.assign(new PerformanceSummary(), {
      userId: s.user_id,
      leadsCreated: s.leads_created,
      opportunitiesCreated: s.opportunities_created,
      ordersWon: s.orders_won,
      revenue: sumMoney([s.revenue]),
      avgDealSize: avgDealSize(s.revenue, Math.max(0, s.orders_won)),
      conversionRate: conversionRate(Math.max(0, s.orders_won), Math.max(0, s.leads_created)),
      winRate: winRate(Math.max(0, s.orders_won), Math.max(0, s.opportunities_lost)),
      achievementCount: s.achievement_count,
      firstActivityAt: s.first_activity_at === null ? null : new Date(s.first_activity_at),
      lastActivityAt: s.last_activity_at === null ? null : new Date(s.last_activity_at),
    });
  });
}

/** Hands a users row read by a service's own statement to this operation's DataLoader. */
export function primeUser(ctx: AppContext, user: UserRow): void {
  ctx.loaders.userById.prime(user.id, user);
}

/**
 * A user and their rollups of these periods in one statement (NOT_FOUND when there is no such
 * user), the user primed into the DataLoader.
 */
async function userRollups(
  ctx: AppContext,
  userId: number,
  periodType: PeriodType,
  starts: string[],
): Promise<Map<string, PerformanceCounts>> {
  const found = await userWithRollups(ctx.db, userId, periodType, starts);
  const first = found[0];
  if (!first) throw new NotFoundError('User', userId);
  primeUser(ctx, toUserRow(first));
  const byStart = new Map<string, PerformanceCounts>();
  for (const row of found) {
    const counts = toCounts(row);
    if (counts && row.period_start !== null) byStart.set(row.period_start, counts);
  }
  return byStart;
}

export interface PeriodPerformanceArgs {
  userId: string | null;
  teamId: string | null;
  periodType: PeriodType;
  /** A day of the period; default today. */
  date: string | null;
}

/**
 * The period containing date for every seller the viewer may read (or one user), optionally only
 * the members of one team. Used by currentPerformance and by the REST API and exports.
 */
export async function periodPerformance(
  ctx: AppContext,
  args: PeriodPerformanceArgs,
): Promise<PerformancePeriod[]> {
  const viewer = requireViewer(ctx);
  const userId = optionalId(args.userId, 'User');
  const teamId = optionalId(args.teamId, 'Team');
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const start = periodStart(args.periodType, dayOf(ctx, args.date));
  let people: UserRow[];
  if (userId !== null) {
    assertCanReadUser(viewer, userId);
    people = [await loadUser(ctx, userId)];
  } else {
    const readable = readableUserScope(viewer);
    people = readable === 'all' ? await listSellers(ctx.db, { teamId }) : [await loadUser(ctx, readable)];
  }
  if (teamId !== null) people = people.filter((p) => p.teamId === teamId);
  const found = indexRollups(
    await rollupsForPeriod(
      ctx.db,
      args.periodType,
      [start],
      userId === null && people.length > 50 ? 'all' : people.map((p) => p.id),
    ),
  );
  return people.map((p) =>
    toPerformancePeriod(p.id, args.periodType, start, found.get(rollupKey(p.id, start))),
  );
}

export function currentPerformance(
  ctx: AppContext,
  userIdArg: string | null | undefined,
  periodType: PeriodType,
): Promise<PerformancePeriod[]> {
  return periodPerformance(ctx, { userId: userIdArg ?? null, teamId: null, periodType, date: null });
}

export async function performance(
  ctx: AppContext,
  userIdArg: string,
  periodType: PeriodType,
  date: string | null | undefined,
): Promise<PerformancePeriod> {
  const viewer = requireViewer(ctx);
  const userId = parseId(userIdArg, 'User');
  assertCanReadUser(viewer, userId);
  const start = periodStart(periodType, dayOf(ctx, date));
  const found = await userRollups(ctx, userId, periodType, [start]);
  return toPerformancePeriod(userId, periodType, start, found.get(start));
}

export async function trends(
  ctx: AppContext,
  userIdArg: string,
  periodType: PeriodType,
  count: number,
  date: string | null | undefined,
): Promise<PerformancePeriod[]> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(count) || count < 1 || count > LIMITS.trendsCount) {
    throw BadInputError.one('count', `must be between 1 and ${LIMITS.trendsCount}`);
  }
  const userId = parseId(userIdArg, 'User');
  assertCanReadUser(viewer, userId);
  const starts = lastPeriods(periodType, dayOf(ctx, date), count);
  const found = await userRollups(ctx, userId, periodType, starts);
  return starts.map((s) => toPerformancePeriod(userId, periodType, s, found.get(s)));
}
