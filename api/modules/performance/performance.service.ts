/**
 * Performance reads (summaries, periods, trends, team figures) and writes (activities, pushed
 * aggregates). Reads are scoped by role (permissions.ts); rates derive from counts.
 */
import { z } from 'zod';
import { LIMITS, PERIOD_TYPES, type PeriodType } from '../../../schema/db/constants.ts';
import type { SalesPerformanceRow, TeamRow, UserRow } from '../../../schema/db/index.ts';
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
import { BadInputError, FieldErrors, NotFoundError, type FieldError } from '../../errors.ts';
import { optionalId, parseId } from '../../graphql/ids.ts';
import {
  assertCanReadUser,
  assertCanWriteForUser,
  assertNotViewer,
  assertRole,
  readableUserScope,
} from '../../permissions.ts';
import { collectInput, pgErrorOf } from '../../validation.ts';
import { findTeam, listTeams } from '../teams/team.queries.ts';
import { toUserRow } from '../users/user.queries.ts';
import { indexRollups, rollupKey, toPerformancePeriod } from './performance.mapping.ts';
import {
  lifetimeSummaries,
  listSellers,
  INT_MAX,
  recordPerformanceRow,
  rollupRows,
  rollupsForPeriod,
  teamSellersWithRollups,
  toCounts,
  TOTAL_REVENUE_MAX,
  userWithRollups,
} from './performance.queries.ts';
import {
  PerformanceSummary,
  TeamPerformance,
  type PerformanceCounts,
  type PerformancePeriod,
  type RecordPerformanceInput,
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
function primeUser(ctx: AppContext, user: UserRow): void {
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

export async function teamPerformance(
  ctx: AppContext,
  teamIdArg: string | null | undefined,
  periodType: PeriodType,
  date: string | null | undefined,
): Promise<TeamPerformance[]> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN', 'MANAGER'], 'Team figures are for managers and admins.');
  const teamId = optionalId(teamIdArg, 'Team');
  const start = periodStart(periodType, dayOf(ctx, date));
  const load = () => computeTeamPerformance(ctx, teamId, periodType, start);
  // kept in memory until a change to the period's rollups, the users or the teams is delivered,
  // and served only when that is as fresh as this read (live/period-cache.ts)
  const figures = ctx.figures
    ? await ctx.figures.get(periodType, start, `team:${teamId ?? 'all'}`, load)
    : await load();
  for (const user of figures.users) primeUser(ctx, user);
  for (const team of figures.teams) ctx.loaders.teamById.prime(team.id, team);
  return figures.performance;
}

interface TeamFigures {
  readonly teams: readonly TeamRow[];
  /** Every member's users row, for the `user` and `topPerformer` fields. */
  readonly users: readonly UserRow[];
  readonly performance: TeamPerformance[];
}

async function computeTeamPerformance(
  ctx: AppContext,
  teamId: number | null,
  periodType: PeriodType,
  start: string,
): Promise<TeamFigures> {
  const team = teamId === null ? undefined : await findTeam(ctx.db, teamId);
  if (teamId !== null && !team) throw new NotFoundError('Team', teamId);
  const teams = team ? [team] : await listTeams(ctx.db);
  // members come highest revenue first (then orders won, name, id) from one statement, with
  // their users rows, which `user`/`topPerformer` then read from the primed DataLoader
  const sellers = await teamSellersWithRollups(ctx.db, teamId, periodType, start);
  const users: UserRow[] = [];
  const byTeam = new Map<number, Member[]>();
  for (const seller of sellers) {
    const user = toUserRow(seller);
    users.push(user);
    if (user.teamId === null) continue;
    const counts = toCounts(seller);
    const member: Member = {
      period: toPerformancePeriod(user.id, periodType, start, counts),
      revenueCents: counts ? revenueCents(counts.revenue) : 0n,
    };
    const members = byTeam.get(user.teamId);
    if (members) members.push(member);
    else byTeam.set(user.teamId, [member]);
  }
  return {
    teams,
    users,
    performance: teams.map((t) => aggregateTeam(t.id, periodType, start, byTeam.get(t.id) ?? [])),
  };
}

interface Member {
  period: PerformancePeriod;
  /** Its revenue, parsed once. */
  revenueCents: bigint;
}

const revenueCents = (revenue: string): bigint => parseMoney(revenue, AGGREGATE_INTEGER_DIGITS) ?? 0n;

/** Team totals over members already in their display order (highest revenue first). */
function aggregateTeam(
  teamId: number,
  periodType: PeriodType,
  start: string,
  members: Member[],
): TeamPerformance {
  let revenue = 0n;
  let ordersWon = 0;
  let leadsCreated = 0;
  let opportunitiesLost = 0;
  for (const { period, revenueCents: cents } of members) {
    revenue += cents;
    ordersWon += period.ordersWon;
    leadsCreated += period.leadsCreated;
    opportunitiesLost += period.opportunitiesLost;
  }
  const orders = Math.max(0, ordersWon);
  const top = members[0];
  return Object.assign(new TeamPerformance(), {
    teamId,
    periodType,
    periodStart: start,
    periodEnd: periodEnd(periodType, start),
    memberCount: members.length,
    revenue: formatMoney(revenue),
    ordersWon,
    avgRevenuePerMember: members.length ? formatMoney(divideMoney(revenue, BigInt(members.length))) : '0.00',
    conversionRate: conversionRate(orders, Math.max(0, leadsCreated)),
    winRate: winRate(orders, Math.max(0, opportunitiesLost)),
    topPerformerId: top && (top.revenueCents > 0n || top.period.ordersWon > 0) ? top.period.userId : null,
    members: members.map((m) => m.period),
  });
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
  const key = { userId, periodType: values.periodType, periodStart: values.periodStart };
  let row: SalesPerformanceRow;
  try {
    row = await ctx.db.transaction((tx) => recordPerformanceRow(tx, key, pushed));
  } catch (error) {
    // numeric_value_out_of_range: a total of a longer period would leave its column's range
    if (pgErrorOf(error)?.code !== '22003') throw error;
    throw new BadInputError(await overflowingFields(ctx, key, pushed));
  }
  return toPerformancePeriod(userId, values.periodType, values.periodStart, row);
}

/** The longer periods a pushed period's figures are added into (drizzle/functions/record_performance.sql). */
const CONTAINING: Record<PeriodType, PeriodType[]> = {
  DAILY: ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'],
  WEEKLY: [],
  MONTHLY: ['QUARTERLY', 'YEARLY'],
  QUARTERLY: ['YEARLY'],
  YEARLY: [],
};

/**
 * Which pushed figures would take a longer period's total out of its column's range, read after
 * the refused write: each figure replaces the period's own value inside every total containing it.
 */
async function overflowingFields(
  ctx: AppContext,
  key: { userId: number; periodType: PeriodType; periodStart: string },
  pushed: Record<string, number | string>,
): Promise<FieldError[]> {
  const periods = [
    key,
    ...CONTAINING[key.periodType].map((t) => ({
      periodType: t,
      periodStart: periodStart(t, key.periodStart),
    })),
  ];
  const rows = await rollupRows(ctx.db, key.userId, periods);
  const own = rows.find((r) => r.periodType === key.periodType);
  const cents = (text: string | undefined) => parseMoney(text ?? '0', AGGREGATE_INTEGER_DIGITS) ?? 0n;
  const fields: FieldError[] = [];
  for (const [field, value] of Object.entries(pushed)) {
    const column = field as (typeof PUSHED_FIELDS)[number];
    const over = rows.find((total) => {
      if (total === own) return false;
      if (column === 'revenue')
        return cents(total.revenue) - cents(own?.revenue) + cents(String(value)) > cents(TOTAL_REVENUE_MAX);
      return total[column] - (own?.[column] ?? 0) + Number(value) > INT_MAX;
    });
    if (over) {
      const limit = column === 'revenue' ? TOTAL_REVENUE_MAX : String(INT_MAX);
      const period = `${over.periodType.toLowerCase()} total from ${over.periodStart}`;
      fields.push({ field, message: `would take the ${period} beyond ${limit}` });
    }
  }
  // a concurrent write changed the totals since: every figure sent is a candidate
  return fields.length
    ? fields
    : Object.keys(pushed).map((field) => ({
        field,
        message: "would take a longer period's total out of range",
      }));
}
