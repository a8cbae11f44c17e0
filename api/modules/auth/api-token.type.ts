import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Role } from '../../../schema/db/constants.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import { RoleEnum } from '../../core/graphql/enums.ts';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';
import { User } from '../users/user.type.ts';

@ObjectType({
  description:
    'A credential for another app or a script (Authorization: Bearer pulse_…), acting as its owner with the owner’s current role and team. The token itself is shown only once, by createApiToken.',
})
export class ApiToken {
  @Field(() => ID, { description: 'Stable id (not the token, nor a step towards it).' })
  id!: string;

  /** Not a field: the owner's id, for the `owner` resolver. */
  userId!: number;

  @Field(() => String, { description: 'What it is for ("ERP sync"), 1–100 characters.' })
  name!: string;

  @Field(() => String, { description: 'The token’s first characters (pulse_ and 6 more), to recognise it.' })
  prefix!: string;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops working; null: never.' })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was last used, to within a minute or two; null: never.',
  })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was revoked (by its owner, an admin, or the owner’s deactivation).',
  })
  revokedAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether it signs requests in now: not revoked, not expired.' })
  active!: boolean;
}

@ObjectType({ description: 'A new API token: the token is shown only this once, and stored hashed.' })
export class CreatedApiToken {
  @Field(() => ApiToken, { description: 'The token’s record.' })
  apiToken!: ApiToken;

  @Field(() => String, { description: 'The bearer token. Not readable later: copy it now.' })
  token!: string;
}

@InputType({ description: 'A new API token for the caller, or (ADMIN) for a service account.' })
export class CreateApiTokenInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A service account to create it for (ADMIN); omit: for the caller.',
  })
  userId?: string | null;

  @Field(() => String, { description: 'What it is for, 1–100 characters.' })
  name!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it stops working (future); omit: never.',
  })
  expiresAt?: Date | null;
}

@InputType({
  description: 'A new service account (ADMIN): an account for another app, signed in by API tokens only.',
})
export class CreateServiceAccountInput {
  @Field(() => String, { description: 'What it is ("ERP sync"), 1–200 characters.' })
  name!: string;

  @Field(() => RoleEnum, {
    description:
      'What it may do: MANAGER writes for its team only, ADMIN for all, REP only as itself, VIEWER reads boards.',
  })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Its team: the scope of a MANAGER account.' })
  teamId?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When its first token stops working; omit: never.',
  })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A new service account and its first API token, shown only this once.' })
export class CreatedServiceAccount {
  @Field(() => User, { description: 'The account (never on a board, never signs in with a password).' })
  user!: UserRow;

  @Field(() => ApiToken, { description: 'Its first token’s record.' })
  apiToken!: ApiToken;

  @Field(() => String, { description: 'The bearer token. Not readable later: copy it now.' })
  token!: string;
}
