-- The write path of a sale, cheaper (issue 6, M6): goals refreshed in one statement (below), the
-- status function inlinable, the two SQL functions every sale runs in PL/pgSQL (plans kept), and
-- room for HOT updates in goals and rollups (each at its own statement further down). On the
-- benchmark data set: a 5,000-activity statement ~590 -> ~340 ms, a single sale's triggers ~7.7 ->
-- ~4.6 ms (300 sales from psql in one session, synchronous_commit off).
--
-- A rollup change refreshed its goals with UPDATE goals SET current_value = current_value: the
-- BEFORE row trigger goals_derive() then ran goal_tracked_value() once per goal, a query of its own
-- (an SQL function with a sub-select, never inlined: one executor start-up per goal). A sale
-- touches 8 goals (its seller's and its team's, month and quarter); a 5,000-activity batch 2,100,
-- which took 162 ms of the batch's 487 (auto_explain, BENCHMARKS.md).
--
-- Now the tracked values of a set of goals come from one query, goal_tracked_values(), over arrays
-- of goal keys: a seller's goal reads its rollup, a team's goal the sum of its members' rollups,
-- for every goal of the set in one join. It is the only code that computes a tracked value:
-- goal_tracked_value() (one goal, what goals_derive() calls on INSERT and on writes that change a
-- goal's definition) is the same function on one-element arrays.
--
-- refresh_goals(ids) is the one way to recompute stored goals:
--   1. locks them in id order (FOR NO KEY UPDATE), as before: concurrent writers never deadlock,
--      and the last writer to touch a team goal waits for the others;
--   2. in the next statement — a new snapshot (READ COMMITTED), taken after the locks are held, so
--      it sees every committed member rollup, as the per-row recompute did — computes the values
--      and writes only the goals whose value or status changes;
--   3. writes each of those goals whole: value, and percentage and status by the same functions as
--      goals_derive() (goal_achievement_percentage, goal_status_of), version + 1 (every one of them
--      changed, as goals_derive() counts changes) and updated_at. goals_derive() leaves such a row
--      as it is while the transaction-local setting pulse.goal_values is 'set', which only
--      refresh_goals() sets, around its UPDATE: the per-row trigger cost 36 µs a goal, the
--      set-based UPDATE a few. Should that UPDATE fail, the setting is rolled back with it (a caught
--      error rolls back the subtransaction, and set_config(..., true) with it).
--
-- Goals whose value, percentage and status would stay are not written at all (goals_derive()
-- skipped their write before too): same versions, same notifications, same webhooks.
CREATE FUNCTION goal_tracked_values(p_metric goal_metric[], p_user int[], p_team int[], p_pt period_type[], p_ps date[])
RETURNS TABLE (ord bigint, value numeric) LANGUAGE sql STABLE AS $$
  WITH k AS (
    SELECT * FROM unnest(p_metric, p_user, p_team, p_pt, p_ps) WITH ORDINALITY
      AS k(metric, user_id, team_id, period_type, period_start, ord)
  ),
  s AS (
    SELECT k.ord, k.metric,
      coalesce(sum(sp.revenue), 0) AS revenue, coalesce(sum(sp.orders_won), 0) AS orders,
      coalesce(sum(sp.leads_created), 0) AS leads, coalesce(sum(sp.opportunities_created), 0) AS opps,
      coalesce(sum(sp.opportunities_lost), 0) AS lost, coalesce(sum(sp.calls), 0) AS calls,
      coalesce(sum(sp.meetings), 0) AS meetings
    FROM k
    -- a team's goal: its members (a seller's goal: the seller alone)
    LEFT JOIN users m ON k.user_id IS NULL AND m.team_id = k.team_id
    LEFT JOIN sales_performance sp ON sp.user_id = coalesce(k.user_id, m.id)
      AND sp.period_type = k.period_type AND sp.period_start = k.period_start
    GROUP BY k.ord, k.metric
  )
  SELECT ord, CASE metric
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
CREATE OR REPLACE FUNCTION goal_tracked_value(m goal_metric, p_user int, p_team int, pt period_type, ps date)
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT value FROM goal_tracked_values(ARRAY[m], ARRAY[p_user], ARRAY[p_team], ARRAY[pt], ARRAY[ps])
$$;
--> statement-breakpoint
-- Recomputes the given goals (CUSTOM ones are skipped: nothing tracks them); returns how many were
-- written.
CREATE FUNCTION refresh_goals(p_ids int[]) RETURNS integer LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_goals_for(p_user int[], p_pt period_type[], p_ps date[]) RETURNS void LANGUAGE plpgsql AS $$
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
  IF ids IS NOT NULL THEN
    PERFORM refresh_goals(ids);
  END IF;
END
$$;
--> statement-breakpoint
-- A member moving between teams changes both teams' tracked goals of current and future periods.
CREATE OR REPLACE FUNCTION users_team_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_goals(array_agg(id)) FROM goals
    WHERE team_id IN (OLD.team_id, NEW.team_id) AND metric <> 'CUSTOM' AND period_end >= org_today();
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- As in 0011, but a row written by refresh_goals() (pulse.goal_values = 'set') is kept as it is.
CREATE OR REPLACE FUNCTION goals_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.period_end := period_end_of(NEW.period_type, NEW.period_start);
  IF current_setting('pulse.goal_values', true) = 'set' THEN
    RETURN NEW; -- refresh_goals() has derived every column of this row
  END IF;
  IF NEW.metric <> 'CUSTOM' THEN
    NEW.current_value := goal_tracked_value(NEW.metric, NEW.user_id, NEW.team_id, NEW.period_type, NEW.period_start);
  END IF;
  NEW.achievement_percentage := goal_achievement_percentage(NEW.current_value, NEW.target_value);
  NEW.status := goal_status_of(NEW.current_value, NEW.target_value, NEW.period_end < org_today());
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
-- As in 0011, with each band a constant of the enum: 0011 cast the CASE's text to goal_status at
-- run time (enum_in, a STABLE function), so the planner could not inline this IMMUTABLE function
-- and every call cost an executor start-up (~10 µs a goal in a refresh's filter).
CREATE OR REPLACE FUNCTION goal_status_of(current numeric, target numeric, ended boolean) RETURNS goal_status
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN target > 0 AND current >= target THEN 'ACHIEVED'::goal_status
    WHEN ended THEN 'MISSED'::goal_status
    WHEN target > 0 AND current * 100 >= target * 75 THEN 'ON_TRACK'::goal_status
    WHEN target > 0 AND current * 100 >= target * 50 THEN 'BEHIND'::goal_status
    ELSE 'AT_RISK'::goal_status
  END
$$;
--> statement-breakpoint
-- The two SQL functions every sale runs, now PL/pgSQL with the same bodies: PostgreSQL plans an SQL
-- function's statement at every call (its plan lives for the calling query only, here one trigger
-- invocation), a PL/pgSQL function's once per session. One sale planned both again each time:
-- ~1 ms of its ~6 ms of triggers (300 single-sale transactions: 1.85 s -> 1.5 s).
CREATE OR REPLACE FUNCTION rollup_apply(p_user int[], p_kind activity_kind[], p_amount numeric[], p_at timestamptz[], p_sign int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  plans text;
BEGIN
  -- A kept plan is made for a few rows (PostgreSQL's generic plan: an array of unknown length
  -- counts as 10). A large statement (an import) is planned for its own size, here and in the
  -- rollup triggers it fires: the kept plans made the generator's 50,000-row statements 25 %
  -- slower (17,442 -> 13,859 activities/s) while saving a sale ~1 ms.
  IF cardinality(p_user) > 1000 THEN
    plans := current_setting('plan_cache_mode');
    PERFORM set_config('plan_cache_mode', 'force_custom_plan', true);
  END IF;
  WITH z AS MATERIALIZED (SELECT org_time_zone() AS tz)
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
    updated_at = excluded.updated_at;
  IF plans IS NOT NULL THEN
    PERFORM set_config('plan_cache_mode', plans, true);
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION award_rules_for(p_user int[], p_pt period_type[], p_ps date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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
  ON CONFLICT (rule_id, user_id, period_start) WHERE rule_id IS NOT NULL DO NOTHING;
END
$$;
--> statement-breakpoint
-- Room for HOT updates: a goal row is rewritten at every change of its value, a rollup row at every
-- activity of its period. With full pages (fillfactor 100) a new row version went to another page
-- and into every index (goals has six); with room left on the page it stays there and the indexes
-- are not touched. Applies to pages written from now on (no rewrite of existing tables). A
-- 5,000-activity batch: ~455 -> ~360 ms on the benchmark data set (every goal and rollup update HOT).
ALTER TABLE goals SET (fillfactor = 50);
--> statement-breakpoint
ALTER TABLE sales_performance SET (fillfactor = 80);
