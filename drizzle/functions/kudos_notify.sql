-- kudos_notify: its current definition, edited here only (docs/sql-functions.md).
-- Logs the ids of new kudos for the live hub ('kudos' messages: TV celebrations, kudosGiven) and,
-- while mail is on (notification_state), queues a KUDOS mail to each recipient who has not turned
-- it off (dedupe key kudos:<id>): one INSERT … SELECT per statement, whatever its number of rows.
-- Trigger function of kudos_notify (AFTER INSERT ON kudos). Introduced by migration 0016_kudos.
CREATE OR REPLACE FUNCTION kudos_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('kudos', (SELECT array_agg(id ORDER BY id) FROM new_rows));
  IF EXISTS (SELECT 1 FROM notification_state WHERE mail_enabled) THEN
    INSERT INTO mail_outbox (user_id, kind, dedupe_key, payload)
    SELECT k.recipient_id, 'KUDOS', 'kudos:' || k.id,
      jsonb_build_object('kudos', jsonb_build_object(
        'id', k.id, 'giver_id', k.giver_id, 'giver_name', g.name, 'message', k.message,
        'private', k.private, 'activity_id', k.activity_id, 'goal_id', k.goal_id,
        'created_at', k.created_at))
    FROM new_rows k
    JOIN users u ON u.id = k.recipient_id AND u.active AND u.kind = 'person'
    JOIN users g ON g.id = k.giver_id
    LEFT JOIN notification_settings s ON s.user_id = u.id
    WHERE coalesce(s.kudos, true)
    ORDER BY k.id
    ON CONFLICT (user_id, dedupe_key) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
