-- A paused webhook: the worker claims none of its deliveries; they wait in the outbox until resumed.
ALTER TABLE "webhooks" ADD COLUMN "paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The organisation's settings changed (updateOrganisation): every process reloads them and
-- recomputes its boards (api/app.ts), through the live change log.
-- Placeholder body: drizzle/functions/settings_notify.sql holds the definition (docs/sql-functions.md).
CREATE OR REPLACE FUNCTION settings_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;--> statement-breakpoint
CREATE TRIGGER settings_notify AFTER INSERT OR UPDATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION settings_notify();
