-- goal_achievement_percentage: its current definition, edited here only (docs/sql-functions.md).
-- current * 100 / target, truncated toward zero to 2 decimals below 100 % (never overstates
-- progress, never crosses a status band) and rounded half-up at 100 % and above; exact numeric
-- arithmetic. The same rule is in api/domain/goal-status.ts and client/src/lib/goals.ts
-- (migration 0011).
-- Earlier definitions (git history; squashed into 0000_baseline):
-- migration 0011.
CREATE OR REPLACE FUNCTION goal_achievement_percentage(current numeric, target numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    -- a non-positive target is refused by goals_target_positive; do not divide by it first
    WHEN target <= 0 THEN 0
    -- half-up: floor(current * 10000 / target + 1/2), both operands positive
    WHEN current >= target THEN div(current * 20000 + target, target * 2) * 0.01
    ELSE div(current * 10000, target) * 0.01
  END
$$;
