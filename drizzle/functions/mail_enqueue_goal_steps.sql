-- mail_enqueue_goal_steps: its current definition, edited here only (docs/sql-functions.md).
-- GOAL_PROGRESS mails (docs/notifications.md): goals(ids[i]) reached steps[i] (50, 75 or 100 % of
-- the target) in this statement. A goal's step is claimed in goal_mail_steps only when higher than
-- the one it holds, so each step is mailed once per goal (a goal that drops and climbs again sends
-- nothing twice), and only the claimed ones reach the outbox: to the goal's owner, a person who is
-- active and has not turned GOAL_PROGRESS off. Set-based: one statement for the whole batch.
-- Called by goals_webhooks_updated while mail is on (notification_state), migration 0015.
CREATE OR REPLACE FUNCTION mail_enqueue_goal_steps(ids int[], steps int[]) RETURNS void LANGUAGE sql AS $$
  WITH claimed AS (
    INSERT INTO goal_mail_steps (goal_id, step)
    SELECT c.id, c.step FROM unnest(ids, steps) AS c(id, step)
    ORDER BY c.id
    ON CONFLICT (goal_id) DO UPDATE SET step = excluded.step WHERE goal_mail_steps.step < excluded.step
    RETURNING goal_id, step
  )
  INSERT INTO mail_outbox (user_id, kind, dedupe_key, payload)
  SELECT g.user_id, 'GOAL_PROGRESS', 'goal:' || g.id || ':' || c.step,
    jsonb_build_object('step', c.step, 'goal', jsonb_build_object(
      'id', g.id, 'metric', g.metric, 'period_type', g.period_type, 'period_start', g.period_start,
      'period_end', g.period_end, 'target_value', g.target_value, 'current_value', g.current_value,
      'achievement_percentage', g.achievement_percentage, 'description', g.description))
  FROM claimed c
  JOIN goals g ON g.id = c.goal_id
  JOIN users u ON u.id = g.user_id AND u.active AND u.kind = 'person'
  LEFT JOIN notification_settings s ON s.user_id = u.id
  WHERE coalesce(s.goal_progress, true)
  ORDER BY g.id
  ON CONFLICT (user_id, dedupe_key) DO NOTHING
$$;
