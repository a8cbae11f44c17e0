import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'What the signed-in person is e-mailed about (docs/notifications.md). Every kind is on until they turn it off.',
})
export class NotificationSettings {
  @Field(() => Boolean, {
    description:
      'Whether the server sends mail at all (SMTP_URL set). False: nothing is mailed, whatever the choices.',
  })
  mailEnabled!: boolean;

  @Field(() => Boolean, {
    description: 'Their goal reached 50 %, 75 % and 100 % of its target (each once per goal).',
  })
  goalProgress!: boolean;

  @Field(() => Boolean, {
    description: 'Their goal fell behind pace (GOAL_BEHIND_PACE; once a day at most).',
  })
  goalBehindPace!: boolean;

  @Field(() => Boolean, { description: 'They earned a badge.' })
  badgeEarned!: boolean;

  @Field(() => Boolean, { description: 'A contest they are in (themselves or their team) started or ended.' })
  contests!: boolean;

  @Field(() => Boolean, {
    description: 'They took or lost #1 on their team’s monthly revenue board (once a day at most).',
  })
  teamRank!: boolean;

  @Field(() => Boolean, { description: 'A colleague gave them kudos.' })
  kudos!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'A weekly digest of the teams they manage (all teams for an admin), mailed after each week ends; off until turned on. Null for a REP or a VIEWER, who are not offered it.',
  })
  weeklyDigest!: boolean | null;
}

@InputType({
  description: 'Notification choices to change; a field left out stays as it is (null is refused).',
})
export class UpdateNotificationSettingsInput {
  @Field(() => Boolean, { nullable: true })
  goalProgress?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  goalBehindPace?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  badgeEarned?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  contests?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  teamRank?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  kudos?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Managers and admins only: true is FORBIDDEN for a REP or a VIEWER.',
  })
  weeklyDigest?: boolean | null;
}
