-- Goal pace (docs/goals-pace.md): the GOAL_BEHIND_PACE webhook event, one row per judged goal
-- recording its outstanding alert and the day of the last one (claimed by a conditional upsert in
-- api/jobs/pace/pace-alerts.ts, so several API processes send an alert once), and the
-- organisation's option to count working days (Monday-Friday) for pace.
ALTER TYPE "public"."webhook_event" ADD VALUE 'GOAL_BEHIND_PACE';--> statement-breakpoint
CREATE TABLE "goal_pace_alerts" (
	"goal_id" integer PRIMARY KEY NOT NULL,
	"alerted" boolean DEFAULT false NOT NULL,
	"alert_day" date,
	"alerts" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "pace_working_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_pace_alerts" ADD CONSTRAINT "goal_pace_alerts_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;