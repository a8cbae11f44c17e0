-- A goal below its target is never ACHIEVED and never shows 100 %. goals_derive() (0001) rounded
-- current * 100 / target half-up to 2 decimals and then took the status from that rounded number:
-- 19,999 of 20,000 (99.995 %) was stored as 100.00 and ACHIEVED, 14,999.99 of 20,000 (74.99995 %)
-- as 75.00 and ON_TRACK, against the contract's bands (ACHIEVED >= 100, ON_TRACK 75-99.99,
-- BEHIND 50-74.99, AT_RISK < 50, MISSED once the period ended below 100).
--
-- Now:
-- - status comes from the unrounded ratio: current * 100 compared with target * 100, 75 and 50
--   (multiplied out, so no division, and no rounding of a long quotient, ever decides a band);
-- - achievement_percentage is current * 100 / target TRUNCATED (toward zero) to 2 decimals below
--   100 % and rounded half-up to 2 decimals at 100 % and above. Below 100 the displayed number thus
--   never overstates progress (19,999 / 20,000 reads 99.99, 2 / 3 reads 66.66) and sits in the same
--   band as the ratio it stands for (a truncation never crosses 50 or 75); from 100 up there is no
--   band left to cross and half-up rounding stays (100.005 % reads 100.01). The same rule is in
--   api/domain/goal-status.ts and client/src/lib/goals.ts (optimistic updates).
-- Both are exact numeric arithmetic: div() is an integer quotient, truncated toward zero.
--
-- goal_status_of(pct, ended) of 0001 is dropped: its only caller was goals_derive(), and two
-- functions of one name deciding the status differently would invite the old mistake back.
CREATE FUNCTION goal_achievement_percentage(current numeric, target numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    -- a non-positive target is refused by goals_target_positive; do not divide by it first
    WHEN target <= 0 THEN 0
    -- half-up: floor(current * 10000 / target + 1/2), both operands positive
    WHEN current >= target THEN div(current * 20000 + target, target * 2) * 0.01
    ELSE div(current * 10000, target) * 0.01
  END
$$;
--> statement-breakpoint
-- Status bands of the contract on the unrounded ratio; mirrors api/domain/goal-status.ts.
CREATE FUNCTION goal_status_of(current numeric, target numeric, ended boolean) RETURNS goal_status
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN target > 0 AND current >= target THEN 'ACHIEVED'
    WHEN ended THEN 'MISSED'
    WHEN target > 0 AND current * 100 >= target * 75 THEN 'ON_TRACK'
    WHEN target > 0 AND current * 100 >= target * 50 THEN 'BEHIND'
    ELSE 'AT_RISK'
  END::goal_status
$$;
--> statement-breakpoint
-- As in 0001 but for the two lines that derive the percentage and the status.
CREATE OR REPLACE FUNCTION goals_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.period_end := period_end_of(NEW.period_type, NEW.period_start);
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
--> statement-breakpoint
DROP FUNCTION goal_status_of(numeric, boolean);
--> statement-breakpoint
-- Corrects the stored goals the old rule got wrong, through goals_derive() like every other
-- recompute: only goals whose percentage or status now differ are written, and each of those gets
-- a new version (live change log, GOAL_ACHIEVED / GOAL_MISSED webhooks as for any other change);
-- the others keep their version. Locked in id order first, as refresh_goal_statuses() does.
DO $$
BEGIN
  PERFORM 1 FROM goals
    WHERE achievement_percentage IS DISTINCT FROM goal_achievement_percentage(current_value, target_value)
       OR status IS DISTINCT FROM goal_status_of(current_value, target_value, period_end < org_today())
    ORDER BY id FOR NO KEY UPDATE;
  UPDATE goals SET current_value = current_value
    WHERE achievement_percentage IS DISTINCT FROM goal_achievement_percentage(current_value, target_value)
       OR status IS DISTINCT FROM goal_status_of(current_value, target_value, period_end < org_today());
END
$$;
