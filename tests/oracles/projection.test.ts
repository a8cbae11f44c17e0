/** The projection references (tests/oracles/projection.ts) keep their own invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIOD_TYPES, periodBounds } from '../../api/domain/periods.ts';
import { elapsedFraction, projectedValue } from './projection.ts';

const DAY_MS = 86_400_000;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const zoneArb = fc.constantFrom(...ZONES);
const typeArb = fc.constantFrom(...PERIOD_TYPES);
const dateArb = fc
  .integer({ min: Date.UTC(1971, 0, 1) / DAY_MS, max: Date.UTC(2037, 11, 31) / DAY_MS })
  .map(fromDay);

describe('elapsedFraction', () => {
  const zone = 'Europe/Berlin';

  it('measures real hours on a 23-hour day', () => {
    // Berlin 2025-03-30 runs from 23:00Z the day before to 22:00Z: 13 of its 23 hours have passed.
    expect(elapsedFraction('DAILY', '2025-03-30', new Date('2025-03-30T12:00:00Z'), zone)).toBe(13 / 23);
  });

  it.each([
    ['2025-03-29T22:59:59Z', 0],
    ['2025-03-29T23:00:00Z', 0],
    ['2025-03-30T22:00:00Z', 1],
    ['2026-01-01T00:00:00Z', 1],
  ])('at %s is %s', (now, expected) => {
    expect(elapsedFraction('DAILY', '2025-03-30', new Date(now), zone)).toBe(expected);
  });

  it('treats a skipped day as not started before it and over from then on', () => {
    const at = (iso: string): number => elapsedFraction('DAILY', '2011-12-30', new Date(iso), 'Pacific/Apia');
    expect(at('2011-12-30T09:59:59Z')).toBe(0);
    expect(at('2011-12-30T10:00:00Z')).toBe(1);
  });

  it('rejects an invalid Date', () => {
    expect(() => elapsedFraction('DAILY', '2025-03-30', new Date(Number.NaN), zone)).toThrow(RangeError);
  });

  it('is in [0, 1], monotone in time, 0 at from, 1 at to and 1/2 halfway (property)', () => {
    fc.assert(
      fc.property(
        typeArb,
        dateArb,
        zoneArb,
        fc.integer({ min: -2 * DAY_MS, max: 400 * DAY_MS }),
        fc.integer({ min: 0, max: 30 * DAY_MS }),
        (type, date, tz, offset, step) => {
          const { from, to } = periodBounds(type, date, tz);
          const at = (ms: number): number => elapsedFraction(type, date, new Date(ms), tz);
          const earlier = at(from.getTime() + offset);
          const later = at(from.getTime() + offset + step);
          expect(earlier).toBeGreaterThanOrEqual(0);
          expect(later).toBeLessThanOrEqual(1);
          expect(earlier).toBeLessThanOrEqual(later);
          expect(at(from.getTime())).toBe(0);
          expect(at(to.getTime())).toBe(1);
          expect(at((from.getTime() + to.getTime()) / 2)).toBe(0.5);
        },
      ),
    );
  });
});

describe('projectedValue', () => {
  it.each([
    [50, 0.5, false, 100],
    [10, 0.3, false, 33.33],
    [0, 0.4, false, 0],
    [0, 0, false, 0], // nothing elapsed, nothing to extrapolate
    [7, 0, false, 7], // credited at the very first instant: keep it, do not divide by zero
    [120, 1, false, 120],
    [42.5, 0.25, true, 42.5], // rates do not accumulate
    [-20, 0.5, false, -40],
  ])('current %s at fraction %s (rate: %s) projects to %s', (current, fraction, isRate, expected) => {
    expect(projectedValue(current, fraction, isRate)).toBe(expected);
  });

  it('rejects fractions outside [0, 1] and non-finite values', () => {
    expect(() => projectedValue(1, -0.1, false)).toThrow(RangeError);
    expect(() => projectedValue(1, 1.5, false)).toThrow(RangeError);
    expect(() => projectedValue(1, Number.NaN, false)).toThrow(RangeError);
    expect(() => projectedValue(Number.NaN, 0.5, false)).toThrow(RangeError);
    expect(() => projectedValue(1e300, 1e-300, false)).toThrow(RangeError);
  });

  it('never projects below the value so far and equals it when the period is over (property)', () => {
    const current = fc.double({ min: 0, max: 1e9, noNaN: true });
    const fraction = fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1, noNaN: true }));
    fc.assert(
      fc.property(current, fraction, fc.boolean(), (value, f, isRate) => {
        const rounded = projectedValue(value, 1, isRate);
        expect(projectedValue(value, f, isRate)).toBeGreaterThanOrEqual(rounded);
        expect(projectedValue(value, f, true)).toBe(rounded);
      }),
    );
  });
});
