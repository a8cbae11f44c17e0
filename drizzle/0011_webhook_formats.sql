ALTER TABLE "webhooks" ADD COLUMN "format" text DEFAULT 'JSON' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "digest_minutes" integer;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "digest_sealed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_format" CHECK ("webhooks"."format" in ('JSON', 'SLACK', 'TEAMS'));--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_digest_minutes" CHECK ("webhooks"."digest_minutes" is null or ("webhooks"."digest_minutes" between 5 and 1440 and 1440 % "webhooks"."digest_minutes" = 0));--> statement-breakpoint
ALTER TABLE "webhook_outbox" ADD COLUMN "digest_key" text;--> statement-breakpoint
CREATE INDEX "webhook_outbox_digest_idx" ON "webhook_outbox" USING btree ("webhook_id","digest_key") WHERE "webhook_outbox"."status" = 'PENDING';
