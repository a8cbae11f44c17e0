import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { TeamRow } from '../../../schema/db/index.ts';

@ObjectType({ description: 'A sales team: its manager and members.' })
export class Team implements Pick<TeamRow, 'id' | 'name' | 'managerId'> {
  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => String, { description: 'Team name, unique (case-insensitive).' })
  name!: string;

  managerId!: number | null;
}

@InputType({ description: 'A new team (ADMIN only).' })
export class CreateTeamInput {
  @Field(() => String, { description: 'Team name, 1-200 characters, unique.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The manager; becomes able to set goals for the team.' })
  managerId?: string | null;
}

@InputType({ description: 'Changes to a team (ADMIN only); a field left out stays as it is.' })
export class UpdateTeamInput {
  @Field(() => String, { nullable: true, description: 'Team name, 1-200 characters, unique.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'The manager (MANAGER or ADMIN); null: none.' })
  managerId?: string | null;
}
