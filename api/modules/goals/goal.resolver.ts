import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GoalStatus } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../context.ts';
import { GoalStatusEnum } from '../../graphql/enums.ts';
import { Team } from '../teams/team.type.ts';
import { User } from '../users/user.type.ts';
import * as service from './goal.service.ts';
import { CreateGoalInput, Goal, UpdateGoalInput } from './goal.type.ts';

@Resolver(() => Goal)
export class GoalResolver {
  @Query(() => [Goal], {
    description:
      'Goals matching the filters and the caller’s scope; by default only those whose period has not ended.',
  })
  goals(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Arg('status', () => GoalStatusEnum, { nullable: true }) status: GoalStatus | null,
    @Arg('activeOnly', () => Boolean, { nullable: true, defaultValue: true }) activeOnly: boolean | null,
  ): Promise<Goal[]> {
    return service.goals(ctx, { userId, teamId, status, activeOnly: activeOnly ?? true });
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

  @FieldResolver(() => User, { nullable: true, description: 'Who set the goal.' })
  createdBy(@Root() goal: Goal, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return goal.createdById === null ? null : ctx.loaders.userById.load(goal.createdById);
  }
}
