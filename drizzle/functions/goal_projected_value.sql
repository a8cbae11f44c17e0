-- goal_projected_value: its current definition, edited here only (docs/sql-functions.md).
-- Linear run rate: where current_value ends the period at the pace so far (instants in the
-- organisation's time zone, so DST days count with their real length). Rates project as themselves.
-- The 6-argument form is a single expression over an explicit zone, which the planner inlines; the
-- 5-argument form (what the goal_progress view and the API call) passes org_time_zone()
-- (migration 0008).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0008.
CREATE OR REPLACE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamptz, tz text)
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN m IN ('CONVERSION_RATE', 'WIN_RATE')
      OR at >= (period_end_of(pt, ps) + 1)::timestamp AT TIME ZONE tz
      OR at <= ps::timestamp AT TIME ZONE tz THEN current
    ELSE round(current * extract(epoch FROM ((period_end_of(pt, ps) + 1)::timestamp AT TIME ZONE tz) - (ps::timestamp AT TIME ZONE tz))
      / extract(epoch FROM at - (ps::timestamp AT TIME ZONE tz)), 2)
  END
$$;

CREATE OR REPLACE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamptz DEFAULT now())
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT goal_projected_value(m, current, pt, ps, at, org_time_zone())
$$;
