/**
 * recordPerformance: aggregates pushed by a system that computes them itself, upserted per (user,
 * period type, period start) and added into the longer periods containing it, in one transaction
 * (drizzle/functions/record_performance.sql). A total that would leave its column's range refuses
 * the whole write, naming the fields that would overflow it.
 */
import { z } from 'zod';
import { PERIOD_TYPES, type PeriodType } from '../../../schema/db/constants.ts';
import type { SalesPerformanceRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { parseMoney, AGGREGATE_INTEGER_DIGITS } from '../../domain/money.ts';
import { isPeriodStart, periodStart } from '../../domain/periods.ts';
import { BadInputError, FieldErrors, type FieldError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { assertCanWriteForUser, assertNotViewer } from '../../core/permissions.ts';
import { collectInput, pgErrorOf } from '../../core/validation.ts';
import { toPerformancePeriod } from './performance.mapping.ts';
import { INT_MAX, recordPerformanceRow, rollupRows, TOTAL_REVENUE_MAX } from './performance.queries.ts';
import { loadUser } from './performance.service.ts';
import { COUNT_KEYS, type PerformancePeriod, type RecordPerformanceInput } from './performance.type.ts';

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

/** Every count column can be pushed. */
const PUSHED_FIELDS = COUNT_KEYS;

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
