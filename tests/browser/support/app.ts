/**
 * The real server with the demo organisation, for browser tests, that can be stopped and started
 * again on the same port and database (the TV must recover by itself). On Postgres (DATABASE_URL)
 * it copies the run's migrated template database; on PGlite it keeps its data in a temporary
 * DATA_DIR so a restart finds it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../../api/app.ts';
import { signToken } from '../../../api/core/auth.ts';
import { loadConfig } from '../../../api/config.ts';
import { copyTemplateDatabase, TEST_JWT_SECRET, TEST_ORG_ZONE } from '../../support/server.ts';

export interface BrowserServer {
  readonly url: string;
  token(email: string): Promise<string>;
  /** POST /graphql as the user with this email; throws on GraphQL errors. */
  gql<T>(email: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Subscribers of kudosGiven in the live hub (0 while stopped). */
  kudosSubscribers(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** `env`: more configuration (e.g. WEBHOOK_ALLOW_PRIVATE for a receiver on this machine). */
export async function startBrowserServer(env: Record<string, string> = {}): Promise<BrowserServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-browser-'));
  const { databaseUrl, dropDatabase } = await copyTemplateDatabase();
  let port = 0;
  let app: App | null = null;
  const start = async () => {
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SHUTDOWN_GRACE_MS: '2000',
      ...TEST_ORG_ZONE,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    });
    app = await startApp(config);
    port = app.port;
  };
  await start();
  const url = `http://127.0.0.1:${port}`;
  const token = (email: string) => signToken(TEST_JWT_SECRET, email, '2h');
  return {
    url,
    token,
    async gql<T>(email: string, query: string, variables?: Record<string, unknown>): Promise<T> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(email)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data)
        throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    kudosSubscribers: () => app?.live.kudosSubscriberCount ?? 0,
    async stop() {
      await app?.stop();
      app = null;
    },
    start,
    async close() {
      await app?.stop();
      app = null;
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
