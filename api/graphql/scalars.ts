/**
 * Scalars of the contract. Money is a decimal string with two decimals end to end (never a float);
 * Date is a calendar date "2025-11-01"; DateTime an ISO 8601 instant.
 */
import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/;
const CANONICAL = /^-?(?:0|[1-9]\d{0,11})\.\d\d$/;

/** "15000" | 15000 | "15000.5" -> "15000.50"; null when not a money amount. */
export function normaliseDecimal(value: unknown): string | null {
  // already canonical (what Postgres's numeric(…, 2) gives): most values served, checked by one test
  if (typeof value === 'string' && CANONICAL.test(value) && value !== '-0.00') return value;
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  if (!MONEY.test(text)) return null;
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const sign = text.startsWith('-') && /[1-9]/.test(text) ? '-' : '';
  return `${sign}${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A money amount: a decimal string with two decimals, e.g. "15000.00". Never a float.',
  serialize(value) {
    const text = normaliseDecimal(value);
    if (text === null) throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
    return text;
  },
  parseValue(value) {
    const text = normaliseDecimal(value);
    if (text === null)
      throw new GraphQLError('must be a decimal number with at most 12 digits and 2 decimals');
    return text;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) {
      throw new GraphQLError('must be a decimal number with at most 12 digits and 2 decimals');
    }
    const text = normaliseDecimal(ast.value);
    if (text === null)
      throw new GraphQLError('must be a decimal number with at most 12 digits and 2 decimals');
    return text;
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date "YYYY-MM-DD" (2025-02-29 is not), else null. */
export function parseIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 1
    ? value
    : null;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, "2025-11-01" (ISO 8601), in the organisation\'s time zone.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = parseIsoDate(value);
    if (text === null) throw new GraphQLError(`Date cannot represent ${String(value)}`);
    return text;
  },
  parseValue(value) {
    const text = parseIsoDate(value);
    if (text === null) throw new GraphQLError('must be a date "YYYY-MM-DD"');
    return text;
  },
  parseLiteral(ast) {
    const text = ast.kind === Kind.STRING ? parseIsoDate(ast.value) : null;
    if (text === null) throw new GraphQLError('must be a date "YYYY-MM-DD"');
    return text;
  },
});

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: 'An instant, ISO 8601 with offset, e.g. "2025-11-05T14:30:00Z".',
});
