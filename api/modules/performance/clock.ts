/**
 * The organisation's calendar as a client must see it: today and the current period of each type
 * in the organisation's time zone, and how far a period has run. A browser's own clock is in the
 * viewer's zone (a rep in Kiritimati is a day ahead of New York), so "the current week", "day 6 of
 * 31" and "so far" are answered here, from the operation's instant and the organisation's zone,
 * never by the client. Subscriptions live for days: their events read the clock when they run,
 * not when the subscription started.
 */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { PERIOD_TYPES, type PeriodType } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { daysInPeriod, localDate, periodEnd, periodStart } from '../../domain/periods.ts';

import { PeriodSpan } from '../../core/graphql/period-span.ts';
import { DateScalar, DateTimeScalar } from '../../core/graphql/scalars.ts';

const DAY_MS = 86_400_000;

@ObjectType({ description: 'The period of one type that contains the organisation’s today.' })
export class CurrentPeriod extends PeriodSpan {
  @Field(() => Int, { description: 'Days of the period begun by today, today included.' })
  elapsedDays!: number;

  @Field(() => Int, { description: 'Days in the period.' })
  periodDays!: number;
}

@ObjectType({
  description:
    'The organisation’s calendar now: periods are the organisation’s, whatever the caller’s time zone.',
})
export class OrganisationClock {
  @Field(() => String, { description: 'The organisation’s IANA time zone, e.g. "America/New_York".' })
  timeZone!: string;

  @Field(() => DateScalar, { description: 'Today in the organisation’s time zone.' })
  today!: string;

  @Field(() => DateTimeScalar, { description: 'The server’s instant this answer was made at.' })
  now!: Date;

  @Field(() => [CurrentPeriod], { description: 'The current period of each type (DAILY ... YEARLY).' })
  periods!: CurrentPeriod[];
}

/** The instant "now" for a field: the operation's, or for a subscription event, the event's. */
export function nowOf(ctx: AppContext): Date {
  return ctx.live ? new Date() : ctx.now;
}

export function orgToday(ctx: AppContext): string {
  return localDate(nowOf(ctx), ctx.org.timeZone);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export interface PeriodProgress {
  /** Days of the period begun by `today` (today included): 0 before it, periodDays after it. */
  readonly elapsedDays: number;
  readonly periodDays: number;
  /** The period contains today: its figures are so far, not final. */
  readonly partial: boolean;
}

export function periodProgress(periodType: PeriodType, start: string, today: string): PeriodProgress {
  const periodDays = daysInPeriod(periodType, start);
  const begun = dayNumber(today) - dayNumber(start) + 1;
  const elapsedDays = Math.min(periodDays, Math.max(0, begun));
  return { elapsedDays, periodDays, partial: begun >= 1 && begun <= periodDays };
}

export function organisationClock(ctx: AppContext): OrganisationClock {
  const now = nowOf(ctx);
  const today = localDate(now, ctx.org.timeZone);
  return Object.assign(new OrganisationClock(), {
    timeZone: ctx.org.timeZone,
    today,
    now,
    periods: PERIOD_TYPES.map((periodType) => {
      const start = periodStart(periodType, today);
      const { elapsedDays, periodDays } = periodProgress(periodType, start, today);
      return Object.assign(new CurrentPeriod(), {
        periodType,
        periodStart: start,
        periodEnd: periodEnd(periodType, start),
        elapsedDays,
        periodDays,
      });
    }),
  });
}
