-- live_emit: its current definition, edited here only (docs/sql-functions.md).
-- The one entry point of every notification trigger: appends the payload to the change log
-- (drizzle/0007) while any listener is registered.
-- Migrations that defined it (history, run before this file): drizzle/0007_live_change_log.sql.
CREATE OR REPLACE FUNCTION live_emit(payload text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM live_listeners WHERE expires_at > now()) THEN
    INSERT INTO live_changes (payload) VALUES (payload);
  END IF;
END
$$;
