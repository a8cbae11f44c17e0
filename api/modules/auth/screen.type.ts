import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { CelebrationKind, LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import { CelebrationKindEnum, LeaderboardMetricEnum, PeriodTypeEnum } from '../../core/graphql/enums.ts';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

@InputType({ description: 'Claims the code a TV shows.' })
export class PairScreenInput {
  @Field(() => String, {
    description: 'The 8 letters and digits on the screen (dash and case do not matter).',
  })
  code!: string;

  @Field(() => String, { description: 'A name for the screen, 1–200 characters.' })
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Its team (its boards and badges); required for a MANAGER; none: the whole organisation.',
  })
  teamId?: string | null;
}

@ObjectType({ description: 'What a paired screen shows: its rotation, pushed to it by `myScreen`.' })
export class ScreenLayout {
  @Field(() => [LeaderboardMetricEnum], { description: 'The boards it rotates, in this order.' })
  boards!: readonly LeaderboardMetric[];

  @Field(() => Int, { description: 'Seconds each board shows (5–3600).' })
  secondsPerBoard!: number;

  @Field(() => PeriodTypeEnum, { description: 'The period of its boards.' })
  periodType!: PeriodType;

  @Field(() => LeaderboardMetricEnum, {
    nullable: true,
    description: 'Shown alone, without rotating, when set.',
  })
  pinned!: LeaderboardMetric | null;

  @Field(() => Boolean, {
    description:
      'Its credential may read its team’s goals, and its TV rotates a goals board after its boards (default false).',
  })
  showGoals!: boolean;

  @Field(() => Boolean, {
    description:
      'Its credential reads its team’s contests (a screen of no team: all), and its TV rotates a board for each one running, starting soon or just ended (default true).',
  })
  showContests!: boolean;

  @Field(() => [CelebrationKindEnum], {
    description:
      'The events that interrupt its rotation with a card for a few seconds (GOAL_ACHIEVED needs showGoals, CONTEST_WON showContests).',
  })
  celebrations!: readonly CelebrationKind[];

  @Field(() => Int, {
    description:
      'A SALE card from this amount, in whole units of the organisation’s currency (1–1,000,000,000).',
  })
  saleAmount!: number;

  @Field(() => Boolean, { description: 'A short chime with each card (default false).' })
  sound!: boolean;
}

@ObjectType({ description: 'Whether a screen is up, from its sockets (on any server process).' })
export class ScreenHealth {
  @Field(() => Boolean, { description: 'It has an open socket now (seen within the last 2½ minutes).' })
  online!: boolean;

  @Field(() => String, { nullable: true, description: 'The client version its last socket reported.' })
  clientVersion!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its screen size as its last socket reported ("1920x1080").',
  })
  resolution!: string | null;

  @Field(() => Int, { description: 'Connections it opened in the last 24 hours after its first one.' })
  reconnects24h!: number;

  @Field(() => Boolean, {
    description: 'Active but offline (or never seen) for longer than SCREEN_OFFLINE_AFTER.',
  })
  offlineTooLong!: boolean;
}

@InputType({ description: 'Changes a screen: a field left out stays as it is.' })
export class UpdateScreenInput {
  @Field(() => String, { nullable: true, description: 'A new name, 1–200 characters.' })
  name?: string;

  @Field(() => [LeaderboardMetricEnum], {
    nullable: true,
    description: 'The boards it rotates, in order: at least one, each once.',
  })
  boards?: LeaderboardMetric[];

  @Field(() => Int, { nullable: true, description: 'Seconds per board, 5–3600.' })
  secondsPerBoard?: number;

  @Field(() => PeriodTypeEnum, { nullable: true, description: 'The period of its boards.' })
  periodType?: PeriodType;

  @Field(() => LeaderboardMetricEnum, {
    nullable: true,
    description: 'A board shown alone instead of the rotation; null unpins.',
  })
  pinned?: LeaderboardMetric | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether its credential reads its team’s goals.' })
  showGoals?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether its credential reads its team’s contests.' })
  showContests?: boolean;

  @Field(() => [CelebrationKindEnum], {
    nullable: true,
    description: 'The events it celebrates, each once; empty: none.',
  })
  celebrations?: CelebrationKind[];

  @Field(() => Int, { nullable: true, description: 'A SALE card from this amount (1–1,000,000,000).' })
  saleAmount?: number;

  @Field(() => Boolean, { nullable: true, description: 'A short chime with each card.' })
  sound?: boolean;
}

@ObjectType({
  description: 'A paired TV screen (issue 15): its own VIEWER account and token, revocable alone.',
})
export class Screen {
  @Field(() => ID, { description: 'Stable id (the screen’s account).' })
  id!: number;

  @Field(() => String, { description: 'Its name ("Sales floor, 3rd").' })
  name!: string;

  /** Not a field: for the team resolver. */
  teamId!: number | null;

  @Field(() => Boolean, { description: 'false once revoked: its TV shows a pairing code again.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was paired.' })
  pairedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was last connected or used its token (to within a minute or two); null: not yet.',
  })
  lastSeenAt!: Date | null;

  @Field(() => ScreenLayout, { description: 'What it shows.' })
  layout!: ScreenLayout;

  @Field(() => ScreenHealth, { description: 'Whether it is up.' })
  health!: ScreenHealth;
}
