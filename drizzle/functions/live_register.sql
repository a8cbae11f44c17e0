-- live_register: its current definition, edited here only (docs/sql-functions.md).
-- Listener side (api/live/feed/bridge.ts). Registers (or re-arms) a listener; `ttl` null = no expiry
-- (embedded PGlite: one process, no heartbeat). Also forgets listeners that expired long ago.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007.
CREATE OR REPLACE FUNCTION live_register(p_id text, p_ttl interval) RETURNS void LANGUAGE sql AS $$
  DELETE FROM live_listeners WHERE expires_at < now() - interval '1 hour';
  INSERT INTO live_listeners (id, armed, expires_at)
    VALUES (p_id, true, coalesce(now() + p_ttl, 'infinity'))
    ON CONFLICT (id) DO UPDATE SET armed = true, expires_at = excluded.expires_at;
$$;
