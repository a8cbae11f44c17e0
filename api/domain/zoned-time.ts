/**
 * Instants <-> local calendar dates in IANA time zones, using only Intl (no tz library).
 *
 * Invariants:
 * - `localDate(t, tz)` is the wall-clock date at instant t in tz, as 'YYYY-MM-DD'.
 * - `startOfLocalDay(d, tz)` is the earliest instant whose local date is d or later, i.e. the
 *   boundary between d-1 and d. When midnight exists that is local midnight; when a transition
 *   skips midnight (America/Santiago 2022-09-11 jumps 00:00 -> 01:00) it is the transition instant;
 *   when a whole day is skipped (Pacific/Apia 2011-12-30) it equals the start of the next day.
 * - Consecutive days therefore tile the timeline: day d covers [start(d), start(d+1)).
 * - Time zone offsets are resolved to the second, because that is the granularity Intl reports and
 *   tzdata transitions happen on whole seconds.
 * An unknown zone throws the RangeError raised by Intl.
 * `startOfLocalDay` is pure and asked for the same few days over and over (every goal's period
 * bounds and pace, on every change: 4+ Intl calls each, 7 % of the live path's CPU in the M1
 * profile), so its answers are kept (at most MIDNIGHTS_KEPT; a fresh Date on every call).
 */

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
// No zone has ever been further than ~16 h from UTC (Asia/Manila LMT was -15:56), so an instant
// this far before a local midnight is certainly on an earlier local date, and this far after on a
// later-or-equal one. It bounds the fallback search.
const MAX_OFFSET_MS = 18 * HOUR_MS;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  // Some ICU versions print midnight as hour 24 despite h23.
  if (wall.hour === 24) wall.hour = 0;
  return wall;
}

/** Milliseconds since the epoch of a UTC wall time; years 0..99 are not shifted to 19xx. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function localDate(instant: Date, timeZone: string): string {
  const wall = wallClock(instant.getTime(), timeZone);
  return formatDate(wall.year, wall.month, wall.day);
}

/** Offset of the zone from UTC at the given instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wall = wallClock(epochMs, timeZone);
  const wallMs = utcMs(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second);
  return wallMs - (epochMs - (((epochMs % SECOND_MS) + SECOND_MS) % SECOND_MS));
}

function dateAt(epochMs: number, timeZone: string): string {
  const wall = wallClock(epochMs, timeZone);
  return formatDate(wall.year, wall.month, wall.day);
}

const MIDNIGHTS_KEPT = 4096;
const midnights = new Map<string, number>();

/** `date` must be a valid 'YYYY-MM-DD'; validation is the caller's job (see periods.ts). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  let start = midnights.get(key);
  if (start === undefined) {
    start = firstInstantOf(date, timeZone);
    // a bound, not an LRU: the days asked for change slowly (a new period, a new day)
    if (midnights.size >= MIDNIGHTS_KEPT) midnights.clear();
    midnights.set(key, start);
  }
  return new Date(start);
}

function firstInstantOf(date: string, timeZone: string): number {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const midnightAsUtc = utcMs(year, month, day);
  // Fixed point of t = wall - offset(t); two rounds converge whenever midnight exists once.
  let guess = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  guess = midnightAsUtc - zoneOffsetMs(guess, timeZone);
  if (dateAt(guess, timeZone) === date && dateAt(guess - SECOND_MS, timeZone) < date) {
    return guess;
  }
  // Midnight is skipped, repeated, or the guess oscillated across a transition: bisect (in whole
  // seconds) for the first instant whose local date is not before `date`.
  let before = Math.floor((midnightAsUtc - MAX_OFFSET_MS) / SECOND_MS);
  let atOrAfter = Math.ceil((midnightAsUtc + MAX_OFFSET_MS) / SECOND_MS);
  while (atOrAfter - before > 1) {
    const middle = Math.floor((before + atOrAfter) / 2);
    if (dateAt(middle * SECOND_MS, timeZone) < date) before = middle;
    else atOrAfter = middle;
  }
  return atOrAfter * SECOND_MS;
}
