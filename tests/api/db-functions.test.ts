/**
 * drizzle/functions/ holds the one current definition of every SQL and PL/pgSQL function
 * (docs/sql-functions.md; applied by api/db/migrate.ts after the versioned migrations). After
 * migrating, the database's functions are exactly the files' ones: each body equals its file's,
 * and no function exists that no file defines (one created by a migration alone would keep a body
 * nobody finds). Migrating again (every start does) changes no definition and records no
 * migration; a database migrated before the files existed ends like a new one. On PGlite, and on
 * the Postgres server of DATABASE_URL when it is set (empty databases of this test's own).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, rows, type DatabaseHandle } from '../../api/db/client.ts';
import {
  MIGRATIONS_FOLDER,
  migrateDatabase,
  readFunctionFiles,
  type FunctionFile,
} from '../../api/db/migrate.ts';
import { databaseUrlFor } from '../support/databases.ts';

interface DatabaseFunction {
  name: string;
  args: string;
  language: string;
  body: string;
  definition: string;
}

interface FileFunction {
  name: string;
  language: string;
  body: string;
}

/** Every SQL and PL/pgSQL function of the public schema (extensions' own left out). */
async function functionsOf(handle: DatabaseHandle): Promise<DatabaseFunction[]> {
  return rows<DatabaseFunction>(
    handle.db,
    sql`select p.proname::text as name, pg_get_function_identity_arguments(p.oid) as args,
          l.lanname::text as language, p.prosrc as body, pg_get_functiondef(p.oid) as definition
        from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        join pg_language l on l.oid = p.prolang
        where n.nspname = 'public' and l.lanname in ('sql', 'plpgsql')
          and not exists (select 1 from pg_depend d
                          where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
        order by 1, 2`,
  );
}

async function migrationCount(handle: DatabaseHandle): Promise<number> {
  const [row] = await rows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? -1;
}

const STATEMENT = /CREATE OR REPLACE FUNCTION\s+(\w+)\s*\(([^$]*?)\$\$([\s\S]*?)\$\$\s*;/g;

/** The functions a file defines, and what is left of it besides them and its comments. */
function parse(file: FunctionFile): { functions: FileFunction[]; rest: string } {
  const functions: FileFunction[] = [];
  const rest = file.sql
    .replace(STATEMENT, (_, name: string, head: string, body: string) => {
      functions.push({ name, language: /\bLANGUAGE\s+(\w+)/i.exec(head)?.[1]?.toLowerCase() ?? '', body });
      return '';
    })
    .replace(/--[^\n]*/g, '')
    .trim();
  return { functions, rest };
}

const onServer = Boolean(process.env.DATABASE_URL);
const opened: { handle: DatabaseHandle; drop: () => Promise<void> }[] = [];

/** An empty database of this test's own: in-memory PGlite, or a new database on the server. */
async function emptyDatabase(): Promise<{ handle: DatabaseHandle; url: string | undefined }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDatabase({});
    opened.push({ handle, drop: async () => {} });
    return { handle, url: undefined };
  }
  // the run's prefix: global-setup.ts drops whatever this file leaves behind
  const name = `pulse_test_${inject('runId')}_fn_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = databaseUrlFor(base, name);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 1 });
  opened.push({
    handle,
    drop: async () => {
      const again = postgres(base, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  });
  return { handle, url };
}

/** The versioned migrations alone: drizzle/0000_baseline.sql's functions are placeholders. */
async function migrateVersionedOnly(handle: DatabaseHandle, url: string | undefined): Promise<void> {
  if (!url) {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const conn = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(drizzlePostgres(conn), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await conn.end({ timeout: 5 });
  }
}

afterAll(async () => {
  for (const { handle, drop } of opened) {
    await handle.close();
    await drop();
  }
});

const files = readFunctionFiles();

describe('drizzle/functions files', () => {
  it('each defines the functions of its own name, with $$-quoted bodies, and nothing else', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { functions, rest } = parse(file);
      expect(functions.length, file.name).toBeGreaterThan(0);
      expect(
        functions.map((f) => f.name),
        file.name,
      ).toEqual(functions.map(() => file.name));
      expect(rest, `${file.name}: statements other than CREATE OR REPLACE FUNCTION`).toBe('');
      for (const f of functions) expect(['sql', 'plpgsql'], file.name).toContain(f.language);
    }
  });
});

describe(`function definitions after migrating (${onServer ? 'Postgres' : 'PGlite'})`, () => {
  // a new database, migrated once for the whole block (a migration takes seconds on PGlite)
  let fresh: { handle: DatabaseHandle; url: string | undefined };
  let freshFunctions: DatabaseFunction[];
  beforeAll(async () => {
    fresh = await emptyDatabase();
    await migrateDatabase(fresh.handle, fresh.url);
    freshFunctions = await functionsOf(fresh.handle);
  }, 180_000);

  it('are exactly those of drizzle/functions, body for body, none without a file', () => {
    const byName = new Map<string, DatabaseFunction[]>();
    for (const f of freshFunctions) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
    expect([...byName.keys()].sort()).toEqual(files.map((f) => f.name).sort());

    const key = (f: { language: string; body: string }) => `${f.language}\n${f.body}`;
    for (const file of files) {
      const expected = parse(file).functions.map(key).sort();
      const actual = (byName.get(file.name) ?? []).map(key).sort();
      expect(actual, file.name).toEqual(expected);
    }
  });

  it('stay as they are when migrating again, and no migration is recorded twice', async () => {
    const migrations = await migrationCount(fresh.handle);
    await migrateDatabase(fresh.handle, fresh.url);
    expect(await functionsOf(fresh.handle)).toEqual(freshFunctions);
    expect(await migrationCount(fresh.handle)).toBe(migrations);
  }, 60_000);

  it('replace the placeholders of a database built by the versioned migrations alone', async () => {
    const existing = await emptyDatabase();
    await migrateVersionedOnly(existing.handle, existing.url);
    const migrations = await migrationCount(existing.handle);
    await migrateDatabase(existing.handle, existing.url);
    expect(await migrationCount(existing.handle)).toBe(migrations);
    expect(await functionsOf(existing.handle)).toEqual(freshFunctions);
  }, 180_000);
});

describe('the migration journal', () => {
  it('dates every migration after the one before it, as drizzle applies only those newer than the last applied', () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const outOfOrder = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1]!.when);
    expect(outOfOrder.map((e) => e.tag)).toEqual([]);
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
  });
});

describe('a database part-way through the migrations 0000_baseline squashed', () => {
  it('is refused with a message that says what to do, and left as it was', async () => {
    const partial = await emptyDatabase();
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    const baselineWhen = journal.entries[0]!.when;
    // what a Pulse before the squash left after some of its migrations: the table drizzle keeps
    await partial.handle.db.execute(sql`create schema drizzle`);
    await partial.handle.db.execute(
      sql`create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    await partial.handle.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('partial', ${baselineWhen - 1})`,
    );
    await expect(migrateDatabase(partial.handle, partial.url)).rejects.toThrow(
      /stopped part-way through the migrations that drizzle\/0000_baseline\.sql now squashes/,
    );
    const tables = await rows<{ n: number }>(
      partial.handle.db,
      sql`select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    expect(tables[0]?.n).toBe(0);
  }, 60_000);
});
