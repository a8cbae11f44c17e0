-- refresh_goals: its current definition, edited here only (docs/sql-functions.md).
-- Recomputes the given goals (CUSTOM ones are skipped: nothing tracks them); returns how many were
-- written. Locks them in id order, then writes only the goals whose value, percentage or status
-- changes, whole, with pulse.goal_values = 'set' so goals_derive() keeps them (migration 0013).
-- Earlier definitions (git history; squashed into 0000_baseline):
-- migration 0013.
CREATE OR REPLACE FUNCTION refresh_goals(p_ids int[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  today date := org_today();
BEGIN
  PERFORM 1 FROM goals WHERE id = ANY (p_ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM set_config('pulse.goal_values', 'set', true);
  WITH g AS (
    SELECT array_agg(id ORDER BY id) AS ids, array_agg(metric ORDER BY id) AS metrics,
      array_agg(user_id ORDER BY id) AS users, array_agg(team_id ORDER BY id) AS teams,
      array_agg(period_type ORDER BY id) AS pts, array_agg(period_start ORDER BY id) AS pss
    FROM goals WHERE id = ANY (p_ids) AND metric <> 'CUSTOM'
  ),
  v AS (
    SELECT g.ids[t.ord] AS id, t.value
    FROM g CROSS JOIN LATERAL goal_tracked_values(g.metrics, g.users, g.teams, g.pts, g.pss) t
  )
  UPDATE goals SET current_value = v.value,
      achievement_percentage = goal_achievement_percentage(v.value, goals.target_value),
      status = goal_status_of(v.value, goals.target_value, goals.period_end < today),
      version = goals.version + 1,
      updated_at = clock_timestamp()
    FROM v
    WHERE goals.id = v.id
      AND (goals.current_value IS DISTINCT FROM v.value
        OR goals.achievement_percentage IS DISTINCT FROM goal_achievement_percentage(v.value, goals.target_value)
        OR goals.status IS DISTINCT FROM goal_status_of(v.value, goals.target_value, goals.period_end < today));
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('pulse.goal_values', '', true);
  RETURN n;
END
$$;
