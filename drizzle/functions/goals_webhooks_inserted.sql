-- goals_webhooks_inserted: its current definition, edited here only (docs/sql-functions.md).
-- A goal created already achieved (or for a period already over) is reported too. While mail is on
-- (notification_state), a personal goal created past 50, 75 or 100 % records that step as reached
-- without a mail (a new goal is not news), so a later climb mails only the steps above it.
-- Trigger function of goals_webhooks_inserted (AFTER INSERT ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005.
CREATE OR REPLACE FUNCTION goals_webhooks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks) THEN
    PERFORM webhook_enqueue_goals((SELECT array_agg(id) FROM new_rows WHERE status IN ('ACHIEVED', 'MISSED')));
  END IF;
  IF EXISTS (SELECT 1 FROM notification_state WHERE mail_enabled) THEN
    INSERT INTO goal_mail_steps (goal_id, step)
    SELECT n.id, s.step
    FROM new_rows n
    CROSS JOIN LATERAL (SELECT max(t.step) AS step FROM unnest(ARRAY[50, 75, 100]) AS t(step)
      WHERE n.achievement_percentage >= t.step) s
    WHERE n.user_id IS NOT NULL AND s.step IS NOT NULL
    ORDER BY n.id
    ON CONFLICT (goal_id) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
