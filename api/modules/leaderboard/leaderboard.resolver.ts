import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { existing } from '../../core/loaders.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { Team } from '../teams/team.type.ts';
import { User } from '../users/user.type.ts';
import { boardArgsOf, LeaderboardQueryArgs } from './leaderboard.args.ts';
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
    @Args(() => LeaderboardQueryArgs) args: LeaderboardQueryArgs,
  ): Promise<Leaderboard> {
    return service.leaderboard(ctx, { ...boardArgsOf(args), date: args.date ?? null });
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
