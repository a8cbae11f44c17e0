-- Hand-written part of the schema: everything that keeps derived data current inside Postgres, so
-- that any writer (this API, an import, an ERP inserting rows with plain SQL) has the same effect.
--
-- Flow: activities --(statement triggers, rollup_apply)--> sales_performance (5 period types)
--       sales_performance --(statement triggers)--> goals (refresh_goals_for) + achievements (award_rules_for)
--       goals: goals_derive() (BEFORE row trigger) is the only code that computes current_value (tracked
--       metrics), achievement_percentage, status, period_end, version and updated_at.
--
-- Concurrency invariants:
-- - Rollups change only by ON CONFLICT DO UPDATE x = x + delta, so concurrent writers never lose
--   increments; rows are upserted in (user, period_type, period_start) order so writers take row
--   locks in one order and do not deadlock each other.
-- - Goals are locked in id order (FOR NO KEY UPDATE) before they are recomputed; goals_derive()
--   runs after the lock is held, in a statement that takes a new snapshot (READ COMMITTED), so the
--   last writer to touch a team goal sees every committed member rollup.
-- - achievements_rule_once makes a rule award at most once per (rule, user, period).

CREATE FUNCTION org_time_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT time_zone FROM settings WHERE id = 1), 'UTC')
$$;
--> statement-breakpoint
CREATE FUNCTION org_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE org_time_zone())::date
$$;
--> statement-breakpoint
-- Mirrors api/domain/periods.ts (tests compare the two): ISO weeks start on Monday.
CREATE FUNCTION period_start_of(pt period_type, d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE pt
    WHEN 'DAILY' THEN d
    WHEN 'WEEKLY' THEN date_trunc('week', d::timestamp)::date
    WHEN 'MONTHLY' THEN date_trunc('month', d::timestamp)::date
    WHEN 'QUARTERLY' THEN date_trunc('quarter', d::timestamp)::date
    ELSE date_trunc('year', d::timestamp)::date
  END
$$;
--> statement-breakpoint
CREATE FUNCTION period_end_of(pt period_type, s date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (s::timestamp + CASE pt
    WHEN 'DAILY' THEN interval '1 day'
    WHEN 'WEEKLY' THEN interval '7 days'
    WHEN 'MONTHLY' THEN interval '1 month'
    WHEN 'QUARTERLY' THEN interval '3 months'
    ELSE interval '1 year'
  END)::date - 1
$$;
--> statement-breakpoint
ALTER TABLE goals ADD CONSTRAINT goals_period_start_valid CHECK (period_start = period_start_of(period_type, period_start));
--> statement-breakpoint
ALTER TABLE sales_performance ADD CONSTRAINT sales_performance_period_valid
  CHECK (period_start = period_start_of(period_type, period_start) AND period_end = period_end_of(period_type, period_start));
--> statement-breakpoint
CREATE UNIQUE INDEX achievements_rule_once ON achievements (rule_id, user_id, period_start) NULLS NOT DISTINCT
  WHERE rule_id IS NOT NULL;
--> statement-breakpoint
-- One tracked goal per owner, metric and period (CUSTOM goals may repeat: their descriptions differ).
CREATE UNIQUE INDEX goals_user_metric_period_key ON goals (user_id, metric, period_type, period_start)
  WHERE user_id IS NOT NULL AND metric <> 'CUSTOM';
--> statement-breakpoint
CREATE UNIQUE INDEX goals_team_metric_period_key ON goals (team_id, metric, period_type, period_start)
  WHERE team_id IS NOT NULL AND metric <> 'CUSTOM';
--> statement-breakpoint
-- Adds (p_sign = 1) or removes (p_sign = -1) a set of activities to/from the rollups of all five
-- period types. Arrays rather than a relation so that the triggers (transition tables) and
-- rebuild_rollups() share this one implementation.
CREATE FUNCTION rollup_apply(p_user int[], p_kind activity_kind[], p_amount numeric[], p_at timestamptz[], p_sign int)
RETURNS void LANGUAGE sql AS $$
  WITH z AS (SELECT org_time_zone() AS tz)
  INSERT INTO sales_performance AS sp (user_id, period_type, period_start, period_end, leads_created,
    opportunities_created, quotations_sent, quotations_accepted, orders_won, opportunities_lost, revenue,
    calls, emails, meetings, updated_at)
  SELECT a.user_id, p.pt, p.ps, period_end_of(p.pt, p.ps),
    p_sign * count(*) FILTER (WHERE a.kind = 'LEAD_CREATED'),
    p_sign * count(*) FILTER (WHERE a.kind = 'OPPORTUNITY_CREATED'),
    p_sign * count(*) FILTER (WHERE a.kind = 'QUOTATION_SENT'),
    p_sign * count(*) FILTER (WHERE a.kind = 'QUOTATION_ACCEPTED'),
    p_sign * count(*) FILTER (WHERE a.kind = 'ORDER_WON'),
    p_sign * count(*) FILTER (WHERE a.kind = 'OPPORTUNITY_LOST'),
    p_sign * coalesce(sum(a.amount) FILTER (WHERE a.kind = 'ORDER_WON'), 0),
    p_sign * count(*) FILTER (WHERE a.kind = 'CALL'),
    p_sign * count(*) FILTER (WHERE a.kind = 'EMAIL'),
    p_sign * count(*) FILTER (WHERE a.kind = 'MEETING'),
    clock_timestamp()
  FROM z
  CROSS JOIN unnest(p_user, p_kind, p_amount, p_at) AS a(user_id, kind, amount, occurred_at)
  CROSS JOIN LATERAL (SELECT (a.occurred_at AT TIME ZONE z.tz)::date AS d) l
  CROSS JOIN LATERAL (VALUES
    ('DAILY'::period_type, l.d),
    ('WEEKLY'::period_type, period_start_of('WEEKLY', l.d)),
    ('MONTHLY'::period_type, period_start_of('MONTHLY', l.d)),
    ('QUARTERLY'::period_type, period_start_of('QUARTERLY', l.d)),
    ('YEARLY'::period_type, period_start_of('YEARLY', l.d))) AS p(pt, ps)
  GROUP BY a.user_id, p.pt, p.ps
  ORDER BY a.user_id, p.pt, p.ps
  ON CONFLICT (user_id, period_type, period_start) DO UPDATE SET
    leads_created = sp.leads_created + excluded.leads_created,
    opportunities_created = sp.opportunities_created + excluded.opportunities_created,
    quotations_sent = sp.quotations_sent + excluded.quotations_sent,
    quotations_accepted = sp.quotations_accepted + excluded.quotations_accepted,
    orders_won = sp.orders_won + excluded.orders_won,
    opportunities_lost = sp.opportunities_lost + excluded.opportunities_lost,
    revenue = sp.revenue + excluded.revenue,
    calls = sp.calls + excluded.calls,
    emails = sp.emails + excluded.emails,
    meetings = sp.meetings + excluded.meetings,
    updated_at = excluded.updated_at
$$;
--> statement-breakpoint
CREATE FUNCTION activities_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), 1)
    FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION activities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), -1)
    FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION activities_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), -1)
    FROM old_rows HAVING count(*) > 0;
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), 1)
    FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER activities_inserted AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activities_inserted();
--> statement-breakpoint
CREATE TRIGGER activities_deleted AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activities_deleted();
--> statement-breakpoint
CREATE TRIGGER activities_updated AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activities_updated();
--> statement-breakpoint
-- The value of a tracked goal metric: the user's rollup, or the sum over the team's members.
CREATE FUNCTION goal_tracked_value(m goal_metric, p_user int, p_team int, pt period_type, ps date)
RETURNS numeric LANGUAGE sql STABLE AS $$
  WITH s AS (
    SELECT coalesce(sum(revenue), 0) AS revenue, coalesce(sum(orders_won), 0) AS orders,
      coalesce(sum(leads_created), 0) AS leads, coalesce(sum(opportunities_created), 0) AS opps,
      coalesce(sum(opportunities_lost), 0) AS lost, coalesce(sum(calls), 0) AS calls,
      coalesce(sum(meetings), 0) AS meetings
    FROM sales_performance sp
    WHERE sp.period_type = pt AND sp.period_start = ps
      AND sp.user_id IN (SELECT p_user WHERE p_user IS NOT NULL
                         UNION ALL SELECT u.id FROM users u WHERE p_user IS NULL AND u.team_id = p_team)
  )
  SELECT CASE m
    WHEN 'REVENUE' THEN revenue
    WHEN 'ORDERS' THEN orders
    WHEN 'LEADS' THEN leads
    WHEN 'OPPORTUNITIES' THEN opps
    WHEN 'CALLS' THEN calls
    WHEN 'MEETINGS' THEN meetings
    WHEN 'CONVERSION_RATE' THEN coalesce(round(orders * 100.0 / nullif(leads, 0), 2), 0)
    WHEN 'WIN_RATE' THEN coalesce(round(orders * 100.0 / nullif(orders + lost, 0), 2), 0)
    ELSE 0
  END FROM s
$$;
--> statement-breakpoint
-- Status bands of the original spec; mirrors api/domain/goal-status.ts.
CREATE FUNCTION goal_status_of(pct numeric, ended boolean) RETURNS goal_status LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN pct >= 100 THEN 'ACHIEVED'
    WHEN ended THEN 'MISSED'
    WHEN pct >= 75 THEN 'ON_TRACK'
    WHEN pct >= 50 THEN 'BEHIND'
    ELSE 'AT_RISK'
  END::goal_status
$$;
--> statement-breakpoint
-- Linear run rate: where current_value ends the period at the pace so far (instants in the
-- organisation's time zone, so DST days count with their real length). Rates project as themselves.
CREATE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamptz DEFAULT now())
RETURNS numeric LANGUAGE sql STABLE AS $$
  WITH b AS (
    SELECT ps::timestamp AT TIME ZONE org_time_zone() AS f,
      (period_end_of(pt, ps) + 1)::timestamp AT TIME ZONE org_time_zone() AS t
  )
  SELECT CASE
    WHEN m IN ('CONVERSION_RATE', 'WIN_RATE') OR at >= b.t OR at <= b.f THEN current
    ELSE round(current * extract(epoch FROM b.t - b.f) / extract(epoch FROM at - b.f), 2)
  END FROM b
$$;
--> statement-breakpoint
CREATE FUNCTION goals_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.period_end := period_end_of(NEW.period_type, NEW.period_start);
  IF NEW.metric <> 'CUSTOM' THEN
    NEW.current_value := goal_tracked_value(NEW.metric, NEW.user_id, NEW.team_id, NEW.period_type, NEW.period_start);
  END IF;
  -- a non-positive target is refused by goals_target_positive; do not divide by it first
  NEW.achievement_percentage := CASE WHEN NEW.target_value > 0
    THEN round(NEW.current_value * 100 / NEW.target_value, 2) ELSE 0 END;
  NEW.status := goal_status_of(NEW.achievement_percentage, NEW.period_end < org_today());
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
    NEW.updated_at := NEW.created_at;
    RETURN NEW;
  END IF;
  IF NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NULL; -- nothing changed: skip the write (refreshes touch many goals)
  END IF;
  IF (NEW.target_value, NEW.current_value, NEW.achievement_percentage, NEW.status, NEW.description, NEW.metric,
      NEW.period_type, NEW.period_start, NEW.user_id, NEW.team_id)
     IS DISTINCT FROM (OLD.target_value, OLD.current_value, OLD.achievement_percentage, OLD.status, OLD.description,
      OLD.metric, OLD.period_type, OLD.period_start, OLD.user_id, OLD.team_id) THEN
    NEW.version := OLD.version + 1;
    NEW.updated_at := clock_timestamp();
  ELSE
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER goals_derive BEFORE INSERT OR UPDATE ON goals FOR EACH ROW EXECUTE FUNCTION goals_derive();
--> statement-breakpoint
-- Recomputes the tracked goals (user goals and their teams' goals) of the given rollup keys.
CREATE FUNCTION refresh_goals_for(p_user int[], p_pt period_type[], p_ps date[]) RETURNS void LANGUAGE plpgsql AS $$
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
  IF ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM goals WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE goals SET current_value = current_value WHERE id = ANY (ids);
END
$$;
--> statement-breakpoint
-- Awards every active rule the given rollup keys now satisfy, once per (rule, user, period).
-- Periodic rules read the rollup of their period; lifetime rules (period_type null) the sum of the
-- user's YEARLY rollups. A badge for a period that has already ended is dated at its last second.
CREATE FUNCTION award_rules_for(p_user int[], p_pt period_type[], p_ps date[]) RETURNS void LANGUAGE sql AS $$
  WITH t AS (SELECT DISTINCT * FROM unnest(p_user, p_pt, p_ps) AS t(user_id, period_type, period_start)),
  z AS (SELECT org_time_zone() AS tz),
  totals AS (
    SELECT sp.user_id, sp.period_type, sp.period_start, sp.period_end, sp.revenue, sp.orders_won, sp.leads_created,
      sp.opportunities_created, sp.calls, sp.meetings
    FROM t JOIN sales_performance sp USING (user_id, period_type, period_start)
    UNION ALL
    SELECT sp.user_id, NULL, NULL, NULL, sum(sp.revenue), sum(sp.orders_won), sum(sp.leads_created),
      sum(sp.opportunities_created), sum(sp.calls), sum(sp.meetings)
    FROM sales_performance sp
    WHERE sp.period_type = 'YEARLY' AND sp.user_id IN (SELECT user_id FROM t WHERE period_type = 'YEARLY')
    GROUP BY sp.user_id
  )
  INSERT INTO achievements (user_id, kind, title, description, badge_icon, value, achieved_at, rule_id, period_type, period_start)
  SELECT c.user_id, r.kind, r.title, r.description, r.badge_icon, r.threshold,
    CASE WHEN c.period_end IS NULL THEN clock_timestamp()
      ELSE least(clock_timestamp(), ((c.period_end + 1)::timestamp AT TIME ZONE z.tz) - interval '1 second') END,
    r.id, c.period_type, c.period_start
  FROM totals c
  CROSS JOIN z
  JOIN achievement_rules r ON r.active AND r.period_type IS NOT DISTINCT FROM c.period_type
  WHERE CASE r.metric
    WHEN 'REVENUE' THEN c.revenue
    WHEN 'ORDERS' THEN c.orders_won
    WHEN 'LEADS' THEN c.leads_created
    WHEN 'OPPORTUNITIES' THEN c.opportunities_created
    WHEN 'CALLS' THEN c.calls
    WHEN 'MEETINGS' THEN c.meetings
  END >= r.threshold
  ORDER BY c.user_id, r.id
  ON CONFLICT (rule_id, user_id, period_start) WHERE rule_id IS NOT NULL DO NOTHING
$$;
--> statement-breakpoint
CREATE FUNCTION sales_performance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_goals_for(array_agg(user_id), array_agg(period_type), array_agg(period_start))
    FROM changed_rows HAVING count(*) > 0;
  PERFORM award_rules_for(array_agg(user_id), array_agg(period_type), array_agg(period_start))
    FROM changed_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sales_performance_inserted AFTER INSERT ON sales_performance REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_changed();
--> statement-breakpoint
CREATE TRIGGER sales_performance_updated AFTER UPDATE ON sales_performance REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_changed();
--> statement-breakpoint
-- A member moving between teams changes both teams' tracked goals of current and future periods.
CREATE FUNCTION users_team_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM goals WHERE team_id IN (OLD.team_id, NEW.team_id) AND metric <> 'CUSTOM'
    AND period_end >= org_today() ORDER BY id FOR NO KEY UPDATE;
  UPDATE goals SET current_value = current_value WHERE team_id IN (OLD.team_id, NEW.team_id)
    AND metric <> 'CUSTOM' AND period_end >= org_today();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_team_changed AFTER UPDATE OF team_id ON users FOR EACH ROW
  WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION users_team_changed();
--> statement-breakpoint
-- Pushed aggregates (recordPerformance): sets the given fields of one rollup row to absolute values
-- (absent keys keep theirs) and moves the periods that wholly contain it by the same delta
-- (a day: its week, month, quarter, year; a month: its quarter and year; a quarter: its year),
-- so lifetime totals, goals and rules see pushed figures too. A week spans months: nothing contains it.
CREATE FUNCTION record_performance(p_user int, p_pt period_type, p_ps date, p jsonb)
RETURNS SETOF sales_performance LANGUAGE plpgsql AS $$
DECLARE
  o sales_performance;
  n sales_performance;
BEGIN
  INSERT INTO sales_performance (user_id, period_type, period_start, period_end)
    VALUES (p_user, p_pt, p_ps, period_end_of(p_pt, p_ps)) ON CONFLICT DO NOTHING;
  SELECT * INTO o FROM sales_performance WHERE user_id = p_user AND period_type = p_pt AND period_start = p_ps FOR UPDATE;
  UPDATE sales_performance SET
    leads_created = coalesce((p ->> 'leadsCreated')::int, leads_created),
    opportunities_created = coalesce((p ->> 'opportunitiesCreated')::int, opportunities_created),
    quotations_sent = coalesce((p ->> 'quotationsSent')::int, quotations_sent),
    quotations_accepted = coalesce((p ->> 'quotationsAccepted')::int, quotations_accepted),
    orders_won = coalesce((p ->> 'ordersWon')::int, orders_won),
    opportunities_lost = coalesce((p ->> 'opportunitiesLost')::int, opportunities_lost),
    revenue = coalesce((p ->> 'revenue')::numeric, revenue),
    calls = coalesce((p ->> 'calls')::int, calls),
    emails = coalesce((p ->> 'emails')::int, emails),
    meetings = coalesce((p ->> 'meetings')::int, meetings),
    updated_at = clock_timestamp()
  WHERE user_id = p_user AND period_type = p_pt AND period_start = p_ps
  RETURNING * INTO n;
  INSERT INTO sales_performance AS sp (user_id, period_type, period_start, period_end, leads_created,
    opportunities_created, quotations_sent, quotations_accepted, orders_won, opportunities_lost, revenue,
    calls, emails, meetings, updated_at)
  SELECT p_user, c.pt, period_start_of(c.pt, p_ps), period_end_of(c.pt, period_start_of(c.pt, p_ps)),
    n.leads_created - o.leads_created, n.opportunities_created - o.opportunities_created,
    n.quotations_sent - o.quotations_sent, n.quotations_accepted - o.quotations_accepted,
    n.orders_won - o.orders_won, n.opportunities_lost - o.opportunities_lost, n.revenue - o.revenue,
    n.calls - o.calls, n.emails - o.emails, n.meetings - o.meetings, clock_timestamp()
  FROM unnest(CASE p_pt
      WHEN 'DAILY' THEN ARRAY['WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY']::period_type[]
      WHEN 'MONTHLY' THEN ARRAY['QUARTERLY', 'YEARLY']::period_type[]
      WHEN 'QUARTERLY' THEN ARRAY['YEARLY']::period_type[]
      ELSE ARRAY[]::period_type[] END) AS c(pt)
  WHERE n IS DISTINCT FROM o
  ORDER BY c.pt
  ON CONFLICT (user_id, period_type, period_start) DO UPDATE SET
    leads_created = sp.leads_created + excluded.leads_created,
    opportunities_created = sp.opportunities_created + excluded.opportunities_created,
    quotations_sent = sp.quotations_sent + excluded.quotations_sent,
    quotations_accepted = sp.quotations_accepted + excluded.quotations_accepted,
    orders_won = sp.orders_won + excluded.orders_won,
    opportunities_lost = sp.opportunities_lost + excluded.opportunities_lost,
    revenue = sp.revenue + excluded.revenue,
    calls = sp.calls + excluded.calls,
    emails = sp.emails + excluded.emails,
    meetings = sp.meetings + excluded.meetings,
    updated_at = excluded.updated_at;
  RETURN NEXT n;
END
$$;
--> statement-breakpoint
-- Goals whose period has ended are closed (MISSED below 100 %). The API calls this every minute;
-- anyone may. Returns how many goals changed.
CREATE FUNCTION refresh_goal_statuses() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  PERFORM 1 FROM goals WHERE status NOT IN ('ACHIEVED', 'MISSED') AND period_end < org_today() ORDER BY id FOR NO KEY UPDATE;
  UPDATE goals SET current_value = current_value WHERE status NOT IN ('ACHIEVED', 'MISSED') AND period_end < org_today();
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
-- Recomputes every rollup from the activities (after the organisation's time zone changed).
-- Pushed aggregates are replaced by what the activities say.
CREATE FUNCTION rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  u int;
BEGIN
  DELETE FROM sales_performance;
  FOR u IN SELECT DISTINCT user_id FROM activities ORDER BY 1 LOOP
    PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), 1)
      FROM activities WHERE user_id = u;
  END LOOP;
  UPDATE goals SET current_value = current_value WHERE metric <> 'CUSTOM';
END
$$;
--> statement-breakpoint
-- For SQL readers (reports, BI tools): goals with their projection as of now.
CREATE VIEW goal_progress AS
  SELECT g.*, goal_projected_value(g.metric, g.current_value, g.period_type, g.period_start) AS projected_value
  FROM goals g;
--> statement-breakpoint
-- The badges of the original spec, as rules.
INSERT INTO achievement_rules (kind, title, description, badge_icon, metric, period_type, threshold) VALUES
  ('Revenue', 'First $10K', 'Reached $10,000 in revenue', '💰', 'REVENUE', NULL, 10000),
  ('Orders', 'Deal Closer', 'Closed 3 deals in a month', '🎯', 'ORDERS', 'MONTHLY', 3);
--> statement-breakpoint
INSERT INTO settings (id) VALUES (1) ON CONFLICT DO NOTHING;
