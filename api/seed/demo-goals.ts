/**
 * Demo goals: John Smith's two goals of the original spec (75 % ON_TRACK, 60 % BEHIND), monthly,
 * quarterly and last-month goals for the other reps, team goals and one CUSTOM goal.
 *
 * Targets are derived from the rollups read back after the activities were inserted, so that
 * wherever `now` falls in the month, the data set holds goals in every status. Statuses follow the
 * database's own clock (org_today()), not `now`: a goal is MISSED only once its period ended by
 * that clock, and with a `now` in a month that clock has already closed, the current goals can
 * only be ACHIEVED or MISSED.
 */
import { eq } from 'drizzle-orm';
import type { GoalMetric, GoalStatus, PeriodType } from '../../schema/db/constants.ts';
import { goals } from '../../schema/db/index.ts';
import type { Queryable } from '../db/client.ts';
import { achievementPercentage, goalStatus } from '../domain/goal-status.ts';
import { addPeriods, periodEnd } from '../domain/periods.ts';
import type { Random } from './demo-random.ts';
import { sumFigures, type Figures, type SeededFigures } from './demo-rollups.ts';

export interface GoalContext extends SeededFigures {
  /** The latest month that has ended by the database's clock (normally last month). */
  readonly closedMonth: string;
  /** org_today() of the database. */
  readonly dbToday: string;
  readonly random: Random;
}

interface GoalPlan {
  readonly userId: number | null;
  readonly teamId: number | null;
  readonly metric: GoalMetric;
  readonly periodType: PeriodType;
  readonly periodStart: string;
  readonly description: string;
  readonly createdBy: number;
  readonly ended: boolean;
  /** Tracked value now (what goals_derive() will compute), or the hand-set value of a CUSTOM goal. */
  current: number;
  target: number;
  status: GoalStatus;
  /** John's spec goals and the CUSTOM goal keep their targets. */
  readonly fixed: boolean;
  /** Target used when the value so far is 0: a plausible quota from history. */
  readonly quota: number;
}

const BANDS: Record<GoalStatus, readonly [number, number]> = {
  ACHIEVED: [104, 125],
  ON_TRACK: [78, 96],
  BEHIND: [53, 72],
  AT_RISK: [15, 45],
  MISSED: [50, 92],
};
const SIDE_METRICS: readonly GoalMetric[] = ['LEADS', 'CALLS', 'MEETINGS', 'ORDERS'];
const MONTH_NAME = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

function valueOf(figures: Figures, metric: GoalMetric): number {
  switch (metric) {
    case 'REVENUE':
      return figures.revenue;
    case 'ORDERS':
      return figures.orders;
    case 'LEADS':
      return figures.leads;
    case 'OPPORTUNITIES':
      return figures.opportunities;
    case 'CALLS':
      return figures.calls;
    case 'MEETINGS':
      return figures.meetings;
    default:
      return 0;
  }
}

function roundTarget(raw: number, money: boolean): number {
  if (!money) return Math.max(1, Math.round(raw));
  const step = raw >= 10000 ? 500 : raw >= 1000 ? 50 : 10;
  return Math.max(step, Math.round(raw / step) * step);
}

function statusOf(current: number, target: number, ended: boolean): GoalStatus {
  return goalStatus(achievementPercentage(current, target), ended);
}

/** A target putting the goal in `want`, or null when no target can (e.g. ACHIEVED at 0). */
function targetFor(goal: GoalPlan, want: GoalStatus, random: Random): number | null {
  const money = goal.metric === 'REVENUE';
  if (goal.current <= 0) {
    const target = roundTarget(goal.quota, money);
    return statusOf(0, target, goal.ended) === want ? target : null;
  }
  const [low, high] = BANDS[want];
  for (const pct of [random.between(low, high), (low + high) / 2, low + 1, high - 1]) {
    const target = roundTarget((goal.current * 100) / pct, money);
    if (statusOf(goal.current, target, goal.ended) === want) return target;
  }
  return null;
}

/** Makes sure `want` occurs, moving the goal closest to its band whose own status occurs twice. */
function ensure(plans: GoalPlan[], want: GoalStatus, random: Random): GoalPlan | null {
  if (plans.some((goal) => goal.status === want)) return null;
  const count = (status: GoalStatus) => plans.filter((goal) => goal.status === status).length;
  const [low, high] = BANDS[want];
  const distance = (goal: GoalPlan) => Math.abs((goal.current * 100) / goal.target - (low + high) / 2);
  const candidates = plans.filter((goal) => !goal.fixed && count(goal.status) > 1);
  candidates.sort((a, b) => distance(a) - distance(b));
  for (const goal of candidates) {
    const target = targetFor(goal, want, random);
    if (target !== null) {
      goal.target = target;
      goal.status = want;
      return goal;
    }
  }
  return null;
}

const ALL_STATUSES: readonly GoalStatus[] = ['ACHIEVED', 'ON_TRACK', 'BEHIND', 'AT_RISK', 'MISSED'];

/**
 * Targets are quotas: the owner's average of the six months before this one, plus 5-25 %. The
 * status falls where the figures put it; `ensure` then moves single goals so every status occurs.
 */
function planGoals(ctx: GoalContext): GoalPlan[] {
  const { rollups, random, john } = ctx;
  const managerOf = (teamId: number | null) =>
    ctx.teams.find((team) => team.id === teamId)?.managerId ?? ctx.teams[0]?.managerId ?? john.id;
  const members = (teamId: number) => ctx.people.filter((person) => person.teamId === teamId);
  const history = (ids: number[], metric: GoalMetric) => {
    const months = Array.from({ length: 6 }, (_, i) => addPeriods('MONTHLY', ctx.month, -1 - i));
    const values = months.map((m) =>
      valueOf(sumFigures(ids.map((id) => rollups.of(id, 'MONTHLY', m))), metric),
    );
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  const plans: GoalPlan[] = [];
  const add = (
    owner: { userId: number } | { teamId: number },
    metric: GoalMetric,
    periodType: PeriodType,
    periodStart: string,
    description: string,
    fixed?: { target: number; current?: number },
  ) => {
    const ids = 'userId' in owner ? [owner.userId] : members(owner.teamId).map((person) => person.id);
    const userId = 'userId' in owner ? owner.userId : null;
    const teamId = 'teamId' in owner ? owner.teamId : null;
    const periods = periodType === 'QUARTERLY' ? 3 : 1;
    const tracked = valueOf(sumFigures(ids.map((id) => rollups.of(id, periodType, periodStart))), metric);
    const current = fixed?.current ?? tracked;
    const quota = Math.max(metric === 'REVENUE' ? 1000 : 1, history(ids, metric) * periods * 1.1);
    const ended = periodEnd(periodType, periodStart) < ctx.dbToday;
    const ownerTeam =
      userId === null ? teamId : (ctx.people.find((person) => person.id === userId)?.teamId ?? null);
    const target = fixed?.target ?? roundTarget(quota * random.between(0.95, 1.15), metric === 'REVENUE');
    plans.push({
      userId,
      teamId,
      metric,
      periodType,
      periodStart,
      description,
      createdBy: managerOf(ownerTeam),
      ended,
      current,
      target,
      status: statusOf(current, target, ended),
      fixed: fixed !== undefined,
      quota,
    });
  };

  const monthName = MONTH_NAME.format(new Date(`${ctx.month}T00:00:00Z`));
  const closedName = MONTH_NAME.format(new Date(`${ctx.closedMonth}T00:00:00Z`));
  const quarterName = `Q${Math.floor((Number(ctx.quarter.slice(5, 7)) - 1) / 3) + 1}`;

  add({ userId: john.id }, 'REVENUE', 'MONTHLY', ctx.month, 'Monthly revenue target', { target: 20000 });
  add({ userId: john.id }, 'ORDERS', 'MONTHLY', ctx.month, 'Monthly orders target', { target: 5 });

  const reps = ctx.people.filter((person) => person.spec.role === 'REP' && person.id !== john.id);
  reps.forEach((rep, i) => {
    const owner = { userId: rep.id };
    add(owner, 'REVENUE', 'MONTHLY', ctx.month, `${monthName} revenue target`);
    add(owner, 'REVENUE', 'QUARTERLY', ctx.quarter, `${quarterName} revenue target`);
    if (i % 3 === 1) {
      const metric = SIDE_METRICS[i % SIDE_METRICS.length] ?? 'LEADS';
      add(owner, metric, 'MONTHLY', ctx.month, `${monthName} ${metric.toLowerCase()} target`);
    }
    add(owner, 'REVENUE', 'MONTHLY', ctx.closedMonth, `${closedName} revenue target`);
  });

  for (const team of ctx.teams) {
    const owner = { teamId: team.id };
    add(owner, 'REVENUE', 'MONTHLY', ctx.month, `${team.spec.name} team revenue, ${monthName}`);
    add(owner, 'REVENUE', 'QUARTERLY', ctx.quarter, `${team.spec.name} team revenue, ${quarterName}`);
  }

  // CUSTOM: not tracked from the rollups; its value is set by hand (6 of 10 interviews).
  const nps = reps[0] ?? john;
  add({ userId: nps.id }, 'CUSTOM', 'MONTHLY', ctx.month, 'Customer NPS interviews', {
    target: 10,
    current: 6,
  });

  for (const status of ALL_STATUSES) ensure(plans, status, random);
  return plans;
}

/**
 * Inserts the planned goals, then reads back what goals_derive() made of them: should a tracked
 * value differ from what the rollups said, the statuses are ensured again from the values read
 * back (and the moved goals' targets updated). Returns how many goals were inserted.
 */
export async function insertGoals(db: Queryable, ctx: GoalContext): Promise<number> {
  const plans = planGoals(ctx);
  const inserted = await db
    .insert(goals)
    .values(
      plans.map((goal) => ({
        userId: goal.userId,
        teamId: goal.teamId,
        metric: goal.metric,
        periodType: goal.periodType,
        periodStart: goal.periodStart,
        // Derived by goals_derive(); the column is NOT NULL, so pass something.
        periodEnd: goal.periodStart,
        targetValue: goal.target.toFixed(2),
        currentValue: goal.current.toFixed(2),
        description: goal.description,
        createdBy: goal.createdBy,
      })),
    )
    .returning({ id: goals.id, status: goals.status, currentValue: goals.currentValue });
  const ids = new Map<GoalPlan, number>();
  inserted.forEach((row, i) => {
    const goal = plans[i];
    if (!goal) return;
    ids.set(goal, row.id);
    goal.current = Number(row.currentValue);
    goal.status = row.status;
  });
  for (const status of ALL_STATUSES) {
    const moved = ensure(plans, status, ctx.random);
    const id = moved ? ids.get(moved) : undefined;
    if (moved && id !== undefined) {
      await db
        .update(goals)
        .set({ targetValue: moved.target.toFixed(2) })
        .where(eq(goals.id, id));
    }
  }
  return inserted.length;
}
