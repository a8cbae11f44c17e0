/**
 * Applies drizzle/ migrations. On a Postgres server it holds an advisory lock on a connection of
 * its own for the whole run, so several instances starting together migrate once: the others wait,
 * then find nothing left to apply.
 */
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { DatabaseHandle } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** An arbitrary constant shared by every instance of this product. */
const MIGRATION_LOCK_KEY = 7_263_531_001;

export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!databaseUrl) throw new Error('migrateDatabase: databaseUrl is required in server mode');
  const conn = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(conn), { migrationsFolder: MIGRATIONS_FOLDER });
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await conn.end({ timeout: 5 });
  }
}
