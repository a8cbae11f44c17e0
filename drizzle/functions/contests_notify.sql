-- contests_notify: its current definition, edited here only (docs/sql-functions.md).
-- A contest, its participants or its frozen results changed: every API process recomputes the
-- contests it streams (api/live/hub/contests.ts) and re-arms its contest timer
-- (api/modules/contests/contest.scheduler.ts), through the 'contest' message of api/live/feed/messages.ts.
-- Trigger function of contests_notify, contest_participants_notify and contest_results_notify
-- (AFTER INSERT OR UPDATE OR DELETE, FOR EACH STATEMENT). Introduced by migration 0009_contests.
CREATE OR REPLACE FUNCTION contests_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM live_emit('{"t":"contest"}');
  RETURN NULL;
END
$$;
