import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The organisation’s settings: the time zone of its periods and its currency.' })
export class Organisation {
  @Field(() => String, { description: 'IANA time zone of every period boundary, e.g. "Europe/Paris".' })
  timeZone!: string;

  @Field(() => String, { description: 'ISO 4217 code amounts are in, e.g. "EUR".' })
  currency!: string;

  @Field(() => Boolean, { description: 'Set by TZ_NAME in the server’s environment: not changeable here.' })
  timeZonePinned!: boolean;

  @Field(() => Boolean, { description: 'Set by CURRENCY in the server’s environment: not changeable here.' })
  currencyPinned!: boolean;

  @Field(() => Boolean, {
    description:
      'Goal pace (Goal.pace) counts Monday–Friday days instead of the period’s real duration: expected by now and the required rate per working day left (docs/goals-pace.md).',
  })
  paceWorkingDays!: boolean;
}

@InputType({ description: 'New organisation settings (ADMIN); a field left out stays as it is.' })
export class UpdateOrganisationInput {
  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone; a change rebuilds every rollup from the activities.',
  })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code, three letters.' })
  currency?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Goal pace by Monday–Friday days (true) or by the period’s real duration (false).',
  })
  paceWorkingDays?: boolean | null;
}
