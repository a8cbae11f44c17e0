ALTER TABLE "screens" ADD COLUMN "show_goals" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "screens" ADD COLUMN "celebrations" text[] DEFAULT array['SALE', 'GOAL_ACHIEVED', 'NEW_LEADER', 'BADGE']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "screens" ADD COLUMN "sale_amount" integer DEFAULT 10000 NOT NULL;--> statement-breakpoint
ALTER TABLE "screens" ADD COLUMN "sound" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_celebrations" CHECK (cardinality("screens"."celebrations") <= 16);--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_sale_amount" CHECK ("screens"."sale_amount" between 1 and 1000000000);--> statement-breakpoint
-- The settings are part of a screen's viewer (showGoals authorises its goal reads): changing one
-- notifies like a layout change, so every process drops its directory and the screen's streams
-- see the new settings at once (drizzle/functions/directory_notify.sql).
DROP TRIGGER "screens_notify" ON "screens";--> statement-breakpoint
CREATE TRIGGER screens_notify AFTER INSERT OR DELETE OR UPDATE OF boards, seconds_per_board, period_type, pinned, show_goals, celebrations, sale_amount, sound ON screens FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
