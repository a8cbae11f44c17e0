/**
 * Performance reads (summaries, periods, trends, team figures) and writes (activities, pushed
 * aggregates). Reads are scoped by role (permissions.ts); rates derive from counts.
 */
import { z } from 'zod';
import { LIMITS, PERIOD_TYPES, type PeriodType } from '../../../schema/db/constants.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../context.ts';
import {
  sumMoney,
  parseMoney,
  divideMoney,
  formatMoney,
  AGGREGATE_INTEGER_DIGITS,
} from '../../domain/money.ts';
import { isPeriodStart, lastPeriods, localDate, periodEnd, periodStart } from '../../domain/periods.ts';
import { conversionRate, winRate, avgDealSize } from '../../domain/rates.ts';
import { BadInputError, FieldErrors, NotFoundError } from '../../errors.ts';
import { optionalId, parseId } from '../../graphql/ids.ts';
import {
  assertCanReadUser,
  assertCanWriteForUser,
  assertNotViewer,
  assertRole,
  readableUserScope,
} from '../../permissions.ts';
import { collectInput } from '../../validation.ts';
import { listTeams } from '../teams/team.queries.ts';
import { indexRollups, rollupKey, toPerformancePeriod } from './performance.mapping.ts';
import {
  lifetimeSummaries,
  listSellers,
  listTeamSellers,
  recordPerformanceRow,
  rollupsForPeriod,
} from './performance.queries.ts';
import type {
  PerformancePeriod,
  PerformanceSummary,
  RecordPerformanceInput,
  TeamPerformance,
} from './performance.type.ts';

/** The organisation's today, or the given date, as the day a period must contain. */
export function dayOf(ctx: AppContext, date: string | null | undefined): string {
  return date ?? localDate(ctx.now, ctx.org.timeZone);
}

async function loadUser(ctx: AppContext, id: number): Promise<UserRow> {
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
    await loadUser(ctx, userId);
    scope = [userId];
  } else {
    const readable = readableUserScope(viewer);
    scope = readable === 'all' ? 'all' : [readable];
  }
  const summaries = await lifetimeSummaries(ctx.db, scope);
  return summaries.map((s) => ({
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
  }));
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
  await loadUser(ctx, userId);
  const start = periodStart(periodType, dayOf(ctx, date));
  const [row] = await rollupsForPeriod(ctx.db, periodType, [start], [userId]);
  return toPerformancePeriod(userId, periodType, start, row);
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
  await loadUser(ctx, userId);
  const starts = lastPeriods(periodType, dayOf(ctx, date), count);
  const found = indexRollups(await rollupsForPeriod(ctx.db, periodType, starts, [userId]));
  return starts.map((s) => toPerformancePeriod(userId, periodType, s, found.get(rollupKey(userId, s))));
}

export async function teamPerformance(
  ctx: AppContext,
  teamIdArg: string | null | undefined,
  periodType: PeriodType,
  date: string | null | undefined,
): Promise<TeamPerformance[]> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN', 'MANAGER'], 'Team figures are for managers and admins.');
  const teamId = optionalId(teamIdArg, 'Team');
  const teams = teamId === null ? await listTeams(ctx.db) : [await ctx.loaders.teamById.load(teamId)];
  if (teamId !== null && !teams[0]) throw new NotFoundError('Team', teamId);
  const start = periodStart(periodType, dayOf(ctx, date));
  const sellers = await listTeamSellers(ctx.db, teamId);
  const found = indexRollups(
    await rollupsForPeriod(
      ctx.db,
      periodType,
      [start],
      sellers.map((s) => s.id),
    ),
  );
  return teams.flatMap((team) => {
    if (!team) return [];
    const members = sellers
      .filter((s) => s.teamId === team.id)
      .map((s) => toPerformancePeriod(s.id, periodType, start, found.get(rollupKey(s.id, start))));
    return [aggregateTeam(team.id, periodType, start, members)];
  });
}

function aggregateTeam(
  teamId: number,
  periodType: PeriodType,
  start: string,
  members: PerformancePeriod[],
): TeamPerformance {
  const sorted = [...members].sort((a, b) => compareMoney(b.revenue, a.revenue) || b.ordersWon - a.ordersWon);
  const total = (pick: (m: PerformancePeriod) => number): number =>
    members.reduce((sum, m) => sum + pick(m), 0);
  const revenue = sumMoney(members.map((m) => m.revenue));
  const orders = Math.max(
    0,
    total((m) => m.ordersWon),
  );
  const top = sorted[0];
  const revenueCents = parseMoney(revenue, AGGREGATE_INTEGER_DIGITS) ?? 0n;
  return {
    teamId,
    periodType,
    periodStart: start,
    periodEnd: periodEnd(periodType, start),
    memberCount: members.length,
    revenue,
    ordersWon: total((m) => m.ordersWon),
    avgRevenuePerMember: members.length
      ? formatMoney(divideMoney(revenueCents, BigInt(members.length)))
      : '0.00',
    conversionRate: conversionRate(
      orders,
      Math.max(
        0,
        total((m) => m.leadsCreated),
      ),
    ),
    winRate: winRate(
      orders,
      Math.max(
        0,
        total((m) => m.opportunitiesLost),
      ),
    ),
    topPerformerId: top && (compareMoney(top.revenue, '0') > 0 || top.ordersWon > 0) ? top.userId : null,
    members: sorted,
  };
}

function compareMoney(a: string, b: string): number {
  const x = parseMoney(a, AGGREGATE_INTEGER_DIGITS) ?? 0n;
  const y = parseMoney(b, AGGREGATE_INTEGER_DIGITS) ?? 0n;
  return x === y ? 0 : x > y ? 1 : -1;
}

// ---------------------------------------------------------------------------------------------
// Writes

const count = z.number().int().min(0, 'must not be negative').nullish();
const performanceSchema = z.object({
  userId: z.string(),
  periodType: z.enum(PERIOD_TYPES),
  periodStart: z.string(),
  leadsCreated: count,
  opportunitiesCreated: count,
  quotationsSent: count,
  quotationsAccepted: count,
  ordersWon: count,
  opportunitiesLost: count,
  revenue: z
    .string()
    .refine((r) => !r.startsWith('-'), 'must not be negative')
    .nullish(),
  calls: count,
  emails: count,
  meetings: count,
});

const PUSHED_FIELDS = [
  'leadsCreated',
  'opportunitiesCreated',
  'quotationsSent',
  'quotationsAccepted',
  'ordersWon',
  'opportunitiesLost',
  'revenue',
  'calls',
  'emails',
  'meetings',
] as const;

export async function recordPerformance(
  ctx: AppContext,
  input: RecordPerformanceInput,
): Promise<PerformancePeriod> {
  const viewer = requireViewer(ctx);
  assertNotViewer(viewer);
  const errors = new FieldErrors();
  const parsed = collectInput(performanceSchema, input, errors);
  if (!isPeriodStart(input.periodType, input.periodStart)) {
    errors.add(
      'periodStart',
      `must be the first day of a ${input.periodType} period (${periodStart(input.periodType, input.periodStart)})`,
    );
  }
  const values = errors.done(parsed);
  const userId = parseId(values.userId, 'User');
  assertCanWriteForUser(viewer, await loadUser(ctx, userId));
  const pushed: Record<string, number | string> = {};
  for (const field of PUSHED_FIELDS) {
    const value = values[field];
    if (value !== null && value !== undefined) pushed[field] = value;
  }
  const row = await ctx.db.transaction((tx) =>
    recordPerformanceRow(
      tx,
      { userId, periodType: values.periodType, periodStart: values.periodStart },
      pushed,
    ),
  );
  return toPerformancePeriod(userId, values.periodType, values.periodStart, row);
}
