// services build instances of these classes, so a module may load them before graphql/schema.ts
// has loaded the metadata polyfill that type-graphql's decorators need
import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { LeaderboardMetric, Medal, PeriodType } from '../../../schema/db/constants.ts';
import { LeaderboardMetricEnum, MedalEnum, PeriodTypeEnum } from '../../graphql/enums.ts';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars.ts';

@ObjectType({ description: 'One person’s place on a leaderboard.' })
export class LeaderboardEntry {
  userId!: number;

  @Field(() => Int, {
    description: "Standard competition ranking on the leaderboard's metric: ties share a rank (1, 1, 3).",
  })
  rank!: number;

  @Field(() => MedalEnum, { nullable: true, description: 'GOLD, SILVER or BRONZE for ranks 1-3.' })
  medal!: Medal | null;

  @Field(() => DecimalScalar, { description: 'Revenue in the period.' })
  revenue!: string;

  @Field(() => Int, { description: 'Orders won in the period.' })
  ordersWon!: number;

  @Field(() => Float, { nullable: true, description: 'ordersWon / leadsCreated * 100; null without leads.' })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'ordersWon / (ordersWon + opportunitiesLost) * 100.' })
  winRate!: number | null;

  @Field(() => Int, { description: 'Rank by revenue.' })
  revenueRank!: number;

  @Field(() => Int, { description: 'Rank by orders won.' })
  ordersRank!: number;

  @Field(() => Int, { description: 'Rank by conversion rate (people without leads rank last).' })
  conversionRank!: number;

  @Field(() => Int, { description: 'Rank by win rate (people without decided deals rank last).' })
  winRateRank!: number;
}

@ObjectType({ description: 'A ranking of the sellers (active REPs and MANAGERs) for one period.' })
export class Leaderboard {
  teamId!: number | null;

  @Field(() => PeriodTypeEnum, { description: 'Length of the period.' })
  periodType!: PeriodType;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the period (inclusive).' })
  periodEnd!: string;

  @Field(() => LeaderboardMetricEnum, { description: 'What the board ranks by.' })
  metric!: LeaderboardMetric;

  @Field(() => String, {
    description: 'Increases whenever any entry changes; a client that sees a lower version ignores it.',
  })
  version!: string;

  @Field(() => DateTimeScalar, { description: 'When the board was computed.' })
  generatedAt!: Date;

  @Field(() => Int, { description: 'How many people the board ranks (entries holds at most limit of them).' })
  totalEntries!: number;

  @Field(() => [LeaderboardEntry], { description: 'The top entries, best first; ties by name.' })
  entries!: LeaderboardEntry[];
}
