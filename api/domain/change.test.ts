import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeOf } from './change.ts';

describe('changeOf', () => {
  it.each<[number | string | null, number | string | null, 'percent' | 'points', unknown]>([
    ['2000.00', '500.00', 'percent', { direction: 'up', amount: 300 }],
    [90, 100, 'percent', { direction: 'down', amount: 10 }],
    [100.4, 100, 'percent', { direction: 'same' }],
    [5, 0, 'percent', { direction: 'new' }],
    [0, 0, 'percent', { direction: 'same' }],
    [3, -2, 'percent', { direction: 'new' }],
    [66.67, 50, 'points', { direction: 'up', amount: 16.7 }],
    [40, 42.5, 'points', { direction: 'down', amount: 2.5 }],
    [50.02, 50, 'points', { direction: 'same' }],
    [null, 50, 'points', null],
    [50, null, 'percent', null],
    ['x', 1, 'percent', null],
  ])('%j against %j in %s', (now, before, kind, expected) => {
    expect(changeOf(now, before, kind)).toEqual(expected);
  });

  // figures are counts, money in cents and rates to two decimals: hundredths
  const figure = fc.integer({ min: -1e11, max: 1e11 }).map((cents) => cents / 100);

  it('goes up exactly when the figure grew, and never answers an infinite amount', () => {
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.constantFrom('percent' as const, 'points' as const),
        (now, before, kind) => {
          const change = changeOf(now, before, kind);
          expect(change).not.toBeNull();
          if (change?.direction === 'up' || change?.direction === 'down') {
            expect(Number.isFinite(change.amount)).toBe(true);
            expect(change.amount).toBeGreaterThan(0);
            expect(change.direction === 'up').toBe(now > before);
          }
        },
      ),
    );
  });
});
