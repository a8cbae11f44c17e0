-- Announcements for the live hub (api/live/): every change to rollups, goals, achievements, users
-- and teams is announced on channel 'pulse_changes', whoever wrote it, and delivered on commit.
--
-- Payloads carry keys and ids only, never rows, and stay far below NOTIFY's 8000-byte limit:
-- id lists are sent in chunks of at most 400 ids, rollup keys collapse to {"all":true} when there
-- are too many (a reader then recomputes everything it watches). One NOTIFY per statement per
-- kind, never per row: NOTIFY serialises committing transactions on a global lock.
--
--   {"t":"perf","p":[["MONTHLY","2026-11-01"],...],"tm":[1,2]}   rollups of these periods changed,
--                                                              for members of these teams (0: none)
--   {"t":"perf","all":true}                                    too many keys to list
--   {"t":"goal","ids":[1,2]}                                   goals created or changed (version)
--   {"t":"goal_del","g":[[id,user_id,team_id],...]}            goals deleted (owner for filters)
--   {"t":"ach","ids":[7]}                                      achievements awarded
--   {"t":"dir"}                                                users or teams changed
--   {"t":"hb","n":"..."}                                       heartbeat, sent by the API itself

CREATE FUNCTION notify_ids(kind text, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  i int := 1;
  n int := coalesce(array_length(ids, 1), 0);
BEGIN
  WHILE i <= n LOOP
    PERFORM pg_notify('pulse_changes', json_build_object('t', kind, 'ids', ids[i:i + 399])::text);
    i := i + 400;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION sales_performance_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  SELECT json_build_object(
      't', 'perf',
      'p', (SELECT json_agg(json_build_array(k.period_type, k.period_start) ORDER BY k.period_type, k.period_start)
            FROM (SELECT DISTINCT period_type, period_start FROM changed_rows) k),
      'tm', (SELECT json_agg(DISTINCT coalesce(u.team_id, 0))
             FROM (SELECT DISTINCT user_id FROM changed_rows) c JOIN users u ON u.id = c.user_id))::text
    INTO payload
    WHERE EXISTS (SELECT 1 FROM changed_rows);
  IF payload IS NULL THEN
    RETURN NULL;
  END IF;
  IF octet_length(payload) > 7500 THEN
    payload := '{"t":"perf","all":true}';
  END IF;
  PERFORM pg_notify('pulse_changes', payload);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sales_performance_notify_inserted AFTER INSERT ON sales_performance
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_notify();
--> statement-breakpoint
CREATE TRIGGER sales_performance_notify_updated AFTER UPDATE ON sales_performance
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_notify();
--> statement-breakpoint
CREATE FUNCTION goals_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('goal', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Only real changes (the version moved): a write that changed nothing a subscriber sees is silent.
CREATE FUNCTION goals_notify_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('goal', (SELECT array_agg(n.id ORDER BY n.id)
    FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.version <> o.version));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION goals_notify_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chunk json;
BEGIN
  FOR chunk IN
    SELECT json_agg(json_build_array(id, user_id, team_id) ORDER BY id)
    FROM (SELECT id, user_id, team_id, (row_number() OVER (ORDER BY id) - 1) / 250 AS part FROM old_rows) d
    GROUP BY part
  LOOP
    PERFORM pg_notify('pulse_changes', json_build_object('t', 'goal_del', 'g', chunk)::text);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER goals_notify_inserted AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goals_notify_inserted();
--> statement-breakpoint
CREATE TRIGGER goals_notify_updated AFTER UPDATE ON goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goals_notify_updated();
--> statement-breakpoint
CREATE TRIGGER goals_notify_deleted AFTER DELETE ON goals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goals_notify_deleted();
--> statement-breakpoint
CREATE FUNCTION achievements_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('ach', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER achievements_notify AFTER INSERT ON achievements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION achievements_notify();
--> statement-breakpoint
CREATE FUNCTION directory_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pulse_changes', '{"t":"dir"}');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_notify AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
--> statement-breakpoint
CREATE TRIGGER teams_notify AFTER INSERT OR UPDATE OR DELETE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
