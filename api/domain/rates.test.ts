import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avgDealSize, conversionRate, quotationAcceptanceRate, rate, winRate } from './rates.ts';
import { roundHalfUp } from './rounding.ts';

const count = fc.integer({ min: 0, max: 1_000_000 });

/** Exact half-up percentage with 2 decimals of n / d, on integers. */
function referenceRate(n: number, d: number): number {
  const scaled = (2n * BigInt(n) * 10_000n + BigInt(d)) / (2n * BigInt(d));
  return Number(scaled) / 100;
}

describe('rate', () => {
  it.each<[number, number, number | null]>([
    [1, 4, 25],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [1, 800, 0.13],
    [3, 0, null],
    [0, 0, null],
    [0, 5, 0],
    [12, 10, 120],
  ])('%s / %s -> %s', (n, d, expected) => {
    expect(rate(n, d)).toBe(expected);
  });

  it('rejects non-finite operands', () => {
    expect(() => rate(Number.NaN, 1)).toThrow(RangeError);
    expect(() => rate(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('equals exact half-up rounding for counts (property)', () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        expect(rate(n, d)).toBe(referenceRate(n, d));
      }),
    );
  });

  const int4 = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  const denominator = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 33 }));

  it('equals exact half-up rounding for any int4 count (property)', () => {
    fc.assert(
      fc.property(int4, denominator, (n, d) => {
        expect(rate(n, d)).toBe(referenceRate(n, d));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns what rounding the float quotient returns, for counts (property)', () => {
    // rate takes an integer path for counts; it must agree with the float path it replaced
    fc.assert(
      fc.property(fc.oneof(int4, count), denominator, (n, d) => {
        expect(rate(n, d)).toBe(roundHalfUp((n / d) * 100, 2));
      }),
      { numRuns: 2000 },
    );
    for (let d = 1; d <= 250; d += 1)
      for (let n = 0; n <= 2 * d; n += 1) expect(rate(n, d)).toBe(roundHalfUp((n / d) * 100, 2));
  });

  it('keeps the float path for operands that are not counts', () => {
    expect(rate(1.5, 4)).toBe(37.5);
    expect(rate(-1, 3)).toBe(-33.33);
    expect(rate(2 ** 40, 3)).toBe(roundHalfUp((2 ** 40 / 3) * 100, 2));
  });
});

describe('sales rates', () => {
  it('conversion rate is orders won over leads created, unclamped', () => {
    expect(conversionRate(3, 12)).toBe(25);
    expect(conversionRate(5, 4)).toBe(125);
    expect(conversionRate(0, 0)).toBeNull();
  });

  it('win rate is won over decided (won + lost)', () => {
    expect(winRate(3, 1)).toBe(75);
    expect(winRate(0, 4)).toBe(0);
    expect(winRate(2, 0)).toBe(100);
    expect(winRate(0, 0)).toBeNull();
  });

  it('quotation acceptance rate is accepted over sent', () => {
    expect(quotationAcceptanceRate(1, 3)).toBe(33.33);
    expect(quotationAcceptanceRate(0, 0)).toBeNull();
  });

  it('rejects counts that are negative or fractional', () => {
    expect(() => conversionRate(-1, 5)).toThrow(RangeError);
    expect(() => winRate(1.5, 2)).toThrow(RangeError);
    expect(() => quotationAcceptanceRate(1, Number.NaN)).toThrow(RangeError);
  });

  it('win rate lies in [0, 100] and is null only without decisions (property)', () => {
    fc.assert(
      fc.property(count, count, (won, lost) => {
        const value = winRate(won, lost);
        if (won + lost === 0) expect(value).toBeNull();
        else {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('avgDealSize', () => {
  it.each<[string, number, string | null]>([
    ['15000.00', 3, '5000.00'],
    ['100.00', 3, '33.33'],
    ['200.00', 3, '66.67'],
    ['0.05', 2, '0.03'], // 0.025 rounds half up
    ['-0.05', 2, '-0.03'],
    ['100', 0, null],
    ['1234567890123456.78', 2, '617283945061728.39'], // aggregates may exceed 12 digits
  ])('%s over %s orders -> %s', (revenue, orders, expected) => {
    expect(avgDealSize(revenue, orders)).toBe(expected);
  });

  it('rejects malformed revenue and bad counts', () => {
    expect(() => avgDealSize('12.345', 2)).toThrow(RangeError);
    expect(() => avgDealSize('1e5', 2)).toThrow(RangeError);
    expect(() => avgDealSize('100', -1)).toThrow(RangeError);
  });

  it('times the order count is within half a cent per order of the revenue (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.integer({ min: 1, max: 10_000 }),
        (cents, orders) => {
          const revenue = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
          const average = avgDealSize(revenue, orders) ?? '';
          const averageCents = BigInt(average.replace('.', ''));
          const error = averageCents * BigInt(orders) - cents;
          expect(2n * (error < 0n ? -error : error) <= BigInt(orders)).toBe(true);
        },
      ),
    );
  });
});
