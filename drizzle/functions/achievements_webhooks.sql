-- achievements_webhooks: its current definition, edited here only (docs/sql-functions.md).
-- ACHIEVEMENT_UNLOCKED for every awarded badge (idempotency key achievement:<id>).
-- Trigger function of achievements_webhooks (AFTER INSERT ON achievements).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0005.
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
  RETURN NULL;
END
$$;
