-- live_wake: its current definition, edited here only (docs/sql-functions.md).
-- At commit: wake the listeners that sleep. A constant payload: repeated NOTIFYs of one transaction
-- collapse into one. It runs once per change-log row inserted: once per transaction that logs
-- (live_emit.sql), more only when its messages pass 2,000 bytes.
-- Trigger function of live_changes_wake (AFTER INSERT ON live_changes DEFERRABLE INITIALLY
-- DEFERRED).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007.
CREATE OR REPLACE FUNCTION live_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM live_listeners WHERE armed AND expires_at > now()) THEN
    PERFORM pg_notify('pulse_changes', '{"t":"wake"}');
  END IF;
  RETURN NULL;
END
$$;
