import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BadgeIconName, PeriodType, RuleMetric } from '../../../schema/db/constants.ts';
import { BadgeIconNameEnum, PeriodTypeEnum, RuleMetricEnum } from '../../core/graphql/enums.ts';
import { DateScalar, DecimalScalar } from '../../core/graphql/scalars.ts';

@InputType({ description: 'What earns a badge: a metric reaching a threshold in a period, or lifetime.' })
export class BadgeRuleDefinitionInput {
  @Field(() => RuleMetricEnum, { description: 'What the rule watches.' })
  metric!: RuleMetric;

  @Field(() => PeriodTypeEnum, {
    nullable: true,
    description: 'Once per period of this type; null: once in a lifetime.',
  })
  periodType?: PeriodType | null;

  @Field(() => DecimalScalar, {
    description: 'The value that earns the badge: above 0; a whole number for the counted metrics.',
  })
  threshold!: string;
}

@InputType({ description: 'A new badge rule.' })
export class CreateBadgeRuleInput extends BadgeRuleDefinitionInput {
  @Field(() => String, { description: 'Badge title, 1-200 characters, unique among rules (any case).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it is for, at most 2000 characters.' })
  description?: string | null;

  @Field(() => BadgeIconNameEnum, { description: 'Its icon.' })
  icon!: BadgeIconName;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'true: award now everyone who met it in the periods previewBadgeRule lists (backfill); false (default): only what is reached from now on — nobody for a period that ended, nor for this period (or lifetime) when they met it before the save.',
  })
  backfill?: boolean | null;
}

@InputType({
  description: 'Changes to a badge rule; a field left out keeps its value. Never removes a badge.',
})
export class UpdateBadgeRuleInput {
  @Field(() => RuleMetricEnum, { nullable: true })
  metric?: RuleMetric | null;

  @Field(() => PeriodTypeEnum, {
    nullable: true,
    description: 'Left out: unchanged; null: once in a lifetime.',
  })
  periodType?: PeriodType | null;

  @Field(() => DecimalScalar, { nullable: true })
  threshold?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes it.' })
  description?: string | null;

  @Field(() => BadgeIconNameEnum, { nullable: true })
  icon?: BadgeIconName | null;

  @Field(() => Boolean, { nullable: true, description: 'true reactivates a deactivated rule.' })
  active?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'As in createBadgeRule, for a changed metric, period, threshold or a reactivation (a change of title, description or icon alone awards nothing unless true).',
  })
  backfill?: boolean | null;
}

@InputType({ description: 'A definition to preview, new or for an existing rule.' })
export class PreviewBadgeRuleInput extends BadgeRuleDefinitionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The rule being edited: people already holding its badge for a period are marked awarded.',
  })
  ruleId?: string | null;
}

@ObjectType({ description: 'One person who meets a previewed rule in a period.' })
export class BadgeRulePreviewPerson {
  userId!: number;

  @Field(() => String, { description: 'Their value of the metric in the period (a decimal).' })
  value!: string;

  @Field(() => Boolean, {
    description: 'Already holds the rule’s badge for this period: a backfill skips them.',
  })
  awarded!: boolean;
}

@ObjectType({ description: 'Who would have earned a previewed rule in one period (or lifetime).' })
export class BadgeRulePreviewPeriod {
  @Field(() => DateScalar, { nullable: true, description: 'First day; null for a lifetime rule.' })
  periodStart!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day; null for a lifetime rule.' })
  periodEnd!: string | null;

  @Field(() => Boolean, { description: 'The period containing today (or lifetime).' })
  current!: boolean;

  @Field(() => Int, { description: 'How many people meet it.' })
  count!: number;

  @Field(() => Int, { description: 'Of those, how many a backfill would award (not yet holding it).' })
  newCount!: number;

  @Field(() => [BadgeRulePreviewPerson], {
    description: 'The first of them by value, at most 50 (count says how many in all).',
  })
  people!: BadgeRulePreviewPerson[];
}

@ObjectType({
  description: 'Who would have earned a rule in its last 12 periods (or lifetime), newest first.',
})
export class BadgeRulePreview {
  @Field(() => [BadgeRulePreviewPeriod], {
    description:
      'The current period and the 11 before it, newest first, also those nobody met; one entry for lifetime.',
  })
  periods!: BadgeRulePreviewPeriod[];

  @Field(() => Int, { description: 'Badges a backfill would award now: the sum of newCount.' })
  newCount!: number;

  @Field(() => Int, {
    description:
      'Badges "from now on" leaves out: the people meeting it in the current period (or lifetime) who do not hold it.',
  })
  currentCount!: number;
}
