/**
 * npm run import -- <activities.csv> [--mode skip|reject] [--as <email>] [--url <server>] [--token <t>] [--json]
 *
 * Two ways in, one import (api/transport/import/):
 * - With --url, the file is streamed to a running server (POST /import/activities) with a bearer
 *   token: --token, else $PULSE_TOKEN, else one signed here for --as (needs the server's
 *   JWT_SECRET, or its DATA_DIR in embedded mode). Use this while the server runs on PGlite.
 * - Without --url, the database is opened the way the server opens it (DATABASE_URL, else the
 *   embedded DATA_DIR) and the rows are imported as --as (default ADMIN_EMAIL). An embedded
 *   DATA_DIR that the running server holds is refused (PGlite is one process): use --url.
 * A progress bar is drawn when stdout is a terminal. Exit code: 0 stored, 1 rejected or failed,
 * 2 usage.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { settings } from '../../schema/db/index.ts';
import { resolveJwtSecret, signToken } from '../core/auth.ts';
import { createOrgSettings, loadConfig, type Config } from '../config.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../db/client.ts';
import { exitWithFailure } from './failure.ts';
import { UnauthenticatedError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { migrateDatabase } from '../db/migrate.ts';
import {
  IMPORT_MODES,
  importActivities,
  type ImportMode,
  type ImportReport,
} from '../transport/import/activities-import.ts';
import { loadViewer } from '../core/session.ts';

const USAGE =
  'usage: npm run import -- <activities.csv> [--mode skip|reject] [--as <email>] [--url <server>] [--token <token>] [--json]\n';

function progressBar(
  total: number,
  first: string,
): {
  update(bytes: number, rows: number, phase?: string): void;
  stop(): void;
} {
  if (!process.stdout.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: ' {phase} {bar} {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = Date.now();
  let current = first;
  bar.start(Math.max(total, 1), 0, { rows: 0, rate: 0, phase: current });
  return {
    // reject mode reads the file twice: checking, then writing (the bar starts again)
    update(bytes, rows, phase = first) {
      if (phase !== current) [current, started] = [phase, Date.now()];
      const rate = Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001));
      bar.update(Math.min(bytes, total), { rows, rate, phase });
    },
    stop: () => bar.stop(),
  };
}

async function viaServer(file: string, size: number, mode: ImportMode, args: Args, config: () => Config) {
  const email = args.as ?? config().adminEmail;
  const token =
    args.token ?? process.env.PULSE_TOKEN ?? (await signToken(resolveJwtSecret(config()), email, '1h'));
  const bar = progressBar(size, 'upload');
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sent += chunk.length;
      bar.update(sent, 0, 'upload');
      done(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(file).pipe(counter));
  const url = new URL(`/import/activities?mode=${mode}`, args.url);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body,
    duplex: 'half',
  });
  bar.stop();
  const answer = (await response.json()) as ImportReport | { error: { message: string } };
  if ('error' in answer) {
    const hint = response.status === 413 ? ' (import it without --url, straight into the database)' : '';
    throw new Error(`${response.status}: ${answer.error.message}${hint}`);
  }
  return answer;
}

async function direct(file: string, size: number, mode: ImportMode, args: Args, config: Config) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await migrateDatabase(database, config.databaseUrl);
    const [org] = await database.db.select().from(settings).where(eq(settings.id, 1));
    const email = args.as ?? config.adminEmail;
    const viewer = await loadViewer(database.db, email).catch((error: unknown) => {
      throw error instanceof UnauthenticatedError
        ? new Error(`no active user ${email} in this database`)
        : error;
    });
    const ctx = createContext({
      db: database.db,
      org: createOrgSettings({ timeZone: org?.timeZone ?? 'UTC', currency: org?.currency ?? 'USD' }, config),
      viewer,
      logger: createLogger({ logLevel: 'warn' }, pino.destination(2)), // the server's redaction
    });
    const bar = progressBar(size, mode === 'reject' ? 'check' : 'write');
    try {
      return await importActivities(ctx, () => createReadStream(file), {
        mode,
        onProgress: (p) => bar.update(p.bytes, p.rows, p.phase),
      });
    } finally {
      bar.stop();
    }
  } finally {
    await database.close();
  }
}

function print(report: ImportReport, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const rate = Math.round(report.rows / Math.max(report.ms / 1000, 0.001));
  process.stdout.write(
    `${report.status}: ${report.rows} rows in ${(report.ms / 1000).toFixed(1)} s (${rate} rows/s), ` +
      `${report.imported} imported, ${report.duplicates} duplicates, ${report.skipped} bad rows (mode ${report.mode})\n`,
  );
  if (report.ignored_columns.length)
    process.stdout.write(`ignored columns: ${report.ignored_columns.join(', ')}\n`);
  for (const e of report.errors.slice(0, 20)) {
    process.stdout.write(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.reason}\n`);
  }
  if (report.error_count > 20)
    process.stdout.write(`  ... ${report.error_count - 20} more (--json lists ${report.errors.length})\n`);
}

interface Args {
  as?: string | undefined;
  url?: string | undefined;
  token?: string | undefined;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string', short: 'm', default: 'skip' },
    as: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
const mode = IMPORT_MODES.find((m) => m === values.mode);
if (!file || !mode || positionals.length > 1) {
  process.stderr.write(USAGE);
  process.exit(2);
}
try {
  const size = statSync(file).size;
  const report = values.url
    ? await viaServer(file, size, mode, values, () => loadConfig())
    : await direct(file, size, mode, values, loadConfig());
  print(report, values.json);
  process.exit(report.status === 'imported' ? 0 : 1);
} catch (error) {
  exitWithFailure(
    'import',
    error,
    (held) =>
      `${held.message} (the running server?). Import through it instead:\n  npm run import -- ${file} --url http://localhost:4000`,
  );
}
