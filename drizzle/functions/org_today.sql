-- org_today: its current definition, edited here only (docs/sql-functions.md).
-- Today's date in the organisation's time zone.
-- Migrations that defined it (history, run before this file): drizzle/0001_rollups.sql.
CREATE OR REPLACE FUNCTION org_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE org_time_zone())::date
$$;
