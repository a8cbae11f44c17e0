import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERIOD_TYPES,
  addPeriods,
  daysInPeriod,
  isPeriodStart,
  isoDate,
  lastPeriods,
  periodEnd,
  periodStart,
  previousStretch,
  type PeriodType,
} from './periods.ts';

const DAY_MS = 86_400_000;
const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const nextDay = (date: string): string => fromDay(toDay(date) + 1);

const dateArb = fc.integer({ min: toDay('1900-01-01'), max: toDay('2200-12-31') }).map(fromDay);
const typeArb = fc.constantFrom(...PERIOD_TYPES);
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

describe('isoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => expect(isoDate(s)).toBe(s),
  );
  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-01-00',
    '0000-01-01',
    '2025-1-01',
    '25-01-01',
    ' 2025-01-01',
    '2025-01-01T00:00:00Z',
    '2025/01/01',
    '',
  ])('rejects %j', (s) => expect(isoDate(s)).toBeNull());

  it('agrees with the Gregorian calendar for any y/m/d (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(isoDate(s)).toBe(real ? s : null);
        },
      ),
    );
  });

  it('knows 29 February exists exactly in leap years (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (y) => {
        expect(isoDate(`${y}-02-29`) !== null).toBe(isLeap(y));
        expect(periodEnd('MONTHLY', `${y}-02-01`)).toBe(`${y}-02-${isLeap(y) ? 29 : 28}`);
        expect(daysInPeriod('YEARLY', `${y}-06-15`)).toBe(isLeap(y) ? 366 : 365);
      }),
    );
  });
});

describe('periodStart / periodEnd', () => {
  it.each<[PeriodType, string, string, string]>([
    ['DAILY', '2025-06-15', '2025-06-15', '2025-06-15'],
    ['WEEKLY', '2025-06-15', '2025-06-09', '2025-06-15'], // Sunday belongs to the week before
    ['WEEKLY', '2025-06-16', '2025-06-16', '2025-06-22'],
    ['WEEKLY', '2020-12-31', '2020-12-28', '2021-01-03'], // 2020 has an ISO week 53
    ['WEEKLY', '2021-01-03', '2020-12-28', '2021-01-03'],
    ['WEEKLY', '2026-12-31', '2026-12-28', '2027-01-03'], // so does 2026
    ['WEEKLY', '2027-01-01', '2026-12-28', '2027-01-03'],
    ['WEEKLY', '2015-12-31', '2015-12-28', '2016-01-03'],
    ['WEEKLY', '2025-12-31', '2025-12-29', '2026-01-04'],
    ['MONTHLY', '2024-02-10', '2024-02-01', '2024-02-29'],
    ['MONTHLY', '2025-02-28', '2025-02-01', '2025-02-28'],
    ['MONTHLY', '2100-02-14', '2100-02-01', '2100-02-28'],
    ['MONTHLY', '2025-12-31', '2025-12-01', '2025-12-31'],
    ['QUARTERLY', '2025-03-31', '2025-01-01', '2025-03-31'],
    ['QUARTERLY', '2025-04-01', '2025-04-01', '2025-06-30'],
    ['QUARTERLY', '2025-09-30', '2025-07-01', '2025-09-30'],
    ['QUARTERLY', '2025-12-31', '2025-10-01', '2025-12-31'],
    ['YEARLY', '2024-12-31', '2024-01-01', '2024-12-31'],
    ['YEARLY', '2025-01-01', '2025-01-01', '2025-12-31'],
  ])('%s period of %s is %s..%s', (type, date, start, end) => {
    expect(periodStart(type, date)).toBe(start);
    expect(periodEnd(type, start)).toBe(end);
    expect(periodEnd(type, date)).toBe(end);
    expect(isPeriodStart(type, start)).toBe(true);
    expect(isPeriodStart(type, date)).toBe(date === start);
  });

  it('rejects malformed dates and unknown types', () => {
    expect(() => periodStart('MONTHLY', '2025-02-30')).toThrow(RangeError);
    expect(() => periodEnd('DAILY', 'yesterday')).toThrow(RangeError);
    expect(() => periodStart('HOURLY' as PeriodType, '2025-01-01')).toThrow(RangeError);
  });

  it('start is idempotent and start <= date <= end (property)', () => {
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        const start = periodStart(type, date);
        expect(periodStart(type, start)).toBe(start);
        expect(start <= date).toBe(true);
        expect(periodEnd(type, start) >= date).toBe(true);
      }),
    );
  });

  it('the day after periodEnd starts the next period (property)', () => {
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        const after = nextDay(periodEnd(type, date));
        expect(isPeriodStart(type, after)).toBe(true);
        expect(addPeriods(type, date, 1)).toBe(after);
        expect(daysInPeriod(type, date)).toBe(toDay(after) - toDay(periodStart(type, date)));
      }),
    );
  });

  it('weeks start on Monday and contain the date (property)', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const start = periodStart('WEEKLY', date);
        expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(toDay(date) - toDay(start)).toBeLessThan(7);
      }),
    );
  });

  it('period lengths are the calendar ones (property)', () => {
    const allowed: Record<PeriodType, number[]> = {
      DAILY: [1],
      WEEKLY: [7],
      MONTHLY: [28, 29, 30, 31],
      QUARTERLY: [90, 91, 92],
      YEARLY: [365, 366],
    };
    fc.assert(
      fc.property(typeArb, dateArb, (type, date) => {
        expect(allowed[type]).toContain(daysInPeriod(type, date));
      }),
    );
  });
});

describe('addPeriods / lastPeriods', () => {
  it.each<[PeriodType, string, number, string]>([
    ['DAILY', '2024-02-28', 1, '2024-02-29'],
    ['DAILY', '2025-03-01', -1, '2025-02-28'],
    ['WEEKLY', '2025-12-29', 1, '2026-01-05'],
    ['WEEKLY', '2025-12-31', -52, '2024-12-30'],
    ['MONTHLY', '2025-01-01', -13, '2023-12-01'],
    ['MONTHLY', '2025-01-31', 1, '2025-02-01'],
    ['QUARTERLY', '2025-10-01', 1, '2026-01-01'],
    ['QUARTERLY', '2025-02-15', -1, '2024-10-01'],
    ['YEARLY', '2024-02-29', 1, '2025-01-01'],
    ['MONTHLY', '2025-05-01', 0, '2025-05-01'],
  ])('%s %s %+d -> %s', (type, start, n, expected) => {
    expect(addPeriods(type, start, n)).toBe(expected);
  });

  it('rejects fractional offsets and counts', () => {
    expect(() => addPeriods('DAILY', '2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => lastPeriods('DAILY', '2025-01-01', -1)).toThrow(RangeError);
    expect(lastPeriods('DAILY', '2025-01-01', 0)).toEqual([]);
  });

  it('lists the last quarters oldest first', () => {
    expect(lastPeriods('QUARTERLY', '2025-02-15', 3)).toEqual(['2024-07-01', '2024-10-01', '2025-01-01']);
  });

  it('adding is a group action: n then -n is identity, a then b is a + b (property)', () => {
    const n = fc.integer({ min: -300, max: 300 });
    fc.assert(
      fc.property(typeArb, dateArb, n, n, (type, date, a, b) => {
        const start = periodStart(type, date);
        expect(addPeriods(type, addPeriods(type, date, a), -a)).toBe(start);
        expect(addPeriods(type, addPeriods(type, date, a), b)).toBe(addPeriods(type, date, a + b));
        expect(isPeriodStart(type, addPeriods(type, date, a))).toBe(true);
      }),
    );
  });

  it('lastPeriods is contiguous, strictly increasing and ends with the current period (property)', () => {
    fc.assert(
      fc.property(typeArb, dateArb, fc.integer({ min: 1, max: 40 }), (type, date, count) => {
        const starts = lastPeriods(type, date, count);
        expect(starts).toHaveLength(count);
        expect(starts.at(-1)).toBe(periodStart(type, date));
        starts.slice(1).forEach((start, i) => {
          const previous = starts[i] ?? '';
          expect(previous < start).toBe(true);
          expect(nextDay(periodEnd(type, previous))).toBe(start);
        });
      }),
    );
  });
});

describe('previousStretch', () => {
  it('is the first days of the previous period, all of it when shorter', () => {
    expect(previousStretch('MONTHLY', '2027-03-01', 6)).toEqual({ from: '2027-02-01', to: '2027-02-06' });
    expect(previousStretch('MONTHLY', '2027-03-01', 31)).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(previousStretch('WEEKLY', '2027-03-01', 3)).toEqual({ from: '2027-02-22', to: '2027-02-24' });
    expect(previousStretch('DAILY', '2028-03-01', 1)).toEqual({ from: '2028-02-29', to: '2028-02-29' });
    expect(previousStretch('YEARLY', '2029-01-01', 366)).toEqual({ from: '2028-01-01', to: '2028-12-31' });
    expect(() => previousStretch('MONTHLY', '2027-03-01', 0)).toThrow(RangeError);
  });

  it('starts the previous period and lasts min(days, its length) days (property)', () => {
    fc.assert(
      fc.property(typeArb, dateArb, fc.integer({ min: 1, max: 400 }), (type, date, days) => {
        const start = periodStart(type, date);
        const { from, to } = previousStretch(type, start, days);
        expect(from).toBe(addPeriods(type, start, -1));
        expect(toDay(to) - toDay(from) + 1).toBe(Math.min(days, daysInPeriod(type, from)));
        expect(to <= periodEnd(type, from)).toBe(true);
      }),
    );
  });
});
