-- goals_webhooks_inserted: its current definition, edited here only (docs/sql-functions.md).
-- A goal created already achieved (or for a period already over) is reported too.
-- Trigger function of goals_webhooks_inserted (AFTER INSERT ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005.
CREATE OR REPLACE FUNCTION goals_webhooks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks) THEN
    PERFORM webhook_enqueue_goals((SELECT array_agg(id) FROM new_rows WHERE status IN ('ACHIEVED', 'MISSED')));
  END IF;
  RETURN NULL;
END
$$;
