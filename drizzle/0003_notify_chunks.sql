-- Smaller NOTIFY chunks, sized for the largest ids rather than today's: 300 bigint ids (at most
-- 20 bytes each with the comma) and 200 deleted-goal triples (at most 35 bytes each) stay under
-- 8000 bytes whatever the ids. 0002's 250 triples overflowed with 10-digit ids and aborted the DELETE.
CREATE OR REPLACE FUNCTION notify_ids(kind text, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  i int := 1;
  n int := coalesce(array_length(ids, 1), 0);
BEGIN
  WHILE i <= n LOOP
    PERFORM pg_notify('pulse_changes', json_build_object('t', kind, 'ids', ids[i:i + 299])::text);
    i := i + 300;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION goals_notify_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chunk json;
BEGIN
  FOR chunk IN
    SELECT json_agg(json_build_array(id, user_id, team_id) ORDER BY id)
    FROM (SELECT id, user_id, team_id, (row_number() OVER (ORDER BY id) - 1) / 200 AS part FROM old_rows) d
    GROUP BY part
  LOOP
    PERFORM pg_notify('pulse_changes', json_build_object('t', 'goal_del', 'g', chunk)::text);
  END LOOP;
  RETURN NULL;
END
$$;
