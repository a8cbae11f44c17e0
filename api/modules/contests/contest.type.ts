import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type {
  ActivityKind,
  ContestFormat,
  ContestGoalMetric,
  ContestMetric,
  ContestStatus,
} from '../../../schema/db/constants.ts';
import {
  ActivityKindEnum,
  ContestFormatEnum,
  ContestGoalMetricEnum,
  ContestMetricEnum,
  ContestStatusEnum,
} from '../../core/graphql/enums.ts';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

@ObjectType({ description: 'A contest: a window, a metric and a format over people, teams or everyone.' })
export class Contest {
  createdById!: number | null;
  userIds!: number[];
  teamIds!: number[];
  pairIds!: [number, number][];

  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => String, { description: 'Shown on the contest page and the badge of its winners.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it is about.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'What the winners get.' })
  prize!: string | null;

  @Field(() => DateTimeScalar, { description: 'When its window opens (included).' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When its window closes (excluded) and its results freeze.' })
  endsAt!: Date;

  @Field(() => ContestMetricEnum, { description: 'What it ranks by.' })
  metric!: ContestMetric;

  @Field(() => ActivityKindEnum, {
    nullable: true,
    description: 'ACTIVITIES: the kind counted; null counts every kind.',
  })
  activityKind!: ActivityKind | null;

  @Field(() => ContestGoalMetricEnum, {
    nullable: true,
    description: 'GOAL_PERCENT: the goals compared against.',
  })
  goalMetric!: ContestGoalMetric | null;

  @Field(() => ContestFormatEnum, { description: 'How participants are grouped and compared.' })
  format!: ContestFormat;

  @Field(() => Boolean, { description: 'Every seller takes part (then users and teams are empty).' })
  everyone!: boolean;

  @Field(() => ContestStatusEnum, { description: 'Where its window stands now.' })
  status!: ContestStatus;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;
}

@ObjectType({
  description:
    'The contests the caller may read that are upcoming, running or ended within the last hour, soonest start first (contestsChanged).',
})
export class ContestList {
  @Field(() => DateTimeScalar, {
    description:
      'The server’s clock when this frame was sent (statuses are as of then): a countdown corrects its own clock by it.',
  })
  generatedAt!: Date;

  @Field(() => [Contest], { description: 'At most 200.' })
  contests!: Contest[];
}

@ObjectType({ description: 'Two people facing each other in a HEAD_TO_HEAD contest.' })
export class ContestPair {
  userId!: number;
  opponentId!: number;
}

@ObjectType({
  description: 'A contest’s place: a person (INDIVIDUAL, HEAD_TO_HEAD) or a team (TEAM_TOTAL, TEAM_AVERAGE).',
})
export class ContestEntry {
  userId!: number | null;
  teamId!: number | null;
  opponentId!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Ties share a rank (1, 1, 3); null: no value (no leads for a rate, no goal for % of goal).',
  })
  rank!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The metric’s value as a decimal string: whole counts ("12"), money, rates, percentages and averages with 2 decimals ("1250.50").',
  })
  value!: string | null;

  @Field(() => Int, { nullable: true, description: 'Team formats: the team’s participating members.' })
  members!: number | null;

  @Field(() => String, { nullable: true, description: 'HEAD_TO_HEAD: the opponent’s value.' })
  opponentValue!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'HEAD_TO_HEAD: ahead of the opponent (strictly, with something): the pair’s winner if it ended now.',
  })
  leading!: boolean | null;
}

@ObjectType({
  description:
    'A contest’s standings: live while it runs; before its start, the countdown’s target (startsAt); after its end, the frozen results.',
})
export class ContestStandings {
  winnerIds!: number[];

  @Field(() => ID, { description: 'The contest.' })
  contestId!: number;

  @Field(() => String, { description: 'The contest’s name.' })
  name!: string;

  @Field(() => ContestStatusEnum, { description: 'UPCOMING (count down to startsAt), RUNNING or ENDED.' })
  status!: ContestStatus;

  @Field(() => DateTimeScalar, { description: 'When the window opens.' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the window closes.' })
  endsAt!: Date;

  @Field(() => DateTimeScalar, {
    description: 'The server’s clock when these were computed (a countdown corrects by it).',
  })
  generatedAt!: Date;

  @Field(() => Boolean, {
    description:
      'Final results, stored at the close: they never move again, even if activities inside the window are backdated, changed or deleted later.',
  })
  frozen!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Frozen results: the close (the window’s end).',
  })
  closedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Frozen results: when they were stored.' })
  frozenAt!: Date | null;

  @Field(() => [ContestEntry], { description: 'Ranked first, then those without a value.' })
  entries!: ContestEntry[];
}

@InputType({ description: 'Two people to face each other (HEAD_TO_HEAD).' })
export class ContestPairInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  opponentId!: string;
}

/** The participant lists, the same on creation and on change. */
@InputType()
abstract class ContestParticipantsInput {
  @Field(() => [ID], { nullable: true })
  userIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  teamIds?: string[] | null;

  @Field(() => [ContestPairInput], { nullable: true })
  pairs?: ContestPairInput[] | null;
}

@InputType({
  description:
    'A new contest. Participants: everyone, or users and/or teams (every current seller of the team), or pairs for HEAD_TO_HEAD. Managers name only their teams and their members; admins anyone.',
})
export class CreateContestInput extends ContestParticipantsInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  prize?: string | null;

  @Field(() => DateTimeScalar, {
    description: 'An instant (a client converts the organisation’s local time).',
  })
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field(() => ContestMetricEnum)
  metric!: ContestMetric;

  @Field(() => ActivityKindEnum, { nullable: true })
  activityKind?: ActivityKind | null;

  @Field(() => ContestGoalMetricEnum, { nullable: true, description: 'GOAL_PERCENT: default REVENUE.' })
  goalMetric?: ContestGoalMetric | null;

  @Field(() => ContestFormatEnum, { nullable: true, defaultValue: 'INDIVIDUAL' })
  format?: ContestFormat | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  everyone?: boolean | null;
}

@InputType({
  description:
    'Changes to a contest. Once it started, only name, description and prize may change (a new contest for anything else): CONFLICT naming the field.',
})
export class UpdateContestInput extends ContestParticipantsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  prize?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt?: Date | null;

  @Field(() => ContestMetricEnum, { nullable: true })
  metric?: ContestMetric | null;

  @Field(() => ActivityKindEnum, { nullable: true })
  activityKind?: ActivityKind | null;

  @Field(() => ContestGoalMetricEnum, { nullable: true })
  goalMetric?: ContestGoalMetric | null;

  @Field(() => ContestFormatEnum, { nullable: true })
  format?: ContestFormat | null;

  @Field(() => Boolean, { nullable: true })
  everyone?: boolean | null;
}
