-- org_today: its current definition, edited here only (docs/sql-functions.md).
-- Today's date in the organisation's time zone.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION org_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE org_time_zone())::date
$$;
