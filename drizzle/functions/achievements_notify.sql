-- achievements_notify: its current definition, edited here only (docs/sql-functions.md).
-- Logs the ids of awarded achievements for the live hub.
-- Trigger function of achievements_notify (AFTER INSERT ON achievements).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002.
CREATE OR REPLACE FUNCTION achievements_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('ach', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  RETURN NULL;
END
$$;
