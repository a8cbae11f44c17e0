/**
 * Team figures for a period: every team's totals and members in one statement, members highest
 * revenue first, kept in the period cache until a change to the period's rollups, users or teams
 * is delivered (live/caches/period-cache.ts). Managers and admins only.
 */
import type { PeriodType } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { divideMoney, formatMoney, parseMoney, AGGREGATE_INTEGER_DIGITS } from '../../domain/money.ts';
import { periodEnd, periodStart } from '../../domain/periods.ts';
import { conversionRate, winRate } from '../../domain/rates.ts';
import { NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import { assertRole } from '../../core/permissions.ts';
import { findTeam, listTeams } from '../teams/team.queries.ts';
import { toUserRow } from '../users/user.queries.ts';
import { toPerformancePeriod } from './performance.mapping.ts';
import { teamSellersWithRollups, toCounts } from './performance.queries.ts';
import { dayOf, primeUser } from './performance.service.ts';
import { TeamPerformance, type PerformancePeriod } from './performance.type.ts';

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
  // and served only when that is as fresh as this read (live/caches/period-cache.ts)
  const figures = ctx.figures
    ? await ctx.figures.get(periodType, start, `team:${teamId ?? 'all'}`, load, ctx.db)
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

export interface Member {
  period: PerformancePeriod;
  /** Its revenue, parsed once. */
  revenueCents: bigint;
}

export const revenueCents = (revenue: string): bigint => parseMoney(revenue, AGGREGATE_INTEGER_DIGITS) ?? 0n;

/** Team totals over members already in their display order (highest revenue first). */
export function aggregateTeam(
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
