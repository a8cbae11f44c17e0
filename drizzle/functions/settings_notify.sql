-- settings_notify: its current definition, edited here only (docs/sql-functions.md).
-- The organisation's settings (time zone, currency) changed: every API process reloads them and
-- recomputes its live boards (api/app.ts, the 'org' message of api/live/feed/messages.ts).
-- Trigger function of settings_notify (AFTER INSERT OR UPDATE ON settings).
-- Introduced by migration 0006_admin_pages.
CREATE OR REPLACE FUNCTION settings_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM live_emit('{"t":"org"}');
  RETURN NULL;
END
$$;
