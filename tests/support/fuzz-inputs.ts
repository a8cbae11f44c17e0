/**
 * Inputs for the fuzz layer (tests/fuzz/), derived from what the server declares rather than
 * written per field: GraphQL arguments from the schema's types (schema/schema.graphql), REST
 * bodies from the seed's own POST bodies (tests/fixtures/seed-rest-api.md) and query parameters,
 * CSV rows from the import's column list. Every generator mixes plausible values (so requests get
 * past the first check into the services) with edge values: empty, huge, negative, out of 32-bit
 * range, NaN-like strings, far dates, unicode (emoji, lone surrogates, NUL, right-to-left), wrong
 * JSON types, prototype keys and deep nesting. fast-check shrinks a failure to its smallest input
 * and prints the seed to replay it.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';

/** Strings that have broken parsers, validators and SQL elsewhere. */
export const EDGE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  '=1+2',
  '@SUM(A1)',
  "'; drop table users; --",
  '\u0000',
  '\ud800',
  '\u202e evil',
  '😀👍🏽',
  'a'.repeat(300),
  'x'.repeat(70_000),
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999999',
  '1.005',
  '0x10',
  ' 7 ',
] as const;

export const EDGE_INTS = [
  0,
  1,
  -1,
  2,
  100,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_648,
  -2_147_483_649,
  4_294_967_296,
  Number.MAX_SAFE_INTEGER,
  1e21,
] as const;

export const EDGE_DATES = [
  '1970-01-01',
  '1969-12-31',
  '0001-01-01',
  '0000-01-01',
  '9999-12-31',
  '9999-12-01',
  '2000-02-29',
  '2023-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '+275760-09-13',
  '2026-12-06T10:00:00Z',
  '20261206',
] as const;

export const EDGE_INSTANTS = [
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-12-06',
  '2026-12-06T25:00:00Z',
  '2026-12-06T10:00:00',
  '2026-12-06T10:00:00+14:00',
  '2026-12-06T10:00:00.123456789Z',
] as const;

export const EDGE_DECIMALS = [
  '0',
  '0.00',
  '-1.00',
  '1.234',
  '1e3',
  '12345678901234567890.12',
  '999999999999.99',
  '1,5',
  ' 12.50',
] as const;

/** [[[…[1]…]]], `depth` lists deep. */
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

/** Any JSON value of a wrong shape, nested up to a few levels (and one deeply nested list). */
const wrongJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom({}, [], nested(40), { a: { b: { c: {} } } }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'x'), fc.constantFrom(1, 'a', null)),
);

const edgeString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Values for one custom or built-in scalar by name: plausible ones, edge ones and wrong types. */
function scalarValue(name: string, ids: readonly string[]): fc.Arbitrary<unknown> {
  const plausibleId = fc.constantFrom(...ids);
  switch (name) {
    case 'Int':
      return fc.oneof(
        fc.constantFrom(...EDGE_INTS),
        fc.integer(),
        fc.double(),
        fc.constantFrom('12', 1.5),
        wrongJson,
      );
    case 'Float':
      return fc.oneof(
        fc.constantFrom(0, -0.5, 1.5, 1e308, -1e308, 100, 40),
        fc.double({ noNaN: true }),
        fc.constantFrom('NaN', 'Infinity', '1'),
        wrongJson,
      );
    case 'Boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1), wrongJson);
    case 'ID':
      return fc.oneof(
        { weight: 3, arbitrary: plausibleId },
        { weight: 2, arbitrary: fc.constantFrom('0', '-1', '1.5', '2147483648', 'abc', '', ' 1', '01') },
        { weight: 1, arbitrary: fc.integer().map(String) },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), edgeString, wrongJson) },
      );
    case 'Date':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...EDGE_DATES) },
        { weight: 2, arbitrary: anyDate.map((d) => d.slice(0, 10)) },
        { weight: 1, arbitrary: fc.oneof(edgeString, wrongJson) },
      );
    case 'DateTime':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...EDGE_INSTANTS) },
        { weight: 2, arbitrary: anyDate },
        { weight: 1, arbitrary: fc.oneof(edgeString, wrongJson) },
      );
    case 'Decimal':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...EDGE_DECIMALS) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000_000 }).map((c) => (c / 100).toFixed(2)) },
        { weight: 1, arbitrary: fc.oneof(edgeString, fc.double(), wrongJson) },
      );
    default:
      // String and any scalar without a rule of its own
      return fc.oneof({ weight: 4, arbitrary: edgeString }, { weight: 1, arbitrary: wrongJson });
  }
}

export interface ValueOptions {
  /** Ids that exist, so that some requests reach past "not found". */
  ids: readonly string[];
}

/**
 * A value for an argument or input field of this type. Non-null types are mostly given (and
 * sometimes null or left out, marked by `undefined`); lists have 0-3 items and sometimes are a
 * single item (GraphQL's list coercion) or a wrong type; input objects get each field this way
 * and sometimes an unknown or prototype key.
 */
export function valueFor(type: GraphQLInputType, options: ValueOptions, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 12, arbitrary: valueFor(type.ofType, options, depth) },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    );
  }
  const nullable = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) });
  if (isListType(type)) {
    const item = valueFor(type.ofType, options, depth + 1);
    return nullable(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(item, { maxLength: 3 }) },
        { weight: 1, arbitrary: item },
        { weight: 1, arbitrary: wrongJson },
      ),
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return nullable(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...names) },
        { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => n.toLowerCase()) },
        { weight: 1, arbitrary: fc.oneof(edgeString, wrongJson) },
      ),
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, options, depth + 1)])),
    );
    return nullable(
      fc.oneof(
        { weight: 8, arbitrary: record.map(withoutUndefined) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.constantFrom('__proto__', 'constructor', 'unknownField'), fc.jsonValue())
            .map(([value, key, extra]) => ({ ...withoutUndefined(value), [key]: extra })),
        },
        { weight: 1, arbitrary: wrongJson },
      ),
    );
  }
  return nullable(scalarValue(type.name, options.ids));
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The leaf fields of a type without required arguments: a selection any caller may ask for. */
function leafSelection(type: GraphQLNamedType): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return '{ __typename }';
  const leaves = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

export interface Operation {
  text: string;
  variables: Record<string, unknown>;
}

/**
 * An operation calling one root field with these argument values: as variables (coercion of
 * JSON values) or written into the document as literals (the parser and literal coercion).
 */
export function operationFor(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  inline: boolean,
): Operation {
  const given = field.args.filter((a) => args[a.name] !== undefined);
  const selection = leafSelection(getNamedType(field.type));
  if (inline) {
    const list = given.map((a) => `${a.name}: ${literal(args[a.name], a)}`).join(', ');
    return { text: `${kind} { ${field.name}${list ? `(${list})` : ''} ${selection} }`, variables: {} };
  }
  const declared = given.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    text: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables: Object.fromEntries(given.map((a) => [a.name, args[a.name]])),
  };
}

/** A JSON value as a GraphQL literal; strings of an enum argument's names are written bare. */
function literal(value: unknown, arg?: GraphQLArgument): string {
  const named = arg ? getNamedType(arg.type) : undefined;
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) =>
      /^[_A-Za-z][_0-9A-Za-z]*$/.test(k),
    );
    return `{${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
  }
  return 'null';
}

/** Argument values for a field: each argument's arbitrary, undefined meaning "left out". */
export function argumentsFor(
  field: GraphQLField<unknown, unknown>,
  options: ValueOptions,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, options)])));
}

/** A JSON value like `example` (same keys and types), each value sometimes an edge or wrong one. */
export function jsonLike(example: unknown, options: ValueOptions): fc.Arbitrary<unknown> {
  if (typeof example === 'number') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(example) },
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_INTS, -0.5, 1.5, 1e308) },
      { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS.slice(0, 12)) },
      { weight: 1, arbitrary: wrongJson },
    );
  }
  if (typeof example === 'string') {
    const dates = /^\d{4}-\d\d-\d\d/.test(example) ? [...EDGE_DATES, ...EDGE_INSTANTS] : [];
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(example) },
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS, ...dates) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...options.ids), wrongJson) },
    );
  }
  if (example !== null && typeof example === 'object' && !Array.isArray(example)) {
    const entries = Object.entries(example as Record<string, unknown>);
    const record = fc.record(
      Object.fromEntries(
        entries.map(([k, v]) => [
          k,
          fc.oneof(
            { weight: 8, arbitrary: jsonLike(v, options) },
            { weight: 1, arbitrary: fc.constant(undefined) },
          ),
        ]),
      ),
    );
    return fc.oneof(
      { weight: 6, arbitrary: record.map(withoutUndefined) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            record,
            fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'extra_field'),
            fc.jsonValue(),
          )
          .map(([value, key, extra]) => ({ ...withoutUndefined(value), [key]: extra })),
      },
    );
  }
  return fc.oneof(fc.constant(example), wrongJson);
}

/** A JSON body as text, keeping own `__proto__` keys (JSON.stringify keeps them as data). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value);
}

/** One CSV cell: plausible or edge, sometimes needing quotes (commas, quotes, line breaks). */
export function csvCell(column: string, options: ValueOptions): fc.Arbitrary<string> {
  const plausible: Record<string, fc.Arbitrary<string>> = {
    user_id: fc.constantFrom(...options.ids),
    user_email: fc.constantFrom('alice@example.com', 'nobody@example.com', 'ALICE@EXAMPLE.COM'),
    kind: fc.constantFrom('ORDER_WON', 'call', 'LEAD_CREATED', 'Meeting', 'nope'),
    amount: fc.constantFrom(...EDGE_DECIMALS, ''),
    occurred_at: fc.constantFrom(...EDGE_INSTANTS, '2026-11-09T11:20:00Z'),
    external_id: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `fuzz-${s}`),
  };
  return fc.oneof(
    { weight: 4, arbitrary: plausible[column] ?? edgeString },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...EDGE_STRINGS.filter((s) => s.length < 1000),
        'a,b',
        'say "hi"',
        'two\nlines',
      ),
    },
  );
}

/** Quotes a CSV cell when it needs it (RFC 4180). */
export function csvQuote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
