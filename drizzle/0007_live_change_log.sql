-- Live updates off the writers' commit path (issue 6, M6).
--
-- Until now every trigger of 0002/0003 called pg_notify in the writer's transaction. PostgreSQL
-- serialises the commits of all transactions that issued NOTIFY (PreCommit_Notify takes a
-- database-wide lock and holds it until the commit is done), so concurrent writers queued behind
-- each other: 14 % fewer single-sale transactions at 8 writers, 25 % at 32 (BENCHMARKS.md), and
-- far more on a loaded machine where the lock holder gets descheduled.
--
-- Now the same payloads (same format, same chunking, still < 8000 bytes) are appended to an
-- UNLOGGED table, live_changes, and the API's listener (api/live/bridge.ts) reads them:
--
--   writer:   live_emit(payload)  -> INSERT INTO live_changes (xid = the writer's transaction)
--             at COMMIT (deferred constraint trigger): NOTIFY pulse_changes '{"t":"wake"}' only
--             if some listener is "armed", i.e. idle and waiting for a wake-up
--   listener: on a wake-up it disarms itself and drains live_changes every LIVE_COALESCE_MS (rows
--             whose transaction became visible since its previous drain: snapshot arithmetic on
--             the xid, so a row is read exactly once whatever the order of commits); when a drain
--             finds nothing it arms itself again and keeps draining until every transaction that
--             was in progress when it armed has ended (those may have checked the flag before it
--             was set), then sleeps until the next wake-up.
--
-- So under sustained writes almost no transaction notifies (the listener is draining, not armed);
-- an idle server runs no statement at all (one wake-up starts a burst). Nothing is logged while no
-- listener is registered (no API process running: nothing to tell, and a listener that connects
-- recomputes everything). Each listener row expires unless its heartbeat renews it, so a crashed
-- process stops costing writers a NOTIFY after LISTENER_TTL. Rows are deleted by the listeners a
-- minute after their transaction ended (live_prune). UNLOGGED: lost on a crash, like NOTIFYs
-- would be; listeners reconnect and recompute everything then.

CREATE UNLOGGED TABLE live_changes (
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  payload text NOT NULL
);
--> statement-breakpoint
CREATE INDEX live_changes_xid ON live_changes (xid);
--> statement-breakpoint
CREATE UNLOGGED TABLE live_listeners (
  id text PRIMARY KEY,
  armed boolean NOT NULL DEFAULT true,
  expires_at timestamptz NOT NULL
);
--> statement-breakpoint
-- The one entry point of every notification trigger (was pg_notify('pulse_changes', payload)).
CREATE FUNCTION live_emit(payload text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM live_listeners WHERE expires_at > now()) THEN
    INSERT INTO live_changes (payload) VALUES (payload);
  END IF;
END
$$;
--> statement-breakpoint
-- At commit: wake the listeners that sleep. A constant payload: repeated NOTIFYs of one
-- transaction collapse into one.
CREATE FUNCTION live_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM live_listeners WHERE armed AND expires_at > now()) THEN
    PERFORM pg_notify('pulse_changes', '{"t":"wake"}');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER live_changes_wake AFTER INSERT ON live_changes DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION live_wake();
--> statement-breakpoint
-- Listener side (api/live/bridge.ts). Registers (or re-arms) a listener; `ttl` null = no expiry
-- (embedded PGlite: one process, no heartbeat). Also forgets listeners that expired long ago.
CREATE FUNCTION live_register(p_id text, p_ttl interval) RETURNS void LANGUAGE sql AS $$
  DELETE FROM live_listeners WHERE expires_at < now() - interval '1 hour';
  INSERT INTO live_listeners (id, armed, expires_at)
    VALUES (p_id, true, coalesce(now() + p_ttl, 'infinity'))
    ON CONFLICT (id) DO UPDATE SET armed = true, expires_at = excluded.expires_at;
$$;
--> statement-breakpoint
-- The rows whose transaction is visible now and was not in snapshot p_after (null: none, only the
-- current snapshot is returned), oldest transaction first, with the current snapshot as the next
-- p_after (pg_current_snapshot() is the query's own snapshot, so the two agree). p_disarm: the
-- listener was woken and drains from now on, writers need not wake it.
CREATE FUNCTION live_drain(p_id text, p_after pg_snapshot, p_disarm boolean)
RETURNS TABLE (snap text, payloads text[]) LANGUAGE plpgsql AS $$
BEGIN
  IF p_disarm THEN
    UPDATE live_listeners SET armed = false WHERE id = p_id AND armed;
  END IF;
  RETURN QUERY SELECT pg_current_snapshot()::text,
    CASE WHEN p_after IS NULL THEN ARRAY[]::text[] ELSE coalesce((
      SELECT array_agg(c.payload ORDER BY c.xid)
      FROM live_changes c
      WHERE c.xid >= pg_snapshot_xmin(p_after) AND NOT pg_visible_in_snapshot(c.xid, p_after)
    ), ARRAY[]::text[]) END;
END
$$;
--> statement-breakpoint
-- Rows whose transaction ended before p_horizon was taken (the caller's snapshot of a minute ago):
-- every listener has read them.
CREATE FUNCTION live_prune(p_horizon pg_snapshot) RETURNS void LANGUAGE sql AS $$
  DELETE FROM live_changes WHERE xid < pg_snapshot_xmin(p_horizon);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notify_ids(kind text, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  i int := 1;
  n int := coalesce(array_length(ids, 1), 0);
BEGIN
  WHILE i <= n LOOP
    PERFORM live_emit(json_build_object('t', kind, 'ids', ids[i:i + 299])::text);
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
    PERFORM live_emit(json_build_object('t', 'goal_del', 'g', chunk)::text);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sales_performance_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM live_emit(payload);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM live_emit('{"t":"dir"}');
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A listener's heartbeat: renews its registration and sends the echo it waits for. False when the
-- registration had lapsed (expired or forgotten): changes may have gone unlogged for it since.
CREATE FUNCTION live_heartbeat(p_id text, p_ttl interval, p_payload text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  alive boolean;
BEGIN
  UPDATE live_listeners SET expires_at = now() + p_ttl WHERE id = p_id AND expires_at > now() RETURNING true INTO alive;
  PERFORM pg_notify('pulse_changes', p_payload);
  RETURN coalesce(alive, false);
END
$$;
