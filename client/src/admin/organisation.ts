/**
 * The Organisation page's choices (issue 15), pure: the IANA time zones and ISO 4217 currencies
 * the browser knows (Intl.supportedValuesOf), each list with the current value in it even when
 * the browser does not list it (UTC is missing from some), so the select always shows what the
 * server holds. Currencies read "EUR — Euro" (Intl.DisplayNames), sorted by code.
 */

const withCurrent = (list: readonly string[], current: string): string[] =>
  list.includes(current) ? [...list] : [current, ...list];

export function zoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return withCurrent(zones.includes('UTC') ? zones : ['UTC', ...zones], current);
}

const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });

export function currencyChoices(current: string): { code: string; label: string }[] {
  return withCurrent(Intl.supportedValuesOf('currency'), current).map((code) => {
    const name = currencyNames.of(code);
    return { code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}
