/**
 * Badge rule input rules, shared by the preview (rule.reads.ts) and the saves (rule.service.ts):
 * the shape of each input, who may touch rules at all, and the periods a rule is tried over.
 * Invariants:
 * - ADMIN only, on every operation (others FORBIDDEN: assertAdmin, called first).
 * - A count's threshold is whole (checkThreshold); bad input is BAD_USER_INPUT naming the field.
 * - The preview and the backfill read the same window (windowOf): the current period and the
 *   BADGE_RULE_PREVIEW_PERIODS - 1 before it, so a backfill awards exactly what the preview listed.
 */
import { z } from 'zod';
import {
  BADGE_ICON_NAMES,
  BADGE_RULE_PREVIEW_PERIODS,
  LIMITS,
  PERIOD_TYPES,
  RULE_METRICS,
  type RuleMetric,
} from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import type { FieldErrors } from '../../core/errors.ts';
import { assertRole, type Viewer } from '../../core/permissions.ts';
import { lastPeriods } from '../../domain/periods.ts';
import { orgToday } from '../performance/clock.ts';
import type { RuleDefinition, RuleWindow } from './rule.queries.ts';

/** The badge's category, from what the rule counts: "Orders" (as the seeded rules have it). */
export const kindOf = (metric: RuleMetric): string => metric.charAt(0) + metric.slice(1).toLowerCase();

const definition = {
  metric: z.enum(RULE_METRICS),
  periodType: z.enum(PERIOD_TYPES).nullish(),
  // the Decimal scalar has checked the form (at most 12 digits, 2 decimals)
  threshold: z.string().refine((t) => Number(t) > 0, 'must be above 0'),
};
const title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.achievementText, `at most ${LIMITS.achievementText} characters`);
const description = z
  .string()
  .max(LIMITS.description, `at most ${LIMITS.description} characters`)
  .nullish()
  .transform((d) => (d === undefined ? undefined : d === null || d.trim() === '' ? null : d.trim()));
const icon = z.enum(BADGE_ICON_NAMES);
export const createSchema = z.object({
  ...definition,
  title,
  description,
  icon,
  backfill: z.boolean().nullish(),
});
export const updateSchema = z.object({
  metric: definition.metric.nullish(),
  periodType: definition.periodType,
  threshold: definition.threshold.nullish(),
  title: title.nullish(),
  description,
  icon: icon.nullish(),
  active: z.boolean().nullish(),
  backfill: z.boolean().nullish(),
});
export const previewSchema = z.object({ ...definition, ruleId: z.string().nullish() });

export function assertAdmin(ctx: AppContext): Viewer {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins manage badge rules.');
  return viewer;
}

/** A count is whole: "3.5 deals" earns nothing the rollups can hold. */
export function checkThreshold(d: RuleDefinition, errors: FieldErrors): void {
  if (d.metric !== 'REVENUE' && !/\.00$/.test(d.threshold))
    errors.add('threshold', `must be a whole number for ${d.metric}`);
}

/** The preview's and the backfill's periods: the current one and the ones before it. */
export function windowOf(
  ctx: AppContext,
  d: RuleDefinition,
): RuleWindow & { starts: string[]; today: string } {
  const today = orgToday(ctx);
  if (d.periodType === null) return { from: today, to: today, starts: [], today };
  const starts = lastPeriods(d.periodType, today, BADGE_RULE_PREVIEW_PERIODS);
  return { from: starts[0] ?? today, to: starts[starts.length - 1] ?? today, starts, today };
}
