/**
 * The GraphQL types of kudos (docs/kudos.md). Invariant: `message` is resolved per caller
 * (kudos.resolver.ts): the message of a private kudos is null for whoever is not its giver, its
 * recipient, an ADMIN or a MANAGER of the recipient's team, and for every screen.
 */
// services build instances of these classes, so a module may load them before core/graphql/schema.ts
// has loaded the metadata polyfill that type-graphql's decorators need
import 'reflect-metadata';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { KudosRow } from '../../../schema/db/index.ts';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

@ObjectType({
  description:
    'A colleague’s thanks: who gave it to whom, a short message, optionally tied to one of the recipient’s sales or goals.',
})
export class Kudos implements Pick<KudosRow, 'id' | 'private' | 'createdAt' | 'updatedAt'> {
  giverId!: number;
  recipientId!: number;
  /** The recipient's team when read (who may read a private message; a screen's scope). */
  recipientTeamId!: number | null;
  /** The stored message; the `message` field shows it to those who may read it. */
  text!: string;

  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => Boolean, {
    description:
      'Private: its message is shown only to the giver, the recipient, ADMINs and the MANAGERs of the recipient’s team (never on a screen).',
  })
  private!: boolean;

  @Field(() => ID, { nullable: true, description: 'The recipient’s sale (activity) it thanks for, if any.' })
  activityId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The recipient’s (or their team’s) goal it thanks for, if any.',
  })
  goalId!: number | null;

  @Field(() => DateTimeScalar, { description: 'When it was given.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When its message or privacy last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, {
    description: 'Until when its giver may still edit it (a minute after it was given).',
  })
  editableUntil!: Date;
}

@ObjectType({
  description: 'A page of kudos, newest first. Pass endCursor as `after` for the next page.',
})
export class KudosPage {
  @Field(() => [Kudos], { description: 'The kudos of this page.' })
  nodes!: Kudos[];

  @Field(() => Boolean, { description: 'Whether older kudos follow.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'An opaque cursor: the last node’s place, for `after`; null on an empty page.',
  })
  endCursor!: string | null;
}

@InputType({ description: 'Kudos to give a colleague.' })
export class GiveKudosInput {
  @Field(() => ID, { description: 'Who receives it (not yourself).' })
  recipientId!: string;

  @Field(() => String, { description: 'The message, 1-280 characters.' })
  message!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Hide the message from screens and from colleagues other than the recipient and their managers.',
  })
  private?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'One of the recipient’s sales (an activity) it thanks for.',
  })
  activityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The recipient’s or their team’s goal it thanks for.' })
  goalId?: string | null;
}

@InputType({
  description: 'A change to kudos you gave, within a minute of giving it; a field left out stays.',
})
export class UpdateKudosInput {
  @Field(() => String, { nullable: true, description: 'The new message, 1-280 characters.' })
  message?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether its message is private.' })
  private?: boolean | null;
}
