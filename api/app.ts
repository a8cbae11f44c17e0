/**
 * The whole server as one object with a lifecycle: config -> database (migrated, bootstrapped) ->
 * live hub + LISTEN bridge -> HTTP + WebSocket -> background jobs (webhook worker, goal sweep with
 * the pace alerts: maintenance.ts);
 * stop() reverses it (shutdown.ts: the webhook worker and sockets first, then the listener, then
 * in-flight HTTP requests finish, then the database closes).
 * main.ts runs it; tests start it in-process.
 * A little over 300 lines because it is the one place that wires every component, in start order:
 * split, the order (and what each is given) would be spread over files.
 */
import type { Logger } from 'pino';
import { resolveJwtSecret } from './core/auth.ts';
import { AuthService } from './modules/auth/service.ts';
import { OidcSignIn } from './modules/auth/oidc.ts';
import { SessionStore } from './modules/auth/sessions.ts';
import { createMailer } from './modules/auth/mailer.ts';
import { bootstrapDatabase, readOrgValues } from './bootstrap.ts';
import type { Config, OrgSettings } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
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
import { setMailEnabled } from './jobs/notifications/outbox.ts';
import { createTeamRankCheck, type TeamRankCheck } from './jobs/notifications/team-rank.ts';
import { createMailWorker, type MailWorker } from './jobs/notifications/worker.ts';
import { createWeeklyDigest, type WeeklyDigest } from './jobs/notifications/weekly-digest.ts';
import { createDigestReports } from './jobs/notifications/digest-report.ts';
import { trendChartPng } from './reports/trend-chart.ts';
import { startWebSocketServer, type WsServer } from './transport/ws/server.ts';
import { Metrics } from './core/metrics.ts';
import { startMetricsPort } from './transport/http/metrics-endpoint.ts';
import { startMaintenance } from './maintenance.ts';
import { createShutdown } from './shutdown.ts';

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
  /**
   * E-mail notifications, while SMTP_URL is set (docs/notifications.md); tests set
   * `digest.clock.now` and call `digest.check()` to choose the weekly digest's week.
   */
  readonly notifications: { worker: MailWorker; teamRank: TeamRankCheck; digest: WeeklyDigest } | undefined;
  /** Sign-in and sessions; tests set `auth.clock.now` to move its time. */
  readonly auth: AuthService;
  /** Prometheus metrics (core/metrics.ts); served per config.metrics (docs/operations.md#metrics). */
  readonly metrics: Metrics;
  /** METRICS_PORT's server (its /metrics), when set. */
  readonly metricsUrl: string | undefined;
  stop(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Keep an embedded database in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
  now?: Date;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const jwtSecret = resolveJwtSecret(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
    poolSize: config.dbPoolSize,
  });
  const shutdown = createShutdown();
  shutdown.push(() => database.close());
  try {
    await migrateDatabase(database, config.databaseUrl);
    const org = await bootstrapDatabase(database.db, config, logger, options.now);
    // mail notifications are enqueued only while this says SMTP is configured (docs/notifications.md)
    await setMailEnabled(database.db, config.smtpUrl !== undefined);
    const schema = await buildAppSchema();
    const metrics = new Metrics({
      subscriptionFields: Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
      processMetrics: config.metrics !== undefined,
      logger,
    });

    // who took or lost #1 on a team's monthly board, mailed (with SMTP only): told by the bridge
    const teamRank = config.smtpUrl
      ? createTeamRankCheck({ db: database.db, org: org, logger, clock: { now: () => Date.now() } })
      : undefined;
    if (teamRank) shutdown.push(() => teamRank.dispose());
    // goals falling behind pace (api/jobs/pace): judged each sweep and when a goal changes
    const paceAlerts = createPaceAlerts({ db: database.db, org, logger });
    shutdown.push(() => paceAlerts.dispose());
    const live = new LiveHub({
      db: database.db,
      org,
      logger,
      coalesceMs: config.liveCoalesceMs,
      maxCoalesceMs: config.liveMaxCoalesceMs,
      // HTTP leaderboard reads from memory only when the listener has every change (bridge below)
      caughtUp: (db) => bridge.caughtUp(db),
      metrics,
    });
    await live.start();
    shutdown.push(() => live.dispose());
    // started after the webhook worker (below); told of contest changes by the bridge from the start
    const contests = new ContestScheduler({ db: database.db, org, logger });
    shutdown.push(() => contests.dispose());
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
        if (message.t === 'perf' && message.periods.some((p) => p.periodType === 'MONTHLY'))
          teamRank?.teamsChanged(message.teams);
        if (message.t === 'all' || message.t === 'dir') teamRank?.teamsChanged(null);
      },
      onReconnect: () => {
        metrics.listenerReconnected();
        directory.invalidate();
        sessions.invalidate();
        figures.invalidate();
        live.everythingChanged();
        contests.contestsChanged();
        teamRank?.teamsChanged(null);
      },
      heartbeatMs: config.liveHeartbeatMs,
      heartbeatTimeoutMs: config.liveHeartbeatTimeoutMs,
      metrics,
    });
    // who each token is, kept until the users/teams tables change (the bridge says when); nothing
    // is served from it while the bridge is not known to hear every change
    const directory = new ViewerDirectory(database.db, { current: () => bridge.current });
    // team figures for HTTP reads, kept until the bridge delivers a change to their period
    const figures = new PeriodCache({ caughtUp: (db) => bridge.caughtUp(db), current: () => bridge.current });
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
    if (mailer) shutdown.push(() => mailer.close());
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
    shutdown.push(() => bridge.dispose());

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
      readiness: () => ({ listener: bridge.current, stopping: shutdown.stopping }),
      metrics,
    });
    shutdown.push(() => http.stop());
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    listening = port;
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
      metrics,
    });
    shutdown.push(() => ws.dispose());
    metrics.attach({
      database,
      sockets: () => ws.wss.clients.size,
      subscriptions: () => ws.subscriptionsByKind(),
      listening: () => bridge.current,
      frames: () => ({ fast: ws.fastFrames, graphqlWs: ws.graphqlWsFrames }),
      slowClosed: () => ws.slowClosed,
    });
    // METRICS_PORT: /metrics on a port of its own (else on this one with METRICS_TOKEN, or nowhere)
    const metricsServer = await startMetricsPort(metrics, config, logger);
    if (metricsServer) shutdown.push(() => metricsServer.stop());

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
      metrics,
    });
    webhooks.start();
    shutdown.push(() => webhooks.dispose());
    // e-mail notifications: every team's #1 recorded as it is now, then the outbox is sent, and
    // the weekly digests enqueued when due (checked now and every NOTIFY_DIGEST_CHECK_MS)
    let mail: MailWorker | undefined;
    let digest: WeeklyDigest | undefined;
    if (config.smtpUrl && teamRank) {
      await teamRank.sync();
      mail = createMailWorker({
        db: database.db,
        logger,
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        secret: jwtSecret,
        appUrl: () => config.publicUrl ?? `http://localhost:${listening}`,
        org,
        digestChart: trendChartPng,
        digestReports: createDigestReports({ db: database.db, org, logger }),
        pollMs: config.notifyPollMs,
        maxAttempts: config.notifyMaxAttempts,
        retryBaseMs: config.notifyRetryBaseMs,
      });
      mail.start();
      const worker = mail;
      shutdown.push(() => worker.dispose());
      const digests = createWeeklyDigest({
        db: database.db,
        org,
        logger,
        intervalMs: config.notifyDigestCheckMs,
      });
      digests.start();
      shutdown.push(() => digests.dispose());
      digest = digests;
    }
    // contests that ended or started while no process ran: frozen and announced now
    await contests.start();

    // goals closed and pace alerts swept now and every minute; sign-in pruning hourly
    const maintenance = await startMaintenance({ db: database.db, paceAlerts, auth, logger });
    shutdown.push(() => maintenance.dispose());

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
      notifications: mail && teamRank && digest ? { worker: mail, teamRank, digest } : undefined,
      auth,
      metrics,
      metricsUrl: metricsServer?.url,
      stop: () => shutdown.stop(),
    };
  } catch (error) {
    await shutdown.unwind().catch(() => {});
    throw error;
  }
}
