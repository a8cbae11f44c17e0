/**
 * Scalars of the contract. Money is a decimal string with two decimals end to end (never a float);
 * Date is a calendar date "2025-11-01"; DateTime an ISO 8601 instant. A Date or DateTime a client
 * sends must lie in DATE_RANGE (domain/periods.ts): beyond it a period's end or the next period's
 * start is no real date, and the request failed with a 500 instead of naming the argument.
 */
import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DATE_RANGE_MESSAGE, inDateRange, instantInDateRange, isoDate } from '../../domain/periods.ts';

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
    const text =
      ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT
        ? normaliseDecimal(ast.value)
        : null;
    if (text === null)
      throw new GraphQLError('must be a decimal number with at most 12 digits and 2 decimals', {
        nodes: ast,
      });
    return text;
  },
});

/** A valid calendar date "YYYY-MM-DD" (2025-02-29 is not; years 0001-9999), else null. */
export function parseIsoDate(value: unknown): string | null {
  return typeof value === 'string' ? isoDate(value) : null;
}

/**
 * A date a client sent: a real calendar day in DATE_RANGE; GraphQLError (the message names the
 * rule) otherwise. An inline literal's error carries its node: graphql-js reports a GraphQLError a
 * scalar throws as it is, and the node is how the error names the argument (error-fields.ts).
 */
function inputDate(value: unknown, node?: ValueNode): string {
  const text = parseIsoDate(value);
  if (text === null) throw new GraphQLError('must be a date "YYYY-MM-DD"', { nodes: node });
  if (!inDateRange(text)) throw new GraphQLError(DATE_RANGE_MESSAGE, { nodes: node });
  return text;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `A calendar date, "2025-11-01" (ISO 8601), in the organisation's time zone; inputs ${DATE_RANGE_MESSAGE}.`,
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = parseIsoDate(value);
    if (text === null) throw new GraphQLError(`Date cannot represent ${String(value)}`);
    return text;
  },
  parseValue: (value) => inputDate(value),
  parseLiteral: (ast) => inputDate(ast.kind === Kind.STRING ? ast.value : null, ast),
});

const dateTime = DateTimeResolver.toConfig();

function inputInstant(instant: Date, node?: ValueNode): Date {
  if (!instantInDateRange(instant)) throw new GraphQLError(`${DATE_RANGE_MESSAGE} (UTC)`, { nodes: node });
  return instant;
}

export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  description: `An instant, ISO 8601 with offset, e.g. "2025-11-05T14:30:00Z"; inputs ${DATE_RANGE_MESSAGE} (UTC).`,
  parseValue: (value) => inputInstant(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast: ValueNode) => inputInstant(DateTimeResolver.parseLiteral(ast, undefined), ast),
});

/** An ISO 8601 instant as the DateTime scalar reads it, in DATE_RANGE; null when it is not one. */
export function parseInstant(value: unknown): Date | null {
  try {
    return inputInstant(DateTimeResolver.parseValue(value));
  } catch {
    return null;
  }
}
