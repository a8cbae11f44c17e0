-- achievements_webhooks: its current definition, edited here only (docs/sql-functions.md).
-- ACHIEVEMENT_UNLOCKED for every awarded badge (idempotency key achievement:<id>); while mail is on
-- (notification_state), a BADGE_EARNED mail to each awarded person who has not turned it off.
-- Trigger function of achievements_webhooks (AFTER INSERT ON achievements).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005; mail: 0015.
CREATE OR REPLACE FUNCTION achievements_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks WHERE 'ACHIEVEMENT_UNLOCKED' = ANY (events)) THEN
    INSERT INTO webhook_outbox (webhook_id, event, idempotency_key, payload)
    SELECT w.id, 'ACHIEVEMENT_UNLOCKED', 'achievement:' || a.id,
      jsonb_build_object('achievement', jsonb_build_object(
        'id', a.id, 'user_id', a.user_id, 'user_name', u.name, 'team_id', u.team_id, 'kind', a.kind,
        'title', a.title, 'description', a.description, 'badge_icon', a.badge_icon, 'value', a.value,
        'achieved_at', a.achieved_at, 'rule_id', a.rule_id))
    FROM new_rows a
    JOIN users u ON u.id = a.user_id
    JOIN webhooks w ON 'ACHIEVEMENT_UNLOCKED' = ANY (w.events)
    ORDER BY w.id, a.id
    ON CONFLICT (webhook_id, idempotency_key) DO NOTHING;
  END IF;
  IF EXISTS (SELECT 1 FROM notification_state WHERE mail_enabled) THEN
    INSERT INTO mail_outbox (user_id, kind, dedupe_key, payload)
    SELECT a.user_id, 'BADGE_EARNED', 'achievement:' || a.id,
      jsonb_build_object('achievement', jsonb_build_object(
        'id', a.id, 'title', a.title, 'description', a.description, 'badge_icon', a.badge_icon,
        'value', a.value, 'achieved_at', a.achieved_at))
    FROM new_rows a
    JOIN users u ON u.id = a.user_id AND u.active AND u.kind = 'person'
    LEFT JOIN notification_settings s ON s.user_id = u.id
    WHERE coalesce(s.badge_earned, true)
    ORDER BY a.id
    ON CONFLICT (user_id, dedupe_key) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
