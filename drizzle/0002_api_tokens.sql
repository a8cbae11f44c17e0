ALTER TABLE "sessions" ALTER COLUMN "expires_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "handle" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "kind" text DEFAULT 'browser' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "prefix" text;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_handle_key" ON "sessions" USING btree ("handle");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('browser', 'api'));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kind_fields" CHECK (case "sessions"."kind" when 'browser' then "sessions"."expires_at" is not null and "sessions"."name" is null
          else "sessions"."name" is not null and char_length("sessions"."name") between 1 and 100 and "sessions"."prefix" is not null end);