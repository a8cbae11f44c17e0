import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDecimal } from './scalars.ts';

/** The rule written out the long way: sign kept only for a non-zero amount, two decimals. */
function reference(text: string): string | null {
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  if (cents === 0n) return '0.00';
  const fraction = String(cents % 100n).padStart(2, '0');
  return `${m[1]}${cents / 100n}.${fraction}`;
}

describe('normaliseDecimal', () => {
  it.each([
    ['15000', '15000.00'],
    ['15000.5', '15000.50'],
    ['0015.10', '15.10'],
    ['-0.00', '0.00'],
    ['-0', '0.00'],
    ['-0.50', '-0.50'],
    ['999999999999.99', '999999999999.99'],
    ['1000000000000.00', null],
    ['1.234', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseDecimal(input)).toBe(expected);
  });

  it('gives what the rule gives for any decimal text, canonical ones included (the fast path)', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^\d{1,13}$/),
        fc.constantFrom('', '.', '.0', '.5', '.05', '.50', '.99', '.123'),
      )
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction}`);
    fc.assert(
      fc.property(decimal, (text) => {
        expect(normaliseDecimal(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
