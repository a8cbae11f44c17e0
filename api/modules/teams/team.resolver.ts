import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { User } from '../users/user.type.ts';
import * as service from './team.service.ts';
import { CreateTeamInput, Team, UpdateTeamInput } from './team.type.ts';

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team], { description: 'Every team, by name.' })
  teams(@Ctx() ctx: AppContext): Promise<TeamRow[]> {
    return service.teams(ctx);
  }

  @Query(() => Team, { nullable: true, description: 'One team, or null.' })
  team(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<TeamRow | null> {
    return service.team(ctx, id);
  }

  @Mutation(() => Team, { description: 'Creates a team (ADMIN).' })
  createTeam(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateTeamInput) input: CreateTeamInput,
  ): Promise<TeamRow> {
    return service.createTeam(ctx, input);
  }

  @Mutation(() => Team, {
    description: 'Renames a team or sets its manager (ADMIN); members move with updateUser.',
  })
  updateTeam(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTeamInput) input: UpdateTeamInput,
  ): Promise<TeamRow> {
    return service.updateTeam(ctx, id, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The manager, who sets the team’s goals.' })
  manager(@Root() team: TeamRow, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return team.managerId === null ? null : ctx.loaders.userById.load(team.managerId);
  }

  @FieldResolver(() => [User], { description: 'Members, by name.' })
  members(@Root() team: TeamRow, @Ctx() ctx: AppContext): Promise<UserRow[]> {
    return ctx.loaders.membersByTeamId.load(team.id);
  }
}
