-- badge_rule_hits: its current definition, edited here only (docs/sql-functions.md).
-- Who meets a badge rule's definition (metric >= threshold) in every period of its type starting
-- from p_from up to p_to, or lifetime (p_period null: the sum of the YEARLY rollups, one row per
-- user with a null period), as award_rules_for() sums it; active people only. One set-based read
-- behind a rule's preview, its backfill and its "from now on" baseline
-- (api/modules/achievements/rule.queries.ts, docs/badges.md).
-- First defined by migration 0014 (custom badge rules).
CREATE OR REPLACE FUNCTION badge_rule_hits(p_metric rule_metric, p_period period_type, p_threshold numeric, p_from date, p_to date)
RETURNS TABLE (user_id int, period_start date, period_end date, value numeric) LANGUAGE sql STABLE AS $$
  WITH v AS (
    SELECT sp.user_id, sp.period_start, sp.period_end, CASE p_metric
      WHEN 'REVENUE' THEN sp.revenue
      WHEN 'ORDERS' THEN sp.orders_won
      WHEN 'LEADS' THEN sp.leads_created
      WHEN 'OPPORTUNITIES' THEN sp.opportunities_created
      WHEN 'CALLS' THEN sp.calls
      WHEN 'MEETINGS' THEN sp.meetings
    END::numeric AS value
    FROM sales_performance sp
    JOIN users u ON u.id = sp.user_id AND u.active
    WHERE sp.period_type = coalesce(p_period, 'YEARLY')
      AND (p_period IS NULL OR sp.period_start BETWEEN p_from AND p_to)
  )
  SELECT v.user_id, v.period_start, v.period_end, v.value FROM v
  WHERE p_period IS NOT NULL AND v.value >= p_threshold
  UNION ALL
  SELECT v.user_id, NULL, NULL, sum(v.value) FROM v
  WHERE p_period IS NULL
  GROUP BY v.user_id
  HAVING sum(v.value) >= p_threshold
$$;
