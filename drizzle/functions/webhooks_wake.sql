-- webhooks_wake: its current definition, edited here only (docs/sql-functions.md).
-- A change of the webhooks themselves: NOTIFY 'pulse_webhooks' 'webhooks' (the rank watcher starts
-- or stops).
-- Trigger function of webhooks_wake (AFTER INSERT OR UPDATE OR DELETE ON webhooks).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0009.
CREATE OR REPLACE FUNCTION webhooks_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pulse_webhooks', 'webhooks');
  RETURN NULL;
END
$$;
