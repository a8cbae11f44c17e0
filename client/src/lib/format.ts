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
export function formatMoney(amount: string | number, { currency = 'USD', compact = false } = {}): string {
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
const dateTimeFormat = lazily(
  () =>
    new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
);

/** "2025-11-05" (a calendar date, no time zone) -> "Nov 5, 2025". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat().format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)));
}

export function formatDateTime(instant: string): string {
  return dateTimeFormat().format(new Date(instant));
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
