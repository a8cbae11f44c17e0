import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GOAL_STATUSES,
  achievementPercentage,
  goalStatus,
  goalStatusOf,
  type GoalStatus,
} from './goal-status.ts';

// Higher is better; the two status ladders (running / ended) are each ordered by this.
const ORDER: Record<GoalStatus, number> = { MISSED: 0, AT_RISK: 1, BEHIND: 2, ON_TRACK: 3, ACHIEVED: 4 };
const percentage = fc.double({ min: -50, max: 500, noNaN: true });

describe('achievementPercentage', () => {
  it.each([
    [50, 100, 50],
    [1, 3, 33.33],
    [2, 3, 66.66], // 66.666...: truncated below 100, never rounded up
    [150, 100, 150],
    [0, 100, 0],
    [1, 800, 0.12], // exactly 0.125: truncated
    [2.675, 100, 2.67],
    [19_999, 20_000, 99.99], // 99.995 would round to 100 before the target is reached
    [19_999.99, 20_000, 99.99],
    [20_000, 20_000, 100],
    [20_000.01, 20_000, 100], // 100.00005
    [100.005, 100, 100.01], // from 100 up: half-up
    [14_999.99, 20_000, 74.99],
    [15_000, 20_000, 75],
    [9_999.99, 20_000, 49.99],
    [10_000, 20_000, 50],
    [29, 100, 29], // 29 / 100 * 100 is 28.999999999999996 in binary floating point
    [-10, 40, -25],
    [-1, 3, -33.33], // toward zero
    [-0.001, 100, 0],
  ])('%s of %s is %s%%', (current, target, expected) => {
    expect(achievementPercentage(current, target)).toBe(expected);
  });

  it('rejects a zero, negative or non-finite target and non-finite progress', () => {
    expect(() => achievementPercentage(10, 0)).toThrow(RangeError);
    expect(() => achievementPercentage(10, -5)).toThrow(RangeError);
    expect(() => achievementPercentage(10, Number.NaN)).toThrow(RangeError);
    expect(() => achievementPercentage(Number.POSITIVE_INFINITY, 10)).toThrow(RangeError);
    expect(() => goalStatusOf(10, 0, false)).toThrow(RangeError);
    expect(() => goalStatusOf(Number.NaN, 10, false)).toThrow(RangeError);
  });

  it('reads 100 or more exactly when current reaches target, else at most 99.99 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (target, current) => {
          const pct = achievementPercentage(current, target);
          const exact = (current / target) * 100;
          if (current >= target) {
            expect(pct).toBeGreaterThanOrEqual(100);
            expect(Math.abs(pct - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
          } else {
            expect(pct).toBeLessThanOrEqual(99.99);
            // truncated: never above the ratio, less than a hundredth below it
            expect(pct).toBeLessThanOrEqual(exact + 1e-9);
            expect(exact - pct).toBeLessThan(0.01 + 1e-9);
          }
        },
      ),
    );
  });
});

/** current * 100 against target * 100, 75 and 50, in whole cents (exact for numeric(16, 2) values). */
function exactBand(current: number, target: number, ended: boolean): GoalStatus {
  const c = BigInt(Math.round(current * 100)) * 100n;
  const t = BigInt(Math.round(target * 100));
  if (c >= t * 100n) return 'ACHIEVED';
  if (ended) return 'MISSED';
  if (c >= t * 75n) return 'ON_TRACK';
  if (c >= t * 50n) return 'BEHIND';
  return 'AT_RISK';
}

describe('goalStatusOf (the unrounded ratio)', () => {
  it.each<[number, number, GoalStatus, GoalStatus]>([
    [19_999, 20_000, 'ON_TRACK', 'MISSED'],
    [19_999.99, 20_000, 'ON_TRACK', 'MISSED'],
    [20_000, 20_000, 'ACHIEVED', 'ACHIEVED'],
    [15_000, 20_000, 'ON_TRACK', 'MISSED'],
    [14_999.99, 20_000, 'BEHIND', 'MISSED'],
    [10_000, 20_000, 'BEHIND', 'MISSED'],
    [9_999.99, 20_000, 'AT_RISK', 'MISSED'],
    [-5, 20_000, 'AT_RISK', 'MISSED'],
  ])('%s of %s is %s while running and %s once ended', (current, target, running, ended) => {
    expect(goalStatusOf(current, target, false)).toBe(running);
    expect(goalStatusOf(current, target, true)).toBe(ended);
  });

  it('is the band of the exact ratio, and the band of the percentage shown (property)', () => {
    // values of numeric(16, 2) columns: whole cents
    const cents = (min: number) => fc.integer({ min, max: 100_000_000 }).map((c) => c / 100);
    // and values a cent or two around each band edge, where rounding used to cross it
    const nearEdge = (target: number) =>
      fc
        .tuple(fc.constantFrom(50, 75, 100), fc.integer({ min: -2, max: 2 }))
        .map(([edge, offset]) => (Math.round(target * edge) + offset) / 100);
    fc.assert(
      fc.property(
        cents(1).chain((target) =>
          fc.tuple(fc.constant(target), fc.oneof(cents(-1_000_000), nearEdge(target))),
        ),
        fc.boolean(),
        ([target, current], ended) => {
          const status = goalStatusOf(current, target, ended);
          expect(status).toBe(exactBand(current, target, ended));
          expect(goalStatus(achievementPercentage(current, target), ended)).toBe(status);
        },
      ),
    );
  });
});

describe('goalStatus', () => {
  it.each<[number, GoalStatus, GoalStatus]>([
    [0, 'AT_RISK', 'MISSED'],
    [49.99, 'AT_RISK', 'MISSED'],
    [50, 'BEHIND', 'MISSED'],
    [74.99, 'BEHIND', 'MISSED'],
    [75, 'ON_TRACK', 'MISSED'],
    [99.99, 'ON_TRACK', 'MISSED'],
    [100, 'ACHIEVED', 'ACHIEVED'],
    [250, 'ACHIEVED', 'ACHIEVED'],
    [-5, 'AT_RISK', 'MISSED'],
  ])('%s%% is %s while running and %s once ended', (pct, running, ended) => {
    expect(goalStatus(pct, false)).toBe(running);
    expect(goalStatus(pct, true)).toBe(ended);
  });

  it('rejects NaN', () => {
    expect(() => goalStatus(Number.NaN, false)).toThrow(RangeError);
  });

  it('is monotone in the percentage (property)', () => {
    fc.assert(
      fc.property(percentage, percentage, fc.boolean(), (a, b, ended) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(ORDER[goalStatus(low, ended)]).toBeLessThanOrEqual(ORDER[goalStatus(high, ended)]);
      }),
    );
  });

  it('is MISSED exactly when the period ended below 100, and only then (property)', () => {
    fc.assert(
      fc.property(percentage, fc.boolean(), (pct, ended) => {
        const status = goalStatus(pct, ended);
        expect(GOAL_STATUSES).toContain(status);
        expect(status === 'MISSED').toBe(ended && pct < 100);
        expect(status === 'ACHIEVED').toBe(pct >= 100);
      }),
    );
  });
});
