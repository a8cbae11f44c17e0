import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

@ObjectType({
  description: 'A paired TV screen (issue 15): its own VIEWER account and token, revocable alone.',
})
export class Screen {
  @Field(() => ID, { description: 'Stable id (the screen’s account).' })
  id!: number;

  @Field(() => String, { description: 'Its name ("Sales floor, 3rd").' })
  name!: string;

  /** Not a field: for the team resolver. */
  teamId!: number | null;

  @Field(() => Boolean, { description: 'false once revoked: its TV shows a pairing code again.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was paired.' })
  pairedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it last used its token (to within a minute or two); null: not yet.',
  })
  lastSeenAt!: Date | null;
}

@InputType({ description: 'Claims the code a TV shows.' })
export class PairScreenInput {
  @Field(() => String, {
    description: 'The 8 letters and digits on the screen (dash and case do not matter).',
  })
  code!: string;

  @Field(() => String, { description: 'A name for the screen, 1–200 characters.' })
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Its team (its boards and badges); required for a MANAGER; none: the whole organisation.',
  })
  teamId?: string | null;
}
