-- Rollup changes carry their rows (issue 6, M1).
--
-- Until now a rollup change told the live hub only which periods (and teams) changed, and the hub
-- ranked every watched board of those periods again in SQL: most of the commit -> frame latency.
-- Now a statement that changes a few rollup rows (at most 40: one sale writes 5, a day, week,
-- month, quarter and year) logs them whole, with its transaction id, and the hub applies them to
-- the boards it keeps in memory and ranks in JavaScript, with no statement at all:
--
--   {"t":"perf","x":"<xid8>","r":[[user_id, period_type, period_start, revenue, orders_won,
--                                   leads_created, opportunities_lost, updated_at µs], ...]}
--
-- A larger statement logs its periods and teams as before ("p", "tm") and the hub ranks the
-- boards of those periods in SQL again. The transaction id tells the hub whether a row is already
-- in the board it loaded (visible in that statement's snapshot); rows reach it in commit order
-- across reads of the log, and a read that holds two rows of one seller and period (their order
-- unknown) makes the hub load the board again (api/live/hub.ts).
--
-- Rollup rows deleted (rebuild_rollups) are logged as their periods and teams, without rows (the
-- same function, on a new DELETE trigger): their boards are loaded again. Payloads keep the
-- 7,500-byte cap (40 rows ≈ 3,600 bytes).
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
--> statement-breakpoint
CREATE TRIGGER sales_performance_notify_deleted AFTER DELETE ON sales_performance
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_notify();
