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

/** numerator / denominator as a percentage with 2 decimals; null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new RangeError(`Rate operands must be finite, got ${numerator} / ${denominator}`);
  }
  if (denominator === 0) return null;
  return roundHalfUp((numerator / denominator) * 100, 2);
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
