/**
 * Raw SQL rows of a drizzle table, derived from the table itself: the select list, the row's
 * type (the table's columns under their database names, timestamps as Date or text as the driver
 * returns them) and the mapping back to what drizzle's own select returns. Statements written in
 * raw SQL (a user and their rollups in one statement, the ranked board) read whole rows this way,
 * so a new column is declared once, in schema/db, and every reader follows.
 */
import { getTableColumns, sql, type InferSelectModel, type SQL, type Table } from 'drizzle-orm';

/** `teamId` → `team_id`: drizzle's casing of this schema's column names. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

type Raw<V> = V extends Date ? Date | string : V;

/** A row of T as raw SQL returns it, its keys prefixed (e.g. `team_` for a joined team). */
export type RawColumns<T, Prefix extends string = ''> = {
  [K in keyof T as `${Prefix}${SnakeCase<K & string>}`]: Raw<T[K]>;
};

/**
 * The table's columns of `alias`, each under its own name or `prefix` + its name; `omit` leaves
 * columns out by their key (a joined team's id is the user's team_id already).
 */
export function columnList(
  table: Table,
  alias: string,
  options: { prefix?: string; omit?: readonly string[] } = {},
): SQL {
  const { prefix = '', omit = [] } = options;
  const names = Object.entries(getTableColumns(table))
    .filter(([key]) => !omit.includes(key))
    .map(([, column]) =>
      prefix === '' ? `${alias}.${column.name}` : `${alias}.${column.name} as ${prefix}${column.name}`,
    );
  return sql.raw(names.join(', '));
}

/** A raw row (columns under their database names, after `prefix`) as drizzle's select maps it. */
export function fromRawColumns<T extends Table>(
  table: T,
  raw: Readonly<Record<string, unknown>>,
  prefix = '',
): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[`${prefix}${column.name}`];
    row[key] =
      column.dataType === 'date' && value !== null && !(value instanceof Date)
        ? new Date(value as string)
        : value;
  }
  return row as InferSelectModel<T>;
}
