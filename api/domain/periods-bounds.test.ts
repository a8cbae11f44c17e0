import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERIOD_TYPES,
  addPeriods,
  localDate,
  periodBounds,
  periodEnd,
  periodStart,
  type PeriodType,
} from './periods.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Tokyo',
];
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const zoneArb = fc.constantFrom(...ZONES);
const typeArb = fc.constantFrom(...PERIOD_TYPES);
const dateArb = fc
  .integer({ min: Date.UTC(1971, 0, 1) / DAY_MS, max: Date.UTC(2037, 11, 31) / DAY_MS })
  .map(fromDay);
const hours = (b: { from: Date; to: Date }): number => (b.to.getTime() - b.from.getTime()) / HOUR_MS;

describe('periodBounds', () => {
  it.each<[PeriodType, string, string, string, string, number]>([
    ['DAILY', '2025-03-30', 'Europe/Berlin', '2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z', 23],
    ['DAILY', '2025-10-26', 'Europe/Berlin', '2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z', 25],
    ['DAILY', '2025-11-02', 'America/New_York', '2025-11-02T04:00:00.000Z', '2025-11-03T05:00:00.000Z', 25],
    [
      'DAILY',
      '2025-04-06',
      'Australia/Lord_Howe',
      '2025-04-05T13:00:00.000Z',
      '2025-04-06T13:30:00.000Z',
      24.5,
    ],
    [
      'DAILY',
      '2025-10-05',
      'Australia/Lord_Howe',
      '2025-10-04T13:30:00.000Z',
      '2025-10-05T13:00:00.000Z',
      23.5,
    ],
    ['DAILY', '2022-09-11', 'America/Santiago', '2022-09-11T04:00:00.000Z', '2022-09-12T03:00:00.000Z', 23],
    ['WEEKLY', '2025-03-26', 'Europe/Berlin', '2025-03-23T23:00:00.000Z', '2025-03-30T22:00:00.000Z', 167],
    ['MONTHLY', '2025-03-12', 'Europe/Berlin', '2025-02-28T23:00:00.000Z', '2025-03-31T22:00:00.000Z', 743],
    ['MONTHLY', '2025-02-01', 'Asia/Kolkata', '2025-01-31T18:30:00.000Z', '2025-02-28T18:30:00.000Z', 672],
    [
      'QUARTERLY',
      '2025-11-15',
      'America/New_York',
      '2025-10-01T04:00:00.000Z',
      '2026-01-01T05:00:00.000Z',
      2209,
    ],
    ['YEARLY', '2024-07-01', 'UTC', '2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 8784],
  ])('%s %s in %s is [%s, %s), %s h', (type, date, zone, from, to, length) => {
    const bounds = periodBounds(type, date, zone);
    expect(bounds.from.toISOString()).toBe(from);
    expect(bounds.to.toISOString()).toBe(to);
    expect(hours(bounds)).toBe(length);
  });

  it('gives a day the zone skipped (Apia, 2011-12-30) zero length', () => {
    const { from, to } = periodBounds('DAILY', '2011-12-30', 'Pacific/Apia');
    expect(to.getTime()).toBe(from.getTime());
    expect(hours(periodBounds('MONTHLY', '2011-12-01', 'Pacific/Apia'))).toBe(30 * 24);
  });

  it('throws for an unknown zone or a malformed date', () => {
    expect(() => periodBounds('DAILY', '2025-01-01', 'Nowhere/Special')).toThrow(RangeError);
    expect(() => periodBounds('DAILY', '2025-02-29', 'UTC')).toThrow(RangeError);
  });

  it('starts at the first instant of the start date and ends after the last of periodEnd (property)', () => {
    fc.assert(
      fc.property(typeArb, dateArb, zoneArb, (type, date, zone) => {
        const { from, to } = periodBounds(type, date, zone);
        expect(from.getTime()).toBeLessThan(to.getTime());
        expect(localDate(from, zone)).toBe(periodStart(type, date));
        expect(localDate(new Date(from.getTime() - 1000), zone) < periodStart(type, date)).toBe(true);
        expect(localDate(new Date(to.getTime() - 1000), zone)).toBe(periodEnd(type, date));
        expect(localDate(to, zone)).toBe(addPeriods(type, date, 1));
      }),
    );
  });

  it('consecutive periods meet exactly (property)', () => {
    fc.assert(
      fc.property(typeArb, dateArb, zoneArb, (type, date, zone) => {
        const next = periodBounds(type, addPeriods(type, date, 1), zone);
        expect(next.from.getTime()).toBe(periodBounds(type, date, zone).to.getTime());
      }),
    );
  });

  it('lasts the sum of its local days, each 23 to 25 hours long (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PeriodType>('WEEKLY', 'MONTHLY', 'QUARTERLY'),
        dateArb,
        zoneArb,
        (type, date, zone) => {
          const bounds = periodBounds(type, date, zone);
          let total = 0;
          for (
            let day = periodStart(type, date);
            day <= periodEnd(type, date);
            day = addPeriods('DAILY', day, 1)
          ) {
            const dayHours = hours(periodBounds('DAILY', day, zone));
            expect([23, 23.5, 24, 24.5, 25]).toContain(dayHours);
            total += dayHours;
          }
          expect(total).toBe(hours(bounds));
        },
      ),
      { numRuns: 60 },
    );
  });
});
