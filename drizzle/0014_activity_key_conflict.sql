-- A different activity under a stored external_id is a conflict, not a replay (issue 14, item 5).
-- recordActivities and the CSV import used INSERT ... ON CONFLICT (external_id) DO NOTHING: a
-- manager's real order under a key another team had used was counted as a duplicate and dropped.
-- They now write
--
--   INSERT ... ON CONFLICT (external_id) DO UPDATE SET external_id = activity_key_conflict(excluded.external_id)
--     WHERE (activities.user_id, activities.kind, activities.amount, activities.occurred_at)
--           IS DISTINCT FROM (excluded.user_id, excluded.kind, excluded.amount, excluded.occurred_at)
--
-- A replay (same user, kind, amount and instant) matches no WHERE and is skipped as before; a
-- different activity reaches the SET, whose function raises, so the whole statement (the batch) is
-- refused and nothing of it is stored. ON CONFLICT DO UPDATE, unlike a SELECT in the same
-- statement, compares with the row as committed by a concurrent writer it waited for (READ
-- COMMITTED re-checks the latest version), so two writers racing on one key cannot both win. A
-- batch must not name one key twice (ON CONFLICT DO UPDATE cannot affect a row twice): the API
-- folds those first. Plain SQL writers keep DO NOTHING, or use this function the same way
-- (docs/database-contract.md).
CREATE FUNCTION activity_key_conflict(key text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'external_id "%" is already stored for a different activity', key
    USING ERRCODE = 'unique_violation', CONSTRAINT = 'activities_external_id_key', TABLE = 'activities',
          COLUMN = 'external_id', DETAIL = format('Key (external_id)=(%s) already exists.', key);
END
$$;
