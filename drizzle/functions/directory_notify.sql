-- directory_notify: its current definition, edited here only (docs/sql-functions.md).
-- Users or teams changed: the live hub drops its directory cache.
-- Trigger function of users_notify (AFTER INSERT OR UPDATE OR DELETE ON users), teams_notify (AFTER
-- INSERT OR UPDATE OR DELETE ON teams).
-- Migrations that defined it (history, run before this file): drizzle/0002_notify.sql,
-- drizzle/0007_live_change_log.sql.
CREATE OR REPLACE FUNCTION directory_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM live_emit('{"t":"dir"}');
  RETURN NULL;
END
$$;
