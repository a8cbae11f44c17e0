-- Webhook events that the database sees (tables in 0004_webhooks.sql; deliveries by
-- api/webhooks/worker.ts). Each trigger writes outbox rows in the transaction of the change that
-- caused them, so a rolled-back change delivers nothing, whoever wrote it (this API, an import, an
-- ERP writing activity rows). Statement-level like the rollups: one INSERT per statement, and
-- nothing at all while no webhook exists. Rank changes are enqueued by the API (the live hub
-- computes boards), not here.
--
-- Idempotency keys, unique per webhook (ON CONFLICT DO NOTHING):
--   goal:<id>:v<version>:<status>   a goal became ACHIEVED or MISSED (again, at a later version)
--   achievement:<id>                a badge was awarded
-- Payloads hold the facts at the time of the event (names included), in snake_case.

-- GOAL_ACHIEVED / GOAL_MISSED for the given goals, as they are now in this transaction.
CREATE FUNCTION webhook_enqueue_goals(ids int[]) RETURNS void LANGUAGE sql AS $$
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
--> statement-breakpoint
-- A goal created already achieved (or for a period already over) is reported too.
CREATE FUNCTION goals_webhooks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks) THEN
    PERFORM webhook_enqueue_goals((SELECT array_agg(id) FROM new_rows WHERE status IN ('ACHIEVED', 'MISSED')));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION goals_webhooks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhooks) THEN
    PERFORM webhook_enqueue_goals((SELECT array_agg(n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status IN ('ACHIEVED', 'MISSED') AND n.status IS DISTINCT FROM o.status));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER goals_webhooks_inserted AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goals_webhooks_inserted();
--> statement-breakpoint
CREATE TRIGGER goals_webhooks_updated AFTER UPDATE ON goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goals_webhooks_updated();
--> statement-breakpoint
CREATE FUNCTION achievements_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE TRIGGER achievements_webhooks AFTER INSERT ON achievements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION achievements_webhooks();
