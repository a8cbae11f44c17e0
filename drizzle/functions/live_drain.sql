-- live_drain: its current definition, edited here only (docs/sql-functions.md).
-- The rows whose transaction is visible now and was not in snapshot p_after (null: none, only the
-- current snapshot is returned), oldest transaction first, with the current snapshot as the next
-- p_after. Reads only transactions not finished at p_after (xid >= its xmax, or one of its running
-- xids), so a long-open transaction does not make every drain rescan the log (migration 0010).
-- p_disarm: the listener was woken and drains from now on, writers need not wake it.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007,
-- migration 0010.
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
