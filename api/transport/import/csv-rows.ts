/**
 * CSV activity rows -> ActivityInput, without judging them: the header names the columns, each
 * cell is translated (trimmed, kind upper-cased, amount and instant parsed the way the GraphQL
 * scalars parse them), and the rules are left to checkActivities. Problems only the file can have
 * (an unknown email, a malformed amount, a short row) are reported here, by line and column.
 */
import { DateTimeResolver } from 'graphql-scalars';
import type { ActivityKind } from '../../../schema/db/constants.ts';
import { BadInputError } from '../../core/errors.ts';
import { normaliseDecimal } from '../../core/graphql/scalars.ts';
import { NUL_MESSAGE } from '../../core/graphql/text-input.ts';
import type { ActivityInput } from '../../modules/performance/performance.type.ts';

export const COLUMNS = ['user_id', 'user_email', 'kind', 'amount', 'occurred_at', 'external_id'] as const;
export type Column = (typeof COLUMNS)[number];

export interface Header {
  /** Index of each known column present in the file. */
  readonly index: Partial<Record<Column, number>>;
  readonly width: number;
  /** Columns the file has that the import does not read. */
  readonly ignored: string[];
}

export interface RowError {
  line: number;
  column: Column | null;
  reason: string;
}

/** A data row translated for checkActivities, with what the file alone says about it. */
export interface CsvRow {
  line: number;
  input: ActivityInput;
  /** The column that names the user. */
  userColumn: 'user_id' | 'user_email';
  /** user_email to resolve (when user_id is empty). */
  email: string | null;
  errors: RowError[];
}

/** The header row; BAD_USER_INPUT (field "header") when a required column is missing. */
export function readHeader(cells: string[]): Header {
  const names = cells.map((c) => c.trim().toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  const problems: string[] = [];
  names.forEach((name, i) => {
    const column = COLUMNS.find((c) => c === name);
    if (!column) ignored.push(cells[i] ?? name);
    else if (index[column] !== undefined) problems.push(`column ${column} appears twice`);
    else index[column] = i;
  });
  const missing = (['kind', 'occurred_at', 'external_id'] as const).filter((c) => index[c] === undefined);
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (index.user_id === undefined && index.user_email === undefined)
    problems.push('missing column user_id or user_email');
  if (problems.length) {
    throw new BadInputError(problems.map((message) => ({ field: 'header', message })));
  }
  return { index, width: cells.length, ignored };
}

/**
 * The first line of a record: csv-parse reports the line a record ends on, and counts a CRLF
 * inside a quoted field as two lines, so both are taken back out using the field values.
 */
export function firstLine(endLine: number, cells: readonly string[]): number {
  let crlf = 0;
  let lf = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    crlf += cell.split('\r\n').length - 1;
    lf += cell.split('\n').length - 1;
  }
  return endLine - crlf - lf;
}

/** An instant as the DateTime scalar reads it; an unreadable one becomes an invalid Date (the rules say why). */
function instant(text: string): Date {
  try {
    return DateTimeResolver.parseValue(text);
  } catch {
    return new Date(NaN);
  }
}

export function readRow(header: Header, cells: string[], line: number): CsvRow {
  const raw = (c: Column): string => {
    const i = header.index[c];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const errors: RowError[] = [];
  if (cells.length !== header.width) {
    errors.push({ line, column: null, reason: `has ${cells.length} columns, the header ${header.width}` });
  }
  // Postgres text cannot hold it (core/graphql/text-input.ts does the same for GraphQL): such a
  // cell is an error and reads as empty, so no lookup or rule ever sends it to the database
  const withNul = new Set(COLUMNS.filter((c) => raw(c).includes('\u0000')));
  for (const column of withNul) errors.push({ line, column, reason: NUL_MESSAGE });
  const cell = (c: Column): string => (withNul.has(c) ? '' : raw(c));
  const userId = cell('user_id');
  const email = userId === '' ? cell('user_email') : '';
  const userColumn = email !== '' || header.index.user_id === undefined ? 'user_email' : 'user_id';
  if (userId === '' && email === '' && !withNul.has('user_id') && !withNul.has('user_email'))
    errors.push({ line, column: userColumn, reason: 'names no user' });
  const amountText = cell('amount');
  const amount = amountText === '' ? null : (normaliseDecimal(amountText) ?? amountText);
  if (amount !== null && normaliseDecimal(amountText) === null) {
    errors.push({
      line,
      column: 'amount',
      reason: 'must be a decimal number with at most 12 digits and 2 decimals',
    });
  }
  return {
    line,
    userColumn,
    email: email === '' ? null : email.toLowerCase(),
    errors,
    input: {
      userId,
      // upper-cased only: whether it is a kind at all is the rules' decision
      kind: cell('kind').toUpperCase() as ActivityKind,
      amount,
      occurredAt: instant(cell('occurred_at')),
      externalId: cell('external_id'),
    },
  };
}
