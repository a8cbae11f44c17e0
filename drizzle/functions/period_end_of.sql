-- period_end_of: its current definition, edited here only (docs/sql-functions.md).
-- The last day of the period of type pt that starts on s. Mirrors api/domain/periods.ts.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION period_end_of(pt period_type, s date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (s::timestamp + CASE pt
    WHEN 'DAILY' THEN interval '1 day'
    WHEN 'WEEKLY' THEN interval '7 days'
    WHEN 'MONTHLY' THEN interval '1 month'
    WHEN 'QUARTERLY' THEN interval '3 months'
    ELSE interval '1 year'
  END)::date - 1
$$;
