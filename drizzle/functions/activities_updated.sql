-- activities_updated: its current definition, edited here only (docs/sql-functions.md).
-- Rollups follow updated activities: the old rows out, the new rows in.
-- Trigger function of activities_updated (AFTER UPDATE ON activities).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION activities_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), -1)
    FROM old_rows HAVING count(*) > 0;
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), 1)
    FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
