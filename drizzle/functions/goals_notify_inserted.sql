-- goals_notify_inserted: its current definition, edited here only (docs/sql-functions.md).
-- Logs the ids of new goals for the live hub.
-- Trigger function of goals_notify_inserted (AFTER INSERT ON goals).
-- Migrations that defined it (history, run before this file): drizzle/0002_notify.sql.
CREATE OR REPLACE FUNCTION goals_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('goal', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  RETURN NULL;
END
$$;
