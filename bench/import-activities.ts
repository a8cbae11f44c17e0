/**
 * CSV import benchmark: generates an activities file (1,000,000 rows by default; 100 sellers, a
 * year of activity, 10 % won orders), imports it into a fresh database through the same code as
 * `npm run import` (importActivities, skip mode), then imports it again (every row a duplicate).
 * Reports rows/s and memory: peak RSS and peak JS heap over the run, and heap and RSS at every
 * 10 % of the file, so a reader can see they do not grow with the rows read.
 *
 *   node --import tsx bench/import-activities.ts [--rows 1000000] [--db postgres|pglite] [--mode skip|reject]
 *
 * --db postgres (default) uses $DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres)
 * and a database of its own, dropped at the end; --db pglite a temporary embedded DATA_DIR.
 * Results: bench/results/import-activities-<db>-<rows>.json.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import postgres from 'postgres';
import { bootstrapDatabase } from '../api/bootstrap.ts';
import { loadConfig } from '../api/config.ts';
import { createContext } from '../api/core/context.ts';
import { openDatabase, rows as rowsOf, type DatabaseHandle } from '../api/db/client.ts';
import { migrateDatabase } from '../api/db/migrate.ts';
import {
  importActivities,
  type ImportMode,
  type ImportReport,
} from '../api/transport/import/activities-import.ts';
import { loadViewer } from '../api/core/session.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'postgres' },
    mode: { type: 'string', default: 'skip' },
  },
});
const ROWS = Number(values.rows);
const DB = values.db === 'pglite' ? 'pglite' : 'postgres';
const MODE: ImportMode = values.mode === 'reject' ? 'reject' : 'skip';
const SELLERS = 100;
const KINDS = [
  'CALL',
  'EMAIL',
  'CALL',
  'MEETING',
  'LEAD_CREATED',
  'OPPORTUNITY_CREATED',
  'QUOTATION_SENT',
  'OPPORTUNITY_LOST',
  'ORDER_WON',
  'EMAIL',
];
const MB = 1024 * 1024;

/** Writes the file with backpressure (generating it must not need the rows in memory either). */
async function generate(file: string): Promise<void> {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  out.write('user_email,kind,amount,occurred_at,external_id\n');
  const start = Date.UTC(2025, 10, 1);
  for (let i = 0; i < ROWS; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'CALL';
    const amount =
      kind === 'ORDER_WON' ? `${100 + ((i * 7919) % 50_000)}.${String(i % 100).padStart(2, '0')}` : '';
    // in time order, as an ERP or CRM exports them
    const at = new Date(start + Math.floor((i * 365 * 86_400) / ROWS) * 1000).toISOString();
    const line = `seller${(i * 31) % SELLERS}@bench.example,${kind},${amount},${at},bench-${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function openFresh(): Promise<{ handle: DatabaseHandle; url?: string; cleanup(): Promise<void> }> {
  if (DB === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-import-'));
    const handle = await openDatabase({ dataDir });
    await migrateDatabase(handle);
    return { handle, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = 'pulse_bench_import';
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateDatabase(handle, url.toString());
  return {
    handle,
    url: url.toString(),
    cleanup: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

interface Run {
  report: ImportReport;
  rowsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  heapAtTenths: number[];
  rssAtTenths: number[];
}

async function runImport(handle: DatabaseHandle, file: string): Promise<Run> {
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(32), SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
  const org = await bootstrapDatabase(handle.db, config, pino({ level: 'warn' }));
  const viewer = await loadViewer(handle.db, config.adminEmail);
  const ctx = createContext({ db: handle.db, org, viewer, logger: pino({ level: 'warn' }) });
  global.gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 100);
  const tenths: number[] = [];
  const rssTenths: number[] = [];
  const report = await importActivities(ctx, createReadStream(file), {
    mode: MODE,
    onProgress: ({ rows }) => {
      sample();
      if (rows >= ((tenths.length + 1) * ROWS) / 10) {
        const m = process.memoryUsage();
        tenths.push(Math.round(m.heapUsed / MB));
        rssTenths.push(Math.round(m.rss / MB));
        process.stderr.write(
          `  ${rows.toLocaleString('en')} rows, heap ${tenths.at(-1)} MB, RSS ${rssTenths.at(-1)} MB\n`,
        );
      }
    },
  });
  clearInterval(sampler);
  sample();
  return {
    report: { ...report, errors: report.errors.slice(0, 5) },
    rowsPerSecond: Math.round(report.rows / (report.ms / 1000)),
    peakRssMb: Math.round(peakRss / MB),
    peakHeapMb: Math.round(peakHeap / MB),
    heapAtTenths: tenths,
    rssAtTenths: rssTenths,
  };
}

const file = join(tmpdir(), `pulse-bench-activities-${ROWS}-v2.csv`);
process.stderr.write(`generating ${file}\n`);
await generate(file);
const db = await openFresh();
try {
  await rowsOf(
    db.handle.db,
    sql`insert into users (name, email, role)
        select 'Seller ' || n, 'seller' || n || '@bench.example', 'REP' from generate_series(0, ${SELLERS - 1}) n`,
  );
  process.stderr.write(`import (${DB}, mode ${MODE})\n`);
  const first = await runImport(db.handle, file);
  process.stderr.write(`replay\n`);
  const replay = await runImport(db.handle, file);
  const result = {
    rows: ROWS,
    db: DB,
    mode: MODE,
    node: process.version,
    at: new Date().toISOString(),
    first,
    replay,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/import-activities-${DB}-${ROWS}.json`, import.meta.url),
    JSON.stringify(result, null, 2) + '\n',
  );
  for (const [name, r] of [
    ['import', first],
    ['replay', replay],
  ] as const) {
    process.stdout.write(
      `${DB} ${name}: ${r.report.rows} rows, ${r.report.imported} imported, ${r.report.duplicates} duplicates in ${(r.report.ms / 1000).toFixed(1)} s = ${r.rowsPerSecond} rows/s; peak RSS ${r.peakRssMb} MB, peak heap ${r.peakHeapMb} MB; heap per 10 %: ${r.heapAtTenths.join(' ')} MB; RSS per 10 %: ${r.rssAtTenths.join(' ')} MB\n`,
    );
  }
} finally {
  await db.handle.close();
  await db.cleanup();
}
