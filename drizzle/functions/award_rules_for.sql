-- award_rules_for: its current definition, edited here only (docs/sql-functions.md).
-- Awards every active rule the given rollup keys now satisfy, once per (rule, user, period).
-- Periodic rules read the rollup of their period; lifetime rules (period_type null) the sum of the
-- user's YEARLY rollups. A badge for a period that has already ended is dated at its last second.
-- A rule awards no period ending before its awards_from, and no (user, period) of its baseline
-- (achievement_rule_baseline: met before a "from now on" save; migration 0014, docs/badges.md).
-- The shared advisory lock (key 7263531019, held to commit) orders this with a rule's save, which
-- takes it exclusively (api/modules/achievements/rule.queries.ts): a save sees every rollup of the
-- writers before it, and a writer after it sees the saved rule, its baseline and its backfill.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0013; migration 0014 (awards_from, baseline, the lock, period_type in the key).
CREATE OR REPLACE FUNCTION award_rules_for(p_user int[], p_pt period_type[], p_ps date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7263531019);
  WITH t AS (SELECT DISTINCT * FROM unnest(p_user, p_pt, p_ps) AS t(user_id, period_type, period_start)),
  z AS (SELECT org_time_zone() AS tz),
  totals AS (
    SELECT sp.user_id, sp.period_type, sp.period_start, sp.period_end, sp.revenue, sp.orders_won, sp.leads_created,
      sp.opportunities_created, sp.calls, sp.meetings
    FROM t JOIN sales_performance sp USING (user_id, period_type, period_start)
    UNION ALL
    SELECT sp.user_id, NULL, NULL, NULL, sum(sp.revenue), sum(sp.orders_won), sum(sp.leads_created),
      sum(sp.opportunities_created), sum(sp.calls), sum(sp.meetings)
    FROM sales_performance sp
    WHERE sp.period_type = 'YEARLY' AND sp.user_id IN (SELECT user_id FROM t WHERE period_type = 'YEARLY')
    GROUP BY sp.user_id
  )
  INSERT INTO achievements (user_id, kind, title, description, badge_icon, value, achieved_at, rule_id, period_type, period_start)
  SELECT c.user_id, r.kind, r.title, r.description, r.badge_icon, r.threshold,
    CASE WHEN c.period_end IS NULL THEN clock_timestamp()
      ELSE least(clock_timestamp(), ((c.period_end + 1)::timestamp AT TIME ZONE z.tz) - interval '1 second') END,
    r.id, c.period_type, c.period_start
  FROM totals c
  CROSS JOIN z
  JOIN achievement_rules r ON r.active AND r.period_type IS NOT DISTINCT FROM c.period_type
    AND (r.awards_from IS NULL OR c.period_end IS NULL OR c.period_end >= r.awards_from)
  WHERE CASE r.metric
    WHEN 'REVENUE' THEN c.revenue
    WHEN 'ORDERS' THEN c.orders_won
    WHEN 'LEADS' THEN c.leads_created
    WHEN 'OPPORTUNITIES' THEN c.opportunities_created
    WHEN 'CALLS' THEN c.calls
    WHEN 'MEETINGS' THEN c.meetings
  END >= r.threshold
    AND NOT EXISTS (SELECT 1 FROM achievement_rule_baseline b
      WHERE b.rule_id = r.id AND b.user_id = c.user_id AND b.period_start IS NOT DISTINCT FROM c.period_start)
  ORDER BY c.user_id, r.id
  ON CONFLICT (rule_id, user_id, period_type, period_start) WHERE rule_id IS NOT NULL DO NOTHING;
END
$$;
