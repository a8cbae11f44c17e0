import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { Team } from '../teams/team.type.ts';
import * as service from './user.service.ts';
import { CreateUserInput, UpdateUserInput, User } from './user.type.ts';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The caller.' })
  me(@Ctx() ctx: AppContext): Promise<UserRow> {
    return service.me(ctx);
  }

  @Query(() => [User], { description: 'Users, by name; only the members of teamId when given.' })
  users(
    @Ctx() ctx: AppContext,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
  ): Promise<UserRow[]> {
    return service.users(ctx, teamId);
  }

  @Query(() => User, { nullable: true, description: 'One user, or null.' })
  user(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<UserRow | null> {
    return service.user(ctx, id);
  }

  @Mutation(() => User, { description: 'Creates a user (ADMIN).' })
  createUser(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<UserRow> {
    return service.createUser(ctx, input);
  }

  @Mutation(() => User, {
    description:
      'Changes a user’s name, role, team or active flag (ADMIN); deactivating ends their sessions and API tokens at once. The last active admin stays one.',
  })
  updateUser(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
  ): Promise<UserRow> {
    return service.updateUser(ctx, id, input);
  }

  @FieldResolver(() => Boolean, {
    description: 'A service account: another app’s, signed in by API tokens only, never on a board.',
  })
  serviceAccount(@Root() user: UserRow): boolean {
    return user.kind === 'service';
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team the user belongs to.' })
  team(@Root() user: UserRow, @Ctx() ctx: AppContext): TeamRow | Promise<TeamRow | null> | null {
    return user.teamId === null ? null : ctx.loaders.teamById.now(user.teamId);
  }
}
