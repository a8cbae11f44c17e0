/**
 * Sales ratios shown on dashboards and used as goal metrics.
 *
 * Invariants:
 * - Rates are percentages rounded half-up to 2 decimals, and null (not 0) when the denominator is
 *   0: "no leads yet" is not the same as "converted none of them".
 * - Rates are not clamped to 100: orders won this period may stem from leads of earlier periods.
 * - Counts must be non-negative integers; anything else is a caller bug and throws RangeError.
 * - Average deal size is computed on exact cents (money.ts), never on floats.
 */
import { AGGREGATE_INTEGER_DIGITS, divideMoney, formatMoney, parseMoney } from './money.ts';
import { roundHalfUp } from './rounding.ts';

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Largest numerator of the integer path below; every count a Postgres int column holds. */
const MAX_EXACT_NUMERATOR = 2 ** 31 - 1;
/** Keeps remainder arithmetic below 2^53 (a sum of two int columns fits). */
const MAX_EXACT_DENOMINATOR = 2 ** 33;

/** numerator / denominator as a percentage with 2 decimals; null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new RangeError(`Rate operands must be finite, got ${numerator} / ${denominator}`);
  }
  if (denominator === 0) return null;
  if (
    Number.isInteger(numerator) &&
    Number.isInteger(denominator) &&
    numerator >= 0 &&
    numerator <= MAX_EXACT_NUMERATOR &&
    denominator > 0 &&
    denominator <= MAX_EXACT_DENOMINATOR
  ) {
    return countRate(numerator, denominator);
  }
  return roundHalfUp((numerator / denominator) * 100, 2);
}

/**
 * The integer path of `rate` for counts: 10000 * n / d rounded half up on integers, then one
 * division by 100 (correctly rounded, so the same double as parsing the decimal). It returns what
 * roundHalfUp returns for these operands: the float quotient is within 2.3e-16 relative of
 * 100 n / d, and for n < 9.4e9 that is closer than any rounding boundary, which lies at least
 * 1 / (200 d) away unless hit exactly (then both are exact); rates.test.ts checks it as a property.
 * It allocates nothing, where roundHalfUp goes through toPrecision, a RegExp and BigInt: rates are
 * computed for every member of a team figure and every leaderboard entry.
 */
function countRate(numerator: number, denominator: number): number {
  const scaled = numerator * 10_000; // exact: below 2^45
  let quotient = Math.floor(scaled / denominator);
  let remainder = scaled - quotient * denominator; // exact: |quotient * denominator - scaled| < 2^53
  // the float quotient may round across an integer; the remainder says which side it is on
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  if (remainder * 2 >= denominator) quotient += 1;
  return quotient / 100;
}

export function conversionRate(ordersWon: number, leadsCreated: number): number | null {
  assertCount('ordersWon', ordersWon);
  assertCount('leadsCreated', leadsCreated);
  return rate(ordersWon, leadsCreated);
}

/** Share of decided opportunities that were won: won / (won + lost). */
export function winRate(ordersWon: number, opportunitiesLost: number): number | null {
  assertCount('ordersWon', ordersWon);
  assertCount('opportunitiesLost', opportunitiesLost);
  return rate(ordersWon, ordersWon + opportunitiesLost);
}

export function quotationAcceptanceRate(accepted: number, sent: number): number | null {
  assertCount('accepted', accepted);
  assertCount('sent', sent);
  return rate(accepted, sent);
}

/** Revenue per won order, exact and rounded half-up to cents; null when no order was won. */
export function avgDealSize(revenue: string, ordersWon: number): string | null {
  assertCount('ordersWon', ordersWon);
  // Revenue is a total over many deals, so it may exceed the 12-digit single-amount limit.
  const cents = parseMoney(revenue, AGGREGATE_INTEGER_DIGITS);
  if (cents === null) throw new RangeError(`Revenue is not a money amount: ${JSON.stringify(revenue)}`);
  if (ordersWon === 0) return null;
  return formatMoney(divideMoney(cents, BigInt(ordersWon)));
}
