import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp } from './rounding.ts';

/** Reference: round the decimal string `units.fff` (3 decimals) half-up to cents, on integers. */
function referenceCents(units: number, thousandths: number): number {
  return Math.floor((units * 1000 + thousandths + 5) / 10);
}

describe('roundHalfUp', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68], // Math.round(2.675 * 100) / 100 gives 2.67
    [1.045, 1.05],
    [0.125, 0.13],
    [0.1 + 0.2, 0.3],
    [-1.005, -1.01],
    [-2.5, -2.5],
    [1234567.895, 1234567.9],
    [99.994999, 99.99],
    [99.995, 100],
    [1e21, 1e21],
    [1.2345e-7, 0],
    [-0.001, 0],
  ])('%s -> %s', (value, expected) => {
    expect(roundHalfUp(value)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundHalfUp(-0.004), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0), 0)).toBe(true);
  });

  it('supports other precisions', () => {
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(1.00005, 4)).toBe(1.0001);
  });

  it('rejects non-finite values and bad precisions', () => {
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });

  it('matches exact decimal rounding of 3-decimal values, ties included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 999 }),
        (units, thousandths) => {
          const value = Number(`${units}.${String(thousandths).padStart(3, '0')}`);
          const cents = referenceCents(units, thousandths);
          expect(roundHalfUp(value)).toBe(cents / 100);
          expect(roundHalfUp(-value)).toBe(cents === 0 ? 0 : -cents / 100);
        },
      ),
    );
  });

  it('is idempotent and monotone (property)', () => {
    const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        expect(roundHalfUp(roundHalfUp(a))).toBe(roundHalfUp(a));
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(roundHalfUp(low)).toBeLessThanOrEqual(roundHalfUp(high));
      }),
    );
  });
});
