-- webhook_enqueue_goals: its current definition, edited here only (docs/sql-functions.md).
-- GOAL_ACHIEVED / GOAL_MISSED for the given goals, as they are now in this transaction (idempotency
-- key goal:<id>:v<version>:<status>, payload: migration 0005).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005.
CREATE OR REPLACE FUNCTION webhook_enqueue_goals(ids int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO webhook_outbox (webhook_id, event, idempotency_key, payload)
  SELECT w.id, e.event, 'goal:' || g.id || ':v' || g.version || ':' || lower(g.status::text),
    jsonb_build_object('goal', jsonb_build_object(
      'id', g.id, 'user_id', g.user_id, 'user_name', u.name, 'team_id', g.team_id, 'team_name', t.name,
      'metric', g.metric, 'period_type', g.period_type, 'period_start', g.period_start, 'period_end', g.period_end,
      'target_value', g.target_value, 'current_value', g.current_value,
      'achievement_percentage', g.achievement_percentage, 'status', g.status, 'description', g.description,
      'version', g.version))
  FROM goals g
  CROSS JOIN LATERAL (SELECT CASE g.status WHEN 'ACHIEVED' THEN 'GOAL_ACHIEVED' ELSE 'GOAL_MISSED' END::webhook_event AS event) e
  JOIN webhooks w ON e.event = ANY (w.events)
  LEFT JOIN users u ON u.id = g.user_id
  LEFT JOIN teams t ON t.id = g.team_id
  WHERE g.id = ANY (ids) AND g.status IN ('ACHIEVED', 'MISSED')
  ORDER BY w.id, g.id
  ON CONFLICT (webhook_id, idempotency_key) DO NOTHING
$$;
