-- live_heartbeat: its current definition, edited here only (docs/sql-functions.md).
-- A listener's heartbeat: renews its registration and sends the echo it waits for. False when the
-- registration had lapsed (expired or forgotten): changes may have gone unlogged for it since.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007.
CREATE OR REPLACE FUNCTION live_heartbeat(p_id text, p_ttl interval, p_payload text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  alive boolean;
BEGIN
  UPDATE live_listeners SET expires_at = now() + p_ttl WHERE id = p_id AND expires_at > now() RETURNING true INTO alive;
  PERFORM pg_notify('pulse_changes', p_payload);
  RETURN coalesce(alive, false);
END
$$;
