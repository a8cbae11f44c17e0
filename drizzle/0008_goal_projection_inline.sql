-- goal_projected_value, the same projection for a fraction of the cost (issue 6, BENCHMARKS.md
-- "Recommended server changes" 4). The 0001 version was an SQL function with a CTE that called
-- org_time_zone() (an SQL function with a sub-select, which the planner never inlines) twice: the
-- planner could inline none of it, so every goal row cost three executor start-ups (~100 µs; 2,100
-- goals ~0.3 s in the goals query and the goal_progress view).
--
-- Now the work is a single expression over an explicit time zone, which the planner inlines into
-- the calling query when the zone is a constant or a column; the 5-argument form keeps its
-- signature (callers unchanged) and passes org_time_zone(): inlined itself, it leaves one call of
-- the 6-argument function and one of org_time_zone() per row. A caller that passes
-- (SELECT org_time_zone()) evaluates the zone once per query. Same results for every goal of the
-- benchmark data set in four time zones at six instants (DST days included); the 50,400 calls took
-- 4.4 s before and 0.95 s after in one run (105,000 calls, separate runs: 11.1 s before, 1.16 s
-- after with 5 arguments, 0.82 s with the zone passed as a sub-select).
CREATE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamptz, tz text)
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN m IN ('CONVERSION_RATE', 'WIN_RATE')
      OR at >= (period_end_of(pt, ps) + 1)::timestamp AT TIME ZONE tz
      OR at <= ps::timestamp AT TIME ZONE tz THEN current
    ELSE round(current * extract(epoch FROM ((period_end_of(pt, ps) + 1)::timestamp AT TIME ZONE tz) - (ps::timestamp AT TIME ZONE tz))
      / extract(epoch FROM at - (ps::timestamp AT TIME ZONE tz)), 2)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamptz DEFAULT now())
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT goal_projected_value(m, current, pt, ps, at, org_time_zone())
$$;
