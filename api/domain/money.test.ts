import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideMoney, formatMoney, parseMoney, sumMoney } from './money.ts';

const MAX_CENTS = 999_999_999_999_99n;
const centsArb = fc.bigInt({ min: -MAX_CENTS, max: MAX_CENTS });

describe('parseMoney', () => {
  it.each<[string | number, bigint]>([
    ['15000', 1_500_000n],
    ['15000.5', 1_500_050n],
    ['15000.05', 1_500_005n],
    ['-0.50', -50n],
    ['+3.10', 310n],
    ['-0', 0n],
    ['007.00', 700n],
    ['999999999999.99', MAX_CENTS],
    [0.1, 10n],
    [-12.34, -1234n],
    [15000, 1_500_000n],
    [-0, 0n],
  ])('%j -> %s cents', (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each<string | number>([
    '',
    ' ',
    '1.234',
    '1e3',
    '1E3',
    'NaN',
    'Infinity',
    '.5',
    '5.',
    '1,000.00',
    ' 5',
    '5 ',
    '--5',
    '0x10',
    '1000000000000',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    0.1 + 0.2,
    1e21,
    1e-7,
    1.005,
  ])('rejects %j', (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it('allows more integer digits when asked (aggregates)', () => {
    expect(parseMoney('1234567890123456.78', 18)).toBe(123456789012345678n);
    expect(parseMoney('1234567890123456.78')).toBeNull();
    expect(() => parseMoney('1', 0)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each<[bigint, string]>([
    [1_500_000n, '15000.00'],
    [-50n, '-0.50'],
    [0n, '0.00'],
    [5n, '0.05'],
    [-100n, '-1.00'],
    [12345678901234567890n, '123456789012345678.90'],
  ])('%s cents -> %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('round trips through parseMoney (property)', () => {
    fc.assert(
      fc.property(centsArb, (cents) => {
        const text = formatMoney(cents);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(parseMoney(text)).toBe(cents);
        expect(formatMoney(parseMoney(text) ?? 0n)).toBe(text);
      }),
    );
  });

  it('canonicalises any accepted string (property)', () => {
    const input = fc
      .tuple(
        fc.constantFrom('', '+', '-'),
        fc.stringMatching(/^\d{1,12}$/),
        fc.stringMatching(/^(\.\d{1,2})?$/),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(input, (text) => {
        const cents = parseMoney(text);
        expect(cents).not.toBeNull();
        // `+ 0` because '-0' canonicalises to '0.00' and toBe tells -0 from 0.
        expect(Number(formatMoney(cents ?? 0n))).toBe(Number(text) + 0);
      }),
    );
  });
});

describe('sumMoney', () => {
  it('is exact where floats are not', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(sumMoney(['999999999999.99', '999999999999.99'])).toBe('1999999999999.98');
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney(['-5', '2.5'])).toBe('-2.50');
  });

  it('names the offending value', () => {
    expect(() => sumMoney(['1.00', '1.001'])).toThrow(/"1\.001"/);
    expect(() => sumMoney(['1000000000000000000'])).toThrow(RangeError);
  });

  it('accepts its own (aggregate-sized) results as input', () => {
    expect(sumMoney(['1999999999999.98', '0.02'])).toBe('2000000000000.00');
  });

  it('equals the BigInt sum of the cents (property)', () => {
    fc.assert(
      fc.property(fc.array(centsArb, { maxLength: 50 }), (cents) => {
        const expected = cents.reduce((total, value) => total + value, 0n);
        expect(sumMoney(cents.map(formatMoney))).toBe(formatMoney(expected));
      }),
    );
  });

  it('is associative and commutative (property)', () => {
    fc.assert(
      fc.property(centsArb, centsArb, centsArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].map(formatMoney) as [string, string, string];
        const left = sumMoney([sumMoney([x, y]), z]);
        expect(left).toBe(sumMoney([x, sumMoney([y, z])]));
        expect(left).toBe(sumMoney([z, y, x]));
      }),
    );
  });
});

describe('divideMoney', () => {
  it.each<[bigint, bigint, bigint]>([
    [1000n, 3n, 333n],
    [1000n, 6n, 167n], // 166.67 rounds up
    [1n, 2n, 1n], // 0.005 -> 0.01
    [-1n, 2n, -1n], // half away from zero
    [5n, -2n, -3n],
    [0n, 7n, 0n],
  ])('%s / %s = %s', (cents, divisor, expected) => {
    expect(divideMoney(cents, divisor)).toBe(expected);
  });

  it('rejects division by zero', () => {
    expect(() => divideMoney(1n, 0n)).toThrow(RangeError);
  });

  it('is within half a cent of the exact quotient and symmetric in sign (property)', () => {
    fc.assert(
      fc.property(centsArb, fc.bigInt({ min: 1n, max: 10_000n }), (cents, divisor) => {
        const q = divideMoney(cents, divisor);
        const error = q * divisor - cents; // in 1/divisor cents
        expect(2n * (error < 0n ? -error : error) <= divisor).toBe(true);
        expect(divideMoney(-cents, divisor)).toBe(-q);
        expect(divideMoney(q * divisor, divisor)).toBe(q);
      }),
    );
  });
});
