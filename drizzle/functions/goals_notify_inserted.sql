-- goals_notify_inserted: its current definition, edited here only (docs/sql-functions.md).
-- Logs the ids of new goals for the live hub.
-- Trigger function of goals_notify_inserted (AFTER INSERT ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002.
CREATE OR REPLACE FUNCTION goals_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('goal', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  RETURN NULL;
END
$$;
