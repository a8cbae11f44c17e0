-- Custom badge rules (issue 19, docs/badges.md): admins create, edit and deactivate the rules
-- award_rules_for() applies. A save either awards the past (backfill) or only what is reached
-- from now on:
-- - awards_from: periods ending before this date are never awarded by the rule, not even by a
--   later backdated write (null: every period, the seeded rules);
-- - achievement_rule_baseline: the (user, period) pairs that already met the rule when it was
--   saved "from now on" (the current period, or lifetime): reached before the save, never awarded.
-- The once-per-period key gains period_type: a rule whose period type changes (MONTHLY to YEARLY)
-- awards the new periods even when one starts on the day an old one did (1 January).
ALTER TABLE "achievement_rules" ADD COLUMN "awards_from" date;--> statement-breakpoint
ALTER TABLE "achievement_rules" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "achievement_rules" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "achievement_rules" ADD CONSTRAINT "achievement_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "achievement_rule_baseline" (
	"rule_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"period_start" date
);--> statement-breakpoint
ALTER TABLE "achievement_rule_baseline" ADD CONSTRAINT "achievement_rule_baseline_rule_id_achievement_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."achievement_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_rule_baseline" ADD CONSTRAINT "achievement_rule_baseline_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievement_rule_baseline_key" ON "achievement_rule_baseline" USING btree ("rule_id","user_id","period_start") NULLS NOT DISTINCT;--> statement-breakpoint
CREATE UNIQUE INDEX "achievements_rule_period_once" ON "achievements" USING btree ("rule_id","user_id","period_type","period_start") NULLS NOT DISTINCT WHERE "rule_id" IS NOT NULL;--> statement-breakpoint
DROP INDEX "achievements_rule_once";
