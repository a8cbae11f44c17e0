-- sales_performance_notify: its current definition, edited here only (docs/sql-functions.md).
-- Logs a rollup change for the live hub: up to 40 rows whole (a sale writes 5), with the
-- transaction id; larger statements and deletions as their periods and teams (migration 0012), or
-- {"t":"perf","all":true} above 7,500 bytes.
-- Trigger function of sales_performance_notify_inserted (AFTER INSERT ON sales_performance),
-- sales_performance_notify_updated (AFTER UPDATE ON sales_performance),
-- sales_performance_notify_deleted (AFTER DELETE ON sales_performance).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002,
-- migration 0007, migration 0012.
CREATE OR REPLACE FUNCTION sales_performance_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
  n int;
BEGIN
  SELECT count(*) INTO n FROM changed_rows;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n <= 40 AND TG_OP <> 'DELETE' THEN
    SELECT json_build_object(
        't', 'perf',
        'x', pg_current_xact_id()::text,
        'r', json_agg(json_build_array(c.user_id, c.period_type, c.period_start, c.revenue::text, c.orders_won,
               c.leads_created, c.opportunities_lost, floor(extract(epoch from c.updated_at) * 1000000)::bigint)))::text
      INTO payload FROM changed_rows c;
  ELSE
    SELECT json_build_object(
        't', 'perf',
        'p', (SELECT json_agg(json_build_array(k.period_type, k.period_start) ORDER BY k.period_type, k.period_start)
              FROM (SELECT DISTINCT period_type, period_start FROM changed_rows) k),
        'tm', (SELECT json_agg(DISTINCT coalesce(u.team_id, 0))
               FROM (SELECT DISTINCT user_id FROM changed_rows) c JOIN users u ON u.id = c.user_id))::text
      INTO payload;
  END IF;
  IF octet_length(payload) > 7500 THEN
    payload := '{"t":"perf","all":true}';
  END IF;
  PERFORM live_emit(payload);
  RETURN NULL;
END
$$;
