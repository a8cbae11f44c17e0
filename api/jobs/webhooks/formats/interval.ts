/**
 * Digest intervals: a webhook with `digestMinutes` gets one message per interval, and intervals
 * start at the organisation's local midnight and every `minutes` after it (15: 00:00, 00:15, ...),
 * so "hourly" is on the hour and "daily" at midnight in its time zone, whatever the server's zone.
 *
 * Invariants: `minutes` divides a day (WEBHOOK_DIGEST_MINUTES, checked by the API and the table);
 * every local midnight is a boundary, also on a 23- or 25-hour day (the last interval of such a day
 * is shorter, or one is added before midnight); boundaryAt(t) <= t < nextBoundary(t), and
 * nextBoundary(t) = boundaryAt(nextBoundary(t)). Pure: the worker passes its (injectable) clock.
 */
import { addPeriods, localDate } from '../../../domain/periods.ts';
import { startOfLocalDay } from '../../../domain/zoned-time.ts';

const MINUTE_MS = 60_000;

function dayOf(nowMs: number, timeZone: string): { start: number; end: number } {
  const today = localDate(new Date(nowMs), timeZone);
  return {
    start: startOfLocalDay(today, timeZone).getTime(),
    end: startOfLocalDay(addPeriods('DAILY', today, 1), timeZone).getTime(),
  };
}

/** The start of the interval `nowMs` is in (epoch ms). */
export function boundaryAt(nowMs: number, minutes: number, timeZone: string): number {
  const { start } = dayOf(nowMs, timeZone);
  const step = minutes * MINUTE_MS;
  return start + Math.floor((nowMs - start) / step) * step;
}

/** The start of the next interval after the one `nowMs` is in. */
export function nextBoundary(nowMs: number, minutes: number, timeZone: string): number {
  const { end } = dayOf(nowMs, timeZone);
  return Math.min(boundaryAt(nowMs, minutes, timeZone) + minutes * MINUTE_MS, end);
}
