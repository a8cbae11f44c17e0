import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { GoalMetric, GoalStatus, PeriodType } from '../../../schema/db/constants.ts';
import { GoalMetricEnum, GoalStatusEnum, PeriodTypeEnum } from '../../core/graphql/enums.ts';
import { DateScalar, DateTimeScalar } from '../../core/graphql/scalars.ts';

@ObjectType({ description: 'A target for one user (or a whole team) over one period.' })
export class Goal {
  userId!: number | null;
  teamId!: number | null;
  createdById!: number | null;

  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => GoalMetricEnum, { description: 'What the goal measures.' })
  metric!: GoalMetric;

  @Field(() => PeriodTypeEnum, { description: 'Length of the goal’s period.' })
  periodType!: PeriodType;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the period (inclusive).' })
  periodEnd!: string;

  @Field(() => Float, { description: 'The target; money goals carry at most two decimals.' })
  targetValue!: number;

  @Field(() => Float, {
    description: 'Tracked automatically from recorded activity for every metric but CUSTOM.',
  })
  currentValue!: number;

  @Field(() => Float, {
    description:
      'currentValue / targetValue * 100 to 2 decimals: cut off below 100 (19,999 of 20,000 is 99.99, never 100 while not achieved), rounded half up from 100.',
  })
  achievementPercentage!: number;

  @Field(() => GoalStatusEnum, {
    description:
      'ACHIEVED >= 100%, ON_TRACK 75-99.99%, BEHIND 50-74.99%, AT_RISK < 50%; MISSED once periodEnd has passed below 100%.',
  })
  status!: GoalStatus;

  @Field(() => Float, {
    description: 'Where currentValue would end the period at the pace so far (linear run rate).',
  })
  projectedValue!: number;

  @Field(() => String, { nullable: true, description: 'Free text shown with the goal.' })
  description!: string | null;

  @Field(() => Int, {
    description: 'Increases by one on every change; pass it back as expectedVersion to update safely.',
  })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the goal was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the goal last changed.' })
  updatedAt!: Date;
}

@InputType({ description: 'A new goal.' })
export class CreateGoalInput {
  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Exactly one of userId and teamId.' })
  teamId?: string | null;

  @Field(() => GoalMetricEnum, { description: 'What the goal measures.' })
  metric!: GoalMetric;

  @Field(() => PeriodTypeEnum, { description: 'Length of the period.' })
  periodType!: PeriodType;

  @Field(() => DateScalar, {
    description: 'Must be the first day of a period of periodType; periodEnd follows from it.',
  })
  periodStart!: string;

  @Field(() => Float, { description: 'Positive.' })
  targetValue!: number;

  @Field(() => Float, { nullable: true, description: 'Only for CUSTOM goals; tracked metrics ignore it.' })
  currentValue?: number | null;

  @Field(() => String, { nullable: true, description: 'Free text, at most 2000 characters.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a goal; absent fields keep their value.' })
export class UpdateGoalInput {
  @Field(() => Float, { nullable: true, description: 'Positive.' })
  targetValue?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only for CUSTOM goals.' })
  currentValue?: number | null;

  @Field(() => String, { nullable: true, description: 'Free text, at most 2000 characters.' })
  description?: string | null;
}
