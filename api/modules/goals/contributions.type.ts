/**
 * The GraphQL types of "why is my number that?": an activity counted in a figure (Contribution) and
 * a page of them (ContributionPage). Invariant: a page carries what it explains (its subject and
 * the figure), so its totals are read from the same subject its nodes came from
 * (contributions.service.ts), never recomputed from what a client passes back.
 */
// services build instances of these classes, so a module may load them before core/graphql/schema.ts
// has loaded the metadata polyfill that type-graphql's decorators need
import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ActivityKind } from '../../../schema/db/constants.ts';
import { ActivityKindEnum } from '../../core/graphql/enums.ts';
import { DateTimeScalar, DecimalScalar } from '../../core/graphql/scalars.ts';
import type { Subject } from './contributions.queries.ts';

@ObjectType({
  description:
    'One activity counted in a figure (a goal’s currentValue, a leaderboard entry’s figures): what, how much, when it happened, and how and when it was recorded.',
})
export class Contribution {
  userId!: number;

  @Field(() => ID, { description: 'The activity’s id.' })
  id!: string;

  @Field(() => ActivityKindEnum, { description: 'What happened.' })
  kind!: ActivityKind;

  @Field(() => DecimalScalar, { nullable: true, description: 'The order’s amount (ORDER_WON only).' })
  amount!: string | null;

  @Field(() => DateTimeScalar, {
    description:
      'When it happened: its day in the organisation’s time zone decides the periods it counts in.',
  })
  occurredAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it was written to Pulse.' })
  recordedAt!: Date;

  @Field(() => String, {
    description:
      'How it was written: "api" (recordActivities, by a person, API token or service account), "import" (CSV import), "demo" (demo data) or "sql" (a direct INSERT into activities, e.g. an ERP).',
  })
  recordedVia!: string;

  @Field(() => String, {
    description: 'The writer’s idempotency key (an order or call number in its system).',
  })
  externalId!: string;
}

/** What a page's totals are measured against: the figure it explains, in that figure's unit. */
export interface Explained {
  /**
   * The figure as shown, as a decimal text (goal currentValue, entry revenue or orders won); null
   * for a rate (its parts are listed, it is no sum) or a CUSTOM goal (set by hand).
   */
  figure: string | null;
  /** Whether the figure adds up amounts (REVENUE) or counts activities. */
  unit: 'amount' | 'count';
}

@ObjectType({
  description:
    'A page of the activities counted in a figure, newest first (occurredAt, then id). Pass endCursor as `after` for the next page.',
})
export class ContributionPage {
  /** Whose activities, which kinds and days: for the totals (contributions.service.ts). */
  subject!: Subject;
  explained!: Explained;

  @Field(() => [Contribution], { description: 'At most `first` activities, newest first.' })
  nodes!: Contribution[];

  @Field(() => Boolean, { description: 'Whether older activities follow.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'An opaque cursor: the last node’s place, for `after`; null on an empty page.',
  })
  endCursor!: string | null;
}
