-- org_time_zone: its current definition, edited here only (docs/sql-functions.md).
-- The organisation's time zone (settings row 1), UTC when unset.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION org_time_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT time_zone FROM settings WHERE id = 1), 'UTC')
$$;
