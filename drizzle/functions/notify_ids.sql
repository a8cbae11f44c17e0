-- notify_ids: its current definition, edited here only (docs/sql-functions.md).
-- Logs {"t":kind,"ids":[...]} for the live hub in chunks of at most 300 ids (at most 20 bytes each
-- with the comma: under the 8000-byte NOTIFY limit whatever the ids). Payload formats:
-- migration 0002.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002,
-- migration 0003, migration 0007.
CREATE OR REPLACE FUNCTION notify_ids(kind text, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  i int := 1;
  n int := coalesce(array_length(ids, 1), 0);
BEGIN
  WHILE i <= n LOOP
    PERFORM live_emit(json_build_object('t', kind, 'ids', ids[i:i + 299])::text);
    i := i + 300;
  END LOOP;
END
$$;
