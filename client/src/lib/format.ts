/**
 * Display formatting. Money arrives as a decimal string ("15000.00") and is formatted from the
 * string (Intl formats numeric strings exactly), never through a float.
 */
type NumericString = `${number}`;

/**
 * A value made on first use. Intl formatters are made that way: each costs milliseconds to build
 * (locale data), and a screen uses a few of the module's; the TV page's first frame waited for all.
 */
export function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * The organisation's currency (Organisation.currency): every amount on a page is in it, so the
 * page sets it once the server has said it (the dashboard's and the TV's first query) and every
 * formatMoney call uses it. USD until then; nothing with an amount renders before that query.
 */
let displayCurrency = 'USD';

/** Sets the currency amounts are shown in; an ISO 4217 code Intl does not know is ignored. */
export function setDisplayCurrency(code: string): void {
  if (code === displayCurrency) return;
  try {
    moneyFormat(code, false);
    displayCurrency = code;
  } catch {
    /* not a currency this browser formats: keep the last one */
  }
}

export function displayCurrencyCode(): string {
  return displayCurrency;
}

function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      ...(compact
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * A number (a goal's target, current or projected value, a chart value) to the cent, as a decimal
 * string: 2500000.55 -> "2500000.55". Goal amounts have at most two decimals, and a double is far
 * closer than half a cent to them below 10^13, so toFixed gives back the amount that was stored.
 */
function toCents(amount: number): string {
  const fixed = amount.toFixed(2);
  return /^-0\.00$/.test(fixed) ? '0.00' : fixed;
}

/**
 * "$15,000", "$1,250.50", "$2,500,000.55": cents only when there are some, never rounded into
 * another whole amount ($2,500,000.55 is not "$2,500,001"). A number is taken to the cent.
 * `compact` ("$2.5M", "$12K") is for tight places; it is only used from 1,000 up, where its K/M
 * says it is rounded: smaller amounts are shown exactly ("$12.34", not "$12.3").
 */
export function formatMoney(
  amount: string | number,
  { currency = displayCurrency, compact = false } = {},
): string {
  const exact = typeof amount === 'number' ? toCents(amount) : amount;
  if (compact && !(Math.abs(Number(exact)) < 1000))
    return moneyFormat(currency, true).format(exact as NumericString);
  const cents = /\.(\d+)$/.exec(exact)?.[1] ?? '';
  return (/[1-9]/.test(cents) ? moneyFormat(currency, false) : wholeMoney(currency)).format(
    exact as NumericString,
  );
}

function wholeMoney(currency: string): Intl.NumberFormat {
  const key = `${currency}:whole`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(key, format);
  }
  return format;
}

const integer = lazily(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }));
const decimal = lazily(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }));

export function formatCount(value: number): string {
  return integer().format(value);
}

export function formatNumber(value: number): string {
  return decimal().format(value);
}

const pluralRules = lazily(() => new Intl.PluralRules('en-US'));

/** A noun's singular and plural, chosen by Intl.PluralRules. */
export interface Noun {
  one: string;
  other: string;
}

export const NOUNS = {
  order: { one: 'order', other: 'orders' },
  lead: { one: 'lead', other: 'leads' },
  opportunity: { one: 'opportunity', other: 'opportunities' },
  closedOpportunity: { one: 'closed opportunity', other: 'closed opportunities' },
  seller: { one: 'seller', other: 'sellers' },
  goal: { one: 'goal', other: 'goals' },
  point: { one: 'point', other: 'points' },
} as const satisfies Record<string, Noun>;

/** The noun for this count: "lead" for 1, "leads" for 0, 2 or 1.5 (the platform's plural rules). */
export function noun(count: number, word: Noun): string {
  return pluralRules().select(count) === 'one' ? word.one : word.other;
}

/** "1 lead", "0 leads", "1,204 orders": the count and its noun. */
export function countOf(count: number, word: Noun): string {
  return `${formatCount(count)} ${noun(count, word)}`;
}

/**
 * A value rounded to `digits` significant figures: what a projection (a run rate carried to the
 * period's end) is worth showing. 17,842.37 -> 18,000; 0.4567 -> 0.46; 0 stays 0.
 */
export function significant(value: number, digits = 2): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(value))) + 1 - digits);
  const rounded = Math.round(value / scale) * scale;
  // back through toPrecision: 0.46 rather than 0.45999999999999996
  return Number(rounded.toPrecision(digits));
}

/** "20 %", "66.7 %"; an em dash for a rate that is undefined (no leads, no decided deals). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Number(value.toFixed(digits))} %`;
}

// a calendar date is formatted in UTC, where it was built: in the browser's own zone, noon UTC is
// already the next day east of UTC+12 (Kiritimati read Dec 1 as "Dec 2")
const dateFormat = lazily(
  () =>
    new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
);

/** "2025-11-05" (a calendar date, no time zone) -> "Nov 5, 2025". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat().format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)));
}

/** Sum of decimal strings, exactly (in cents). */
export function sumMoney(amounts: readonly string[]): string {
  let cents = 0n;
  for (const amount of amounts) {
    const negative = amount.trim().startsWith('-');
    const [whole = '0', fraction = ''] = amount.trim().replace(/^[-+]/, '').split('.');
    const value = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
    cents += negative ? -value : value;
  }
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const whenFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** An instant in the browser's own clock ("Dec 6, 2026, 9:55 PM"), or `none` when there is none. */
export function formatWhen(iso: string | null, none = 'never'): string {
  if (!iso) return none;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : whenFormat.format(date);
}
