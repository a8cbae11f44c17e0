/**
 * Calendar periods on "YYYY-MM-DD" dates, the same rules as the server (api/domain/periods.ts):
 * ISO weeks start on Monday, quarters start in January, April, July and October. Used to step the
 * period picker back and forth from the organisation's today, which comes from the server (Query
 * clock): this browser's own clock may be in another zone, a day ahead or behind.
 */
import type { PeriodType } from '../gql/graphql.ts';
import { lazily } from './format.ts';

export const PERIOD_TYPES: readonly PeriodType[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];

export const PERIOD_NAMES: Record<PeriodType, string> = {
  DAILY: 'Day',
  WEEKLY: 'Week',
  MONTHLY: 'Month',
  QUARTERLY: 'Quarter',
  YEARLY: 'Year',
};

function parse(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function print(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Today in this browser's time zone: NOT the organisation's (that is the server's clock, see
 * dashboard/clock.ts). Only for screens without a signed-in clock and for tests.
 */
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Formats of "YYYY-MM-DD" in a time zone, one per zone (an organisation has one). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Today in `timeZone` (the organisation's, from Query clock) by this browser's clock: for a screen
 * that runs for days and must turn the organisation's day at its midnight, not the browser's.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

export function periodStart(type: PeriodType, date: string): string {
  const d = parse(date);
  switch (type) {
    case 'DAILY':
      return print(d);
    case 'WEEKLY':
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return print(d);
    case 'MONTHLY':
      return print(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
    case 'QUARTERLY':
      return print(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1)));
    case 'YEARLY':
      return print(new Date(Date.UTC(d.getUTCFullYear(), 0, 1)));
  }
}

/** The start of the period `n` periods after (negative: before) the one containing date. */
export function shiftPeriod(type: PeriodType, date: string, n: number): string {
  const d = parse(periodStart(type, date));
  switch (type) {
    case 'DAILY':
      d.setUTCDate(d.getUTCDate() + n);
      break;
    case 'WEEKLY':
      d.setUTCDate(d.getUTCDate() + 7 * n);
      break;
    case 'MONTHLY':
      d.setUTCMonth(d.getUTCMonth() + n);
      break;
    case 'QUARTERLY':
      d.setUTCMonth(d.getUTCMonth() + 3 * n);
      break;
    case 'YEARLY':
      d.setUTCFullYear(d.getUTCFullYear() + n);
      break;
  }
  return print(d);
}

export function periodEnd(type: PeriodType, date: string): string {
  const next = parse(shiftPeriod(type, date, 1));
  next.setUTCDate(next.getUTCDate() - 1);
  return print(next);
}

/** How many periods of `type` from the one containing `from` to the one containing `to` (negative: back). */
export function periodsBetween(type: PeriodType, from: string, to: string): number {
  const a = parse(periodStart(type, from));
  const b = parse(periodStart(type, to));
  switch (type) {
    case 'DAILY':
      return Math.round((b.getTime() - a.getTime()) / 86_400_000);
    case 'WEEKLY':
      return Math.round((b.getTime() - a.getTime()) / (7 * 86_400_000));
    case 'MONTHLY':
    case 'QUARTERLY':
    case 'YEARLY': {
      const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
      return months / (type === 'MONTHLY' ? 1 : type === 'QUARTERLY' ? 3 : 12);
    }
  }
}

const RELATIVE: Record<PeriodType, [string, string, string]> = {
  DAILY: ['Yesterday', 'Today', 'Tomorrow'],
  WEEKLY: ['Last week', 'This week', 'Next week'],
  MONTHLY: ['Last month', 'This month', 'Next month'],
  QUARTERLY: ['Last quarter', 'This quarter', 'Next quarter'],
  YEARLY: ['Last year', 'This year', 'Next year'],
};

/**
 * A period named for a person choosing it: "This month · December 2025", "Next week · Dec 8 – Dec 14,
 * 2025 (Mon–Sun)"; periods further away by their dates only. `offset` is counted from `today`.
 */
export function relativePeriodLabel(type: PeriodType, today: string, offset: number): string {
  const start = shiftPeriod(type, today, offset);
  const word = offset >= -1 && offset <= 1 ? RELATIVE[type][offset + 1] : null;
  const dates =
    type === 'WEEKLY'
      ? `${dayShort().format(parse(start))} – ${dayShort().format(parse(periodEnd(type, start)))}, ${periodEnd(type, start).slice(0, 4)} (Mon–Sun)`
      : periodLabel(type, start);
  return word ? `${word} · ${dates}` : dates;
}

export function isPeriodStart(type: PeriodType, date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && print(parse(date)) === date && periodStart(type, date) === date;
}

const month = lazily(
  () => new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);
const monthShort = lazily(() => new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }));
const day = lazily(
  () =>
    new Intl.DateTimeFormat('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);
const dayShort = lazily(
  () => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
);

/** "November 2025", "Q4 2025", "Week of Nov 24, 2025", "Mon, Nov 24, 2025", "2025". */
export function periodLabel(type: PeriodType, start: string): string {
  const d = parse(start);
  switch (type) {
    case 'DAILY':
      return day().format(d);
    case 'WEEKLY':
      return `Week of ${dayShort().format(d)}, ${d.getUTCFullYear()}`;
    case 'MONTHLY':
      return month().format(d);
    case 'QUARTERLY':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    case 'YEARLY':
      return String(d.getUTCFullYear());
  }
}

/** Short axis label for charts: "Nov", "Q4 '25", "Nov 24", "2025". */
export function periodTick(type: PeriodType, start: string): string {
  const d = parse(start);
  switch (type) {
    case 'DAILY':
    case 'WEEKLY':
      return dayShort().format(d);
    case 'MONTHLY':
      return `${monthShort().format(d)} '${String(d.getUTCFullYear()).slice(2)}`;
    case 'QUARTERLY':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} '${String(d.getUTCFullYear()).slice(2)}`;
    case 'YEARLY':
      return String(d.getUTCFullYear());
  }
}
