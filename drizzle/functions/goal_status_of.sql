-- goal_status_of: its current definition, edited here only (docs/sql-functions.md).
-- Status bands of the contract on the unrounded ratio; mirrors api/domain/goal-status.ts. Each band
-- is a constant of the enum, so the planner inlines this IMMUTABLE function (migration 0013).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0001,
-- migration 0011, migration 0013.
CREATE OR REPLACE FUNCTION goal_status_of(current numeric, target numeric, ended boolean) RETURNS goal_status
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN target > 0 AND current >= target THEN 'ACHIEVED'::goal_status
    WHEN ended THEN 'MISSED'::goal_status
    WHEN target > 0 AND current * 100 >= target * 75 THEN 'ON_TRACK'::goal_status
    WHEN target > 0 AND current * 100 >= target * 50 THEN 'BEHIND'::goal_status
    ELSE 'AT_RISK'::goal_status
  END
$$;
