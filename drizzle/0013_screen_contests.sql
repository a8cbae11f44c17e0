ALTER TABLE "screens" ADD COLUMN "show_contests" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "screens" ALTER COLUMN "celebrations" SET DEFAULT array['SALE', 'GOAL_ACHIEVED', 'NEW_LEADER', 'BADGE', 'CONTEST_WON']::text[];--> statement-breakpoint
-- A screen that celebrated every kind there was (the default, untouched) celebrates the new one
-- too; one whose admin chose some keeps exactly that choice.
UPDATE "screens" SET "celebrations" = "celebrations" || array['CONTEST_WON']::text[]
  WHERE "celebrations" @> array['SALE', 'GOAL_ACHIEVED', 'NEW_LEADER', 'BADGE']::text[]
    AND NOT "celebrations" @> array['CONTEST_WON']::text[];--> statement-breakpoint
-- show_contests authorises the screen's contest reads like show_goals its goal reads: part of its
-- viewer, so a change notifies every process (drizzle/functions/directory_notify.sql).
DROP TRIGGER "screens_notify" ON "screens";--> statement-breakpoint
CREATE TRIGGER screens_notify AFTER INSERT OR DELETE OR UPDATE OF boards, seconds_per_board, period_type, pinned, show_goals, show_contests, celebrations, sale_amount, sound ON screens FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
