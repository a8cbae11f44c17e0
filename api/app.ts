/**
 * The whole server as one object with a lifecycle: config -> database (migrated, bootstrapped) ->
 * HTTP -> background jobs; stop() reverses it. main.ts runs it; tests start it in-process.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { resolveJwtSecret } from './auth.ts';
import { bootstrapDatabase } from './bootstrap.ts';
import type { Config } from './config.ts';
import type { OrgSettings } from './context.ts';
import { openDatabase, rows, type DatabaseHandle } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { buildAppSchema } from './graphql/schema.ts';
import { startHttpServer } from './http.ts';
import { createLogger } from './logger.ts';

export interface App {
  readonly url: string;
  readonly port: number;
  readonly database: DatabaseHandle;
  readonly org: OrgSettings;
  readonly jwtSecret: string;
  readonly logger: Logger;
  stop(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Keep an embedded database in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
  now?: Date;
}

/** Goals whose period ended are closed (MISSED) by the database; this asks it to look every minute. */
const GOAL_SWEEP_MS = 60_000;

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const jwtSecret = resolveJwtSecret(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
    poolSize: config.dbPoolSize,
  });
  try {
    await migrateDatabase(database, config.databaseUrl);
    const org = await bootstrapDatabase(database.db, config, logger, options.now);
    const http = await startHttpServer({
      config,
      database,
      logger,
      schema: await buildAppSchema(),
      jwtSecret,
      org,
    });
    const sweep = async () => {
      try {
        await rows(database.db, sql`select refresh_goal_statuses()`);
      } catch (error) {
        logger.error({ err: error }, 'goal status sweep failed');
      }
    };
    await sweep();
    const sweeper = setInterval(() => void sweep(), GOAL_SWEEP_MS);
    sweeper.unref();
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://localhost:${port}`,
      port,
      database,
      org,
      jwtSecret,
      logger,
      stop: () =>
        (stopping ??= (async () => {
          clearInterval(sweeper);
          await http.stop();
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
