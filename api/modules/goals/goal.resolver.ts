import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GoalStatus, PeriodType } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { GoalStatusEnum, PeriodTypeEnum } from '../../core/graphql/enums.ts';
import { DateScalar } from '../../core/graphql/scalars.ts';
import { orgToday, periodProgress } from '../performance/clock.ts';
import { Team } from '../teams/team.type.ts';
import { User } from '../users/user.type.ts';
import * as service from './goal.service.ts';
import { CreateGoalInput, Goal, UpdateGoalInput } from './goal.type.ts';

@Resolver(() => Goal)
export class GoalResolver {
  @Query(() => [Goal], {
    description:
      'Goals matching the filters and the caller’s scope; by default only those whose period has not ended. With periodType: the goals whose period overlaps the period of that type containing date (default today), ended or not, whatever activeOnly says.',
  })
  goals(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Arg('status', () => GoalStatusEnum, { nullable: true }) status: GoalStatus | null,
    @Arg('activeOnly', () => Boolean, { nullable: true, defaultValue: true }) activeOnly: boolean | null,
    @Arg('periodType', () => PeriodTypeEnum, {
      nullable: true,
      description:
        'Only goals running during this period (of this type, containing date): a month shows its monthly goals and the days, weeks, quarter and year that overlap it.',
    })
    periodType: PeriodType | null,
    @Arg('date', () => DateScalar, {
      nullable: true,
      description: 'A day of the periodType period (default the organisation’s today); needs periodType.',
    })
    date: string | null,
    @Arg('includeMembers', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'With teamId: the goals of the team’s current members too, not only the team’s own.',
    })
    includeMembers: boolean | null,
  ): Promise<Goal[]> {
    return service.goals(ctx, {
      userId,
      teamId,
      status,
      activeOnly: activeOnly ?? true,
      includeMembers: includeMembers ?? false,
      during: periodType ? { periodType, date } : date ? { periodType: null, date } : null,
    });
  }

  @Query(() => Goal, { nullable: true, description: 'One goal, or null.' })
  goal(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<Goal | null> {
    return service.goal(ctx, id);
  }

  @Mutation(() => Goal, {
    description: 'Creates a goal for a user or a team (MANAGER of that team, or ADMIN).',
  })
  createGoal(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateGoalInput) input: CreateGoalInput,
  ): Promise<Goal> {
    return service.createGoal(ctx, input);
  }

  @Mutation(() => Goal, {
    description: 'Fails with CONFLICT when expectedVersion is given and differs from the stored version.',
  })
  updateGoal(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateGoalInput) input: UpdateGoalInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ): Promise<Goal> {
    return service.updateGoal(ctx, id, input, expectedVersion ?? null);
  }

  @Mutation(() => ID, { description: 'Deletes a goal; returns its id.' })
  deleteGoal(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<string> {
    return service.deleteGoal(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user, for a personal goal.' })
  user(@Root() goal: Goal, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return goal.userId === null ? null : ctx.loaders.userById.load(goal.userId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team, for a team goal (sums its members).' })
  team(@Root() goal: Goal, @Ctx() ctx: AppContext): Promise<TeamRow | null> | null {
    return goal.teamId === null ? null : ctx.loaders.teamById.load(goal.teamId);
  }

  @FieldResolver(() => Int, {
    description:
      'Days of the goal’s period begun by the organisation’s today, today included: 0 before it starts, periodDays once it has ended. The status bands measure the share of the target reached so far, not the pace: read them with this.',
  })
  elapsedDays(@Root() goal: Goal, @Ctx() ctx: AppContext): number {
    return periodProgress(goal.periodType, goal.periodStart, orgToday(ctx)).elapsedDays;
  }

  @FieldResolver(() => Int, { description: 'Days in the goal’s period.' })
  periodDays(@Root() goal: Goal): number {
    return periodProgress(goal.periodType, goal.periodStart, goal.periodStart).periodDays;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who set the goal.' })
  createdBy(@Root() goal: Goal, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return goal.createdById === null ? null : ctx.loaders.userById.load(goal.createdById);
  }
}
