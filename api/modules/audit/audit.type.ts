import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

@ObjectType({ description: 'One administrative change: who, what, when, before and after (ADMIN only).' })
export class AuditEntry {
  @Field(() => ID, { description: 'Stable id; newer entries have larger ids.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  at!: Date;

  /** Not a field: for the actor resolver. */
  actorId!: number | null;

  @Field(() => String, { description: 'Who made it, as they were named then.' })
  actorName!: string;

  @Field(() => String, {
    description:
      'What: user.create, user.invite, user.update, user.passwordLink, user.signOutEverywhere, team.create, team.update, webhook.create, webhook.update, webhook.delete, webhook.pause, webhook.resume, webhook.redeliver, apiToken.create, apiToken.revoke, serviceAccount.create, screen.pair, screen.update, screen.revoke, contest.create, contest.update, contest.delete, badgeRule.create, badgeRule.update, badgeRule.deactivate, kudos.remove (someone else’s kudos, by a manager or an admin), organisation.update, organisation.backup.',
  })
  action!: string;

  @Field(() => String, {
    description:
      'The kind of record changed: User, Team, Webhook, WebhookDelivery, ApiToken, Contest, BadgeRule, Kudos, Organisation.',
  })
  targetType!: string;

  @Field(() => ID, { description: 'Its id.' })
  targetId!: string;

  @Field(() => String, { nullable: true, description: 'The record before, as JSON; null for a creation.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The record after, as JSON; null for a deletion.' })
  after!: string | null;
}
