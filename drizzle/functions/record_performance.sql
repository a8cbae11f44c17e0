-- record_performance: its current definition, edited here only (docs/sql-functions.md).
-- Pushed aggregates (recordPerformance): sets the given fields of one rollup row to absolute values
-- (absent keys keep theirs) and moves the periods that wholly contain it by the same delta (a day:
-- its week, month, quarter, year; a month: its quarter and year; a quarter: its year), so lifetime
-- totals, goals and rules see pushed figures too. A week spans months: nothing contains it.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION record_performance(p_user int, p_pt period_type, p_ps date, p jsonb)
RETURNS SETOF sales_performance LANGUAGE plpgsql AS $$
DECLARE
  o sales_performance;
  n sales_performance;
BEGIN
  INSERT INTO sales_performance (user_id, period_type, period_start, period_end)
    VALUES (p_user, p_pt, p_ps, period_end_of(p_pt, p_ps)) ON CONFLICT DO NOTHING;
  SELECT * INTO o FROM sales_performance WHERE user_id = p_user AND period_type = p_pt AND period_start = p_ps FOR UPDATE;
  UPDATE sales_performance SET
    leads_created = coalesce((p ->> 'leadsCreated')::int, leads_created),
    opportunities_created = coalesce((p ->> 'opportunitiesCreated')::int, opportunities_created),
    quotations_sent = coalesce((p ->> 'quotationsSent')::int, quotations_sent),
    quotations_accepted = coalesce((p ->> 'quotationsAccepted')::int, quotations_accepted),
    orders_won = coalesce((p ->> 'ordersWon')::int, orders_won),
    opportunities_lost = coalesce((p ->> 'opportunitiesLost')::int, opportunities_lost),
    revenue = coalesce((p ->> 'revenue')::numeric, revenue),
    calls = coalesce((p ->> 'calls')::int, calls),
    emails = coalesce((p ->> 'emails')::int, emails),
    meetings = coalesce((p ->> 'meetings')::int, meetings),
    updated_at = clock_timestamp()
  WHERE user_id = p_user AND period_type = p_pt AND period_start = p_ps
  RETURNING * INTO n;
  INSERT INTO sales_performance AS sp (user_id, period_type, period_start, period_end, leads_created,
    opportunities_created, quotations_sent, quotations_accepted, orders_won, opportunities_lost, revenue,
    calls, emails, meetings, updated_at)
  SELECT p_user, c.pt, period_start_of(c.pt, p_ps), period_end_of(c.pt, period_start_of(c.pt, p_ps)),
    n.leads_created - o.leads_created, n.opportunities_created - o.opportunities_created,
    n.quotations_sent - o.quotations_sent, n.quotations_accepted - o.quotations_accepted,
    n.orders_won - o.orders_won, n.opportunities_lost - o.opportunities_lost, n.revenue - o.revenue,
    n.calls - o.calls, n.emails - o.emails, n.meetings - o.meetings, clock_timestamp()
  FROM unnest(CASE p_pt
      WHEN 'DAILY' THEN ARRAY['WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY']::period_type[]
      WHEN 'MONTHLY' THEN ARRAY['QUARTERLY', 'YEARLY']::period_type[]
      WHEN 'QUARTERLY' THEN ARRAY['YEARLY']::period_type[]
      ELSE ARRAY[]::period_type[] END) AS c(pt)
  WHERE n IS DISTINCT FROM o
  ORDER BY c.pt
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
  RETURN NEXT n;
END
$$;
