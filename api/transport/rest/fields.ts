/**
 * Reads the seed's snake_case parameters (query strings and JSON bodies), collecting an error for
 * every bad one under the name the client used, so a 400 names them all at once. Absent is
 * `undefined`; an explicit JSON null is `null`. Values are translated, not judged: the rules
 * (ranges, periods, permissions) stay in the services.
 */
import { DEFAULT_PERIOD_TYPE, type PeriodType } from '../../../schema/db/constants.ts';
import { DATE_RANGE_MESSAGE, inDateRange } from '../../domain/periods.ts';
import { FieldErrors } from '../../core/errors.ts';
import { parseIsoDate } from '../../core/graphql/scalars.ts';
import { NUL_MESSAGE, nulPath } from '../../core/graphql/text-input.ts';
import { PERIOD_HINT, parsePeriodType } from './names.ts';

const ID = /^\d{1,10}$/;
/** GraphQL's Int: a signed 32-bit whole number, the range of the integer columns behind it. */
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

export class Fields {
  readonly errors = new FieldErrors();
  private readonly seen = new Set<string>();

  constructor(private readonly source: Readonly<Record<string, unknown>>) {}

  /**
   * The raw value; a query parameter given twice is an error. Own keys only: a body that does not
   * send `constructor` must not read Object.prototype's.
   */
  raw(name: string): unknown {
    this.seen.add(name);
    const value = Object.hasOwn(this.source, name) ? this.source[name] : undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      this.errors.add(name, 'is given more than once');
      return undefined;
    }
    // Postgres text cannot hold it (core/graphql/text-input.ts does the same for GraphQL)
    if (nulPath(value)) {
      this.errors.add(name, NUL_MESSAGE);
      return undefined;
    }
    return value;
  }

  /** Whether the client sent the field at all. */
  has(name: string): boolean {
    return Object.hasOwn(this.source, name) && this.source[name] !== undefined;
  }

  /** A row id (number or digit string) as the services' ID string. */
  id(name: string, required = false): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null || value === '') {
      if (required) this.errors.add(name, 'is required');
      return undefined;
    }
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !ID.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) {
      this.errors.add(name, 'must be a positive whole number');
      return undefined;
    }
    return String(Number(text));
  }

  text(name: string): string | null | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string') {
      this.errors.add(name, 'must be a string');
      return undefined;
    }
    return value;
  }

  /** A JSON number, or a numeric string (query strings, and ERPs that send numbers as text). */
  number(name: string): number | null | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return value;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      this.errors.add(name, 'must be a number');
      return undefined;
    }
    return n;
  }

  /** A whole number in GraphQL Int's 32-bit range, as the same argument is there; other range checks are the services'. */
  int(name: string): number | undefined {
    const n = this.number(name);
    if (n === null) this.errors.add(name, 'must be a whole number');
    if (n === null || n === undefined) return undefined;
    if (!Number.isInteger(n) || n < INT_MIN || n > INT_MAX) {
      this.errors.add(name, `must be a whole number from ${INT_MIN} to ${INT_MAX}`);
      return undefined;
    }
    return n;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'boolean') return value;
    const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    this.errors.add(name, 'must be true or false');
    return undefined;
  }

  /** A calendar day in DATE_RANGE, as the Date scalar reads it. */
  date(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null || value === '') return undefined;
    return this.inRange(name, parseIsoDate(value));
  }

  private inRange(name: string, date: string | null): string | undefined {
    if (date === null) this.errors.add(name, 'must be a date "YYYY-MM-DD"');
    else if (!inDateRange(date)) this.errors.add(name, DATE_RANGE_MESSAGE);
    else return date;
    return undefined;
  }

  periodType(name: string): PeriodType | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null || value === '') return undefined;
    const type = parsePeriodType(value);
    if (type === null) this.errors.add(name, `must be one of ${PERIOD_HINT}`);
    return type ?? undefined;
  }

  /**
   * The seed's `period` parameter: a period type ("monthly"), or for convenience a date
   * ("2025-11-01") meaning "the period containing it". `period_type`, `date` and `period_start`
   * say the same explicitly. Defaults: MONTHLY, today.
   */
  period(defaultType: PeriodType = DEFAULT_PERIOD_TYPE): { periodType: PeriodType; date: string | null } {
    const period = this.raw('period');
    const isDate = typeof period === 'string' && parseIsoDate(period) !== null;
    const asDate = isDate ? (this.inRange('period', period) ?? null) : null;
    const fromPeriod = isDate ? undefined : this.periodType('period');
    const explicitType = this.periodType('period_type');
    if (fromPeriod && explicitType && fromPeriod !== explicitType)
      this.errors.add('period_type', 'contradicts period');
    const dates = [asDate ?? undefined, this.date('date'), this.date('period_start')].filter(
      (d): d is string => d !== undefined,
    );
    if (new Set(dates).size > 1) this.errors.add('date', 'period, date and period_start name different days');
    return { periodType: explicitType ?? fromPeriod ?? defaultType, date: dates[0] ?? null };
  }

  /** Every field the route did not read is an error (a typo must not be dropped silently). */
  rejectUnknown(ignored: readonly string[] = []): void {
    for (const name of Object.keys(this.source)) {
      if (!this.seen.has(name) && !ignored.includes(name)) this.errors.add(name, 'is not a known field');
    }
  }

  done(): void {
    this.errors.throwIfAny();
  }
}
