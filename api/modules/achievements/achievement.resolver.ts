import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { User } from '../users/user.type.ts';
import * as service from './achievement.service.ts';
import {
  Achievement,
  AchievementProgress,
  AchievementRule,
  RecordAchievementInput,
} from './achievement.type.ts';

@Resolver(() => Achievement)
export class AchievementResolver {
  @Query(() => [Achievement], { description: 'Badges, newest first; of one user or one team when given.' })
  achievements(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200, description: 'At most 1000.' })
    limit: number | null,
  ): Promise<Achievement[]> {
    return service.achievements(ctx, { userId, teamId, limit: limit ?? 200 });
  }

  @Query(() => [AchievementRule], { description: 'The rules that award badges automatically.' })
  achievementRules(@Ctx() ctx: AppContext): Promise<AchievementRule[]> {
    return service.achievementRules(ctx);
  }

  @Query(() => [AchievementProgress], {
    description:
      'Where a user stands against each active rule (their figures as the rule sums them, for its current period or lifetime) and whether its badge is earned; for whoever may read the user’s figures.',
  })
  achievementProgress(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID) userId: string,
  ): Promise<AchievementProgress[]> {
    return service.achievementProgress(ctx, userId);
  }

  @Mutation(() => Achievement, {
    description: 'Awards a badge by hand (MANAGER of the user’s team, or ADMIN).',
  })
  recordAchievement(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RecordAchievementInput) input: RecordAchievementInput,
  ): Promise<Achievement> {
    return service.recordAchievement(ctx, input);
  }

  @FieldResolver(() => User, { description: 'Who earned it.' })
  async user(@Root() achievement: Achievement, @Ctx() ctx: AppContext): Promise<UserRow> {
    const user = await ctx.loaders.userById.load(achievement.userId);
    if (!user) throw new NotFoundError('User', achievement.userId);
    return user;
  }
}
