/**
 * Brings a database to this version's schema in two steps, both on every start:
 * 1. drizzle/NNNN_*.sql, the versioned migrations (schema changes), each once, recorded in
 *    drizzle.__drizzle_migrations; applied files are history and never edited.
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

/** Runs each file (several statements, simple protocol) with its name in any error. */
async function applyFunctionFiles(execute: (sql: string) => Promise<unknown>): Promise<void> {
  for (const file of readFunctionFiles()) {
    try {
      await execute(file.sql);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`drizzle/functions/${file.name}.sql: ${message}`, { cause: error });
    }
  }
}

export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    const pglite = handle.pglite;
    if (!pglite) throw new Error('migrateDatabase: a PGlite handle without its PGlite instance');
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    await pglite.transaction((tx) => applyFunctionFiles((text) => tx.exec(text)));
    return;
  }
  if (!databaseUrl) throw new Error('migrateDatabase: databaseUrl is required in server mode');
  const conn = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(conn), { migrationsFolder: MIGRATIONS_FOLDER });
    await conn.begin((tx) => applyFunctionFiles((text) => tx.unsafe(text)));
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await conn.end({ timeout: 5 });
  }
}
