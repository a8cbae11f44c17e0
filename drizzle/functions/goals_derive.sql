-- goals_derive: its current definition, edited here only (docs/sql-functions.md).
-- The only code that derives a goal row's period_end, tracked current_value,
-- achievement_percentage, status, version and updated_at, except for rows refresh_goals() has
-- derived itself (it sets pulse.goal_values = 'set' around its UPDATE). Percentage and status
-- rules: migration 0011.
-- Trigger function of goals_derive (BEFORE INSERT OR UPDATE ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0011, migration 0013.
CREATE OR REPLACE FUNCTION goals_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.period_end := period_end_of(NEW.period_type, NEW.period_start);
  IF current_setting('pulse.goal_values', true) = 'set' THEN
    RETURN NEW; -- refresh_goals() has derived every column of this row
  END IF;
  IF NEW.metric <> 'CUSTOM' THEN
    NEW.current_value := goal_tracked_value(NEW.metric, NEW.user_id, NEW.team_id, NEW.period_type, NEW.period_start);
  END IF;
  NEW.achievement_percentage := goal_achievement_percentage(NEW.current_value, NEW.target_value);
  NEW.status := goal_status_of(NEW.current_value, NEW.target_value, NEW.period_end < org_today());
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
    NEW.updated_at := NEW.created_at;
    RETURN NEW;
  END IF;
  IF NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NULL; -- nothing changed: skip the write (refreshes touch many goals)
  END IF;
  IF (NEW.target_value, NEW.current_value, NEW.achievement_percentage, NEW.status, NEW.description, NEW.metric,
      NEW.period_type, NEW.period_start, NEW.user_id, NEW.team_id)
     IS DISTINCT FROM (OLD.target_value, OLD.current_value, OLD.achievement_percentage, OLD.status, OLD.description,
      OLD.metric, OLD.period_type, OLD.period_start, OLD.user_id, OLD.team_id) THEN
    NEW.version := OLD.version + 1;
    NEW.updated_at := clock_timestamp();
  ELSE
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END
$$;
