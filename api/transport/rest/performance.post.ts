/**
 * POST /api/performance with the seed's bodies: type = goal | achievement | performance. Each body
 * is translated field by field into the input of the service GraphQL uses (createGoal,
 * recordAchievement, recordPerformance); the service validates and authorises as for GraphQL.
 * `created_by` is ignored (the caller is the creator); `period_end` must be the period's real end.
 */
import type { Request, Response } from 'express';
import type { PeriodType } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { DATE_RANGE_MESSAGE, periodEnd, periodStart } from '../../domain/periods.ts';
import { startOfLocalDay } from '../../domain/zoned-time.ts';
import { BadInputError } from '../../core/errors.ts';
import { normaliseDecimal, parseInstant, parseIsoDate } from '../../core/graphql/scalars.ts';
import { recordAchievement } from '../../modules/achievements/achievement.service.ts';
import { createGoal } from '../../modules/goals/goal.service.ts';
import { recordPerformance } from '../../modules/performance/record-performance.service.ts';
import { resolveDerived } from './derived.ts';
import { Fields } from './fields.ts';
import { GOAL_TYPE_HINT, lower, parseGoalType } from './names.ts';
import { loadNames, restAchievement, restGoal, restPeriod } from './shapes.ts';

/** Service field names -> the seed's, where snake_case alone does not give them. */
export const GOAL_FIELDS = { metric: 'goal_type' } as const;
const ACHIEVEMENT_FIELDS = { kind: 'achievement_type', value: 'achievement_value' } as const;
const PERFORMANCE_FIELDS = {
  ordersWon: 'orders_created',
  revenue: 'total_revenue',
  calls: 'calls_made',
  emails: 'emails_sent',
  meetings: 'meetings_held',
} as const;

/** The renames of every POST type: a service error names the seed's field whatever the type. */
export const POST_FIELDS: Readonly<Record<string, string>> = {
  ...GOAL_FIELDS,
  ...ACHIEVEMENT_FIELDS,
  ...PERFORMANCE_FIELDS,
};

export function jsonBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw BadInputError.one('body', 'send a JSON object with Content-Type: application/json');
  }
  return body as Record<string, unknown>;
}

/** period_end is redundant with period_type + period_start; when sent it must agree. */
function checkPeriodEnd(f: Fields, periodType: PeriodType | undefined, start: string | undefined): void {
  const end = f.date('period_end');
  if (end === undefined || !periodType || !start) return;
  const expected = periodEnd(periodType, periodStart(periodType, start));
  if (end !== expected)
    f.errors.add('period_end', `must be ${expected}, the last day of the ${lower(periodType)} period`);
}

function required<T>(f: Fields, name: string, value: T | null | undefined): T | undefined {
  if ((value === undefined || value === null) && !f.errors.has(name)) f.errors.add(name, 'is required');
  return value ?? undefined;
}

async function postGoal(f: Fields, ctx: AppContext) {
  const userId = f.id('user_id');
  const teamId = f.id('team_id');
  const goalType = f.raw('goal_type');
  const metric = goalType === undefined || goalType === null ? undefined : parseGoalType(goalType);
  if (metric === null) f.errors.add('goal_type', `must be one of ${GOAL_TYPE_HINT}`);
  required(f, 'goal_type', metric);
  const periodType = required(f, 'period_type', f.periodType('period_type'));
  const start = required(f, 'period_start', f.date('period_start'));
  checkPeriodEnd(f, periodType, start);
  const targetValue = required(f, 'target_value', f.number('target_value'));
  const currentValue = f.number('current_value');
  const description = f.text('description');
  f.rejectUnknown(['type', 'created_by']);
  f.done();
  const goal = await createGoal(ctx, {
    userId: userId ?? null,
    teamId: teamId ?? null,
    metric: metric ?? 'CUSTOM',
    periodType: periodType ?? 'MONTHLY',
    periodStart: start ?? '',
    targetValue: targetValue ?? 0,
    currentValue: currentValue ?? null,
    description: description ?? null,
  });
  return restGoal(goal, await loadNames(ctx, [goal.userId], [goal.teamId]));
}

/**
 * "2025-11-05" is the start of that day in the organisation's time zone; an instant is itself. Both
 * in DATE_RANGE, as the Date and DateTime scalars read them.
 */
function instant(f: Fields, name: string, timeZone: string): Date | undefined {
  const value = f.raw(name);
  if (value === undefined || value === null || value === '') return undefined;
  if (parseIsoDate(value) !== null) {
    const day = f.date(name);
    return day === undefined ? undefined : startOfLocalDay(day, timeZone);
  }
  const at = parseInstant(value);
  if (at === null)
    f.errors.add(name, `must be a date "YYYY-MM-DD" or an ISO 8601 instant, ${DATE_RANGE_MESSAGE}`);
  return at ?? undefined;
}

async function postAchievement(f: Fields, ctx: AppContext) {
  const userId = required(f, 'user_id', f.id('user_id'));
  const kind = required(f, 'achievement_type', f.text('achievement_type'));
  const title = required(f, 'title', f.text('title'));
  const badgeIcon = required(f, 'badge_icon', f.text('badge_icon'));
  const description = f.text('description');
  const value = f.number('achievement_value');
  const achievedAt = instant(f, 'achieved_at', ctx.org.timeZone);
  f.rejectUnknown(['type']);
  f.done();
  const achievement = await recordAchievement(ctx, {
    userId: userId ?? '',
    kind: kind ?? '',
    title: title ?? '',
    badgeIcon: badgeIcon ?? '',
    description: description ?? null,
    value: value ?? null,
    achievedAt: achievedAt ?? null,
  });
  return restAchievement(achievement, await loadNames(ctx, [achievement.userId]));
}

function money(f: Fields, name: string): string | undefined {
  const value = f.raw(name);
  if (value === undefined || value === null) return undefined;
  const text = normaliseDecimal(value);
  if (text === null) f.errors.add(name, 'must be a decimal number with at most 12 digits and 2 decimals');
  return text ?? undefined;
}

async function postPerformance(f: Fields, ctx: AppContext) {
  const userId = required(f, 'user_id', f.id('user_id'));
  const periodType = required(f, 'period_type', f.periodType('period_type'));
  const start = required(f, 'period_start', f.date('period_start'));
  checkPeriodEnd(f, periodType, start);
  const counts = resolveDerived(f, {
    leadsCreated: f.int('leads_created'),
    ordersWon: f.int('orders_created'),
    opportunitiesLost: f.int('opportunities_lost'),
    quotationsSent: f.int('quotations_sent'),
    quotationsAccepted: f.int('quotations_accepted'),
    revenue: money(f, 'total_revenue'),
  });
  const opportunitiesCreated = f.int('opportunities_created');
  const calls = f.int('calls_made');
  const emails = f.int('emails_sent');
  const meetings = f.int('meetings_held');
  f.rejectUnknown(['type']);
  f.done();
  const period = await recordPerformance(ctx, {
    userId: userId ?? '',
    periodType: periodType ?? 'MONTHLY',
    periodStart: start ?? '',
    ...counts,
    opportunitiesCreated,
    calls,
    emails,
    meetings,
  });
  return restPeriod(period, await loadNames(ctx, [period.userId]));
}

const POST_TYPES = ['goal', 'achievement', 'performance'] as const;

export async function postPerformanceRoute(req: Request, res: Response, ctx: AppContext): Promise<void> {
  const f = new Fields(jsonBody(req));
  const type = f.text('type');
  if (type === 'goal') res.status(201).json(await postGoal(f, ctx));
  else if (type === 'achievement') res.status(201).json(await postAchievement(f, ctx));
  else if (type === 'performance') res.json(await postPerformance(f, ctx));
  else throw BadInputError.one('type', `must be one of ${POST_TYPES.join(', ')}`);
}
