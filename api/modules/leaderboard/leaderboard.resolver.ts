import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import { existing } from '../../loaders.ts';
import { LeaderboardMetricEnum, PeriodTypeEnum } from '../../graphql/enums.ts';
import { parseId } from '../../graphql/ids.ts';
import { DateScalar } from '../../graphql/scalars.ts';
import { Team } from '../teams/team.type.ts';
import { User } from '../users/user.type.ts';
import * as service from './leaderboard.service.ts';
import {
  Leaderboard,
  LeaderboardEntry,
  LeaderboardStanding,
  type StandingResult,
} from './leaderboard.type.ts';

@Resolver(() => Leaderboard)
export class LeaderboardResolver {
  @Query(() => Leaderboard, {
    description: 'Sellers ranked for the period containing date (default today), optionally within one team.',
  })
  leaderboard(
    @Ctx() ctx: AppContext,
    @Arg('periodType', () => PeriodTypeEnum, { nullable: true, defaultValue: 'MONTHLY' })
    periodType: PeriodType | null,
    @Arg('date', () => DateScalar, { nullable: true }) date: string | null,
    @Arg('metric', () => LeaderboardMetricEnum, { nullable: true, defaultValue: 'REVENUE' })
    metric: LeaderboardMetric | null,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 10 }) limit: number | null,
  ): Promise<Leaderboard> {
    return service.leaderboard(ctx, {
      periodType: periodType ?? 'MONTHLY',
      date,
      metric: metric ?? 'REVENUE',
      teamId,
      limit: limit ?? 10,
    });
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team the board is limited to, if any.' })
  team(@Root() board: Leaderboard, @Ctx() ctx: AppContext): Promise<TeamRow | null> | null {
    return board.teamId === null ? null : ctx.loaders.teamById.load(board.teamId);
  }

  @FieldResolver(() => LeaderboardStanding, {
    nullable: true,
    description:
      'Where this seller stands on the board (rank, entry, the next person up and the gap), also outside the top entries; null for someone who is not a seller in its scope. Anyone who may read the board may ask.',
  })
  standing(
    @Root() board: Leaderboard,
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID) userId: string,
  ): LeaderboardStanding | null | Promise<LeaderboardStanding | null> {
    const found = board.standingOf(parseId(userId, 'User'));
    // the rows it shows came with it: `entry { user { team } }` costs no statement
    const prime = (result: StandingResult | null) => {
      if (!result) return null;
      for (const user of result.users) ctx.loaders.userById.prime(user.id, user);
      for (const team of result.teams) ctx.loaders.teamById.prime(team.id, team);
      return result.standing;
    };
    return found instanceof Promise ? found.then(prime) : prime(found);
  }
}

@Resolver(() => LeaderboardEntry)
export class LeaderboardEntryResolver {
  @FieldResolver(() => User, { description: 'Who.' })
  user(@Root() entry: LeaderboardEntry, @Ctx() ctx: AppContext): UserRow | Promise<UserRow> {
    return existing(ctx.loaders.userById.now(entry.userId), () => new NotFoundError('User', entry.userId));
  }
}
