/**
 * Scale-out (issue 18): subscribers held with commit -> frame p99 <= 250 ms by three Pulse
 * processes behind nginx (deploy/nginx.conf, run from Debian's package by tests/support/balancer.ts)
 * against one process behind the same nginx, and what Postgres pays per change for each replica.
 *
 * For each replica count (1, then --replicas, default 3): the processes start on the bench
 * database, nginx in front of them; subscribers (one WebSocket, one board each, as the TV account)
 * connect through nginx level by level (least connections spreads them; each process's own count
 * is read over IPC); at each level one sale a second is committed straight into Postgres for a
 * window, and the latency of every (subscriber, commit) pair is taken, as in M3. Per replica and
 * per change: SQL statements the process sent (the EXPOSE_SQL_COUNT logger), and of them its
 * change-log reads (live_drain); Postgres-side, the time live_drain took in all (track_functions
 * for the bench database, from pg_stat_user_functions). The ramp stops at the first level whose
 * p99 passes 250 ms. Without nginx installed, subscribers connect to the processes in turn.
 *
 * One client process holds at most ~19,900 sockets (the open-files limit, see M3), whatever the
 * replica count: levels beyond that need clients on more hosts.
 *
 *   node --import tsx bench/scenarios/scale-out.mjs [--quick] [--levels 100,500] [--replicas 3]
 *     [--window-ms 4000]
 */
import { createServer } from 'node:net';
import pg from 'pg';
import { nginxBinary, startBalancer } from '../../tests/support/balancer.ts';
import {
  DB_URL,
  QUICK,
  TV_EMAIL,
  flagValue,
  log,
  round,
  runMain,
  sleep,
  writeResult,
} from '../lib/common.mjs';
import { startServer, tokenFor } from '../lib/servers.mjs';
import { openMany } from '../lib/subscribers.mjs';
import { SUBSCRIPTION } from '../lib/targets.mjs';
import { LatencyTracker, createWriter, paced } from '../lib/writer.mjs';

const P99_LIMIT = 250;
const LEVELS = (
  flagValue('--levels', undefined) ?? (QUICK ? '100,500' : '1000,2500,5000,7500,10000,15000,19500')
)
  .split(',')
  .map(Number);
const REPLICAS = Number(flagValue('--replicas', '3'));
const WINDOW_MS = Number(flagValue('--window-ms', QUICK ? '2000' : '6000'));
const SETTLE_MS = QUICK ? 2000 : 3000;

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function drainCost(db) {
  const { rows } = await db.query(
    `select coalesce(sum(calls), 0)::float8 as calls, coalesce(sum(total_time), 0)::float8 as ms
     from pg_stat_user_functions where funcname = 'live_drain'`,
  );
  return rows[0];
}

async function runReplicas(count, db) {
  const servers = [];
  let balancer;
  const writer = await createWriter();
  let tracker = new LatencyTracker();
  const onFrame = (sub, version, _raw, at) => tracker.frame(sub, version, at);
  let subs = [];
  const rows = [];
  try {
    const starting = await Promise.allSettled(
      Array.from({ length: count }, (_, i) =>
        startServer('pulse', { label: `scale-out-${count}-r${i + 1}`, env: { REPLICA_NAME: `r${i + 1}` } }),
      ),
    );
    for (const s of starting) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = starting.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const started = servers;
    const nginx = nginxBinary() !== undefined;
    if (nginx)
      balancer = await startBalancer(
        started.map((s) => `127.0.0.1:${s.port}`),
        await freePort(),
      );
    else log('scale-out: nginx is not installed: subscribers connect to the processes in turn');
    const wsUrls = nginx ? [`ws://127.0.0.1:${balancer.port}/graphql`] : started.map((s) => s.wsUrl);
    const token = await tokenFor('pulse', TV_EMAIL);
    const openSpread = async (n, withFrames) => {
      const groups = wsUrls.map((url, i) => Math.floor(n / wsUrls.length) + (i < n % wsUrls.length ? 1 : 0));
      const opened = await Promise.all(
        groups.map((k, i) =>
          openMany(
            k,
            { url: wsUrls[i], token, query: SUBSCRIPTION.pulse, ...(withFrames ? { onFrame } : {}) },
            { concurrency: 250, tolerate: Math.ceil(k * 0.001) },
          ),
        ),
      );
      return opened.flat();
    };
    // warm every process up (schema, pools, JIT)
    const warm = await openSpread(5 * count, false);
    await paced(4, 1500, () => writer.sale());
    for (const s of warm) s.close();
    await sleep(1500);

    for (const level of LEVELS) {
      try {
        subs = subs.concat(await openSpread(level - subs.length, true));
      } catch (error) {
        rows.push({ subscribers: level, failed: String(error.message) });
        log(`scale-out x${count} N=${level}: could not connect: ${error.message}`);
        break;
      }
      await sleep(2000);
      tracker = new LatencyTracker();
      const alive = subs.filter((s) => !s.closed);
      tracker.watch(alive);
      const before = await Promise.all(servers.map((s) => s.stats()));
      const drains0 = await drainCost(db);
      const sales = await paced(1, WINDOW_MS, () => writer.sale((c) => tracker.commit(c)));
      await tracker.settle(SETTLE_MS);
      const after = await Promise.all(servers.map((s) => s.stats()));
      const drains1 = await drainCost(db);
      const lat = tracker.summary();
      const closed = subs.filter((s) => s.closed).length;
      const perReplica = after.map((a, i) => ({
        subscribers: a.subscribers,
        statementsPerChange: (a.statements - before[i].statements) / sales,
        changeLogReadsPerChange: (a.changeLogReads - before[i].changeLogReads) / sales,
      }));
      const drainCalls = drains1.calls - drains0.calls;
      const { p50, p99, max, missing: unsettled } = lat;
      const row = {
        ...{ subscribers: alive.length, sales, closed },
        ...{ p50, p99, max, unsettled },
        perReplica,
        drainCallsPerChange: drainCalls / sales,
        drainMsPerCall: drainCalls > 0 ? (drains1.ms - drains0.ms) / drainCalls : null,
        drainMsPerChange: (drains1.ms - drains0.ms) / sales,
      };
      row.ok = p99 !== null && closed === 0 && unsettled === 0 && p99 <= P99_LIMIT;
      rows.push(row);
      log(
        `scale-out x${count} N=${row.subscribers}: p50 ${round(row.p50)} ms, p99 ${round(row.p99)} ms; per replica ` +
          perReplica
            .map(
              (r) =>
                `${r.subscribers} subs ${round(r.statementsPerChange)} stmts/change (${round(r.changeLogReadsPerChange)} log reads)`,
            )
            .join(', ') +
          `; live_drain ${round(row.drainCallsPerChange)} calls/change, ${round(row.drainMsPerCall, 3)} ms/call` +
          `${closed ? `, ${closed} sockets closed` : ''}${row.ok ? '' : `  -> over ${P99_LIMIT} ms`}`,
      );
      if (!row.ok) break;
    }
  } finally {
    for (const s of subs) s.close();
    await writer.close();
    await balancer?.stop();
    await Promise.all(servers.map((s) => s.stop(60_000)));
  }
  const firstBad = rows.findIndex((r) => !r.ok);
  const held = (firstBad < 0 ? rows : rows.slice(0, firstBad)).at(-1)?.subscribers ?? 0;
  return { replicas: count, balancer: balancer ? 'nginx' : 'direct', levels: rows, maxSubscribers: held };
}

async function main() {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  const [{ current_database: name }] = (await db.query('select current_database()')).rows;
  // Postgres-side cost of the change-log reads: function statistics for this database's new sessions
  await db.query(`alter database "${name}" set track_functions = 'pl'`);
  await db.query(`set track_functions = 'pl'`);
  const results = [];
  try {
    for (const count of [...new Set([1, REPLICAS])]) {
      log(`scale-out: ${count} replica${count > 1 ? 's' : ''}`);
      try {
        results.push(await runReplicas(count, db));
      } catch (error) {
        log(`scale-out x${count} failed: ${error.message}`);
        results.push({ replicas: count, error: String(error.message) });
      }
    }
  } finally {
    await db.query(`alter database "${name}" reset track_functions`);
    await db.end();
  }
  writeResult('scale-out', { p99Limit: P99_LIMIT, windowMs: WINDOW_MS, levels: LEVELS, results });
}

runMain(main);
