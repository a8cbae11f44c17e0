import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, startOfLocalDay, utcMs, zoneOffsetMs } from './zoned-time.ts';

const HOUR_MS = 3_600_000;
const iso = (date: Date): string => date.toISOString();

describe('utcMs', () => {
  it('does not map years 0..99 to 1900..1999 like Date.UTC does', () => {
    expect(new Date(utcMs(1, 1, 1)).getUTCFullYear()).toBe(1);
    expect(new Date(utcMs(99, 12, 31)).toISOString()).toBe('0099-12-31T00:00:00.000Z');
  });
  it('normalises overflowing days like Date.UTC', () => {
    expect(new Date(utcMs(2024, 3, 0)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('localDate', () => {
  it.each([
    ['2025-01-01T14:59:59Z', 'Asia/Tokyo', '2025-01-01'],
    ['2025-01-01T15:00:00Z', 'Asia/Tokyo', '2025-01-02'],
    ['2025-01-01T04:59:59Z', 'America/New_York', '2024-12-31'],
    ['2025-01-01T18:30:00Z', 'Asia/Kolkata', '2025-01-02'],
    ['2025-01-01T10:14:59Z', 'Pacific/Chatham', '2025-01-01'],
    ['2025-01-01T10:15:00Z', 'Pacific/Chatham', '2025-01-02'],
    ['2025-06-30T23:59:59.999Z', 'UTC', '2025-06-30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });

  it('throws on an unknown zone', () => {
    expect(() => localDate(new Date(0), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('equals the UTC date in UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        expect(localDate(new Date(ms), 'UTC')).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('zoneOffsetMs', () => {
  it.each([
    ['2025-01-15T12:00:00Z', 'Europe/Berlin', 1],
    ['2025-07-15T12:00:00Z', 'Europe/Berlin', 2],
    ['2025-07-15T12:00:00Z', 'America/New_York', -4],
    ['2025-07-15T12:00:00.999Z', 'Asia/Kolkata', 5.5],
    ['2025-01-15T12:00:00Z', 'Pacific/Chatham', 13.75],
    ['2025-01-15T12:00:00Z', 'Australia/Lord_Howe', 11],
    ['2025-07-15T12:00:00Z', 'Australia/Lord_Howe', 10.5],
  ])('%s in %s is UTC%+s h', (instant, zone, hours) => {
    expect(zoneOffsetMs(Date.parse(instant), zone)).toBe(hours * HOUR_MS);
  });

  it('resolves historical offsets to the second (Monrovia 1920 was -00:44:30)', () => {
    expect(zoneOffsetMs(Date.parse('1920-06-01T12:00:00Z'), 'Africa/Monrovia')).toBe(-(44 * 60 + 30) * 1000);
  });
  it('and finds local midnight at such odd offsets', () => {
    expect(iso(startOfLocalDay('1920-06-01', 'Africa/Monrovia'))).toBe('1920-06-01T00:44:30.000Z');
  });
});

describe('startOfLocalDay', () => {
  it.each([
    // zone, day, first instant, why it is interesting
    ['Europe/Berlin', '2025-03-30', '2025-03-29T23:00:00.000Z', 'DST starts at 02:00, midnight normal'],
    ['America/New_York', '2025-11-02', '2025-11-02T04:00:00.000Z', 'DST ends at 02:00'],
    ['America/Santiago', '2022-09-11', '2022-09-11T04:00:00.000Z', 'midnight skipped, day starts 01:00'],
    ['Asia/Beirut', '2024-03-31', '2024-03-30T22:00:00.000Z', 'midnight skipped, day starts 01:00'],
    ['America/Havana', '2025-11-02', '2025-11-02T04:00:00.000Z', 'midnight happens twice: first one'],
    ['Asia/Amman', '2021-10-29', '2021-10-28T21:00:00.000Z', 'twice, east of UTC: iteration finds the 2nd'],
    ['America/Sao_Paulo', '2019-02-17', '2019-02-17T03:00:00.000Z', 'clocks fell from 00:00 to 23:00'],
    ['America/Sao_Paulo', '2018-11-04', '2018-11-04T03:00:00.000Z', 'midnight skipped'],
    ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00.000Z', 'whole day skipped: same as next day'],
    ['Pacific/Apia', '2011-12-31', '2011-12-30T10:00:00.000Z', 'first day after the skip'],
    ['Australia/Lord_Howe', '2025-04-06', '2025-04-05T13:00:00.000Z', '30-minute fall back at 02:00'],
  ])('%s %s starts at %s (%s)', (zone, day, expected) => {
    expect(iso(startOfLocalDay(day, zone))).toBe(expected);
  });

  it('keeps its answers, handing out a new Date each time (a caller may change its copy)', () => {
    const first = startOfLocalDay('2025-03-30', 'Europe/Berlin');
    first.setTime(0);
    const again = startOfLocalDay('2025-03-30', 'Europe/Berlin');
    expect(again).not.toBe(first);
    expect(iso(again)).toBe('2025-03-29T23:00:00.000Z');
    // an unknown zone is refused every time, never remembered
    expect(() => startOfLocalDay('2025-03-30', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => startOfLocalDay('2025-03-30', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('skipped midnight: the day starts at the transition, shown as 01:00', () => {
    const start = startOfLocalDay('2022-09-11', 'America/Santiago');
    expect(localDate(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2022-09-10');
    expect(zoneOffsetMs(start.getTime(), 'America/Santiago')).toBe(-3 * HOUR_MS);
  });

  it('is the first instant of the local day, for zones with odd transitions (property)', () => {
    const zones = [
      'Asia/Amman',
      'America/Havana',
      'America/Santiago',
      'Asia/Beirut',
      'America/Sao_Paulo',
      'Pacific/Chatham',
    ];
    const DAY_MS = 86_400_000;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2035, 11, 31) / DAY_MS }),
        (zone, dayNumber) => {
          const day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
          const start = startOfLocalDay(day, zone).getTime();
          expect(localDate(new Date(start), zone)).toBe(day);
          expect(localDate(new Date(start - 1000), zone) < day).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
