/**
 * Badge rule reads: the list, and the preview of a definition before it is saved (who would
 * earn it in the current period and the ones before it, and who of them has it already).
 * Invariants: ADMIN only (assertAdmin); nothing here writes. The preview reads the window a
 * backfill awards (windowOf, rule.validation.ts), so its newCount is what a backfill would give;
 * with ruleId, the people that rule already awarded are "awarded", not new.
 */
import { BADGE_RULE_PREVIEW_PEOPLE } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { FieldErrors, NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import { collectInput } from '../../core/validation.ts';
import { periodEnd } from '../../domain/periods.ts';
import { toRule } from './achievement.mapping.ts';
import type { AchievementRule } from './achievement.type.ts';
import { findRuleRow, listRuleRows, previewRows, type RuleDefinition } from './rule.queries.ts';
import type { BadgeRulePreview, BadgeRulePreviewPeriod, PreviewBadgeRuleInput } from './rule.type.ts';
import { assertAdmin, checkThreshold, previewSchema, windowOf } from './rule.validation.ts';

export async function badgeRules(ctx: AppContext, active: boolean | null): Promise<AchievementRule[]> {
  assertAdmin(ctx);
  return (await listRuleRows(ctx.db, active)).map(toRule);
}

export async function previewBadgeRule(
  ctx: AppContext,
  input: PreviewBadgeRuleInput,
): Promise<BadgeRulePreview> {
  assertAdmin(ctx);
  const errors = new FieldErrors();
  const v = collectInput(previewSchema, input, errors);
  const d: RuleDefinition | null = v
    ? { metric: v.metric, periodType: v.periodType ?? null, threshold: v.threshold }
    : null;
  if (d) checkThreshold(d, errors);
  const ok = errors.done(v && d ? { v, d } : undefined);
  const ruleId = optionalId(ok.v.ruleId, 'BadgeRule');
  if (ruleId !== null && !(await findRuleRow(ctx.db, ruleId))) throw new NotFoundError('BadgeRule', ruleId);
  return preview(ctx, ok.d, ruleId);
}

async function preview(ctx: AppContext, d: RuleDefinition, ruleId: number | null): Promise<BadgeRulePreview> {
  const w = windowOf(ctx, d);
  const found = await previewRows(ctx.db, d, w, ruleId, BADGE_RULE_PREVIEW_PEOPLE);
  const keys = d.periodType === null ? [null] : [...w.starts].reverse();
  const periods = keys.map((start): BadgeRulePreviewPeriod => {
    const here = found.filter((r) => r.period_start === start);
    return {
      periodStart: start,
      periodEnd: start === null || d.periodType === null ? null : periodEnd(d.periodType, start),
      current: start === null || start === w.to,
      count: here[0]?.people ?? 0,
      newCount: here[0]?.fresh ?? 0,
      people: here.map((r) => ({ userId: r.user_id, value: r.value, awarded: r.awarded })),
    };
  });
  const current = periods.find((p) => p.current);
  return {
    periods,
    newCount: periods.reduce((sum, p) => sum + p.newCount, 0),
    currentCount: current?.newCount ?? 0,
  };
}
