/**
 * Entry point: `npm start`. Starts the server and stops it gracefully on SIGTERM/SIGINT.
 * Tracing (OTEL_EXPORTER_OTLP_ENDPOINT) starts before the server's modules are imported: the HTTP
 * instrumentation hooks node:http as express requires it. Its last spans are exported on stop.
 */
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './core/logger.ts';
import { startTracing } from './core/tracing.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger(config);
const tracing = await startTracing(config.tracing, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start tracing');
  process.exit(1);
});
const { startApp } = await import('./app.ts');
const app = await startApp(config, { logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});

logger.info(
  { url: app.url, graphql: `${app.url}/graphql`, database: app.database.kind, timeZone: app.org.timeZone },
  'Pulse is running',
);
if (process.stdout.isTTY || config.embedded) {
  process.stderr.write(
    `\n  Pulse is running at ${app.url}  (GraphQL: ${app.url}/graphql, ${config.embedded ? `embedded database in ${config.dataDir}` : 'Postgres'})\n` +
      `  Get a token:  npm run --silent token -- ${config.adminEmail}\n` +
      (config.seedDemo
        ? `  Demo users:   john.smith@example.com (REP), tv@example.com (VIEWER), see README\n\n`
        : '\n'),
  );
}

let shuttingDown = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown grace period over; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    app
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
  });
}
