/** GoalPace: a goal's pace as GraphQL shows it (the rule is api/domain/pace.ts; docs/goals-pace.md). */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { PaceBasis, PaceState } from '../../../schema/db/constants.ts';
import { PaceBasisEnum, PaceStateEnum } from '../../core/graphql/enums.ts';

@ObjectType({
  description:
    'A goal against where it should be by now: pro-rated over the period’s real duration in the organisation’s time zone, or over its Monday–Friday days (Organisation.paceWorkingDays). docs/goals-pace.md.',
})
export class GoalPace {
  @Field(() => PaceStateEnum, {
    description:
      'AHEAD: currentValue above expectedValue × (1 + tolerancePercent / 100); BEHIND_PACE: below expectedValue × (1 − tolerancePercent / 100); ON_PACE: in between.',
  })
  state!: PaceState;

  @Field(() => Float, {
    description:
      'What the goal should have reached by now: targetValue × the elapsed share of the period (rates: the target once the period started), 2 decimals.',
  })
  expectedValue!: number;

  @Field(() => Float, {
    description: 'currentValue − expectedValue in the goal’s unit, 2 decimals: negative when behind.',
  })
  gap!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'What is still missing, per day left (per working day left with WORKING_DAYS), 2 decimals; 0 once the target is reached; null for rate goals and when no day is left.',
  })
  requiredRate!: number | null;

  @Field(() => Int, {
    description:
      'Days (working days with WORKING_DAYS) from the organisation’s today to periodEnd, today included; 0 once the period ended.',
  })
  daysLeft!: number;

  @Field(() => PaceBasisEnum, {
    description:
      'The basis used: WORKING_DAYS when the organisation counts them and the period has one, else CALENDAR_DAYS.',
  })
  basis!: PaceBasis;

  @Field(() => Float, { description: 'Share of the period elapsed on that basis, percent, 2 decimals.' })
  elapsedPercent!: number;

  @Field(() => Float, { description: 'The ON_PACE band: ± this % of expectedValue.' })
  tolerancePercent!: number;

  @Field(() => Float, {
    description:
      'A goal BEHIND_PACE by more than this % of its target raises GOAL_BEHIND_PACE (PACE_ALERT_PERCENT).',
  })
  alertPercent!: number;

  @Field(() => Boolean, { description: 'BEHIND_PACE by more than alertPercent % of the target.' })
  alerting!: boolean;
}
