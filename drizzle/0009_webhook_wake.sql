-- Wake the webhook workers (api/webhooks/worker.ts) instead of having them poll every second:
-- a statement that inserts outbox rows, whoever runs it (the goal and badge triggers of 0005, the
-- API's rank watcher), NOTIFYs 'pulse_webhooks' with 'outbox'; a change of the webhooks themselves
-- with 'webhooks' (the rank watcher starts or stops). Only when rows were written: an INSERT that
-- enqueued nothing (most sales, once any webhook exists) sends nothing, so ordinary writes do not
-- take PostgreSQL's NOTIFY commit lock (drizzle/0007). Due retries are timed by the workers.
CREATE FUNCTION webhook_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN
    PERFORM pg_notify('pulse_webhooks', 'outbox');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER webhook_outbox_wake AFTER INSERT ON webhook_outbox REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_outbox_wake();
--> statement-breakpoint
CREATE FUNCTION webhooks_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pulse_webhooks', 'webhooks');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER webhooks_wake AFTER INSERT OR UPDATE OR DELETE ON webhooks
  FOR EACH STATEMENT EXECUTE FUNCTION webhooks_wake();
