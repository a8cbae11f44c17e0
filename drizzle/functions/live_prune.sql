-- live_prune: its current definition, edited here only (docs/sql-functions.md).
-- Deletes the rows that were visible in p_horizon (the caller's snapshot of a minute ago): every
-- listener has read them.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007,
-- migration 0010.
CREATE OR REPLACE FUNCTION live_prune(p_horizon pg_snapshot) RETURNS void LANGUAGE sql AS $$
  DELETE FROM live_changes WHERE xid < pg_snapshot_xmax(p_horizon) AND pg_visible_in_snapshot(xid, p_horizon);
$$;
