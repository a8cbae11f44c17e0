-- activities_deleted: its current definition, edited here only (docs/sql-functions.md).
-- Rollups follow deleted activities.
-- Trigger function of activities_deleted (AFTER DELETE ON activities).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001.
CREATE OR REPLACE FUNCTION activities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), -1)
    FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
