-- achievements_notify: its current definition, edited here only (docs/sql-functions.md).
-- Logs the ids of awarded achievements for the live hub.
-- Trigger function of achievements_notify (AFTER INSERT ON achievements).
-- Migrations that defined it (history, run before this file): drizzle/0002_notify.sql.
CREATE OR REPLACE FUNCTION achievements_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('ach', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  RETURN NULL;
END
$$;
