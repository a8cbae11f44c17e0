/**
 * Shared settings and helpers of the benchmark suite: where things are, which database, the scale
 * (full or --quick), statistics, progress output and result files.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH = `${ROOT}bench/`;
export const RESULTS = `${BENCH}results/`;

/** Any database on the Postgres server; the suite creates and drops its own next to it. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DB_NAME = process.env.BENCH_DB ?? 'pulse_bench';
export function databaseUrl(name = DB_NAME) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
export const DB_URL = databaseUrl();

export const JWT_SECRET = 'pulse-bench-jwt-secret-0123456789abcdef0123456789';
/** Every subscriber signs in as the TV screen account; HTTP queries as the admin. */
export const TV_EMAIL = 'tv@bench.example';
export const ADMIN_EMAIL = 'admin@bench.example';

export const argv = process.argv.slice(2);
export const QUICK = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
/** `--only pulse,pg4` limits the systems a scenario runs. */
export function onlyTargets(all) {
  const i = argv.indexOf('--only');
  if (i < 0) return all;
  const wanted = new Set(argv[i + 1].split(','));
  return all.filter((t) => wanted.has(t));
}
export function flagValue(name, fallback) {
  const i = argv.indexOf(name);
  return i < 0 ? fallback : argv[i + 1];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.timeOrigin + performance.now();

const started = Date.now();
export function log(...parts) {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${t}s] ${parts.join(' ')}\n`);
}

// ------------------------------------------------------------------ statistics

export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
export function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x));
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

// ------------------------------------------------------------------ results

/** Runs a scenario on each target in turn; a target that fails is recorded as `{ error }`, the rest still run. */
export async function eachTarget(scenario, kinds, run) {
  const results = {};
  for (const kind of kinds) {
    log(`${scenario}: ${kind}`);
    try {
      results[kind] = await run(kind);
    } catch (error) {
      log(`${scenario} ${kind} failed: ${error.message}`);
      results[kind] = { error: String(error.message) };
    }
  }
  return results;
}

/**
 * The main of a scenario that compares systems: `prepare()` once, `run(kind, prepared)` on each of
 * `kinds` (eachTarget), then the result file `{ ...settings(prepared), results, ...more(results) }`.
 */
export function runComparison(scenario, { kinds, prepare, run, settings, more }) {
  runMain(async () => {
    const prepared = await prepare?.();
    const results = await eachTarget(scenario, kinds, (kind) => run(kind, prepared));
    writeResult(scenario, { ...settings?.(prepared), results, ...(await more?.(results)) });
  });
}

export function writeResult(name, data) {
  mkdirSync(RESULTS, { recursive: true });
  const file = `${RESULTS}${name}.json`;
  writeFileSync(
    file,
    JSON.stringify({ scenario: name, quick: QUICK, at: new Date().toISOString(), ...data }, null, 2),
  );
  log(`wrote ${file.replace(ROOT, '')}`);
}
export function readResult(name) {
  const file = `${RESULTS}${name}.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Waits until a server has stopped sending SQL (no new statement for `stillMs`), at most
 * `timeoutMs`: a peer that refetches per notification may still be working through a backlog
 * after its subscribers already show the newest state.
 */
export async function quiet(server, { stillMs = 500, timeoutMs = 15_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let last = (await server.stats()).statements;
  while (Date.now() < until) {
    await sleep(stillMs);
    const next = (await server.stats()).statements;
    if (next === last) return true;
    last = next;
  }
  return false;
}

/** RSS of a process in bytes, from /proc. */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
/** CPU time (user + system) of a process in ms, from /proc. */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** Runs main(), prints a failure and exits non-zero on error. */
export function runMain(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
