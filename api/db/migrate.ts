/**
 * Brings a database to this version's schema in two steps, both on every start:
 * 1. drizzle/NNNN_*.sql, the versioned migrations (schema changes), each once, recorded in
 *    drizzle.__drizzle_migrations; applied files are history and never edited (0000_baseline
 *    squashed 0000-0014 once: a database stopped between two of those is refused, see below).
 * 2. drizzle/functions/*.sql, the current definition of every SQL and PL/pgSQL function, one file
 *    per function name, all of them, in file-name order, as CREATE OR REPLACE: idempotent, so a new
 *    database and one migrated long ago end with the same bodies, those of the files.
 * Both run in transactions (one for the migrations, one for the functions: a failing file changes
 * nothing). On a Postgres server an advisory lock on a connection of its own covers the whole run,
 * so several instances starting together migrate once and never replace a function concurrently:
 * the others wait, then find nothing left to apply and rewrite the same bodies. docs/sql-functions.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { DatabaseHandle } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export const FUNCTIONS_FOLDER = join(MIGRATIONS_FOLDER, 'functions');
/** An arbitrary constant shared by every instance of this product. */
const MIGRATION_LOCK_KEY = 7_263_531_001;

export interface FunctionFile {
  /** The file name without `.sql`: the name of the function(s) it defines. */
  readonly name: string;
  readonly sql: string;
}

/** drizzle/functions/*.sql in the order they are applied: by file name (code units, not locale). */
export function readFunctionFiles(folder: string = FUNCTIONS_FOLDER): FunctionFile[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.sql'.length), sql: readFileSync(join(folder, file), 'utf8') }));
}

/**
 * The squashed baseline (drizzle/0000_baseline.sql) carries the date of the last migration it
 * replaced, so a database those migrations built is at it already and skips it. A database that
 * ran only some of them would get the baseline on top of a partial schema and fail halfway with a
 * confusing "already exists": refuse it first, saying what to do.
 */
export async function checkNotPartlyMigrated(
  query: (sql: string) => Promise<{ last: string | null }[]>,
): Promise<void> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const baseline = journal.entries[0];
  if (!baseline) return;
  const [table] = await query(`select to_regclass('drizzle.__drizzle_migrations')::text as last`);
  if (!table?.last) return;
  const [row] = await query('select max(created_at)::text as last from drizzle.__drizzle_migrations');
  const last = row?.last == null ? null : Number(row.last);
  if (last !== null && last < baseline.when) {
    throw new Error(
      `This database stopped part-way through the migrations that drizzle/${baseline.tag}.sql now ` +
        `squashes (its last one is from ${new Date(last).toISOString()}). Start the Pulse version ` +
        `that created it once, so it finishes them, then this one.`,
    );
  }
}

/**
 * Runs each file (several statements, simple protocol) with its name in any error. SQL-language
 * bodies are checked when created, so a function may not name one from a later file: all are
 * created with the check off (as pg_dump does), then the SQL ones again with it on, which checks
 * every body against the finished schema and functions.
 */
async function applyFunctionFiles(execute: (sql: string) => Promise<unknown>): Promise<void> {
  const files = readFunctionFiles();
  const run = async (file: FunctionFile): Promise<void> => {
    try {
      await execute(file.sql);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`drizzle/functions/${file.name}.sql: ${message}`, { cause: error });
    }
  };
  await execute('SET LOCAL check_function_bodies = off');
  for (const file of files) await run(file);
  await execute('SET LOCAL check_function_bodies = on');
  for (const file of files.filter((f) => /\bLANGUAGE\s+sql\b/i.test(f.sql))) await run(file);
}

export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    const pglite = handle.pglite;
    if (!pglite) throw new Error('migrateDatabase: a PGlite handle without its PGlite instance');
    await checkNotPartlyMigrated(async (text) => (await pglite.query<{ last: string | null }>(text)).rows);
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    await pglite.transaction((tx) => applyFunctionFiles((text) => tx.exec(text)));
    return;
  }
  if (!databaseUrl) throw new Error('migrateDatabase: databaseUrl is required in server mode');
  const conn = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await checkNotPartlyMigrated((text) => conn.unsafe<{ last: string | null }[]>(text));
    await migratePostgres(drizzlePostgres(conn), { migrationsFolder: MIGRATIONS_FOLDER });
    await conn.begin((tx) => applyFunctionFiles((text) => tx.unsafe(text)));
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await conn.end({ timeout: 5 });
  }
}
