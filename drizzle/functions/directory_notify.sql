-- directory_notify: its current definition, edited here only (docs/sql-functions.md).
-- Users or teams changed, a session was revoked, or a screen's layout changed: the live hub drops its directory cache and
-- the session cache (api/auth/sessions.ts).
-- Trigger function of users_notify (AFTER INSERT OR UPDATE OR DELETE ON users), teams_notify (AFTER
-- INSERT OR UPDATE OR DELETE ON teams), sessions_notify (AFTER UPDATE OF revoked_at OR DELETE ON
-- sessions, migration 0001_sign_in), screens_notify (AFTER INSERT, DELETE or UPDATE of the layout
-- columns ON screens, migration 0007_screens, and of its settings, migration 0010_screen_settings: the
-- layout and settings are part of a screen's viewer).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002,
-- migration 0007.
CREATE OR REPLACE FUNCTION directory_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM live_emit('{"t":"dir"}');
  RETURN NULL;
END
$$;
