/**
 * The period-rollover timer: at the next boundary of any shown period (midnight, a new week or
 * month... in the organisation's time zone), the boards move to the new period and are published.
 *
 * Invariant: while any board is watched, one timer is armed for the earliest end of the periods
 * the boards show (re-armed after every flush, since boards come, go and move), a little after the
 * boundary so the clock is past it when it fires, and never longer than MAX_TIMER_MS (so a clock
 * change or a long sleep is caught up within hours). Why: no notification comes when only the
 * calendar moves, yet a board left on yesterday's figures would be wrong from midnight on.
 * The timer is unref'd: it never keeps the process alive.
 */
import type { PeriodType } from '../../../schema/db/constants.ts';
import { periodBounds } from '../../domain/periods.ts';

/** The longest the timer waits; it is armed again when it fires. */
export const MAX_TIMER_MS = 6 * 60 * 60 * 1000;
/** How long after the boundary it fires, so the clock reads the new period. */
export const PAST_BOUNDARY_MS = 5;

export interface ShownPeriod {
  periodType: PeriodType;
  periodStart: string;
}

/** Milliseconds from `now` until the timer fires (MAX_TIMER_MS when no period is shown). */
export function rolloverWait(now: Date, shown: readonly ShownPeriod[], timeZone: string): number {
  let next = Infinity;
  for (const p of shown)
    next = Math.min(next, periodBounds(p.periodType, p.periodStart, timeZone).to.getTime());
  return Math.max(0, Math.min(next - now.getTime() + PAST_BOUNDARY_MS, MAX_TIMER_MS));
}

export interface RolloverTimerOptions {
  timeZone: string;
  now: () => Date;
  /** A boundary may have passed: boards whose period ended are recomputed. */
  onBoundary: () => void;
}

export class RolloverTimer {
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly options: RolloverTimerOptions) {}

  /** (Re)arms the timer for the shown periods; none shown: no timer. */
  arm(shown: readonly ShownPeriod[]): void {
    clearTimeout(this.timer);
    if (this.disposed || shown.length === 0) return;
    const wait = rolloverWait(this.options.now(), shown, this.options.timeZone);
    this.timer = setTimeout(() => this.options.onBoundary(), wait);
    this.timer.unref();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}
