// services build instances of these classes, so a module may load them before core/graphql/schema.ts
// has loaded the metadata polyfill that type-graphql's decorators need
import 'reflect-metadata';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ActivityKind, PeriodType } from '../../../schema/db/constants.ts';
import type { SalesPerformanceRow } from '../../../schema/db/index.ts';
import { ActivityKindEnum, PeriodTypeEnum } from '../../core/graphql/enums.ts';
import { PeriodSpan } from '../../core/graphql/period-span.ts';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../core/graphql/scalars.ts';

/** The count columns of a rollup row (sales_performance), in the order the schema declares them. */
export const COUNT_KEYS = [
  'leadsCreated',
  'opportunitiesCreated',
  'quotationsSent',
  'quotationsAccepted',
  'ordersWon',
  'opportunitiesLost',
  'revenue',
  'calls',
  'emails',
  'meetings',
] as const satisfies readonly (keyof SalesPerformanceRow)[];

/** Counts of one rollup row, as stored. */
export type PerformanceCounts = Pick<SalesPerformanceRow, (typeof COUNT_KEYS)[number]>;

@ObjectType({
  description: 'Metrics of one user for one period. Counts are whole numbers; rates are derived from counts.',
})
export class PerformancePeriod extends PeriodSpan implements PerformanceCounts {
  userId!: number;

  @Field(() => Int, { description: 'Leads created.' })
  leadsCreated!: number;

  @Field(() => Int, { description: 'Opportunities created.' })
  opportunitiesCreated!: number;

  @Field(() => Int, { description: 'Quotations sent.' })
  quotationsSent!: number;

  @Field(() => Int, { description: 'Quotations accepted.' })
  quotationsAccepted!: number;

  @Field(() => Int, { description: 'Orders won.' })
  ordersWon!: number;

  @Field(() => Int, { description: 'Opportunities lost.' })
  opportunitiesLost!: number;

  @Field(() => DecimalScalar, { description: 'Revenue of the orders won.' })
  revenue!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'revenue / ordersWon; null without orders.' })
  avgDealSize!: string | null;

  @Field(() => Float, { nullable: true, description: 'ordersWon / leadsCreated * 100' })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'ordersWon / (ordersWon + opportunitiesLost) * 100' })
  winRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'quotationsAccepted / quotationsSent * 100' })
  quotationAcceptanceRate!: number | null;

  @Field(() => Int, { description: 'Calls made.' })
  calls!: number;

  @Field(() => Int, { description: 'Emails sent.' })
  emails!: number;

  @Field(() => Int, { description: 'Meetings held.' })
  meetings!: number;
}

@ObjectType({ description: 'Lifetime totals of one user across all recorded activity.' })
export class PerformanceSummary {
  userId!: number;

  @Field(() => Int, { description: 'Leads created, lifetime.' })
  leadsCreated!: number;

  @Field(() => Int, { description: 'Opportunities created, lifetime.' })
  opportunitiesCreated!: number;

  @Field(() => Int, { description: 'Orders won, lifetime.' })
  ordersWon!: number;

  @Field(() => DecimalScalar, { description: 'Revenue, lifetime.' })
  revenue!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'revenue / ordersWon; null without orders.' })
  avgDealSize!: string | null;

  @Field(() => Float, { nullable: true, description: 'ordersWon / leadsCreated * 100, lifetime.' })
  conversionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'ordersWon / (ordersWon + opportunitiesLost) * 100, lifetime.',
  })
  winRate!: number | null;

  @Field(() => Int, { description: 'Badges earned.' })
  achievementCount!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the first recorded activity happened.' })
  firstActivityAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest recorded activity happened.' })
  lastActivityAt!: Date | null;
}

@ObjectType({ description: 'Aggregated metrics of one team for one period.' })
export class TeamPerformance extends PeriodSpan {
  teamId!: number;
  topPerformerId!: number | null;

  @Field(() => Int, { description: 'Active members who sell (REP or MANAGER).' })
  memberCount!: number;

  @Field(() => DecimalScalar, { description: 'Revenue of all members.' })
  revenue!: string;

  @Field(() => Int, { description: 'Orders won by all members.' })
  ordersWon!: number;

  @Field(() => DecimalScalar, { description: 'revenue / memberCount ("0.00" for a team without members).' })
  avgRevenuePerMember!: string;

  @Field(() => Float, { nullable: true, description: 'Team ordersWon / leadsCreated * 100.' })
  conversionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Team ordersWon / (ordersWon + opportunitiesLost) * 100.',
  })
  winRate!: number | null;

  @Field(() => [PerformancePeriod], { description: 'Each member’s metrics, highest revenue first.' })
  members!: PerformancePeriod[];
}

@ObjectType({ description: 'Outcome of recordActivities.' })
export class RecordActivitiesResult {
  @Field(() => Int, { description: 'Activities stored by this call.' })
  recorded!: number;

  @Field(() => Int, {
    description:
      'Replays skipped: the same activity already stored under its externalId, or earlier in the batch.',
  })
  duplicates!: number;
}

@InputType({ description: 'One sales activity.' })
export class ActivityInput {
  @Field(() => ID, { description: 'Whose activity it is.' })
  userId!: string;

  @Field(() => ActivityKindEnum, { description: 'What happened.' })
  kind!: ActivityKind;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Required for ORDER_WON, forbidden otherwise. Non-negative.',
  })
  amount?: string | null;

  @Field(() => DateTimeScalar, { description: 'When it happened; decides the periods it counts in.' })
  occurredAt!: Date;

  @Field(() => String, {
    description:
      'Idempotency key: a replay of the activity stored under it is skipped; a different activity under it is a CONFLICT.',
  })
  externalId!: string;
}

@InputType({
  description:
    'Aggregates pushed by a system that computes them itself; upserts (user, periodType, periodStart).',
})
export class RecordPerformanceInput {
  @Field(() => ID, { description: 'Whose figures.' })
  userId!: string;

  @Field(() => PeriodTypeEnum, { description: 'Length of the period.' })
  periodType!: PeriodType;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => Int, { nullable: true, description: 'Leads created (absent: unchanged).' })
  leadsCreated?: number | null;

  @Field(() => Int, { nullable: true, description: 'Opportunities created (absent: unchanged).' })
  opportunitiesCreated?: number | null;

  @Field(() => Int, { nullable: true, description: 'Quotations sent (absent: unchanged).' })
  quotationsSent?: number | null;

  @Field(() => Int, { nullable: true, description: 'Quotations accepted (absent: unchanged).' })
  quotationsAccepted?: number | null;

  @Field(() => Int, { nullable: true, description: 'Orders won (absent: unchanged).' })
  ordersWon?: number | null;

  @Field(() => Int, { nullable: true, description: 'Opportunities lost (absent: unchanged).' })
  opportunitiesLost?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Revenue (absent: unchanged).' })
  revenue?: string | null;

  @Field(() => Int, { nullable: true, description: 'Calls (absent: unchanged).' })
  calls?: number | null;

  @Field(() => Int, { nullable: true, description: 'Emails (absent: unchanged).' })
  emails?: number | null;

  @Field(() => Int, { nullable: true, description: 'Meetings (absent: unchanged).' })
  meetings?: number | null;
}
