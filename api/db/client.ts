/**
 * One drizzle schema, two drivers: postgres.js against a Postgres server (DATABASE_URL), or PGlite
 * (Postgres in WASM) persisted under DATA_DIR. Callers get the same `Database` type either way; raw
 * SQL goes through `rows()` which hides the drivers' different result shapes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../../schema/db/index.ts';
import { tracing } from '../core/tracing.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema>;
/** Anything that runs queries: the database or a transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'postgres' | 'pglite';
  /** The PGlite instance in embedded mode (its LISTEN runs on the same single connection). */
  readonly pglite: PGlite | undefined;
  /** The postgres.js client in server mode. */
  readonly pg: postgres.Sql | undefined;
  /** How `db` uses its connections (metrics; see PoolUse). */
  readonly pool: PoolUse;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the database in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

type Unsafe = postgres.Sql['unsafe'];

/**
 * The pool as this process uses it, counted where every statement of `db` passes (neither driver
 * tells): `busy` is the units of work started and not finished, a unit being a statement outside
 * a transaction or a whole transaction (it holds its connection throughout). postgres.js gives a
 * unit an idle connection, else opens one, and only past `size` makes it wait (queued or
 * pipelined behind another), so min(busy, size) connections are in use and the rest wait. PGlite
 * is one connection running one statement at a time: size 1. Counted: one increment and one
 * promise reaction per statement.
 */
export interface PoolUse {
  readonly size: number;
  busy: number;
}

/** Counts `work` as busy until it settles (its outcome is the caller's: both paths handled here). */
function track<W extends PromiseLike<unknown>>(use: PoolUse | undefined, work: W): W {
  if (!use) return work;
  use.busy += 1;
  const done = () => {
    use.busy -= 1;
  };
  work.then(done, done);
  return work;
}

/**
 * drizzle hands postgres.js every query it builds as `unsafe(text, params, { prepare: false })`
 * unless the query was given a name, and postgres.js runs an unprepared query with parameters in
 * two round trips (Parse/Describe, wait for the types, then Bind/Execute) that Postgres plans
 * again every time. Through this wrapper every query with parameters is prepared: one round trip
 * and a plan cached per connection (postgres.js keys them by text; our texts do not vary with the
 * values). Statements without parameters stay unprepared: a migration is several commands in one
 * string, which only the simple protocol accepts. Transactions get the same wrapper.
 */
function preparing<T extends postgres.Sql | postgres.TransactionSql>(sql: T, use?: PoolUse): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        const unsafe: Unsafe = (query, parameters, options) =>
          track(
            use,
            target.unsafe(query, parameters, {
              ...options,
              prepare: options?.prepare === true || (parameters?.length ?? 0) > 0,
            }),
          );
        return unsafe;
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const run = args[last] as (tx: postgres.TransactionSql) => unknown;
          // a transaction's statements are part of its unit: not counted again
          args[last] = (tx: postgres.TransactionSql) => run(preparing(tx));
          return track(use, (target as postgres.Sql).begin(...(args as Parameters<postgres.Sql['begin']>)));
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? ((value as (...a: unknown[]) => unknown).bind(target) as unknown)
        : value;
    },
  });
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pg = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connection: { application_name: 'pulse' },
    });
    const pool: PoolUse = { size: options.poolSize ?? 10, busy: 0 };
    // a span per statement while tracing is on (core/tracing.ts)
    const client = tracing ? tracing.postgres(preparing(pg, pool)) : preparing(pg, pool);
    const db = drizzlePostgres(client, { schema, logger: everyStatement }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      pglite: undefined,
      pg,
      pool,
      ping: () => ping(db),
      close: () => pg.end({ timeout: 5 }),
    };
  }
  let dataDir: string | undefined;
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
    dataDir = join(options.dataDir, 'pglite');
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  const pool: PoolUse = { size: 1, busy: 0 };
  const client = tracing ? tracing.pglite(pglite) : pglite;
  const db = drizzlePglite(counting(client, pool), { schema, logger: everyStatement }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    // traced too: its LISTEN callbacks run within the committing writer's call
    pglite: client,
    pg: undefined,
    pool,
    ping: () => ping(db),
    close: () => pglite.close().finally(unlock),
  };
}

/** PGlite as drizzle uses it (query, transaction), each call counted in `use` (PoolUse). */
function counting(pglite: PGlite, use: PoolUse): PGlite {
  const query: PGlite['query'] = (...args) => track(use, pglite.query(...args));
  const transaction: PGlite['transaction'] = (callback) => track(use, pglite.transaction(callback));
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? ((value as (...a: unknown[]) => unknown).bind(target) as unknown)
        : value;
    },
  });
}

async function ping(db: Database): Promise<boolean> {
  try {
    await rows(db, sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sees every statement drizzle runs in this process, a request's (countingInto) or not: nothing by
 * default; the benchmarks' server counts them here (bench/servers/pulse-server.ts).
 */
export const everyStatement: Logger = {
  logQuery() {},
};

/** What countingInto counts into (core/request-scope.ts RequestScope). */
export interface StatementCounter {
  statements: number;
}

/** The parts of drizzle's PgDatabase and its session that countingInto replaces (drizzle 0.45). */
interface DrizzleInternals {
  session: { logger: Logger; options: { logger?: Logger } };
  dialect: unknown;
  _: { schema: unknown; fullSchema: unknown; tableNamesMap: unknown; session: unknown };
}

/**
 * A view of `db` whose statements are counted in `counter`: the same connections, dialect and
 * schema; its own session (inheriting the shared one's) whose drizzle logger counts. Every
 * statement drizzle runs logs through its session's logger, and a transaction's session (nested
 * ones too) is made from the options of the session it starts on: counted as well. Two object
 * allocations and a logger per call (a drizzle instance per request would build a relational
 * query builder per table); the relational `query` API, unused here, is built on first use.
 */
export function countingInto(db: Database, counter: StatementCounter): Database {
  const shared = db as unknown as DrizzleInternals;
  const root = sharedDatabase(db);
  const logger: Logger = {
    logQuery(query, params) {
      counter.statements += 1;
      everyStatement.logQuery(query, params);
    },
  };
  const session = Object.create(shared.session) as DrizzleInternals['session'];
  session.logger = logger;
  session.options = { ...shared.session.options, logger };
  const view = Object.create(db) as DrizzleInternals & { query: unknown };
  view.session = session;
  view._ = { ...shared._, session };
  let query: unknown;
  Object.defineProperty(view, 'query', {
    get() {
      const Drizzle = db.constructor as new (
        dialect: unknown,
        session: unknown,
        schema: unknown,
      ) => {
        query: unknown;
      };
      return (query ??= new Drizzle(shared.dialect, session, shared._).query);
    },
  });
  views.set(view, root);
  return view as unknown as Database;
}

/** Each view countingInto made, to the shared database it is a view of. */
const views = new WeakMap<object, Database>();

/**
 * The process's database `db` is, or is a view of (countingInto): what identifies the database
 * (e.g. as a key of settings kept per app: jobs/webhooks/url-policy.ts).
 */
export function sharedDatabase(db: Database): Database {
  return views.get(db) ?? db;
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
