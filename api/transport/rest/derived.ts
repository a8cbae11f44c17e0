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
import { roundHalfUp } from '../../domain/rounding.ts';
import { avgDealSize, conversionRate, quotationAcceptanceRate, winRate } from '../../domain/rates.ts';
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

/** A rate derived from orders and one other count, which the rate can also name. */
interface RateSpec {
  field: 'conversion_rate' | 'win_rate';
  count: 'leadsCreated' | 'opportunitiesLost';
  countField: 'leads_created' | 'opportunities_lost';
  formula: string;
  rateOf(orders: number, count: number): number | null;
  /** The count that gives this rate (not necessarily whole). */
  countFor(orders: number, rate: number): number;
  minimum: number;
}

const RATES: readonly RateSpec[] = [
  {
    field: 'conversion_rate',
    count: 'leadsCreated',
    countField: 'leads_created',
    formula: 'orders_created / leads_created',
    rateOf: conversionRate,
    countFor: (orders, rate) => (orders * 100) / rate,
    minimum: 1,
  },
  {
    field: 'win_rate',
    count: 'opportunitiesLost',
    countField: 'opportunities_lost',
    formula: 'orders_created / (orders_created + opportunities_lost)',
    rateOf: winRate,
    countFor: (orders, rate) => (orders * 100) / rate - orders,
    minimum: 0,
  },
];

function resolveRate(f: Fields, spec: RateSpec, counts: PushedCounts, result: PushedCounts): void {
  const pushed = f.number(spec.field);
  if (pushed == null) return;
  const orders = counts.ordersWon;
  const known = counts[spec.count];
  if (!isCount(orders)) {
    f.errors.add(spec.field, `is derived from orders_created and ${spec.countField}: send orders_created`);
  } else if (isCount(known)) {
    const exact = spec.rateOf(orders, known);
    if (!agrees(pushed, exact)) f.errors.add(spec.field, `is derived: ${spec.formula} = ${exact ?? 'none'}`);
  } else {
    const estimate = pushed > 0 ? spec.countFor(orders, pushed) : NaN;
    const whole = Math.round(estimate);
    // a tiny rate names a count beyond any integer (win_rate 1e-306): no whole count, not a 500
    if (
      Number.isSafeInteger(whole) &&
      whole >= spec.minimum &&
      agrees(pushed, spec.rateOf(orders, whole), true)
    ) {
      result[spec.count] = whole;
    } else {
      f.errors.add(
        spec.field,
        `does not determine a whole ${spec.countField} from orders_created; send ${spec.countField}`,
      );
    }
  }
}

/** Checks the pushed rates of a body against its counts, filling in counts they determine. */
export function resolveDerived(f: Fields, counts: PushedCounts): PushedCounts {
  const result = { ...counts };
  for (const spec of RATES) resolveRate(f, spec, counts, result);

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
    const orders = counts.ordersWon;
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
