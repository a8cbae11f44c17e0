/**
 * Calendar periods (day, ISO week, month, quarter, year) over 'YYYY-MM-DD' dates.
 *
 * Invariants:
 * - Calendar arithmetic is done on UTC day numbers, never in the process's local time zone, so the
 *   results do not depend on where the server runs.
 * - Every function taking a period `start` accepts any date and uses the period containing it;
 *   `periodStart` is idempotent and `periodStart(t, d) <= d <= periodEnd(t, d)`.
 * - Periods tile the calendar: the day after `periodEnd` is `addPeriods(t, start, 1)`.
 * - Weeks are ISO weeks (Monday first); quarters start in January, April, July and October.
 * - `periodBounds` maps a period to the half-open instant range [from, to) it covers in a zone, so
 *   its length follows daylight-saving changes (23 h, 24.5 h, ... days), and consecutive periods'
 *   bounds meet exactly.
 * - Dates are real Gregorian days in years 0001-9999; malformed input, and results that would fall
 *   outside that range, throw RangeError rather than silently producing garbage.
 * - The API accepts days in DATE_RANGE only (scalars.ts, the REST fields): for any of them every
 *   period containing it, its end and the start of the period after it are real dates, so no
 *   request can reach a RangeError (9999-12-31 in a WEEKLY period ended in year 10000).
 */
import { PERIOD_TYPES, type PeriodType } from '../../schema/db/constants.ts';
import { localDate, startOfLocalDay, utcMs } from './zoned-time.ts';

export { localDate, PERIOD_TYPES, type PeriodType };
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_PER_PERIOD = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 } as const;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

function parse(s: string): CalendarDate | null {
  const match = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseOrThrow(s: string): CalendarDate {
  const parsed = parse(s);
  if (parsed === null) throw new RangeError(`Invalid ISO date: ${JSON.stringify(s)}`);
  return parsed;
}

function toDayNumber({ year, month, day }: CalendarDate): number {
  return utcMs(year, month, day) / DAY_MS;
}

function formatDay(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * DAY_MS);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (year < 1 || year > 9999) throw new RangeError(`Date out of range (years 0001-9999): year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthIndexDay(monthIndex: number): number {
  return toDayNumber({
    year: Math.floor(monthIndex / 12),
    month: (((monthIndex % 12) + 12) % 12) + 1,
    day: 1,
  });
}

function assertPeriodType(type: PeriodType): void {
  if (!PERIOD_TYPES.includes(type)) throw new RangeError(`Unknown period type: ${String(type)}`);
}

// The helpers below work on day numbers so that intermediate results (such as the start of the
// period after 9999-12) never need to be valid dates themselves.
function startDay(type: PeriodType, date: IsoDate): number {
  assertPeriodType(type);
  const parsed = parseOrThrow(date);
  switch (type) {
    case 'DAILY':
      return toDayNumber(parsed);
    case 'WEEKLY': {
      const dayNumber = toDayNumber(parsed);
      // Day 0 (1970-01-01) was a Thursday, i.e. ISO weekday index 3 counting Monday as 0.
      return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
    }
    default: {
      const monthIndex = parsed.year * 12 + parsed.month - 1;
      return monthIndexDay(monthIndex - (monthIndex % MONTHS_PER_PERIOD[type]));
    }
  }
}

function shiftDay(type: PeriodType, start: number, n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Period offset must be an integer, got ${n}`);
  if (type === 'DAILY') return start + n;
  if (type === 'WEEKLY') return start + 7 * n;
  const date = new Date(start * DAY_MS);
  return monthIndexDay(date.getUTCFullYear() * 12 + date.getUTCMonth() + n * MONTHS_PER_PERIOD[type]);
}

/**
 * The days a client may name (docs/api.md, "Dates and numbers"): from the Unix epoch, which no activity precedes, to
 * the last day whose year is followed by a real one (periodBounds reads the next period's start).
 */
export const DATE_RANGE = { min: '1970-01-01', max: '9998-12-31' } as const;
export const DATE_RANGE_MESSAGE = `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`;

/** Whether a 'YYYY-MM-DD' day lies in DATE_RANGE (ISO dates compare as text). */
export const inDateRange = (date: IsoDate): boolean => date >= DATE_RANGE.min && date <= DATE_RANGE.max;

/** Whether an instant lies on a day of DATE_RANGE in UTC. */
export const instantInDateRange = (instant: Date): boolean => {
  const ms = instant.getTime();
  return ms >= Date.parse(`${DATE_RANGE.min}T00:00:00Z`) && ms < Date.parse(`${DATE_RANGE.max}T24:00:00Z`);
};

/** The date if it is a real 'YYYY-MM-DD' calendar day (years 0001-9999), otherwise null. */
export function isoDate(s: string): IsoDate | null {
  return parse(s) === null ? null : s;
}

export function periodStart(type: PeriodType, date: IsoDate): IsoDate {
  return formatDay(startDay(type, date));
}

export function addPeriods(type: PeriodType, start: IsoDate, n: number): IsoDate {
  return formatDay(shiftDay(type, startDay(type, start), n));
}

export function periodEnd(type: PeriodType, start: IsoDate): IsoDate {
  return formatDay(shiftDay(type, startDay(type, start), 1) - 1);
}

export function isPeriodStart(type: PeriodType, date: IsoDate): boolean {
  return periodStart(type, date) === date;
}

/** Starts of the `count` periods ending with the one containing `date`, oldest first. */
export function lastPeriods(type: PeriodType, date: IsoDate, count: number): IsoDate[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const current = startDay(type, date);
  return Array.from({ length: count }, (_, i) => formatDay(shiftDay(type, current, i - count + 1)));
}

export function daysInPeriod(type: PeriodType, start: IsoDate): number {
  const first = startDay(type, start);
  return shiftDay(type, first, 1) - first;
}

/**
 * The same stretch of the previous period as `days` days of this one: its first `days` days (all
 * of it when it is shorter), for comparing a period in progress like with like (day 6 of March
 * with 1–6 February, day 31 of March with the whole of February).
 */
export function previousStretch(
  type: PeriodType,
  start: IsoDate,
  days: number,
): { from: IsoDate; to: IsoDate } {
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError(`days must be a positive integer, got ${days}`);
  const previous = shiftDay(type, startDay(type, start), -1);
  const length = shiftDay(type, previous, 1) - previous;
  return { from: formatDay(previous), to: formatDay(previous + Math.min(days, length) - 1) };
}

/** The instants [from, to) the period covers in `timeZone`; `to` is exclusive. */
export function periodBounds(type: PeriodType, start: IsoDate, timeZone: string): { from: Date; to: Date } {
  const first = startDay(type, start);
  return {
    from: startOfLocalDay(formatDay(first), timeZone),
    to: startOfLocalDay(formatDay(shiftDay(type, first, 1)), timeZone),
  };
}
