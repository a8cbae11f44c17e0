/**
 * `contributions(first, after)` on Goal and LeaderboardEntry, and the fields of a page: thin; the
 * rules (what counts, who may see it, the batching) are contributions.service.ts's.
 */
import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { existing } from '../../core/loaders.ts';
import { LeaderboardEntry } from '../leaderboard/leaderboard.type.ts';
import { User } from '../users/user.type.ts';
import { DEFAULT_FIRST, entryContributions, goalContributions, summaryOf } from './contributions.service.ts';
import { Contribution, ContributionPage } from './contributions.type.ts';
import { Goal } from './goal.type.ts';

const FIRST = {
  nullable: true,
  defaultValue: DEFAULT_FIRST,
  description: 'How many: 1 to CONTRIBUTIONS_MAX (100 unless configured).',
};
const AFTER = { nullable: true, description: 'The endCursor of the previous page; none: the newest.' };

@Resolver(() => Goal)
export class GoalContributionsResolver {
  @FieldResolver(() => ContributionPage, {
    nullable: true,
    description:
      'The activities counted in currentValue, newest first: the metric’s kinds, on the period’s days in the organisation’s time zone, of the seller (or the team’s current members). Its owner, their managers and admins may read it (a REP not a team goal’s: it lists teammates’ activities); empty for CUSTOM.',
  })
  contributions(
    @Root() goal: Goal,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
  ): Promise<ContributionPage> {
    return goalContributions(ctx, goal, first ?? DEFAULT_FIRST, after ?? null);
  }
}

@Resolver(() => LeaderboardEntry)
export class EntryContributionsResolver {
  @FieldResolver(() => ContributionPage, {
    nullable: true,
    description:
      'The activities counted in this entry on its board’s metric and period, newest first: orders won (REVENUE, ORDERS), with leads created (CONVERSION_RATE) or opportunities lost (WIN_RATE). The seller, their managers and admins may read it; with the leaderboard query, not in leaderboardChanged.',
  })
  contributions(
    @Root() entry: LeaderboardEntry,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
  ): Promise<ContributionPage> {
    return entryContributions(ctx, entry, first ?? DEFAULT_FIRST, after ?? null);
  }
}

@Resolver(() => ContributionPage)
export class ContributionPageResolver {
  @FieldResolver(() => Int, { description: 'How many activities the figure counts, on every page.' })
  async totalCount(@Root() page: ContributionPage, @Ctx() ctx: AppContext): Promise<number> {
    return (await summaryOf(ctx, page)).count;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'What the counted activities add up to in the figure’s unit: the amounts (revenue) or their number. Null for a rate (its parts are listed) and a CUSTOM goal.',
  })
  async total(@Root() page: ContributionPage, @Ctx() ctx: AppContext): Promise<number | null> {
    return (await summaryOf(ctx, page)).total;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'The figure minus total: what figures pushed with recordPerformance (or the REST API) add, which no activity explains. 0 when the activities explain all of it; null where total is.',
  })
  async pushed(@Root() page: ContributionPage, @Ctx() ctx: AppContext): Promise<number | null> {
    return (await summaryOf(ctx, page)).pushed;
  }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => User, { description: 'Whose activity it is.' })
  user(@Root() c: Contribution, @Ctx() ctx: AppContext): UserRow | Promise<UserRow> {
    return existing(ctx.loaders.userById.now(c.userId), () => new NotFoundError('User', c.userId));
  }
}
