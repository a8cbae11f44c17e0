-- The change log's reads and pruning no longer depend on the oldest running transaction.
-- 0007 read the rows with xid >= the previous snapshot's xmin: while any transaction stays open
-- (a long import, a session idle in transaction), that bound stays put and every drain (up to a
-- hundred a second while changes flow) re-scanned every row logged since. The rows a drain can
-- find are those of transactions not finished at the previous snapshot: xid >= its xmax, or one of
-- its running xids. Likewise pruning deletes the rows that were visible a minute ago, instead of
-- those older than that snapshot's oldest running transaction.
CREATE OR REPLACE FUNCTION live_drain(p_id text, p_after pg_snapshot, p_disarm boolean)
RETURNS TABLE (snap text, payloads text[]) LANGUAGE plpgsql AS $$
BEGIN
  IF p_disarm THEN
    UPDATE live_listeners SET armed = false WHERE id = p_id AND armed;
  END IF;
  RETURN QUERY SELECT pg_current_snapshot()::text,
    CASE WHEN p_after IS NULL THEN ARRAY[]::text[] ELSE coalesce((
      SELECT array_agg(c.payload ORDER BY c.xid)
      FROM live_changes c
      WHERE (c.xid >= pg_snapshot_xmax(p_after) OR c.xid = ANY (ARRAY(SELECT pg_snapshot_xip(p_after))))
        AND NOT pg_visible_in_snapshot(c.xid, p_after)
    ), ARRAY[]::text[]) END;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION live_prune(p_horizon pg_snapshot) RETURNS void LANGUAGE sql AS $$
  DELETE FROM live_changes WHERE xid < pg_snapshot_xmax(p_horizon) AND pg_visible_in_snapshot(xid, p_horizon);
$$;
