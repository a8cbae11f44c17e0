-- A seller's activities in (occurred_at, id) order: the keyset pages of a figure's contributions
-- (api/modules/goals/contributions.queries.ts) read newest first from a cursor without sorting the
-- period's rows. It replaces (user_id, occurred_at), which it serves as well: still one index to
-- keep up on the write path.
CREATE INDEX "activities_user_occurred_id_idx" ON "activities" USING btree ("user_id","occurred_at","id");--> statement-breakpoint
DROP INDEX "activities_user_occurred_idx";
