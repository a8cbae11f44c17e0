-- goals_webhooks_updated: its current definition, edited here only (docs/sql-functions.md).
-- A goal that became ACHIEVED or MISSED is reported.
-- Trigger function of goals_webhooks_updated (AFTER UPDATE ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005.
CREATE OR REPLACE FUNCTION goals_webhooks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks) THEN
    PERFORM webhook_enqueue_goals((SELECT array_agg(n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status IN ('ACHIEVED', 'MISSED') AND n.status IS DISTINCT FROM o.status));
  END IF;
  RETURN NULL;
END
$$;
