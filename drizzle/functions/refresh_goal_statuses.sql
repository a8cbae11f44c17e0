-- refresh_goal_statuses: its current definition, edited here only (docs/sql-functions.md).
-- Goals whose period has ended are closed (MISSED below 100 %). The API calls this every minute;
-- anyone may. Returns how many goals changed.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION refresh_goal_statuses() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  PERFORM 1 FROM goals WHERE status NOT IN ('ACHIEVED', 'MISSED') AND period_end < org_today() ORDER BY id FOR NO KEY UPDATE;
  UPDATE goals SET current_value = current_value WHERE status NOT IN ('ACHIEVED', 'MISSED') AND period_end < org_today();
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
