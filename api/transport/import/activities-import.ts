/**
 * CSV import of activities, streaming (csv-parse with backpressure) through the same checks and
 * insert as recordActivities, in batches, so memory stays flat whatever the file size.
 * Invariants: idempotent on external_id (a replayed file stores nothing twice; an external_id naming
 * another activity is a conflict on its line); `skip` commits batch by batch, so a re-run continues;
 * `reject` stores nothing unless every row is good: it checks the whole file outside any
 * transaction, then writes it in one transaction that re-checks each row and rolls back on the
 * first bad one. The file is local (CLI, or an upload received in full), so no transaction waits on
 * a client. The report names line, column and reason for at most MAX_REPORTED rows, with the total.
 * The longer story: docs/import-export.md. Over 300 lines: the two modes share the parser, the
 * batch and the report, and read best side by side.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { LIMITS } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import type { Database } from '../../db/client.ts';
import { createLoaders } from '../../core/loaders.ts';
import {
  checkActivities,
  findKeyConflicts,
  storeActivities,
  type ActivityProblem,
  type KeyConflict,
} from '../../modules/performance/activity.service.ts';
import type { NewActivity } from '../../modules/performance/performance.queries.ts';
import { userIdsByEmail } from '../../modules/users/user.queries.ts';
import { assertRole, type Viewer } from '../../core/permissions.ts';
import {
  COLUMNS,
  firstLine,
  readHeader,
  readRow,
  type Column,
  type CsvRow,
  type Header,
  type RowError,
} from './csv-rows.ts';

export const IMPORT_MODES = ['skip', 'reject'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Rows checked and stored per statement: recordActivities' own limit, which amortises the rollup triggers. */
export const BATCH_SIZE = LIMITS.activityBatch;
/** Bad rows listed in a report (the count is always exact). */
export const MAX_REPORTED = 1000;
/** A record longer than this is refused rather than buffered (an unclosed quote must not eat memory). */
const MAX_RECORD_BYTES = 64 * 1024;

/** The report, as sent over HTTP and printed by the CLI (snake_case like the REST API). */
export interface ImportReport {
  mode: ImportMode;
  /** imported: stored (bad rows skipped); rejected: nothing stored; incomplete: the file could not be read to its end. */
  status: 'imported' | 'rejected' | 'incomplete';
  rows: number;
  imported: number;
  duplicates: number;
  /** Rows whose external_id names a different activity (also in skipped and errors). */
  conflicts: number;
  skipped: number;
  error_count: number;
  errors: RowError[];
  errors_truncated: boolean;
  ignored_columns: string[];
  ms: number;
}

export interface ImportProgress {
  /** check: reject mode's first read, which writes nothing; write: the read that stores. */
  phase: 'check' | 'write';
  bytes: number;
  rows: number;
}

/**
 * The file: a way to open it from its start (reject mode reads it twice: check, then write), or a
 * stream read once (reject mode then checks and writes in the one transaction: local files only).
 */
export type ImportSource = Readable | (() => Readable);

export interface ImportOptions {
  mode: ImportMode;
  /** Called after every batch. */
  onProgress?: (progress: ImportProgress) => void;
}

const FIELD_COLUMN: Record<ActivityProblem['field'], Column | null> = {
  userId: null, // the row's user column
  kind: 'kind',
  amount: 'amount',
  occurredAt: 'occurred_at',
  externalId: 'external_id',
};

/** Thrown inside the reject-mode transaction to roll it back; carries the report out. */
class Rejected extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
  }
}

/** The importing caller: managers (for their teams' members) and admins. */
export function assertCanImport(ctx: AppContext): Viewer {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN', 'MANAGER'], 'Only managers and admins import activities.');
  return viewer;
}

export async function importActivities(
  ctx: AppContext,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const viewer = assertCanImport(ctx);
  const started = Date.now();
  // a stream opened here is closed here (a read stopped at malformed quoting leaves it open)
  const read = async (db: Database, phase: ImportProgress['phase']) => {
    if (typeof source !== 'function') return run(ctx, viewer, db, source, options, phase);
    const stream = source();
    try {
      return await run(ctx, viewer, db, stream, options, phase);
    } finally {
      stream.destroy();
    }
  };
  if (options.mode === 'skip') return finish(await read(ctx.db, 'write'), started);
  const rejected = (report: ImportReport) =>
    finish({ ...report, status: 'rejected', imported: 0, duplicates: 0 }, started);
  if (typeof source === 'function') {
    const checked = await read(ctx.db, 'check');
    if (checked.error_count > 0 || checked.status !== 'imported') return rejected(checked);
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const report = await read(tx, 'write');
      if (report.error_count > 0 || report.status !== 'imported') throw new Rejected(report);
      return finish(report, started);
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    return rejected(error.report);
  }
}

const finish = (report: ImportReport, started: number): ImportReport => ({
  ...report,
  ms: Date.now() - started,
});

async function run(
  ctx: AppContext,
  viewer: Viewer,
  db: Database,
  source: Readable,
  options: ImportOptions,
  phase: ImportProgress['phase'],
): Promise<ImportReport> {
  const report: ImportReport = {
    mode: options.mode,
    status: 'imported',
    rows: 0,
    imported: 0,
    duplicates: 0,
    conflicts: 0,
    skipped: 0,
    error_count: 0,
    errors: [],
    errors_truncated: false,
    ignored_columns: [],
    ms: 0,
  };
  const addError = (error: RowError) => {
    report.error_count += 1;
    if (report.errors.length < MAX_REPORTED) report.errors.push(error);
    else report.errors_truncated = true;
  };
  // csv-parse cannot resynchronise after malformed quoting (it pairs the following quotes
  // wrongly), so the first unreadable record ends the read: what came before it is kept, the
  // report names its line and says the rest was not read.
  let broken: { line: number; reason: string; records: number } | undefined;
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
    on_skip: (error) => {
      broken ??= {
        line: Number(error?.lines ?? parser.info.lines),
        reason: error?.message ?? 'unreadable record',
        records: parser.info.records,
      };
      return undefined;
    },
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  let header: Header | undefined;
  let batch: CsvRow[] = [];
  // One insert may run while the next batch is parsed and checked (the database and this process
  // work at the same time); at most two batches are held, so memory stays flat.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length) {
      const { valid, lines, errors } = await checkBatch(ctx, viewer, db, rows);
      report.skipped += rows.length - valid.length;
      for (const error of errors) addError(error);
      const addConflicts = (conflicts: KeyConflict[]) => {
        for (const { index, firstIndex } of conflicts) {
          report.conflicts += 1;
          report.skipped += 1;
          addError({
            line: lines[index] ?? 0,
            column: 'external_id',
            reason:
              firstIndex === null
                ? 'is already stored for a different activity (another user, kind, amount or occurred_at)'
                : `is used by line ${lines[firstIndex] ?? 0} for a different activity`,
          });
        }
      };
      await writing;
      // reject mode: once anything is bad the transaction will be rolled back; stop writing, but
      // still report the conflicts a write would have met
      if (phase === 'write' && (options.mode === 'skip' || report.error_count === 0)) {
        writing = storeActivities(db, valid, 'import', options.mode === 'skip').then((stored) => {
          report.imported += stored.recorded;
          report.duplicates += stored.duplicates;
          addConflicts(stored.conflicts);
        });
        writing.catch(() => {}); // awaited (and rethrown) by the next flush or at the end
      } else {
        addConflicts(await findKeyConflicts(db, valid));
      }
    }
    options.onProgress?.({ phase, bytes: parser.info.bytes, rows: report.rows });
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; records: number };
    }>) {
      if (broken && info.records > broken.records) break;
      if (!header) {
        header = readHeader(record);
        report.ignored_columns = header.ignored;
        continue;
      }
      report.rows += 1;
      batch.push(readRow(header, record, firstLine(info.lines, record)));
      if (batch.length >= BATCH_SIZE) await flush();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    broken ??= { line: parser.info.lines, reason: error.message, records: parser.info.records };
  }
  await flush();
  await writing;
  if (broken) {
    report.rows += 1;
    report.skipped += 1;
    addError({
      line: broken.line,
      column: null,
      reason: `${broken.reason}; the rest of the file was not read`,
    });
    report.status = 'incomplete';
  }
  if (!header && report.status === 'imported') readHeader([]); // an empty file: "missing columns"
  // a batch's conflicts are known once it is written, after the next batch's checks: by line again
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

/** Checks a batch: the users of user_email, then the rules of checkActivities; errors by line and column. */
async function checkBatch(
  ctx: AppContext,
  viewer: Viewer,
  db: Database,
  rows: CsvRow[],
): Promise<{ valid: NewActivity[]; lines: number[]; errors: RowError[] }> {
  const emails = [...new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))];
  const byEmail = await userIdsByEmail(db, emails);
  for (const row of rows) {
    if (!row.email) continue;
    const id = byEmail.get(row.email);
    if (id === undefined)
      row.errors.push({ line: row.line, column: 'user_email', reason: 'no user has this email' });
    else row.input.userId = String(id);
  }
  // fresh loaders per batch: the cache must not grow with the file
  const checkCtx: AppContext = { ...ctx, db, loaders: createLoaders(db) };
  const checked = await checkActivities(
    checkCtx,
    viewer,
    rows.map((r) => r.input),
  );
  for (const problem of checked.problems) {
    const row = rows[problem.index];
    if (!row) continue;
    // one reason a cell: the rules see an unreadable cell as empty and would say so again
    const column = FIELD_COLUMN[problem.field] ?? row.userColumn;
    if (row.errors.some((e) => e.column === column)) continue;
    row.errors.push({ line: row.line, column, reason: problem.message });
  }
  const valid: NewActivity[] = [];
  const lines: number[] = [];
  const errors: RowError[] = [];
  rows.forEach((row, i) => {
    const activity = checked.rows[i];
    if (row.errors.length === 0 && activity) {
      valid.push(activity);
      lines.push(row.line);
    } else
      errors.push(
        ...row.errors.sort(
          (a, b) => COLUMNS.indexOf(a.column ?? 'user_id') - COLUMNS.indexOf(b.column ?? 'user_id'),
        ),
      );
  });
  return { valid, lines, errors };
}
