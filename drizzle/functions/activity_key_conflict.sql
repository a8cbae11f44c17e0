-- activity_key_conflict: its current definition, edited here only (docs/sql-functions.md).
-- Raised from ON CONFLICT (external_id) DO UPDATE when a different activity arrives under a stored
-- external_id: the whole statement is refused as a unique violation (migration 0014).
-- Earlier definitions (git history; squashed into 0000_baseline):
-- migration 0014.
CREATE OR REPLACE FUNCTION activity_key_conflict(key text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'external_id "%" is already stored for a different activity', key
    USING ERRCODE = 'unique_violation', CONSTRAINT = 'activities_external_id_key', TABLE = 'activities',
          COLUMN = 'external_id', DETAIL = format('Key (external_id)=(%s) already exists.', key);
END
$$;
