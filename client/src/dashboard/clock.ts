/**
 * The organisation's calendar, from the server (Query clock): which day, week, month... is the
 * current one is the organisation's, whatever zone this browser is in (a browser in Kiritimati is
 * a day ahead of New York; its own clock picked "Week of Dec 7" while the data was the week of
 * Nov 30). Asked again every minute, so "current" moves at the organisation's midnight. The
 * organisation's currency comes with it: every amount on the page is shown in it.
 */
import { createContext, useContext } from 'react';
import { graphql } from '../gql/index.ts';
import type { PaceBasis } from '../gql/graphql.ts';

export const CLOCK = graphql(`
  query Clock {
    clock {
      timeZone
      today
      paceBasis
      periods {
        periodType
        periodStart
        periodEnd
        elapsedDays
        periodDays
      }
    }
    organisation {
      currency
    }
  }
`);

/** How often the clock is asked again (the organisation's day can change while a screen is open). */
export const CLOCK_POLL_MS = 60_000;

export interface OrgClock {
  /** The organisation's today, "YYYY-MM-DD". */
  readonly today: string;
  readonly timeZone: string;
  /** What goal pace counts (Organisation.paceWorkingDays), for optimistic answers. */
  readonly paceBasis: PaceBasis;
  /** The organisation's currency (ISO 4217): a change re-renders every amount. */
  readonly currency: string | undefined;
}

export const ClockContext = createContext<OrgClock | null>(null);

export function useClock(): OrgClock {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error('useClock outside ClockContext');
  return clock;
}
