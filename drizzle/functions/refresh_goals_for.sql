-- refresh_goals_for: its current definition, edited here only (docs/sql-functions.md).
-- Recomputes the tracked goals (user goals and their teams' goals) of the given rollup keys.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0013.
CREATE OR REPLACE FUNCTION refresh_goals_for(p_user int[], p_pt period_type[], p_ps date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  WITH t AS (SELECT DISTINCT * FROM unnest(p_user, p_pt, p_ps) AS t(user_id, period_type, period_start))
  SELECT array_agg(DISTINCT s.id) INTO ids FROM (
    SELECT g.id FROM goals g
      JOIN t ON g.user_id = t.user_id AND g.period_type = t.period_type AND g.period_start = t.period_start
      WHERE g.metric <> 'CUSTOM'
    UNION ALL
    SELECT g.id FROM t
      JOIN users u ON u.id = t.user_id
      JOIN goals g ON g.team_id = u.team_id AND g.period_type = t.period_type AND g.period_start = t.period_start
      WHERE g.metric <> 'CUSTOM'
  ) s;
  IF ids IS NOT NULL THEN
    PERFORM refresh_goals(ids);
  END IF;
END
$$;
