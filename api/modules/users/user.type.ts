import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Role } from '../../../schema/db/constants.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import { RoleEnum } from '../../core/graphql/enums.ts';

@ObjectType({
  description: 'A person in the organisation: a rep, a manager, an admin or a TV screen account.',
})
export class User implements Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'active' | 'teamId'> {
  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'Sign-in email, lower-case; tokens name the user by it.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'What the user may do.' })
  role!: Role;

  @Field(() => Boolean, { description: 'Inactive users cannot sign in and leave the leaderboards.' })
  active!: boolean;

  teamId!: number | null;
}

@InputType({ description: 'A new user (ADMIN only).' })
export class CreateUserInput {
  @Field(() => String, { description: 'Display name, 1-200 characters.' })
  name!: string;

  @Field(() => String, { description: 'Email, unique (case-insensitive).' })
  email!: string;

  @Field(() => RoleEnum, { description: 'Role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Team to join.' })
  teamId?: string | null;
}

@InputType({ description: 'Changes to a user (ADMIN only); a field left out stays as it is.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'Display name, 1-200 characters.' })
  name?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'Role.' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'Team to move to; null: no team.' })
  teamId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false deactivates (their sessions and API tokens end at once); true reactivates.',
  })
  active?: boolean | null;
}
