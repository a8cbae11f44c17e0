/**
 * Starts the real server in-process on a free port, on its own database: a fresh copy of the
 * run's migrated template on Postgres (DATABASE_URL), or an in-memory PGlite. Tests talk to it
 * over HTTP like any client.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { inject } from 'vitest';
import { startApp, type App } from '../../api/app.ts';
import { signToken } from '../../api/core/auth.ts';
import { loadConfig } from '../../api/config.ts';
import { rows } from '../../api/db/client.ts';
import { databaseUrlFor } from './databases.ts';

export const TEST_JWT_SECRET = 'test-secret-for-pulse-tests-0123456789abcdef';

/**
 * The organisation's time zone for every test server when TEST_ORG_TIME_ZONE is set (the
 * pinned-date runs of .ci/run use zones where the organisation's date differs from UTC's, or
 * changes its offset that day); a test that sets TZ_NAME itself keeps its own.
 */
export const TEST_ORG_ZONE: Record<string, string> = process.env.TEST_ORG_TIME_ZONE
  ? { TZ_NAME: process.env.TEST_ORG_TIME_ZONE }
  : {};

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

export interface TestServer {
  readonly app: App;
  readonly url: string;
  /** A token for the user with this email (signed like the token CLI does). */
  token(email: string, expiresIn?: string): Promise<string>;
  /** POST /graphql; `as` is a token or an email (a token is signed for it). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Raw SQL against the server's database. */
  sql<T>(query: SQL): Promise<T[]>;
  /**
   * Today in the organisation's time zone, by the database's clock ('YYYY-MM-DD'): what "the
   * current period" of the API is computed from (a test that took UTC's date failed on a day the
   * organisation's zone had already begun another month).
   */
  today(): Promise<string>;
  /** A second connection pool to the same database (Postgres mode only), for concurrent writers. */
  databaseUrl: string | undefined;
  /**
   * Stops the app and starts a new one on the same database (with `env` added), as a server
   * restart does; `app` and `url` then name the new one. Needs `persistent` on PGlite.
   */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** PGlite: keep the database in the temporary DATA_DIR instead of memory, so restart() keeps it. */
  persistent?: boolean;
}

/**
 * With DATABASE_URL: a database of this test's own, copied from the run's migrated template
 * (global-setup.ts), and how to drop it; without: nothing (the app runs on in-memory PGlite).
 */
export async function copyTemplateDatabase(): Promise<{
  databaseUrl: string | undefined;
  dropDatabase: (() => Promise<void>) | undefined;
}> {
  const template = inject('templateDatabase');
  const base = process.env.DATABASE_URL;
  if (!base || !template) return { databaseUrl: undefined, dropDatabase: undefined };
  const name = `pulse_test_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  await admin.end();
  return {
    databaseUrl: databaseUrlFor(base, name),
    dropDatabase: async () => {
      const again = postgres(base, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

/**
 * A second API process on a test server's Postgres database (another instance of the same
 * deployment): its own pools, listener and live hub. Stop it with `stop()`.
 */
export function startPeer(databaseUrl: string, env: Record<string, string> = {}): Promise<App> {
  return startApp(
    loadConfig({
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    { inMemory: true },
  );
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { databaseUrl, dropDatabase } = await copyTemplateDatabase();
  const baseEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pulse-test-')),
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    EXPOSE_SQL_COUNT: 'true',
    // an idle keep-alive socket outlives the tests' pauses: closed by the server while the test's
    // fetch reuses it, a request fails with ECONNRESET (seen on a busy host at the 5 s default)
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000',
    ...TEST_ORG_ZONE,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  };
  const inMemory = !options.persistent;
  let app = await startApp(loadConfig(baseEnv), { inMemory });
  const tokens = new Map<string, string>();
  const token = (email: string, expiresIn?: string) => signToken(TEST_JWT_SECRET, email, expiresIn ?? '1h');
  return {
    get app() {
      return app;
    },
    get url() {
      return app.url;
    },
    databaseUrl,
    async restart(more: Record<string, string> = {}) {
      if (inMemory && !databaseUrl)
        throw new Error('restart() on PGlite needs startTestServer(env, { persistent: true })');
      await app.stop();
      app = await startApp(loadConfig({ ...baseEnv, ...more }), { inMemory });
    },
    token,
    async gql<T>(query: string, variables?: Record<string, unknown>, as?: string | null) {
      let bearer: string | undefined;
      if (as) {
        if (as.includes('@')) {
          bearer = tokens.get(as) ?? (await token(as));
          tokens.set(as, bearer);
        } else {
          bearer = as;
        }
      }
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, data: body.data, errors: body.errors, extensions: body.extensions };
    },
    sql: <T>(query: SQL) => rows<T>(app.database.db, query),
    async today() {
      const [row] = await rows<{ today: string }>(app.database.db, sql`select org_today()::text as today`);
      if (!row) throw new Error('org_today() answered nothing');
      return row.today;
    },
    async close() {
      await app.stop();
      await dropDatabase?.();
    },
  };
}

/** Asserts there were no errors and returns data (a readable failure otherwise). */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}

/** The first error's code and fields. */
export function errorOf(response: GraphQLResponse<unknown>): {
  code: unknown;
  fields: { field: string; message: string }[];
  message: string;
} {
  const error = response.errors?.[0];
  if (!error) throw new Error(`expected an error, got data ${JSON.stringify(response.data)}`);
  return {
    code: error.extensions?.code,
    fields: (error.extensions?.fields as { field: string; message: string }[] | undefined) ?? [],
    message: error.message,
  };
}
