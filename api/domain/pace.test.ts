import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_METRICS, PERIOD_TYPES } from '../../schema/db/constants.ts';
import { goalPace, workingDaysBetween, type PaceBasis, type PaceInput } from './pace.ts';
import { daysInPeriod, periodBounds, periodStart } from './periods.ts';

const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);
const calendar = (now: string, timeZone = 'UTC') => ({
  now: at(now),
  timeZone,
  basis: 'CALENDAR_DAYS' as const,
});
const working = (now: string, timeZone = 'UTC') => ({
  now: at(now),
  timeZone,
  basis: 'WORKING_DAYS' as const,
});
const goal = (over: Partial<PaceInput>): PaceInput => ({
  metric: 'REVENUE',
  periodType: 'MONTHLY',
  periodStart: '2025-03-01',
  targetValue: 1000,
  currentValue: 0,
  ...over,
});
const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

describe('goalPace, by hand', () => {
  it('New York, March 2025 (spring forward on the 9th: 743 hours), noon on the 10th', () => {
    // 2025-03-01T05:00Z .. 2025-04-01T04:00Z is 743 h; to 2025-03-10T16:00Z (12:00 EDT) 227 h
    const pace = goalPace(goal({ targetValue: 7430 }), calendar('2025-03-10T16:00:00Z', NY), 10);
    expect(pace).toEqual({
      state: 'BEHIND_PACE',
      expectedValue: 2270, // 7430 × 227 / 743
      gap: -2270,
      requiredRate: 337.73, // 7430 / 22 days (10th..31st)
      daysLeft: 22,
      basis: 'CALENDAR_DAYS',
      elapsedPercent: 30.55, // 227 / 743
      alerting: true, // 2270 short, more than 743 (10 % of the target)
    });
  });

  it('the spring-forward day itself is 23 hours long', () => {
    // 2025-03-09 in New York: 05:00Z .. next day 04:00Z; at 12:00Z (08:00 EDT) 7 of 23 hours
    const pace = goalPace(
      goal({ periodType: 'DAILY', periodStart: '2025-03-09', targetValue: 230, currentValue: 70 }),
      calendar('2025-03-09T12:00:00Z', NY),
      10,
    );
    expect(pace).toMatchObject({
      expectedValue: 70,
      gap: 0,
      state: 'ON_PACE',
      daysLeft: 1,
      requiredRate: 160,
    });
  });

  it('the last day of a leap February, and once it ended', () => {
    const february = goal({ periodStart: '2024-02-01', targetValue: 2900, currentValue: 3000 });
    // 28.5 of 29 days
    expect(goalPace(february, calendar('2024-02-29T12:00:00Z'), 10)).toMatchObject({
      expectedValue: 2850,
      gap: 150,
      state: 'AHEAD', // 3000 > 2850 × 1.05 = 2992.5
      daysLeft: 1,
      requiredRate: 0, // reached
      elapsedPercent: 98.28,
    });
    expect(goalPace({ ...february, currentValue: 2000 }, calendar('2024-03-01T00:00:00Z'), 10)).toEqual({
      state: 'BEHIND_PACE',
      expectedValue: 2900,
      gap: -900,
      requiredRate: null, // no day left
      daysLeft: 0,
      basis: 'CALENDAR_DAYS',
      elapsedPercent: 100,
      alerting: true,
    });
  });

  it('a period not started yet expects nothing', () => {
    const april = goal({ periodStart: '2025-04-01', targetValue: 3000 });
    expect(goalPace(april, calendar('2025-03-15T12:00:00Z'), 10)).toEqual({
      state: 'ON_PACE',
      expectedValue: 0,
      gap: 0,
      requiredRate: 100, // 3000 / 30 days
      daysLeft: 30,
      basis: 'CALENDAR_DAYS',
      elapsedPercent: 0,
      alerting: false,
    });
    expect(goalPace({ ...april, currentValue: 1 }, calendar('2025-03-15T12:00:00Z'), 10).state).toBe('AHEAD');
  });

  it('working days: March 2025 has 21; noon on Wednesday the 12th is 7.5 of them', () => {
    const pace = goalPace(goal({ targetValue: 2100 }), working('2025-03-12T12:00:00Z'), 10);
    expect(pace).toEqual({
      state: 'BEHIND_PACE',
      expectedValue: 750, // 2100 × 7.5 / 21
      gap: -750,
      requiredRate: 150, // 2100 / 14 working days (12th–14th, 17th–21st, 24th–28th, 31st)
      daysLeft: 14,
      basis: 'WORKING_DAYS',
      elapsedPercent: 35.71,
      alerting: true,
    });
    // a Saturday adds nothing: still the 10 working days of 3–14 March
    expect(goalPace(goal({ targetValue: 2100 }), working('2025-03-15T18:00:00Z'), 10).expectedValue).toBe(
      1000,
    );
  });

  it('working days in New York across the spring-forward weekend', () => {
    // Monday 2025-03-10 is a 24-hour day again; at 16:00Z (noon EDT) half of it: 5 + 0.5 of 21
    const pace = goalPace(goal({ targetValue: 2100 }), working('2025-03-10T16:00:00Z', NY), 10);
    expect(pace.expectedValue).toBe(550);
    expect(pace.daysLeft).toBe(16);
  });

  it('no working day left: the whole target is expected and no rate can be asked for', () => {
    // Saturday 31 May 2025: May's 22 working days are over
    const may = goal({ periodStart: '2025-05-01', targetValue: 2200, currentValue: 2000 });
    expect(goalPace(may, working('2025-05-31T10:00:00Z'), 10)).toEqual({
      state: 'BEHIND_PACE', // 2000 < 2200 × 0.95
      expectedValue: 2200,
      gap: -200,
      requiredRate: null,
      daysLeft: 0,
      basis: 'WORKING_DAYS',
      elapsedPercent: 100,
      alerting: false, // 200 short is not more than 220 (10 % of 2200)
    });
    // the same moment by calendar days: one day left
    expect(goalPace(may, calendar('2025-05-31T10:00:00Z'), 10)).toMatchObject({
      daysLeft: 1,
      requiredRate: 200,
    });
  });

  it('a period without any working day is pro-rated by calendar', () => {
    const saturday = goal({ periodType: 'DAILY', periodStart: '2025-05-31', targetValue: 100 });
    expect(goalPace(saturday, working('2025-05-31T06:00:00Z'), 10)).toMatchObject({
      basis: 'CALENDAR_DAYS',
      expectedValue: 25,
      daysLeft: 1,
    });
  });

  it('rates are expected at their target once the period runs, and ask for no daily rate', () => {
    const rate = goal({ metric: 'CONVERSION_RATE', targetValue: 20, currentValue: 15 });
    expect(goalPace(rate, calendar('2025-03-02T00:00:00Z'), 10)).toMatchObject({
      expectedValue: 20,
      gap: -5,
      state: 'BEHIND_PACE',
      requiredRate: null,
      alerting: true, // 5 short, more than 2
    });
  });

  it('the ON_PACE band is ±5 % of expected, exactly at its edges', () => {
    // April 2025 (UTC), 3 of 30 days: expected 100
    const when = calendar('2025-04-04T00:00:00Z');
    const april = (currentValue: number) => goal({ periodStart: '2025-04-01', currentValue });
    expect(goalPace(april(105), when, 10).state).toBe('ON_PACE');
    expect(goalPace(april(105.01), when, 10).state).toBe('AHEAD');
    expect(goalPace(april(95), when, 10).state).toBe('ON_PACE');
    expect(goalPace(april(94.99), when, 10).state).toBe('BEHIND_PACE');
    // the alert: more than 10 % of the target (100) short of pace
    expect(goalPace(april(0), when, 10).alerting).toBe(false); // exactly 100 short
    expect(goalPace(april(-0.01), when, 10).alerting).toBe(true);
    expect(goalPace(april(50), when, 5).alerting).toBe(false); // 50 short, not more than 50
    expect(goalPace(april(49.99), when, 5).alerting).toBe(true);
  });

  it('counts working days', () => {
    expect(workingDaysBetween(dayNumber('2025-03-01'), dayNumber('2025-03-31'))).toBe(21);
    expect(workingDaysBetween(dayNumber('2025-05-01'), dayNumber('2025-05-31'))).toBe(22);
    expect(workingDaysBetween(dayNumber('2025-05-31'), dayNumber('2025-06-01'))).toBe(0);
    expect(workingDaysBetween(dayNumber('2025-06-02'), dayNumber('2025-06-01'))).toBe(0);
  });
});

describe('goalPace, properties', () => {
  const ZONES = ['UTC', NY, 'Europe/Paris', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'America/Santiago'];
  const dayArb = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') });
  const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
  const caseArb = fc.record({
    metric: fc.constantFrom(...GOAL_METRICS),
    periodType: fc.constantFrom(...PERIOD_TYPES),
    day: dayArb,
    targetValue: cents(1_000_000).filter((t) => t > 0),
    currentValue: cents(2_000_000),
    timeZone: fc.constantFrom(...ZONES),
    basis: fc.constantFrom<PaceBasis>('CALENDAR_DAYS', 'WORKING_DAYS'),
    // from a tenth of the period before it to a tenth after it; `later`: minutes after that
    offset: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
    later: fc.integer({ min: 0, max: 10 * 24 * 60 }),
    alertPercent: fc.integer({ min: 1, max: 100 }),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const setUp = (c: Case) => {
    const start = periodStart(c.periodType, new Date(c.day * DAY_MS).toISOString().slice(0, 10));
    const { from, to } = periodBounds(c.periodType, start, c.timeZone);
    const now = new Date(from.getTime() + Math.round(c.offset * (to.getTime() - from.getTime())));
    const input: PaceInput = { ...c, periodStart: start };
    return { input, now, from, to, days: daysInPeriod(c.periodType, start) };
  };

  it('expects between nothing and the target, more as time passes, all of it at the end', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, now, to } = setUp(c);
        const clock = { timeZone: c.timeZone, basis: c.basis };
        const pace = goalPace(input, { ...clock, now }, c.alertPercent);
        expect(pace.expectedValue).toBeGreaterThanOrEqual(0);
        expect(pace.expectedValue).toBeLessThanOrEqual(c.targetValue);
        const later = goalPace(input, { ...clock, now: new Date(now.getTime() + c.later * 60_000) }, 10);
        expect(later.expectedValue).toBeGreaterThanOrEqual(pace.expectedValue);
        expect(later.daysLeft).toBeLessThanOrEqual(pace.daysLeft);
        const end = goalPace(input, { ...clock, now: to }, 10);
        expect(end.expectedValue).toBe(c.targetValue);
        expect(end.daysLeft).toBe(0);
        expect(end.requiredRate).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('bands agree with the gap, alerts only behind pace, days left within the period', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, now, days } = setUp(c);
        const pace = goalPace(input, { now, timeZone: c.timeZone, basis: c.basis }, c.alertPercent);
        if (pace.state === 'AHEAD') expect(pace.gap).toBeGreaterThanOrEqual(0);
        if (pace.state === 'BEHIND_PACE') expect(pace.gap).toBeLessThanOrEqual(0);
        if (pace.alerting) {
          expect(pace.state).toBe('BEHIND_PACE');
          expect(-pace.gap).toBeGreaterThanOrEqual((c.alertPercent / 100) * c.targetValue - 0.01);
        }
        expect(pace.daysLeft).toBeGreaterThanOrEqual(0);
        expect(pace.daysLeft).toBeLessThanOrEqual(days);
        expect(pace.elapsedPercent).toBeGreaterThanOrEqual(0);
        expect(pace.elapsedPercent).toBeLessThanOrEqual(100);
        if (pace.requiredRate !== null && pace.requiredRate > 0) {
          const missing = c.targetValue - c.currentValue;
          // each day's share is rounded to the cent
          expect(Math.abs(pace.requiredRate * pace.daysLeft - missing)).toBeLessThanOrEqual(
            pace.daysLeft * 0.005 + 1e-6,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
