// services build instances of these classes, so a module may load them before core/graphql/schema.ts
// has loaded the metadata polyfill that type-graphql's decorators need
import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { LeaderboardMetric, Medal } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import { LeaderboardMetricEnum, MedalEnum } from '../../core/graphql/enums.ts';
import { PeriodSpan } from '../../core/graphql/period-span.ts';
import { DateTimeScalar, DecimalScalar } from '../../core/graphql/scalars.ts';

@ObjectType({ description: 'One person’s place on a leaderboard.' })
export class LeaderboardEntry {
  userId!: number;
  /** The board it is on, set by the leaderboard query: what its contributions explain. */
  board?: { metric: LeaderboardMetric; periodStart: string; periodEnd: string };

  @Field(() => Int, {
    description:
      "Standard competition ranking on the leaderboard's metric: ties share a rank (1, 1, 3). Only sellers with something in the metric are ranked (see Leaderboard.entries).",
  })
  rank!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Rank on the same board (metric, team) at the close of the previous period of the board's type: today's sellers ranked on that period's final figures, as `rank` is on this one's (backdated activities included). Null when that board did not rank them. A lower rank now than previousRank is a move up.",
  })
  previousRank!: number | null;

  @Field(() => MedalEnum, { nullable: true, description: 'GOLD, SILVER or BRONZE for ranks 1-3.' })
  medal!: Medal | null;

  @Field(() => DecimalScalar, { description: 'Revenue in the period.' })
  revenue!: string;

  @Field(() => Int, { description: 'Orders won in the period.' })
  ordersWon!: number;

  @Field(() => Int, {
    description: 'Leads created in the period: the base of conversionRate (a count below zero counts as 0).',
  })
  leadsCreated!: number;

  @Field(() => Int, {
    description:
      'Opportunities decided in the period, won + lost: the base of winRate (counts below zero count as 0).',
  })
  opportunitiesClosed!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'ordersWon / leadsCreated * 100; null without leads. May pass 100: orders won this period can come from leads of earlier periods.',
  })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'ordersWon / (ordersWon + opportunitiesLost) * 100.' })
  winRate!: number | null;

  @Field(() => Int, {
    description: 'Rank by revenue (people without revenue share the place after the last who has some).',
  })
  revenueRank!: number;

  @Field(() => Int, {
    description: 'Rank by orders won (people without an order share the place after the last who has one).',
  })
  ordersRank!: number;

  @Field(() => Int, {
    description:
      'Rank by conversion rate among people with at least the minimum of leads (LEADERBOARD_MIN_LEADS); the others share the place after them.',
  })
  conversionRank!: number;

  @Field(() => Int, {
    description:
      'Rank by win rate among people with at least the minimum of decided opportunities (LEADERBOARD_MIN_CLOSED); the others share the place after them.',
  })
  winRateRank!: number;
}

/** What a standing is made of before it is resolved: rows to prime the loaders with. */
export interface StandingResult {
  standing: LeaderboardStanding;
  users: UserRow[];
  teams: TeamRow[];
}

@ObjectType({
  description:
    'Where one seller stands on a leaderboard: their rank and entry (also outside the top entries), and how far behind the next person up they are.',
})
export class LeaderboardStanding {
  @Field(() => Int, {
    nullable: true,
    description:
      'Their rank; null while they are not ranked (nothing in the metric yet, or below minimumSample on a rate board).',
  })
  rank!: number | null;

  @Field(() => LeaderboardEntry, {
    nullable: true,
    description: 'Their entry as the board would list it; null while they are not ranked.',
  })
  entry!: LeaderboardEntry | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'On a rate board, their base so far: leads created (CONVERSION_RATE) or opportunities decided (WIN_RATE), to compare with Leaderboard.minimumSample; null on the other boards.',
  })
  sample!: number | null;

  @Field(() => LeaderboardEntry, {
    nullable: true,
    description:
      'The next person up: the last-listed seller ranked strictly better (null at rank 1 and while not ranked).',
  })
  ahead!: LeaderboardEntry | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "How far behind `ahead` they are in the board's metric: the amount on REVENUE, orders on ORDERS, percentage points on the rate boards (both rates as rounded to 2 decimals); null without `ahead`.",
  })
  gap!: number | null;
}

@ObjectType({
  description:
    'A ranking of the sellers (active REPs and MANAGERs) for one period. Only sellers with something in the metric are ranked: revenue above zero (REVENUE), an order won (ORDERS), at least minimumSample leads (CONVERSION_RATE) or decided opportunities (WIN_RATE).',
})
export class Leaderboard extends PeriodSpan {
  teamId!: number | null;

  /** The seller's standing (see LeaderboardStanding); null for someone who is not a seller of this board. */
  standingOf!: (userId: number) => StandingResult | null | Promise<StandingResult | null>;

  @Field(() => LeaderboardMetricEnum, { description: 'What the board ranks by.' })
  metric!: LeaderboardMetric;

  @Field(() => String, {
    description: 'Increases whenever any entry changes; a client that sees a lower version ignores it.',
  })
  version!: string;

  @Field(() => DateTimeScalar, { description: 'When the board was computed.' })
  generatedAt!: Date;

  @Field(() => Int, {
    description:
      'How many people the board ranks (entries holds at most limit of them); 0 when nobody has anything in the metric yet.',
  })
  totalEntries!: number;

  @Field(() => Int, {
    description:
      'Sellers in scope the board does not rank: nothing in the metric yet, or below minimumSample on a rate board.',
  })
  unrankedCount!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'On a rate board, the fewest leads (CONVERSION_RATE: LEADERBOARD_MIN_LEADS) or decided opportunities, won + lost (WIN_RATE: LEADERBOARD_MIN_CLOSED) a seller needs to be ranked; null on REVENUE and ORDERS.',
  })
  minimumSample!: number | null;

  @Field(() => [LeaderboardEntry], {
    description: 'The top entries, best first; ties by name. Sellers who are not ranked are not listed.',
  })
  entries!: LeaderboardEntry[];
}
