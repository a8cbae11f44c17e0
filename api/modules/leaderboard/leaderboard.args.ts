/**
 * The arguments of a board, declared once: the leaderboard query and the leaderboardChanged
 * subscription take the same ones with the same defaults (the query adds a date). graphql-js
 * fills the defaults in when an argument is left out; `boardArgsOf` fills them in when one is an
 * explicit null, so every caller — resolver, subscription, REST — ends with a complete board.
 */
import { ArgsType, Field, ID, Int } from 'type-graphql';
import {
  DEFAULT_PERIOD_TYPE,
  type LeaderboardMetric,
  type PeriodType,
} from '../../../schema/db/constants.ts';
import { LeaderboardMetricEnum, PeriodTypeEnum } from '../../core/graphql/enums.ts';
import { DateScalar } from '../../core/graphql/scalars.ts';

export const DEFAULT_METRIC: LeaderboardMetric = 'REVENUE';
export const DEFAULT_LIMIT = 10;

@ArgsType()
export class BoardArgs {
  @Field(() => PeriodTypeEnum, { nullable: true, defaultValue: DEFAULT_PERIOD_TYPE })
  periodType?: PeriodType | null;

  @Field(() => LeaderboardMetricEnum, { nullable: true, defaultValue: DEFAULT_METRIC })
  metric?: LeaderboardMetric | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_LIMIT })
  limit?: number | null;
}

@ArgsType()
export class LeaderboardQueryArgs extends BoardArgs {
  @Field(() => DateScalar, { nullable: true })
  date?: string | null;
}

/** A board's arguments with every default applied (an explicit null means the default too). */
export interface Board {
  periodType: PeriodType;
  metric: LeaderboardMetric;
  teamId: string | null;
  limit: number;
}

export function boardArgsOf(args: BoardArgs): Board {
  return {
    periodType: args.periodType ?? DEFAULT_PERIOD_TYPE,
    metric: args.metric ?? DEFAULT_METRIC,
    teamId: args.teamId ?? null,
    limit: args.limit ?? DEFAULT_LIMIT,
  };
}
