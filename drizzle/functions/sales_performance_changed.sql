-- sales_performance_changed: its current definition, edited here only (docs/sql-functions.md).
-- A rollup change refreshes its goals and awards the rules it now satisfies.
-- Trigger function of sales_performance_inserted (AFTER INSERT ON sales_performance),
-- sales_performance_updated (AFTER UPDATE ON sales_performance).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION sales_performance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_goals_for(array_agg(user_id), array_agg(period_type), array_agg(period_start))
    FROM changed_rows HAVING count(*) > 0;
  PERFORM award_rules_for(array_agg(user_id), array_agg(period_type), array_agg(period_start))
    FROM changed_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
