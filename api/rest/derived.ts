/**
 * The seed's POST type=performance pushed rates beside counts (conversion_rate, win_rate, ...).
 * Here every rate derives from counts (domain/rates.ts), so a pushed rate is never stored. It is:
 * - checked, when the counts it derives from are in the same body: it must be their rate rounded
 *   to the decimals it was sent with (at most 2), else 400;
 * - or, for conversion_rate and win_rate, read as the missing count: leads_created =
 *   orders_created / rate, opportunities_lost = orders_created / rate - orders_created, accepted
 *   only when that is a whole number whose rate is the pushed one to 2 decimals.
 * So the seed's sample (3 orders, 20 % conversion, 50 % win rate) stores 15 leads and 3 lost.
 */
import { roundHalfUp } from '../domain/rounding.ts';
import { avgDealSize, conversionRate, quotationAcceptanceRate, winRate } from '../domain/rates.ts';
import type { Fields } from './fields.ts';

export interface PushedCounts {
  leadsCreated?: number | undefined;
  ordersWon?: number | undefined;
  opportunitiesLost?: number | undefined;
  quotationsSent?: number | undefined;
  quotationsAccepted?: number | undefined;
  revenue?: string | undefined;
}

const decimalsOf = (n: number): number => (String(n).split('.')[1] ?? '').length;

/**
 * Whether a pushed rate is the exact rate at the precision it was sent with (at most 2 decimals),
 * or, when it is to name a missing count, at 2 decimals (7 % of 3 orders names no whole count:
 * 43 leads would be 6.98 %).
 */
function agrees(pushed: number, exact: number | null, precise = false): boolean {
  if (exact === null) return false;
  const d = precise ? 2 : Math.min(decimalsOf(pushed), 2);
  return roundHalfUp(exact, d) === roundHalfUp(pushed, d);
}

const isCount = (n: number | undefined): n is number => n !== undefined && Number.isSafeInteger(n) && n >= 0;

/**
 * The whole count x (>= minimum) with rateOf(x) agreeing with the pushed rate, solved from
 * `estimate`; null when there is none.
 */
function solve(pushed: number, estimate: number, minimum: number, rateOf: (x: number) => number | null) {
  const x = Math.round(estimate);
  return Number.isFinite(estimate) && x >= minimum && agrees(pushed, rateOf(x), true) ? x : null;
}

/** Checks the pushed rates of a body against its counts, filling in counts they determine. */
export function resolveDerived(f: Fields, counts: PushedCounts): PushedCounts {
  const result = { ...counts };
  const orders = counts.ordersWon;

  const conversion = f.number('conversion_rate');
  if (conversion != null && !isCount(counts.leadsCreated)) {
    const leads =
      isCount(orders) && conversion > 0
        ? solve(conversion, (orders * 100) / conversion, 1, (x) => conversionRate(orders, x))
        : null;
    if (leads === null)
      f.errors.add(
        'conversion_rate',
        'does not determine a whole number of leads from orders_created; send leads_created',
      );
    else result.leadsCreated = leads;
  } else if (
    conversion != null &&
    isCount(orders) &&
    !agrees(conversion, conversionRate(orders, counts.leadsCreated ?? 0))
  ) {
    f.errors.add(
      'conversion_rate',
      `is derived: orders_created / leads_created = ${conversionRate(orders, counts.leadsCreated ?? 0) ?? 'none'}`,
    );
  } else if (conversion != null && !isCount(orders)) {
    f.errors.add('conversion_rate', 'is derived from orders_created and leads_created: send both');
  }

  const win = f.number('win_rate');
  if (win != null && !isCount(counts.opportunitiesLost)) {
    const lost =
      isCount(orders) && win > 0
        ? solve(win, (orders * 100) / win - orders, 0, (x) => winRate(orders, x))
        : null;
    if (lost === null)
      f.errors.add(
        'win_rate',
        'does not determine a whole number of lost opportunities from orders_created; send opportunities_lost',
      );
    else result.opportunitiesLost = lost;
  } else if (win != null && isCount(orders) && !agrees(win, winRate(orders, counts.opportunitiesLost ?? 0))) {
    f.errors.add(
      'win_rate',
      `is derived: orders_created / (orders_created + opportunities_lost) = ${winRate(orders, counts.opportunitiesLost ?? 0) ?? 'none'}`,
    );
  } else if (win != null && !isCount(orders)) {
    f.errors.add('win_rate', 'is derived from orders_created and opportunities_lost: send both');
  }

  const acceptance = f.number('quotation_acceptance_rate');
  if (acceptance != null) {
    const { quotationsAccepted: accepted, quotationsSent: sent } = counts;
    if (!isCount(accepted) || !isCount(sent) || !agrees(acceptance, quotationAcceptanceRate(accepted, sent)))
      f.errors.add(
        'quotation_acceptance_rate',
        'is derived: quotations_accepted / quotations_sent; send both, and they must agree',
      );
  }

  const average = f.number('avg_deal_size');
  if (average != null) {
    const exact =
      isCount(orders) && counts.revenue !== undefined ? avgDealSize(counts.revenue, orders) : null;
    if (exact === null || !agrees(average, Number(exact)))
      f.errors.add(
        'avg_deal_size',
        'is derived: total_revenue / orders_created; send both, and they must agree',
      );
  }
  return result;
}
