-- mail_outbox_wake: its current definition, edited here only (docs/sql-functions.md).
-- Wakes the mail workers (api/jobs/notifications/worker.ts) when a statement enqueued mails (NOTIFY
-- 'pulse_mail' 'outbox'); a statement that enqueued nothing sends nothing.
-- Trigger function of mail_outbox_wake (AFTER INSERT ON mail_outbox), migration 0015.
CREATE OR REPLACE FUNCTION mail_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN
    PERFORM pg_notify('pulse_mail', 'outbox');
  END IF;
  RETURN NULL;
END
$$;
