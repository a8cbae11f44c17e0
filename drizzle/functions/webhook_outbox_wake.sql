-- webhook_outbox_wake: its current definition, edited here only (docs/sql-functions.md).
-- Wakes the webhook workers (api/jobs/webhooks/worker.ts) when a statement inserted outbox rows (NOTIFY
-- 'pulse_webhooks' 'outbox'); a statement that enqueued nothing sends nothing.
-- Trigger function of webhook_outbox_wake (AFTER INSERT ON webhook_outbox).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0009.
CREATE OR REPLACE FUNCTION webhook_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN
    PERFORM pg_notify('pulse_webhooks', 'outbox');
  END IF;
  RETURN NULL;
END
$$;
