-- The four read operations of the M5 benchmark written the PostGraphile way (SQL functions and a
-- computed column that PostGraphile exposes as GraphQL fields), over Pulse's own tables, so that
-- the peers and Pulse answer the same questions from the same rows. Applied by the bench to its
-- own database only (bench/lib/servers.mjs), never to a Pulse deployment. Same semantics as
-- api/modules/*/…queries.ts: sellers = active REP/MANAGER, rates derived from counts, standard
-- competition ranking, lifetime = sum of YEARLY rollups.

DROP FUNCTION IF EXISTS bench_leaderboard(period_type, text, int, int, date);
DROP FUNCTION IF EXISTS bench_board_version(period_type, int, date);
DROP FUNCTION IF EXISTS bench_performance_summary(int);
DROP FUNCTION IF EXISTS bench_trends(int, period_type, int, date);
DROP FUNCTION IF EXISTS teams_performance(teams, period_type, date);
DROP TYPE IF EXISTS bench_board_entry;
DROP TYPE IF EXISTS bench_summary;
DROP TYPE IF EXISTS bench_trend_point;
DROP TYPE IF EXISTS bench_team_figures;

CREATE TYPE bench_board_entry AS (
  user_id int, name text, rank int, medal text, revenue numeric(16, 2), orders_won int,
  conversion_rate numeric, win_rate numeric, revenue_rank int, orders_rank int, conversion_rank int,
  win_rate_rank int
);

CREATE FUNCTION bench_leaderboard(period_type period_type, metric text DEFAULT 'REVENUE',
  team_id int DEFAULT NULL, lim int DEFAULT 10, on_date date DEFAULT NULL)
RETURNS SETOF bench_board_entry LANGUAGE sql STABLE AS $$
  WITH s AS (
    SELECT u.id AS user_id, u.name, coalesce(sp.revenue, 0) AS revenue, coalesce(sp.orders_won, 0) AS orders_won,
      round(sp.orders_won * 100.0 / nullif(sp.leads_created, 0), 2) AS conversion_rate,
      round(sp.orders_won * 100.0 / nullif(sp.orders_won + sp.opportunities_lost, 0), 2) AS win_rate
    FROM users u
    LEFT JOIN sales_performance sp ON sp.user_id = u.id AND sp.period_type = $1
      AND sp.period_start = period_start_of($1, coalesce($5, org_today()))
    WHERE u.active AND u.role IN ('REP', 'MANAGER') AND ($3 IS NULL OR u.team_id = $3)
  ), r AS (
    SELECT s.*, rank() OVER (ORDER BY revenue DESC) AS rr, rank() OVER (ORDER BY orders_won DESC) AS orr,
      rank() OVER (ORDER BY conversion_rate DESC NULLS LAST) AS cr, rank() OVER (ORDER BY win_rate DESC NULLS LAST) AS wr
    FROM s
  ), m AS (
    SELECT r.*, CASE $2 WHEN 'ORDERS' THEN orr WHEN 'CONVERSION_RATE' THEN cr WHEN 'WIN_RATE' THEN wr ELSE rr END AS rk
    FROM r
  )
  SELECT user_id, name, rk::int, CASE rk WHEN 1 THEN 'GOLD' WHEN 2 THEN 'SILVER' WHEN 3 THEN 'BRONZE' END,
    revenue, orders_won, conversion_rate, win_rate, rr::int, orr::int, cr::int, wr::int
  FROM m ORDER BY rk, name, user_id LIMIT $4
$$;

-- The same version Pulse gives a board: the latest change to any rollup it reads, in microseconds.
CREATE FUNCTION bench_board_version(period_type period_type, team_id int DEFAULT NULL, on_date date DEFAULT NULL)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(floor(extract(epoch FROM max(sp.updated_at)) * 1000000), 0)::bigint::text
  FROM sales_performance sp
  WHERE sp.period_type = $1 AND sp.period_start = period_start_of($1, coalesce($3, org_today()))
    AND ($2 IS NULL OR sp.user_id IN (SELECT id FROM users WHERE users.team_id = $2))
$$;

CREATE TYPE bench_summary AS (
  user_id int, name text, leads_created int, opportunities_created int, orders_won int, opportunities_lost int,
  revenue numeric(16, 2), conversion_rate numeric, win_rate numeric, avg_deal_size numeric(16, 2),
  achievement_count int, first_activity_at timestamptz, last_activity_at timestamptz
);

CREATE FUNCTION bench_performance_summary(user_id int)
RETURNS SETOF bench_summary LANGUAGE sql STABLE AS $$
  SELECT t.user_id, t.name, t.leads_created, t.opportunities_created, t.orders_won, t.opportunities_lost, t.revenue,
    round(t.orders_won * 100.0 / nullif(t.leads_created, 0), 2),
    round(t.orders_won * 100.0 / nullif(t.orders_won + t.opportunities_lost, 0), 2),
    round(t.revenue / nullif(t.orders_won, 0), 2),
    t.achievement_count, t.first_activity_at, t.last_activity_at
  FROM (
    SELECT u.id AS user_id, u.name,
      coalesce(sum(sp.leads_created), 0)::int AS leads_created,
      coalesce(sum(sp.opportunities_created), 0)::int AS opportunities_created,
      coalesce(sum(sp.orders_won), 0)::int AS orders_won,
      coalesce(sum(sp.opportunities_lost), 0)::int AS opportunities_lost,
      coalesce(sum(sp.revenue), 0) AS revenue,
      (SELECT count(*)::int FROM achievements a WHERE a.user_id = u.id) AS achievement_count,
      (SELECT min(occurred_at) FROM activities x WHERE x.user_id = u.id) AS first_activity_at,
      (SELECT max(occurred_at) FROM activities x WHERE x.user_id = u.id) AS last_activity_at
    FROM users u
    LEFT JOIN sales_performance sp ON sp.user_id = u.id AND sp.period_type = 'YEARLY'
    WHERE u.id = $1
    GROUP BY u.id, u.name
  ) t
$$;

CREATE TYPE bench_trend_point AS (
  period_start date, period_end date, revenue numeric(16, 2), orders_won int, leads_created int,
  conversion_rate numeric, win_rate numeric
);

-- The last `count` periods ending with the one containing on_date, oldest first, zero-filled.
CREATE FUNCTION bench_trends(user_id int, period_type period_type, count int DEFAULT 12, on_date date DEFAULT NULL)
RETURNS SETOF bench_trend_point LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT period_start_of($2, (period_start_of($2, coalesce($4, org_today()))::timestamp - i * CASE $2
      WHEN 'DAILY' THEN interval '1 day' WHEN 'WEEKLY' THEN interval '7 days' WHEN 'MONTHLY' THEN interval '1 month'
      WHEN 'QUARTERLY' THEN interval '3 months' ELSE interval '1 year' END)::date) AS ps
    FROM generate_series(0, $3 - 1) AS i
  )
  SELECT p.ps, period_end_of($2, p.ps), coalesce(sp.revenue, 0), coalesce(sp.orders_won, 0), coalesce(sp.leads_created, 0),
    round(sp.orders_won * 100.0 / nullif(sp.leads_created, 0), 2),
    round(sp.orders_won * 100.0 / nullif(sp.orders_won + sp.opportunities_lost, 0), 2)
  FROM p
  LEFT JOIN sales_performance sp ON sp.user_id = $1 AND sp.period_type = $2 AND sp.period_start = p.ps
  ORDER BY p.ps
$$;

CREATE TYPE bench_team_figures AS (
  member_count int, revenue numeric(16, 2), orders_won int, avg_revenue_per_member numeric(16, 2),
  conversion_rate numeric, win_rate numeric, top_performer_name text
);

-- A computed column: PostGraphile shows it as Team.performance(periodType, onDate).
CREATE FUNCTION teams_performance(t teams, period_type period_type DEFAULT 'MONTHLY', on_date date DEFAULT NULL)
RETURNS bench_team_figures LANGUAGE sql STABLE AS $$
  WITH m AS (
    SELECT u.id, u.name, coalesce(sp.revenue, 0) AS revenue, coalesce(sp.orders_won, 0) AS orders_won,
      coalesce(sp.leads_created, 0) AS leads, coalesce(sp.opportunities_lost, 0) AS lost
    FROM users u
    LEFT JOIN sales_performance sp ON sp.user_id = u.id AND sp.period_type = $2
      AND sp.period_start = period_start_of($2, coalesce($3, org_today()))
    WHERE u.team_id = t.id AND u.active AND u.role IN ('REP', 'MANAGER')
  )
  SELECT count(*)::int, coalesce(sum(revenue), 0), coalesce(sum(orders_won), 0)::int,
    coalesce(round(sum(revenue) / nullif(count(*), 0), 2), 0),
    round(sum(orders_won) * 100.0 / nullif(sum(leads), 0), 2),
    round(sum(orders_won) * 100.0 / nullif(sum(orders_won) + sum(lost), 0), 2),
    (SELECT name FROM m WHERE revenue > 0 OR orders_won > 0 ORDER BY revenue DESC, orders_won DESC, name LIMIT 1)
  FROM m
$$;
