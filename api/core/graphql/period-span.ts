/**
 * The three fields every per-period answer carries — a leaderboard, a seller's or a team's figures,
 * the clock's current periods — declared once, so their names, types and descriptions cannot drift
 * apart between types. No field or type names it, so it never
 * enters the schema itself (schema.graphql is unchanged): only its fields do, on each type that
 * extends it. (A goal's period has its own wording and stays declared on Goal.)
 */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import type { PeriodType } from '../../../schema/db/constants.ts';
import { PeriodTypeEnum } from './enums.ts';
import { DateScalar } from './scalars.ts';

@ObjectType()
export abstract class PeriodSpan {
  @Field(() => PeriodTypeEnum, { description: 'Length of the period.' })
  periodType!: PeriodType;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the period (inclusive).' })
  periodEnd!: string;
}
