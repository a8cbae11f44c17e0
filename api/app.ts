/**
 * The whole server as one object with a lifecycle: config -> database (migrated, bootstrapped) ->
 * live hub + LISTEN bridge -> HTTP + WebSocket -> background jobs (webhook worker, goal sweep with
 * the pace alerts);
 * stop() reverses it (the webhook worker and sockets first, then the listener, then in-flight HTTP
 * requests finish, then the database closes).
 * main.ts runs it; tests start it in-process.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { resolveJwtSecret } from './core/auth.ts';
import { AuthService } from './modules/auth/service.ts';
import { OidcSignIn } from './modules/auth/oidc.ts';
import { SessionStore } from './modules/auth/sessions.ts';
import { createMailer } from './modules/auth/mailer.ts';
import { bootstrapDatabase, readOrgValues } from './bootstrap.ts';
import type { Config, OrgSettings } from './config.ts';
import { openDatabase, rows, type DatabaseHandle } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { buildAppSchema } from './core/graphql/schema.ts';
import { startHttpServer } from './transport/http/server.ts';
import { createBridge, type Bridge } from './live/feed/bridge.ts';
import { ViewerDirectory } from './live/caches/directory.ts';
import { ScreenPresence } from './modules/auth/screen-presence.ts';
import { PeriodCache } from './live/caches/period-cache.ts';
import { LiveHub } from './live/hub.ts';
import { createLogger } from './core/logger.ts';
import { createWebhookWorker, type WebhookWorker } from './jobs/webhooks/worker.ts';
import { ContestScheduler } from './jobs/contests/scheduler.ts';
import { createPaceAlerts, type PaceAlerts } from './jobs/pace/pace-alerts.ts';
import { startWebSocketServer, type WsServer } from './transport/ws/server.ts';

export interface App {
  readonly url: string;
  readonly port: number;
  readonly database: DatabaseHandle;
  readonly org: OrgSettings;
  readonly jwtSecret: string;
  readonly logger: Logger;
  readonly live: LiveHub;
  readonly bridge: Bridge;
  readonly directory: ViewerDirectory;
  readonly figures: PeriodCache;
  readonly ws: WsServer;
  readonly webhooks: WebhookWorker;
  /** Contest starts and freezes (tests set `contests.clock.now`, then call `contests.check()`). */
  readonly contests: ContestScheduler;
  /** GOAL_BEHIND_PACE: tests set `paceAlerts.clock.now` and call `sweep()`. */
  readonly paceAlerts: PaceAlerts;
  /** Sign-in and sessions; tests set `auth.clock.now` to move its time. */
  readonly auth: AuthService;
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
/** Ended sessions and stale sign-in failure counts are deleted this often (auth/service.ts prune). */
const AUTH_PRUNE_MS = 3_600_000;

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const jwtSecret = resolveJwtSecret(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
    poolSize: config.dbPoolSize,
  });
  const stack: (() => Promise<void> | void)[] = [() => database.close()];
  /** Set once stop() is called: /readyz answers 503 from then on, while requests drain. */
  let stopping: Promise<void> | undefined;
  const unwind = async () => {
    for (const step of stack.reverse()) await step();
  };
  try {
    await migrateDatabase(database, config.databaseUrl);
    const org = await bootstrapDatabase(database.db, config, logger, options.now);
    const schema = await buildAppSchema();

    // goals falling behind pace (api/jobs/pace): judged each sweep and when a goal changes
    const paceAlerts = createPaceAlerts({ db: database.db, org, logger });
    stack.push(() => paceAlerts.dispose());
    const live = new LiveHub({
      db: database.db,
      org,
      logger,
      coalesceMs: config.liveCoalesceMs,
      maxCoalesceMs: config.liveMaxCoalesceMs,
      // HTTP leaderboard reads from memory only when the listener has every change (bridge below)
      caughtUp: () => bridge.caughtUp(),
    });
    await live.start();
    stack.push(() => live.dispose());
    // started after the webhook worker (below); told of contest changes by the bridge from the start
    const contests = new ContestScheduler({ db: database.db, org, logger });
    stack.push(() => contests.dispose());
    // the bridge feeds the directory (below) only once started, so both can be consts
    const bridge = createBridge({
      database,
      databaseUrl: config.databaseUrl,
      busyDrainMs: config.liveCoalesceMs,
      logger,
      onMessage: (message) => {
        if (message.t === 'org') reloadSettings();
        if (message.t === 'contest' || message.t === 'all') contests.contestsChanged();
        directory.handle(message);
        sessions.handle(message);
        figures.handle(message);
        live.handle(message);
        if (message.t === 'goal') paceAlerts.goalsChanged(message.ids);
      },
      onReconnect: () => {
        directory.invalidate();
        sessions.invalidate();
        figures.invalidate();
        live.everythingChanged();
        contests.contestsChanged();
      },
      heartbeatMs: config.liveHeartbeatMs,
      heartbeatTimeoutMs: config.liveHeartbeatTimeoutMs,
    });
    // who each token is, kept until the users/teams tables change (the bridge says when); nothing
    // is served from it while the bridge is not known to hear every change
    const directory = new ViewerDirectory(database.db, { current: () => bridge.current });
    // team figures for HTTP reads, kept until the bridge delivers a change to their period
    const figures = new PeriodCache({ caughtUp: () => bridge.caughtUp(), current: () => bridge.current });
    // sessions (cookie sign-in), cached like the directory and dropped on the same notification
    const clock = { now: () => Date.now() };
    const sessions = new SessionStore(database.db, directory, {
      ttlMs: config.sessionTtlMs,
      idleMs: config.sessionIdleMs,
      clock,
      current: () => bridge.current,
      logger,
    });
    // invitation and reset links, mailed when SMTP_URL is set
    const mailer = config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom, logger) : undefined;
    if (mailer) stack.push(() => mailer.close());
    // the port a link names without PUBLIC_URL: the one the server listens on (PORT=0: chosen then)
    let listening = config.port;
    const auth = new AuthService(database.db, sessions, clock, config, mailer, logger, () => listening);
    // the organisation's settings changed (here or in another process): boards and figures follow
    org.onChange(() => {
      figures.invalidate();
      live.everythingChanged();
    });
    const reloadSettings = () => {
      readOrgValues(database.db)
        .then((stored) => stored && org.apply(stored))
        .catch((error: unknown) =>
          logger.error({ err: error }, 'reloading the organisation settings failed'),
        );
    };
    // single sign-on (OIDC_ISSUER): the provider is asked for its metadata at the first sign-in
    const oidc = config.oidc
      ? new OidcSignIn({
          db: database.db,
          sessions,
          directory,
          settings: config.oidc,
          jwtSecret,
          publicUrl: () => config.publicUrl ?? `http://localhost:${listening}`,
          logger,
        })
      : undefined;
    await bridge.start();
    stack.push(() => bridge.dispose());

    const http = await startHttpServer({
      config,
      database,
      logger,
      schema,
      jwtSecret,
      org,
      directory,
      boards: live,
      figures,
      auth,
      oidc,
      readiness: () => ({ listener: bridge.current, stopping: stopping !== undefined }),
    });
    stack.push(() => http.stop());
    const ws = startWebSocketServer({
      config,
      server: http.server,
      schema,
      database,
      jwtSecret,
      org,
      live,
      directory,
      sessions,
      presence: new ScreenPresence(database.db, clock, logger),
      logger,
    });
    stack.push(() => ws.dispose());

    // after the hub (rank changes) and before the database closes (stop unwinds in reverse)
    const webhooks = createWebhookWorker({
      db: database.db,
      logger,
      live,
      pollMs: config.webhookPollMs,
      timeoutMs: config.webhookTimeoutMs,
      maxAttempts: config.webhookMaxAttempts,
      retryBaseMs: config.webhookRetryBaseMs,
      allowPrivateUrls: config.webhookAllowPrivate,
      org,
    });
    webhooks.start();
    stack.push(() => webhooks.dispose());
    // contests that ended or started while no process ran: frozen and announced now
    await contests.start();

    const sweep = async () => {
      try {
        await rows(database.db, sql`select refresh_goal_statuses()`);
      } catch (error) {
        logger.error({ err: error }, 'goal status sweep failed');
      }
      try {
        await paceAlerts.sweep();
      } catch (error) {
        logger.error({ err: error }, 'pace alert sweep failed');
      }
    };
    await sweep();
    const sweeper = setInterval(() => void sweep(), GOAL_SWEEP_MS);
    sweeper.unref();
    stack.push(() => clearInterval(sweeper));

    // ended sessions and old sign-in failure counts are deleted hourly, not per request
    const prune = setInterval(() => {
      auth.prune().catch((error: unknown) => logger.error({ err: error }, 'sign-in pruning failed'));
    }, AUTH_PRUNE_MS);
    prune.unref();
    stack.push(() => clearInterval(prune));

    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    listening = port;
    return {
      url: `http://localhost:${port}`,
      port,
      database,
      org,
      jwtSecret,
      logger,
      live,
      bridge,
      directory,
      figures,
      ws,
      webhooks,
      contests,
      paceAlerts,
      auth,
      stop: () => (stopping ??= unwind()),
    };
  } catch (error) {
    await unwind().catch(() => {});
    throw error;
  }
}
