-- goal_tracked_value: its current definition, edited here only (docs/sql-functions.md).
-- The value of one tracked goal metric: the user's rollup, or the sum over the team's members. The
-- same computation as goal_tracked_values() on one-element arrays (what goals_derive() calls).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0013.
CREATE OR REPLACE FUNCTION goal_tracked_value(m goal_metric, p_user int, p_team int, pt period_type, ps date)
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT value FROM goal_tracked_values(ARRAY[m], ARRAY[p_user], ARRAY[p_team], ARRAY[pt], ARRAY[ps])
$$;
