-- period_start_of: its current definition, edited here only (docs/sql-functions.md).
-- The first day of the period of type pt that contains d. Mirrors api/domain/periods.ts
-- (tests/api/periods-sql.test.ts compares the two): ISO weeks start on Monday.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION period_start_of(pt period_type, d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE pt
    WHEN 'DAILY' THEN d
    WHEN 'WEEKLY' THEN date_trunc('week', d::timestamp)::date
    WHEN 'MONTHLY' THEN date_trunc('month', d::timestamp)::date
    WHEN 'QUARTERLY' THEN date_trunc('quarter', d::timestamp)::date
    ELSE date_trunc('year', d::timestamp)::date
  END
$$;
