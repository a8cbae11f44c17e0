-- rebuild_rollups: its current definition, edited here only (docs/sql-functions.md).
-- Recomputes every rollup from the activities (after the organisation's time zone changed). Pushed
-- aggregates are replaced by what the activities say.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  u int;
BEGIN
  DELETE FROM sales_performance;
  FOR u IN SELECT DISTINCT user_id FROM activities ORDER BY 1 LOOP
    PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), 1)
      FROM activities WHERE user_id = u;
  END LOOP;
  UPDATE goals SET current_value = current_value WHERE metric <> 'CUSTOM';
END
$$;
