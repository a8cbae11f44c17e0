-- activities_deleted: its current definition, edited here only (docs/sql-functions.md).
-- Rollups follow deleted activities.
-- Trigger function of activities_deleted (AFTER DELETE ON activities).
-- Migrations that defined it (history, run before this file): drizzle/0001_rollups.sql.
CREATE OR REPLACE FUNCTION activities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(array_agg(user_id), array_agg(kind), array_agg(amount), array_agg(occurred_at), -1)
    FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;
