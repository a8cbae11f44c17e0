-- rollup_apply: its current definition, edited here only (docs/sql-functions.md).
-- Adds (p_sign = 1) or removes (p_sign = -1) a set of activities to/from the rollups of all five
-- period types. Arrays rather than a relation so that the triggers (transition tables) and
-- rebuild_rollups() share this one implementation. PL/pgSQL so that its plan is kept per session
-- (migration 0013); the time-zone CTE is MATERIALIZED so org_time_zone() runs once per statement
-- (0006).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0006, migration 0013.
CREATE OR REPLACE FUNCTION rollup_apply(p_user int[], p_kind activity_kind[], p_amount numeric[], p_at timestamptz[], p_sign int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  plans text;
BEGIN
  -- A kept plan is made for a few rows (PostgreSQL's generic plan: an array of unknown length
  -- counts as 10). A large statement (an import) is planned for its own size, here and in the
  -- rollup triggers it fires: the kept plans made the generator's 50,000-row statements 25 %
  -- slower (17,442 -> 13,859 activities/s) while saving a sale ~1 ms.
  IF cardinality(p_user) > 1000 THEN
    plans := current_setting('plan_cache_mode');
    PERFORM set_config('plan_cache_mode', 'force_custom_plan', true);
  END IF;
  WITH z AS MATERIALIZED (SELECT org_time_zone() AS tz)
  INSERT INTO sales_performance AS sp (user_id, period_type, period_start, period_end, leads_created,
    opportunities_created, quotations_sent, quotations_accepted, orders_won, opportunities_lost, revenue,
    calls, emails, meetings, updated_at)
  SELECT a.user_id, p.pt, p.ps, period_end_of(p.pt, p.ps),
    p_sign * count(*) FILTER (WHERE a.kind = 'LEAD_CREATED'),
    p_sign * count(*) FILTER (WHERE a.kind = 'OPPORTUNITY_CREATED'),
    p_sign * count(*) FILTER (WHERE a.kind = 'QUOTATION_SENT'),
    p_sign * count(*) FILTER (WHERE a.kind = 'QUOTATION_ACCEPTED'),
    p_sign * count(*) FILTER (WHERE a.kind = 'ORDER_WON'),
    p_sign * count(*) FILTER (WHERE a.kind = 'OPPORTUNITY_LOST'),
    p_sign * coalesce(sum(a.amount) FILTER (WHERE a.kind = 'ORDER_WON'), 0),
    p_sign * count(*) FILTER (WHERE a.kind = 'CALL'),
    p_sign * count(*) FILTER (WHERE a.kind = 'EMAIL'),
    p_sign * count(*) FILTER (WHERE a.kind = 'MEETING'),
    clock_timestamp()
  FROM z
  CROSS JOIN unnest(p_user, p_kind, p_amount, p_at) AS a(user_id, kind, amount, occurred_at)
  CROSS JOIN LATERAL (SELECT (a.occurred_at AT TIME ZONE z.tz)::date AS d) l
  CROSS JOIN LATERAL (VALUES
    ('DAILY'::period_type, l.d),
    ('WEEKLY'::period_type, period_start_of('WEEKLY', l.d)),
    ('MONTHLY'::period_type, period_start_of('MONTHLY', l.d)),
    ('QUARTERLY'::period_type, period_start_of('QUARTERLY', l.d)),
    ('YEARLY'::period_type, period_start_of('YEARLY', l.d))) AS p(pt, ps)
  GROUP BY a.user_id, p.pt, p.ps
  ORDER BY a.user_id, p.pt, p.ps
  ON CONFLICT (user_id, period_type, period_start) DO UPDATE SET
    leads_created = sp.leads_created + excluded.leads_created,
    opportunities_created = sp.opportunities_created + excluded.opportunities_created,
    quotations_sent = sp.quotations_sent + excluded.quotations_sent,
    quotations_accepted = sp.quotations_accepted + excluded.quotations_accepted,
    orders_won = sp.orders_won + excluded.orders_won,
    opportunities_lost = sp.opportunities_lost + excluded.opportunities_lost,
    revenue = sp.revenue + excluded.revenue,
    calls = sp.calls + excluded.calls,
    emails = sp.emails + excluded.emails,
    meetings = sp.meetings + excluded.meetings,
    updated_at = excluded.updated_at;
  IF plans IS NOT NULL THEN
    PERFORM set_config('plan_cache_mode', plans, true);
  END IF;
END
$$;
