-- live_emit: its current definition, edited here only (docs/sql-functions.md).
-- The one entry point of every notification trigger: appends the payload to the change log
-- (migration 0007) while any listener is registered.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007.
CREATE OR REPLACE FUNCTION live_emit(payload text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM live_listeners WHERE expires_at > now()) THEN
    INSERT INTO live_changes (payload) VALUES (payload);
  END IF;
END
$$;
