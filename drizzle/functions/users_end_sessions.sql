-- users_end_sessions: its current definition, edited here only (docs/sql-functions.md).
-- A user deactivated, by any writer: their sessions end at once (revoked, so reactivating them
-- does not bring the old cookies back). The sessions_notify trigger then tells every process.
-- Trigger function of users_end_sessions (AFTER UPDATE OF active ON users, when active goes false).
-- Introduced by migration 0001_sign_in.
CREATE OR REPLACE FUNCTION users_end_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sessions SET revoked_at = now() WHERE user_id = NEW.id AND revoked_at IS NULL;
  RETURN NULL;
END
$$;
