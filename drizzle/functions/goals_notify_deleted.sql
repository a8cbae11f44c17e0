-- goals_notify_deleted: its current definition, edited here only (docs/sql-functions.md).
-- Logs deleted goals with their owners (for the hub's filters), 200 triples a payload (at most 35
-- bytes each: under 8000 bytes whatever the ids).
-- Trigger function of goals_notify_deleted (AFTER DELETE ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002,
-- migration 0003, migration 0007.
CREATE OR REPLACE FUNCTION goals_notify_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chunk json;
BEGIN
  FOR chunk IN
    SELECT json_agg(json_build_array(id, user_id, team_id) ORDER BY id)
    FROM (SELECT id, user_id, team_id, (row_number() OVER (ORDER BY id) - 1) / 200 AS part FROM old_rows) d
    GROUP BY part
  LOOP
    PERFORM live_emit(json_build_object('t', 'goal_del', 'g', chunk)::text);
  END LOOP;
  RETURN NULL;
END
$$;
