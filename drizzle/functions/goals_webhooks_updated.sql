-- goals_webhooks_updated: its current definition, edited here only (docs/sql-functions.md).
-- A goal that became ACHIEVED or MISSED is reported to webhooks; while mail is on
-- (notification_state), a personal goal that passed 50, 75 or 100 % of its target in this statement
-- is mailed to its owner (the highest step passed: mail_enqueue_goal_steps).
-- Trigger function of goals_webhooks_updated (AFTER UPDATE ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005.
-- The enqueue is called only when a step was passed: most updates (a sale moving goals that
-- passed their steps long ago) pass none, and a call costs the planning of its two inserts (M6).
CREATE OR REPLACE FUNCTION goals_webhooks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  passed int[];
  steps int[];
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks) THEN
    PERFORM webhook_enqueue_goals((SELECT array_agg(n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status IN ('ACHIEVED', 'MISSED') AND n.status IS DISTINCT FROM o.status));
  END IF;
  IF EXISTS (SELECT 1 FROM notification_state WHERE mail_enabled) THEN
    SELECT array_agg(n.id), array_agg(s.step) INTO passed, steps
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (SELECT max(t.step) AS step FROM unnest(ARRAY[50, 75, 100]) AS t(step)
      WHERE n.achievement_percentage >= t.step AND o.achievement_percentage < t.step) s
    WHERE n.user_id IS NOT NULL AND s.step IS NOT NULL;
    IF passed IS NOT NULL THEN
      PERFORM mail_enqueue_goal_steps(passed, steps);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
