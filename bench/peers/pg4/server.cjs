/**
 * Peer: PostGraphile 4 (+ @graphile/pg-pubsub) serving Pulse's tables from the same database, in
 * its recommended production shape (no query log, no GraphiQL, JWT auth, dynamic JSON). Reads are
 * the generated CRUD/relations plus the SQL functions in ../peer-functions.sql.
 *
 * Live leaderboard: the established PostGraphile way, a `@pgSubscription` on a NOTIFY channel that
 * a trigger notifies per statement changing the rollups ('bench_peer_changes', installed while a
 * peer runs: bench/lib/servers.mjs peerNotifications), filtered to rollup changes ({"t":"perf"}), with an
 * initial event, whose payload exposes `query: Query` — so every subscriber re-runs its own
 * leaderboard query on every notification (per-subscriber refetch, no sharing).
 *
 * Started by bench/lib/servers.mjs with PORT, DATABASE_URL, JWT_SECRET, POOL_SIZE; talks to the
 * bench over IPC (ready, stats = SQL statements sent, stop).
 */
'use strict';
const http = require('node:http');
const pg = require('pg');
const { postgraphile, makePluginHook, enhanceHttpServerWithSubscriptions } = require('postgraphile');
const { makeExtendSchemaPlugin, gql, embed } = require('graphile-utils');
const PgPubsub = require('@graphile/pg-pubsub').default;

let statements = 0;
const query = pg.Client.prototype.query;
const logSql = process.env.BENCH_SQL_LOG === '1';
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  if (logSql)
    process.stderr.write(
      `sql: ${String(args[0]?.text ?? args[0])
        .replace(/\s+/g, ' ')
        .slice(0, 160)}\n`,
    );
  return query.apply(this, args);
};

const isPerf = (payload) => Boolean(payload && payload.t === 'perf');
const initialEvent = () => ({ t: 'perf', initial: true });

const LeaderboardSubscriptionPlugin = makeExtendSchemaPlugin((build) => ({
  typeDefs: gql`
    type LeaderboardChangedPayload {
      query: Query
    }
    extend type Subscription {
      leaderboardChanged: LeaderboardChangedPayload
        @pgSubscription(topic: "bench_peer_changes", filter: ${embed(isPerf)}, initialEvent: ${embed(initialEvent)})
    }
  `,
  resolvers: {
    Subscription: { leaderboardChanged: (event) => event },
    LeaderboardChangedPayload: { query: () => build.$$isQuery },
  },
}));

async function main() {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.POOL_SIZE ?? 10),
    application_name: 'postgraphile4',
  });
  const middleware = postgraphile(pool, ['public'], {
    pluginHook: makePluginHook([PgPubsub]),
    subscriptions: true,
    websocketOperations: 'subscriptions',
    appendPlugins: [LeaderboardSubscriptionPlugin],
    jwtSecret: process.env.JWT_SECRET,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    legacyRelations: 'omit',
    disableQueryLog: true,
    graphiql: false,
    enhanceGraphiql: false,
    enableQueryBatching: false,
    extendedErrors: [],
    showErrorStack: false,
    watchPg: false,
    retryOnInitFail: false,
  });
  await middleware.getGraphQLSchema();
  const server = http.createServer(middleware);
  enhanceHttpServerWithSubscriptions(server, middleware);
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  process.send?.({ type: 'ready', port: server.address().port });

  const stop = async () => {
    server.close();
    await middleware.release?.().catch(() => {});
    await pool.end().catch(() => {});
  };
  process.on('message', (message) => {
    const reply = (data) => process.send?.({ type: 'reply', id: message.id, data });
    if (message.type === 'stats') reply({ statements, memory: process.memoryUsage() });
    else if (message.type === 'gc') {
      global.gc?.();
      reply({ memory: process.memoryUsage() });
    } else if (message.type === 'stop') {
      reply({ stopped: true });
      setTimeout(() => process.exit(0), 50);
      void stop();
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((error) => {
  process.stderr.write(`postgraphile 4: ${error.stack ?? error}\n`);
  process.exit(1);
});
