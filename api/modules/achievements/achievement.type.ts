import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import type { BadgeIconName, PeriodType, RuleMetric } from '../../../schema/db/constants.ts';
import { BadgeIconNameEnum, PeriodTypeEnum, RuleMetricEnum } from '../../core/graphql/enums.ts';
import { DateScalar, DateTimeScalar } from '../../core/graphql/scalars.ts';

@ObjectType({ description: 'A badge a user earned, awarded by a rule or by hand.' })
export class Achievement {
  userId!: number;

  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => String, { description: 'Category shown on the badge, e.g. "Revenue" or "Orders".' })
  kind!: string;

  @Field(() => String, { description: 'Badge title, e.g. "First $10K".' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it was awarded for.' })
  description!: string | null;

  @Field(() => String, { description: 'An emoji or short icon name.' })
  badgeIcon!: string;

  @Field(() => Float, { nullable: true, description: 'The value accomplished (a rule’s threshold).' })
  value!: number | null;

  @Field(() => DateTimeScalar, { description: 'When it was earned.' })
  achievedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The rule that awarded it; null for a manual award.' })
  ruleId!: number | null;
}

@InputType({ description: 'A badge awarded by hand.' })
export class RecordAchievementInput {
  @Field(() => ID, { description: 'Who earned it.' })
  userId!: string;

  @Field(() => String, { description: 'Category, 1-200 characters.' })
  kind!: string;

  @Field(() => String, { description: 'Title, 1-200 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it is for, at most 2000 characters.' })
  description?: string | null;

  @Field(() => String, { description: 'An emoji or short icon name, at most 32 characters.' })
  badgeIcon!: string;

  @Field(() => Float, { nullable: true, description: 'The value accomplished; not negative.' })
  value?: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was earned (default now).' })
  achievedAt?: Date | null;
}

@ObjectType({
  description: 'Awards a badge automatically, once per user and period, when a metric reaches a threshold.',
})
export class AchievementRule {
  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => String, { description: 'Category of the badges it awards.' })
  kind!: string;

  @Field(() => String, { description: 'Title of the badges it awards.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description of the badges it awards.' })
  description!: string | null;

  @Field(() => String, { description: 'Icon of the badges it awards.' })
  badgeIcon!: string;

  @Field(() => RuleMetricEnum, { description: 'What it watches.' })
  metric!: RuleMetric;

  @Field(() => PeriodTypeEnum, { nullable: true, description: 'Per period of this type; null: lifetime.' })
  periodType!: PeriodType | null;

  @Field(() => Float, { description: 'The metric value that earns the badge.' })
  threshold!: number;

  @Field(() => Boolean, { description: 'Inactive rules award nothing.' })
  active!: boolean;

  @Field(() => BadgeIconNameEnum, {
    nullable: true,
    description: 'Its icon in the web client’s set; null when badgeIcon is outside it.',
  })
  icon!: BadgeIconName | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'It awards no period ending before this day (set by each save: the first previewed period on a backfill, the save’s day otherwise); null: every period.',
  })
  awardsFrom!: string | null;
}

@ObjectType({
  description:
    'Where a user stands against one active rule: the rule’s metric over its current period (or lifetime) and whether the badge is earned.',
})
export class AchievementProgress {
  @Field(() => AchievementRule, { description: 'The rule.' })
  rule!: AchievementRule;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the rule’s current period (organisation’s today); null for a lifetime rule.',
  })
  periodStart!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of that period; null for a lifetime rule.',
  })
  periodEnd!: string | null;

  @Field(() => Float, {
    description: 'The rule’s metric so far: summed over the period (or lifetime) as the rule sums it.',
  })
  current!: number;

  @Field(() => Float, { description: 'What is still missing to reach the threshold (0 once reached).' })
  remaining!: number;

  @Field(() => Boolean, {
    description: 'The badge of this rule was awarded for this period (or ever, lifetime).',
  })
  earned!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was awarded, when earned.' })
  achievedAt!: Date | null;
}
