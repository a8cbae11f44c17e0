/**
 * Raw SQL as a named prepared statement, for the statements every request runs (viewer lookup,
 * leaderboard, performance reads). drizzle's `db.execute` sends raw SQL unprepared, and
 * postgres.js then sends a parameterised statement in two round trips (Parse/Describe, wait for
 * the parameter types, then Bind/Execute) and Postgres plans it again every time; prepared, it is
 * one round trip (Bind/Execute) and a cached plan per connection. The SQL text must not vary with
 * the values (bind them): postgres.js keeps one statement per distinct text per connection.
 * On PGlite this is the same as `rows()` (api/db/client.ts).
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Queryable } from './db/client.ts';

const dialect = new PgDialect();

export async function preparedRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  // a name makes drizzle's postgres.js session prepare the statement (the name itself is unused)
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, 'pulse', false);
  const result: unknown = await prepared.execute();
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
