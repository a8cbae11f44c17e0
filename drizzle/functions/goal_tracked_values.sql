-- goal_tracked_values: its current definition, edited here only (docs/sql-functions.md).
-- The tracked values of a set of goals in one query, over arrays of goal keys (ord: the position in
-- the arrays): a seller's goal reads its rollup, a team's goal the sum of its members' rollups. The
-- only code that computes a tracked value (migration 0013).
-- Earlier definitions (git history; squashed into 0000_baseline):
-- migration 0013.
CREATE OR REPLACE FUNCTION goal_tracked_values(p_metric goal_metric[], p_user int[], p_team int[], p_pt period_type[], p_ps date[])
RETURNS TABLE (ord bigint, value numeric) LANGUAGE sql STABLE AS $$
  WITH k AS (
    SELECT * FROM unnest(p_metric, p_user, p_team, p_pt, p_ps) WITH ORDINALITY
      AS k(metric, user_id, team_id, period_type, period_start, ord)
  ),
  s AS (
    SELECT k.ord, k.metric,
      coalesce(sum(sp.revenue), 0) AS revenue, coalesce(sum(sp.orders_won), 0) AS orders,
      coalesce(sum(sp.leads_created), 0) AS leads, coalesce(sum(sp.opportunities_created), 0) AS opps,
      coalesce(sum(sp.opportunities_lost), 0) AS lost, coalesce(sum(sp.calls), 0) AS calls,
      coalesce(sum(sp.meetings), 0) AS meetings
    FROM k
    -- a team's goal: its members (a seller's goal: the seller alone)
    LEFT JOIN users m ON k.user_id IS NULL AND m.team_id = k.team_id
    LEFT JOIN sales_performance sp ON sp.user_id = coalesce(k.user_id, m.id)
      AND sp.period_type = k.period_type AND sp.period_start = k.period_start
    GROUP BY k.ord, k.metric
  )
  SELECT ord, CASE metric
    WHEN 'REVENUE' THEN revenue
    WHEN 'ORDERS' THEN orders
    WHEN 'LEADS' THEN leads
    WHEN 'OPPORTUNITIES' THEN opps
    WHEN 'CALLS' THEN calls
    WHEN 'MEETINGS' THEN meetings
    WHEN 'CONVERSION_RATE' THEN coalesce(round(orders * 100.0 / nullif(leads, 0), 2), 0)
    WHEN 'WIN_RATE' THEN coalesce(round(orders * 100.0 / nullif(orders + lost, 0), 2), 0)
    ELSE 0
  END FROM s
$$;
