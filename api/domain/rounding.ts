/**
 * Decimal rounding of binary floating-point results.
 *
 * Invariants:
 * - `roundHalfUp(x, d)` is the decimal value of `x` (read at 15 significant digits) rounded to `d`
 *   decimals, ties away from zero, so 1.005 -> 1.01 and -1.005 -> -1.01 (symmetric "half-up").
 * - It is monotone (x <= y implies round(x) <= round(y)) and idempotent.
 * - It never returns -0 and throws RangeError on non-finite input instead of propagating NaN.
 */

// 15 significant digits is the most every double survives a decimal round trip with, so reading the
// value at that precision strips the binary noise of earlier arithmetic (1.005 is stored as
// 1.00499999999999989...) while keeping every digit the caller actually meant.
const SIGNIFICANT_DIGITS = 15;
const DECIMAL_FORM = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot round a non-finite number: ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer in 0..20, got ${decimals}`);
  }
  const match = DECIMAL_FORM.exec(Math.abs(value).toPrecision(SIGNIFICANT_DIGITS));
  if (match === null) throw new RangeError(`Unexpected number form: ${value}`);
  const [, integerDigits = '0', fractionDigits = '', exponent = '0'] = match;
  // abs(value) = digits * 10^-scale, exactly, so the rounding below happens on integers.
  const digits = BigInt(integerDigits + fractionDigits);
  const shift = decimals - (fractionDigits.length - Number(exponent));
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) scaled += 1n;
  }
  if (scaled === 0n) return 0;
  // Parsing the decimal text rounds once, to the double nearest the exact decimal result.
  const magnitude = Number(`${scaled}e-${decimals}`);
  return value < 0 ? -magnitude : magnitude;
}
