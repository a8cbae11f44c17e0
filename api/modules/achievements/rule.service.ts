/**
 * Badge rule saves (issue 19, docs/badges.md): create, change, deactivate the rules that
 * award_rules_for() applies in every writer's transaction (input rules: rule.validation.ts; the
 * list and the preview: rule.reads.ts). Invariants:
 * - Bad input is BAD_USER_INPUT naming the field before anything is written; every save is
 *   audited in its own transaction (badgeRule.*), under the rule-save lock (rule.queries.ts), so no
 *   writer's award slips between the rollups it read and the rule it wrote.
 * - A save awards the past (backfill: exactly what the preview listed as new) or only what is
 *   reached from now on (awards_from = today, a baseline of who meets it already), as the admin
 *   chooses; a change of title, description or icon alone keeps both as they were.
 * - Nothing here deletes or rewrites a badge (it keeps the title, icon and value it was awarded
 *   with); deactivating stops new awards only.
 */
import type { AchievementRuleRow } from '../../../schema/db/index.ts';
import { audit, type AuditSnapshot } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { BadInputError, FieldErrors, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { collectInput, isUniqueViolation } from '../../core/validation.ts';
import { BADGE_ICON_EMOJI } from '../../domain/badge-icons.ts';
import { toRule } from './achievement.mapping.ts';
import type { AchievementRule } from './achievement.type.ts';
import {
  backfillRule,
  clearBaseline,
  findRuleRow,
  insertRuleRow,
  lockRuleSaves,
  resetBaseline,
  updateRuleRow,
  type RuleDefinition,
  type RuleValues,
} from './rule.queries.ts';
import type { CreateBadgeRuleInput, UpdateBadgeRuleInput } from './rule.type.ts';
import {
  assertAdmin,
  checkThreshold,
  createSchema,
  kindOf,
  updateSchema,
  windowOf,
} from './rule.validation.ts';

function snapshot(
  v: RuleValues,
  awardsFrom: string | null,
  backfill: boolean,
  awarded: number,
): AuditSnapshot {
  return {
    title: v.title,
    description: v.description,
    badgeIcon: v.badgeIcon,
    metric: v.metric,
    periodType: v.periodType,
    threshold: v.threshold,
    active: v.active,
    awardsFrom,
    backfill,
    awarded,
  };
}

const titleTaken = (error: unknown): never => {
  if (isUniqueViolation(error, 'achievement_rules_title_key'))
    throw BadInputError.one('title', 'is already used by another badge rule');
  throw error;
};

/**
 * Writes the awarding side of a save in its transaction: a backfill of the window (awards_from:
 * its first day), or "from now on" (awards_from: today, the baseline of who meets it now).
 */
async function applyChoice(
  tx: AppContext['db'],
  ruleId: number,
  d: RuleDefinition,
  w: ReturnType<typeof windowOf>,
  backfill: boolean,
): Promise<number> {
  if (backfill) {
    await clearBaseline(tx, ruleId);
    return backfillRule(tx, ruleId, w);
  }
  await resetBaseline(tx, ruleId, d.periodType === null ? null : w.to);
  return 0;
}

const awardsFromOf = (d: RuleDefinition, w: ReturnType<typeof windowOf>, backfill: boolean) =>
  backfill ? (d.periodType === null ? null : w.from) : w.today;

export async function createBadgeRule(
  ctx: AppContext,
  input: CreateBadgeRuleInput,
): Promise<AchievementRule> {
  const viewer = assertAdmin(ctx);
  const errors = new FieldErrors();
  const v = collectInput(createSchema, input, errors);
  const values: RuleValues | undefined = v
    ? {
        metric: v.metric,
        periodType: v.periodType ?? null,
        threshold: v.threshold,
        kind: kindOf(v.metric),
        title: v.title,
        description: v.description ?? null,
        badgeIcon: BADGE_ICON_EMOJI[v.icon],
        active: true,
      }
    : undefined;
  if (values) checkThreshold(values, errors);
  const ok = errors.done(values);
  const backfill = v?.backfill ?? false;
  const w = windowOf(ctx, ok);
  const awardsFrom = awardsFromOf(ok, w, backfill);
  const id = await ctx.db
    .transaction(async (tx) => {
      await lockRuleSaves(tx);
      const created = await insertRuleRow(tx, ok, awardsFrom, viewer.id);
      const awarded = await applyChoice(tx, created, ok, w, backfill);
      await audit(tx, viewer, {
        action: 'badgeRule.create',
        targetType: 'BadgeRule',
        targetId: created,
        after: snapshot(ok, awardsFrom, backfill, awarded),
      });
      return created;
    })
    .catch(titleTaken);
  return ruleOrThrow(ctx, id);
}

const valuesOf = (row: AchievementRuleRow): RuleValues => ({
  metric: row.metric,
  periodType: row.periodType,
  threshold: row.threshold,
  kind: row.kind,
  title: row.title,
  description: row.description,
  badgeIcon: row.badgeIcon,
  active: row.active,
});

export async function updateBadgeRule(
  ctx: AppContext,
  idArg: string,
  input: UpdateBadgeRuleInput,
): Promise<AchievementRule> {
  const viewer = assertAdmin(ctx);
  const id = parseId(idArg, 'BadgeRule');
  const existing = await findRuleRow(ctx.db, id);
  if (!existing) throw new NotFoundError('BadgeRule', id);
  const errors = new FieldErrors();
  const v = errors.done(collectInput(updateSchema, input, errors));
  const before = valuesOf(existing);
  const metric = v.metric ?? before.metric;
  const next: RuleValues = {
    metric,
    periodType: v.periodType === undefined ? before.periodType : v.periodType,
    threshold: v.threshold ?? before.threshold,
    kind: v.metric ? kindOf(v.metric) : before.kind,
    title: v.title ?? before.title,
    description: v.description === undefined ? before.description : v.description,
    badgeIcon: v.icon ? BADGE_ICON_EMOJI[v.icon] : before.badgeIcon,
    active: v.active ?? before.active,
  };
  checkThreshold(next, errors);
  const backfill = v.backfill ?? false;
  if (backfill && !next.active)
    errors.add('backfill', 'an inactive rule awards nothing: reactivate it (active: true) to backfill');
  errors.throwIfAny();
  const redefined =
    next.metric !== before.metric ||
    next.periodType !== before.periodType ||
    Number(next.threshold) !== Number(before.threshold) ||
    (next.active && !before.active);
  const w = windowOf(ctx, next);
  const choose = backfill || (redefined && next.active);
  const awardsFrom = choose ? awardsFromOf(next, w, backfill) : undefined;
  await ctx.db
    .transaction(async (tx) => {
      await lockRuleSaves(tx);
      await updateRuleRow(tx, id, next, awardsFrom);
      const awarded = choose ? await applyChoice(tx, id, next, w, backfill) : 0;
      await audit(tx, viewer, {
        action: 'badgeRule.update',
        targetType: 'BadgeRule',
        targetId: id,
        before: snapshot(before, existing.awardsFrom, false, 0),
        after: snapshot(next, awardsFrom === undefined ? existing.awardsFrom : awardsFrom, backfill, awarded),
      });
    })
    .catch(titleTaken);
  return ruleOrThrow(ctx, id);
}

/** Stops new awards; every badge it gave stays. Idempotent. */
export async function deactivateBadgeRule(ctx: AppContext, idArg: string): Promise<AchievementRule> {
  const viewer = assertAdmin(ctx);
  const id = parseId(idArg, 'BadgeRule');
  const existing = await findRuleRow(ctx.db, id);
  if (!existing) throw new NotFoundError('BadgeRule', id);
  if (existing.active) {
    const before = valuesOf(existing);
    await ctx.db.transaction(async (tx) => {
      await updateRuleRow(tx, id, { ...before, active: false }, undefined);
      await audit(tx, viewer, {
        action: 'badgeRule.deactivate',
        targetType: 'BadgeRule',
        targetId: id,
        before: snapshot(before, existing.awardsFrom, false, 0),
        after: snapshot({ ...before, active: false }, existing.awardsFrom, false, 0),
      });
    });
  }
  return ruleOrThrow(ctx, id);
}

async function ruleOrThrow(ctx: AppContext, id: number): Promise<AchievementRule> {
  const row = await findRuleRow(ctx.db, id);
  if (!row) throw new NotFoundError('BadgeRule', id);
  return toRule(row);
}
