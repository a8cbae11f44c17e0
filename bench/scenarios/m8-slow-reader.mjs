/**
 * M8: live updates under a write storm, the figures tests/live/scale.test.ts used to assert as
 * budgets (a test asserts what must hold; how fast and how much memory is measured here).
 *
 * slow reader: one server with every change its own frame (LIVE_COALESCE_MS=0), a socket that
 * holds 16 limit-200 boards and stops reading (its kernel buffers fill, its sends start to wait:
 * the server must close it, WS_SEND_TIMEOUT_MS=2000, WS_MAX_BUFFERED=64 KiB) and a normal reader
 * of the same board, while 10,000 sales are written (200 statements of 50 rows, 5 connections).
 * Recorded: the server's V8 heap and Buffer (external) memory after a full GC before and after,
 * and their peaks sampled between; when the slow socket was closed; the normal reader's frame
 * latency (the board's generatedAt, server clock, to arrival here: the same host's clock) p50 /
 * p95 / max; how long after the last write its board equals the leaderboard query.
 *
 * burst: a fresh server (default coalescing), 5 subscribers on 3 boards, 1,000 sales as 20
 * parallel recordActivities calls of 50. Recorded: recomputations, flushes, published boards,
 * notifications, and how long after the burst every subscriber shows the query's board.
 *
 *   node --import tsx bench/scenarios/m8-slow-reader.mjs [--quick]
 */
import pg from 'pg';
import {
  ADMIN_EMAIL,
  DB_URL,
  QUICK,
  log,
  now,
  percentile,
  round,
  runMain,
  sleep,
  writeResult,
} from '../lib/common.mjs';
import { pulseToken, startServer } from '../lib/servers.mjs';
import { openSubscriber } from '../lib/subscribers.mjs';
import { rawSocketSubscriber } from '../../tests/support/raw-subscriber.ts';

const SALES = QUICK ? 2000 : 10_000;
const ROWS_PER_STATEMENT = 50;
const WRITERS = 5;
const SLOW_COPIES = 16;
const BURST = 1000;
const MB = 2 ** 20;

const ENTRIES = `rank medal revenue ordersWon conversionRate winRate revenueRank ordersRank conversionRank
  winRateRank user { id name email role }`;
const BIG_BOARD = `subscription { leaderboardChanged(limit: 200) {
  version generatedAt totalEntries entries { ${ENTRIES} } } }`;
const BIG_QUERY = `{ leaderboard(limit: 200) { entries { ${ENTRIES} } } }`;

const RUN = `${process.pid}-${Date.now().toString(36)}`;
let sequence = 0;

/** Waits until `check()` holds, at most `timeoutMs`; false if it never did. */
async function until(check, timeoutMs, everyMs = 10) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

async function gql(server, token, query, variables) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

/** Who, revenue and rank of each entry: what a frame and the query must agree on. */
const entriesOf = (b) => JSON.stringify((b?.entries ?? []).map((e) => [e.user.name, e.revenue, e.rank]));
const lastBoard = (sub) =>
  sub.lastRaw ? JSON.parse(sub.lastRaw).payload.data.leaderboardChanged : undefined;

/** The server's memory after a full GC (the server process runs with --expose-gc). */
async function memoryAfterGc(server) {
  const { memory } = await server.gc();
  return { heapMb: round(memory.heapUsed / MB), externalMb: round(memory.external / MB) };
}

async function insertOrders(client, sellers, count) {
  const values = [];
  const params = [];
  for (let i = 0; i < count; i += 1) {
    sequence += 1;
    params.push(sellers[i % sellers.length], (1 + (i % 50)).toFixed(2), `bench-m8-${RUN}-${sequence}`);
    const p = params.length;
    values.push(`($${p - 2}, 'ORDER_WON', $${p - 1}, now(), $${p}, 'bench')`);
  }
  await client.query(
    `insert into activities (user_id, kind, amount, occurred_at, external_id, source) values ${values.join(', ')}`,
    params,
  );
}

async function slowReader(token, sellers) {
  const server = await startServer('pulse', {
    label: 'm8-slow',
    exposeGc: true,
    env: {
      WS_SEND_TIMEOUT_MS: '2000',
      WS_MAX_BUFFERED: '65536',
      LIVE_COALESCE_MS: '0',
      LIVE_MAX_COALESCE_MS: '0',
    },
  });
  const pool = new pg.Pool({ connectionString: DB_URL, max: WRITERS, application_name: 'bench-m8' });
  let slow;
  let normal;
  try {
    slow = await rawSocketSubscriber(server.wsUrl, token, BIG_BOARD, SLOW_COPIES, {
      timeoutMs: 30_000,
      perMessageDeflate: false,
    });
    const arrivals = [];
    normal = openSubscriber({
      url: server.wsUrl,
      token,
      query: BIG_BOARD,
      keepRaw: true,
      onFrame: (_sub, _version, raw, at) => {
        const generatedAt = /"generatedAt":"([^"]+)"/.exec(raw)?.[1];
        if (generatedAt) arrivals.push({ at, latency: at - Date.parse(generatedAt) });
      },
    });
    await normal.ready;
    slow.pause();

    const before = await memoryAfterGc(server);
    const peak = { heapMb: before.heapMb, externalMb: before.externalMb };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { memory } = await server.stats();
        peak.heapMb = Math.max(peak.heapMb, round(memory.heapUsed / MB));
        peak.externalMb = Math.max(peak.externalMb, round(memory.external / MB));
        await sleep(100);
      }
    })();
    const published0 = (await server.stats()).live.published;
    const started = now();
    let closedAfter;
    const closeWatch = (async () => {
      while (sampling && !closedAfter) {
        const stats = await server.stats();
        if (stats.slowClosed > 0)
          closedAfter = { ms: round(now() - started), published: stats.live.published - published0 };
        else await sleep(20);
      }
    })();

    const statements = SALES / ROWS_PER_STATEMENT;
    let next = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < statements) {
          next += 1;
          const who = Array.from({ length: 10 }, () => sellers[Math.floor(Math.random() * sellers.length)]);
          await insertOrders(pool, who, ROWS_PER_STATEMENT);
        }
      }),
    );
    const wrote = now();
    const expected = entriesOf((await gql(server, token, BIG_QUERY)).leaderboard);
    const converged = await until(() => entriesOf(lastBoard(normal)) === expected, 30_000);
    const finalMs = converged ? round(normal.lastAt - wrote) : null;
    const closed = await until(async () => (await server.stats()).slowClosed > 0, 30_000, 50);
    sampling = false;
    await Promise.all([sampler, closeWatch]);
    const after = await memoryAfterGc(server);
    const during = arrivals.filter((a) => a.at >= started).map((a) => a.latency);
    return {
      sales: SALES,
      statements,
      writeMs: round(wrote - started),
      slowClosed: closed,
      slowClosedAfter: closedAfter ?? null,
      slowFramesBeforePause: slow.state.frames,
      normalFrames: during.length,
      latencyMs: {
        p50: round(percentile(during, 50)),
        p95: round(percentile(during, 95)),
        max: round(during.length ? Math.max(...during) : null),
      },
      finalBoardMsAfterLastWrite: finalMs,
      memory: { before, peak, after },
      growthMb: {
        heap: round(after.heapMb - before.heapMb),
        external: round(after.externalMb - before.externalMb),
      },
    };
  } finally {
    slow?.socket.terminate();
    normal?.close();
    await pool.end();
    await server.stop();
  }
}

async function burst(token, sellers) {
  const server = await startServer('pulse', { label: 'm8-burst' });
  const subscribers = [];
  try {
    const db = new pg.Client({ connectionString: DB_URL });
    await db.connect();
    const team = (await db.query('select id from teams order by id limit 1')).rows[0]?.id;
    await db.end();
    const boards = [
      '',
      '',
      '',
      team === undefined ? '' : `teamId: "${team}"`,
      'metric: ORDERS, periodType: YEARLY, limit: 25',
    ];
    for (const args of boards) {
      const call = args ? `leaderboardChanged(${args})` : 'leaderboardChanged';
      const sub = openSubscriber({
        url: server.wsUrl,
        token,
        keepRaw: true,
        query: `subscription { ${call} { version entries { rank revenue user { name } } } }`,
      });
      subscribers.push({
        sub,
        query: `{ leaderboard${args ? `(${args})` : ''} { entries { rank revenue user { name } } } }`,
      });
    }
    await Promise.all(subscribers.map((s) => s.sub.ready));
    await sleep(500); // the first boards' own flushes are over
    const before = (await server.stats()).live;
    const started = now();
    await Promise.all(
      Array.from({ length: 20 }, (_, b) =>
        gql(
          server,
          token,
          `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
          {
            a: Array.from({ length: BURST / 20 }, (_, i) => {
              sequence += 1;
              return {
                userId: String(sellers[(b * 7 + i) % sellers.length]),
                kind: 'ORDER_WON',
                amount: `${10 + ((b + i) % 90)}.00`,
                occurredAt: new Date(Date.now() - 1000).toISOString(),
                externalId: `bench-m8-${RUN}-${sequence}`,
              };
            }),
          },
        ),
      ),
    );
    const wrote = now();
    const expected = await Promise.all(subscribers.map((s) => gql(server, token, s.query)));
    const converged = await until(
      () => subscribers.every((s, i) => entriesOf(lastBoard(s.sub)) === entriesOf(expected[i].leaderboard)),
      30_000,
    );
    const after = (await server.stats()).live;
    return {
      sales: BURST,
      subscribers: subscribers.length,
      boards: 3,
      writeMs: round(wrote - started),
      convergedMsAfterBurst: converged
        ? round(Math.max(...subscribers.map((s) => s.sub.lastAt)) - wrote)
        : null,
      recomputations: after.recomputations - before.recomputations,
      flushes: after.flushes - before.flushes,
      published: after.published - before.published,
      notifications: after.notifications - before.notifications,
    };
  } finally {
    for (const s of subscribers) s.sub.close();
    await server.stop();
  }
}

async function main() {
  const token = await pulseToken(ADMIN_EMAIL);
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  // the board's top 150: every sale changes what the limit-200 board shows
  const sellers = (
    await db.query(
      `select u.id from users u
       left join sales_performance sp on sp.user_id = u.id and sp.period_type = 'MONTHLY'
         and sp.period_start = period_start_of('MONTHLY', org_today())
       where u.role in ('REP', 'MANAGER') and u.active
       order by coalesce(sp.revenue, 0) desc, u.id limit 150`,
    )
  ).rows.map((r) => r.id);
  await db.end();

  const slow = await slowReader(token, sellers);
  log(
    `M8 slow reader: ${slow.sales} sales in ${slow.writeMs} ms; slow socket closed ${slow.slowClosed} ` +
      `(${JSON.stringify(slow.slowClosedAfter)}); normal reader ${slow.normalFrames} frames, latency ` +
      `p50 ${slow.latencyMs.p50} / p95 ${slow.latencyMs.p95} / max ${slow.latencyMs.max} ms, final board ` +
      `${slow.finalBoardMsAfterLastWrite} ms after the last write; server memory after GC ${JSON.stringify(slow.memory)}`,
  );
  const bursts = await burst(token, sellers);
  log(`M8 burst: ${JSON.stringify(bursts)}`);
  writeResult('m8', { slowReader: slow, burst: bursts });
}

runMain(main);
