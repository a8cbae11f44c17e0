import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { User } from '../users/user.type.ts';
import { AchievementRule } from './achievement.type.ts';
import * as reads from './rule.reads.ts';
import * as service from './rule.service.ts';
import {
  BadgeRulePreview,
  BadgeRulePreviewPerson,
  CreateBadgeRuleInput,
  PreviewBadgeRuleInput,
  UpdateBadgeRuleInput,
} from './rule.type.ts';

@Resolver(() => AchievementRule)
export class BadgeRuleResolver {
  @Query(() => [AchievementRule], {
    description: 'Badge rules, for ADMINs: all, or the active (true) or deactivated (false) ones.',
  })
  badgeRules(
    @Ctx() ctx: AppContext,
    @Arg('active', () => Boolean, { nullable: true }) active: boolean | null,
  ): Promise<AchievementRule[]> {
    return reads.badgeRules(ctx, active ?? null);
  }

  @Query(() => BadgeRulePreview, {
    description:
      'ADMIN: who would have earned a rule (new, or an edit of ruleId) in its last 12 periods, or lifetime: what createBadgeRule or updateBadgeRule with backfill: true awards (newCount).',
  })
  previewBadgeRule(
    @Ctx() ctx: AppContext,
    @Arg('input', () => PreviewBadgeRuleInput) input: PreviewBadgeRuleInput,
  ): Promise<BadgeRulePreview> {
    return reads.previewBadgeRule(ctx, input);
  }

  @Mutation(() => AchievementRule, {
    description: 'ADMIN: a new badge rule, awarding the past (backfill: true) or only from now on.',
  })
  createBadgeRule(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateBadgeRuleInput) input: CreateBadgeRuleInput,
  ): Promise<AchievementRule> {
    return service.createBadgeRule(ctx, input);
  }

  @Mutation(() => AchievementRule, {
    description:
      'ADMIN: changes a badge rule (never removes a badge it gave); backfill as in createBadgeRule.',
  })
  updateBadgeRule(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBadgeRuleInput) input: UpdateBadgeRuleInput,
  ): Promise<AchievementRule> {
    return service.updateBadgeRule(ctx, id, input);
  }

  @Mutation(() => AchievementRule, {
    description:
      'ADMIN: stops a rule awarding new badges (those it gave stay); updateBadgeRule active: true resumes it.',
  })
  deactivateBadgeRule(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<AchievementRule> {
    return service.deactivateBadgeRule(ctx, id);
  }
}

@Resolver(() => BadgeRulePreviewPerson)
export class BadgeRulePreviewPersonResolver {
  @FieldResolver(() => User, { description: 'Who.' })
  async user(@Root() person: BadgeRulePreviewPerson, @Ctx() ctx: AppContext): Promise<UserRow> {
    const user = await ctx.loaders.userById.load(person.userId);
    if (!user) throw new NotFoundError('User', person.userId);
    return user;
  }
}
