/**
 * Exact decimal money as BigInt cents; no value ever passes through a binary float.
 *
 * Invariants:
 * - `parseMoney` accepts exactly /^[+-]?\d{1,12}(\.\d{1,2})?$/ (12 integer digits by default) and
 *   returns the amount in cents; anything else (exponents, 3+ decimals, NaN, blanks, '.5', '5.',
 *   whitespace) is null, never a rounded guess.
 * - `formatMoney` always prints two decimals and a '-' only for negative amounts, so
 *   parseMoney(formatMoney(c)) === c and formatMoney(parseMoney(s)) is the canonical form of s.
 * - Sums are exact at any size, and `divideMoney` rounds half away from zero, once.
 */

export const MAX_INTEGER_DIGITS = 12;
/** Totals (sums, period revenue) outgrow single amounts; 18 digits keep them far from any limit. */
export const AGGREGATE_INTEGER_DIGITS = 18;

const CENTS_PER_UNIT = 100n;

// Built once per digit limit: parsing runs per row of every board and team figure, and compiling
// a RegExp per call was a measurable share of those requests (BENCHMARKS.md, M5 profiles).
const patterns = new Map<number, RegExp>();

function moneyPattern(maxIntegerDigits: number): RegExp {
  let pattern = patterns.get(maxIntegerDigits);
  if (pattern === undefined) {
    pattern = new RegExp(`^([+-]?)(\\d{1,${maxIntegerDigits}})(?:\\.(\\d{1,2}))?$`);
    patterns.set(maxIntegerDigits, pattern);
  }
  return pattern;
}

/**
 * Amount in cents, or null if the input is not a plain decimal with at most 2 decimals.
 * Numbers are read through their shortest round-trip form (String(n)), so 0.1 is 10 cents while
 * 0.1 + 0.2 (0.30000000000000004) is rejected rather than silently rounded.
 * `maxIntegerDigits` can be raised for aggregates such as period revenue totals.
 */
export function parseMoney(input: string | number, maxIntegerDigits = MAX_INTEGER_DIGITS): bigint | null {
  if (!Number.isInteger(maxIntegerDigits) || maxIntegerDigits < 1) {
    throw new RangeError(`maxIntegerDigits must be a positive integer, got ${maxIntegerDigits}`);
  }
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return null;
  }
  const pattern = moneyPattern(maxIntegerDigits);
  const match = pattern.exec(text);
  if (match === null) return null;
  const [, sign, units = '0', fraction = ''] = match;
  const cents = BigInt(units) * CENTS_PER_UNIT + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

export function formatMoney(cents: bigint): string {
  const magnitude = cents < 0n ? -cents : cents;
  const fraction = String(magnitude % CENTS_PER_UNIT).padStart(2, '0');
  return `${cents < 0n ? '-' : ''}${magnitude / CENTS_PER_UNIT}.${fraction}`;
}

/**
 * Exact sum of money strings; throws RangeError naming the first value that is not money.
 * Inputs may be aggregate-sized so that sums of sums are accepted (the sum stays associative).
 */
export function sumMoney(values: readonly string[]): string {
  let total = 0n;
  for (const value of values) {
    const cents = parseMoney(value, AGGREGATE_INTEGER_DIGITS);
    if (cents === null) throw new RangeError(`Not a money amount: ${JSON.stringify(value)}`);
    total += cents;
  }
  return formatMoney(total);
}

/** cents / divisor rounded to whole cents, half away from zero (so -0.005 -> -0.01). */
export function divideMoney(cents: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new RangeError('Cannot divide money by zero');
  const negative = cents < 0n !== divisor < 0n;
  const numerator = cents < 0n ? -cents : cents;
  const denominator = divisor < 0n ? -divisor : divisor;
  let quotient = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}
