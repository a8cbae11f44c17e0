-- users_team_changed: its current definition, edited here only (docs/sql-functions.md).
-- A member moving between teams changes both teams' tracked goals of current and future periods.
-- Trigger function of users_team_changed (AFTER UPDATE OF team_id ON users).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0013.
CREATE OR REPLACE FUNCTION users_team_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_goals(array_agg(id)) FROM goals
    WHERE team_id IN (OLD.team_id, NEW.team_id) AND metric <> 'CUSTOM' AND period_end >= org_today();
  RETURN NULL;
END
$$;
