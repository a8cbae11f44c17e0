/**
 * SQL of custom badge rules (docs/badges.md): the rule rows, and the three set-based statements a
 * save runs over badge_rule_hits() (drizzle/functions): its preview, its backfill and its "from
 * now on" baseline.
 *
 * Invariants: a save runs in one transaction that first takes RULE_SAVE_LOCK exclusively; the
 * awarding trigger (award_rules_for) takes it shared, so the save waits for the writers in flight
 * and the writers after it see the saved rule. The backfill awards exactly what the preview listed
 * as new (same function, same window), once: the unique key achievements_rule_period_once and ON
 * CONFLICT DO NOTHING make a repeated or concurrent award a no-op. Nothing here deletes a badge.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { PeriodType, RuleMetric } from '../../../schema/db/constants.ts';
import { achievementRules, type AchievementRuleRow } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';

/** The key award_rules_for() locks shared (drizzle/functions/award_rules_for.sql). */
const RULE_SAVE_LOCK = 7_263_531_019;

export interface RuleDefinition {
  metric: RuleMetric;
  periodType: PeriodType | null;
  /** Two decimals, as numeric(16,2) stores it. */
  threshold: string;
}

export interface RuleValues extends RuleDefinition {
  kind: string;
  title: string;
  description: string | null;
  badgeIcon: string;
  active: boolean;
}

/** A preview's window: periods starting from `from` to `to` (the current one); ignored for lifetime. */
export interface RuleWindow {
  from: string;
  to: string;
}

export async function lockRuleSaves(tx: Queryable): Promise<void> {
  await rows(tx, sql`select pg_advisory_xact_lock(${RULE_SAVE_LOCK})`);
}

export function listRuleRows(db: Queryable, active: boolean | null): Promise<AchievementRuleRow[]> {
  return db
    .select()
    .from(achievementRules)
    .where(active === null ? undefined : eq(achievementRules.active, active))
    .orderBy(asc(achievementRules.id));
}

export async function findRuleRow(db: Queryable, id: number): Promise<AchievementRuleRow | null> {
  const [row] = await db.select().from(achievementRules).where(eq(achievementRules.id, id));
  return row ?? null;
}

export async function insertRuleRow(
  tx: Queryable,
  v: RuleValues,
  awardsFrom: string | null,
  createdBy: number,
): Promise<number> {
  const [row] = await tx
    .insert(achievementRules)
    .values({ ...v, awardsFrom, createdBy })
    .returning({ id: achievementRules.id });
  if (!row) throw new Error('insert into achievement_rules returned nothing');
  return row.id;
}

/** Writes the rule; awardsFrom undefined keeps the stored one. */
export async function updateRuleRow(
  tx: Queryable,
  id: number,
  v: RuleValues,
  awardsFrom: string | null | undefined,
): Promise<void> {
  await tx
    .update(achievementRules)
    .set({ ...v, ...(awardsFrom === undefined ? {} : { awardsFrom }), updatedAt: sql`now()` })
    .where(eq(achievementRules.id, id));
}

/**
 * "From now on": the rule's baseline becomes the people who meet it now in the period containing
 * today (`current`; null for a lifetime rule): they reached it before the save, so the trigger
 * never awards them that period. One DELETE and one INSERT … SELECT.
 */
export async function resetBaseline(tx: Queryable, ruleId: number, current: string | null): Promise<void> {
  await rows(tx, sql`delete from achievement_rule_baseline where rule_id = ${ruleId}`);
  await rows(
    tx,
    sql`insert into achievement_rule_baseline (rule_id, user_id, period_start)
        select r.id, h.user_id, h.period_start
        from achievement_rules r
        cross join lateral badge_rule_hits(r.metric, r.period_type, r.threshold,
                                           ${current}::date, ${current}::date) h
        where r.id = ${ruleId}
        on conflict do nothing`,
  );
}

export async function clearBaseline(tx: Queryable, ruleId: number): Promise<void> {
  await rows(tx, sql`delete from achievement_rule_baseline where rule_id = ${ruleId}`);
}

/**
 * Backfill: awards the stored rule for every period of the window (or lifetime) whose people meet
 * it, in one INSERT … SELECT; badges of ended periods are dated at their last second, as the
 * trigger dates them. Returns how many badges were new.
 */
export async function backfillRule(tx: Queryable, ruleId: number, window: RuleWindow): Promise<number> {
  const inserted = await rows<{ id: number }>(
    tx,
    sql`insert into achievements (user_id, kind, title, description, badge_icon, value, achieved_at,
                                  rule_id, period_type, period_start)
        select h.user_id, r.kind, r.title, r.description, r.badge_icon, r.threshold,
          case when h.period_end is null then clock_timestamp()
            else least(clock_timestamp(), ((h.period_end + 1)::timestamp at time zone org_time_zone())
                                          - interval '1 second') end,
          r.id, r.period_type, h.period_start
        from achievement_rules r
        cross join lateral badge_rule_hits(r.metric, r.period_type, r.threshold,
                                           ${window.from}::date, ${window.to}::date) h
        where r.id = ${ruleId}
        order by h.period_start, h.user_id
        on conflict (rule_id, user_id, period_type, period_start) where rule_id is not null do nothing
        returning id`,
  );
  return inserted.length;
}

export interface PreviewRow {
  period_start: string | null;
  period_end: string | null;
  user_id: number;
  value: string;
  awarded: boolean;
  people: number;
  fresh: number;
}

/**
 * Who meets a definition in each period of the window (or lifetime): per period the count of
 * people, of those not yet holding the rule's badge for it (`fresh`: what a backfill awards), and
 * the first `cap` people by value. One statement.
 */
export function previewRows(
  db: Queryable,
  d: RuleDefinition,
  window: RuleWindow,
  ruleId: number | null,
  cap: number,
): Promise<PreviewRow[]> {
  return rows<PreviewRow>(
    db,
    sql`with h as (
          select h.*, exists (select 1 from achievements a
                              where a.rule_id = ${ruleId}::int and a.user_id = h.user_id
                                and a.period_type is not distinct from ${d.periodType}::period_type
                                and a.period_start is not distinct from h.period_start) as awarded
          from badge_rule_hits(${d.metric}::rule_metric, ${d.periodType}::period_type,
                               ${d.threshold}::numeric, ${window.from}::date, ${window.to}::date) h
        ), ranked as (
          select h.*, row_number() over (partition by h.period_start order by h.value desc, h.user_id) as n,
            count(*) over (partition by h.period_start)::int as people,
            (count(*) filter (where not h.awarded) over (partition by h.period_start))::int as fresh
          from h
        )
        select period_start::text, period_end::text, user_id, value::text, awarded, people, fresh
        from ranked where n <= ${cap}
        order by period_start desc nulls first, n`,
  );
}
