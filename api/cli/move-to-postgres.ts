/**
 * npm run move-to-postgres -- <DATABASE_URL of an empty database>
 *
 * Copies this install's embedded database (DATA_DIR) into a Postgres server (api/db/move.ts): with
 * the server stopped (its lock on DATA_DIR refuses the move otherwise), into an empty database.
 * Both are migrated to this version first; the copy is one transaction; then every table is
 * compared (rows and a checksum) and the result printed, with the settings to start on Postgres.
 * The embedded database is left as it was. Exit code: 0 moved and equal, 1 failed, 2 usage.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { exitWithFailure } from './failure.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { assertEmptyTarget, compareTables, copyTables, MoveError } from '../db/move.ts';

const USAGE = 'usage: npm run move-to-postgres -- <postgres://user:pass@host:5432/empty-database>\n';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const url = positionals[0];
if (!url || positionals.length > 1 || !/^postgres(ql)?:\/\//.test(url)) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const redacted = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

try {
  const config = loadConfig({ ...process.env, DATABASE_URL: '' });
  const source = await openDatabase({ dataDir: config.dataDir });
  try {
    const target = await openDatabase({ databaseUrl: url, poolSize: 2 });
    try {
      if (!source.pglite || !target.pg) throw new MoveError('could not open both databases');
      await assertEmptyTarget(target.pg);
      await migrateDatabase(source);
      await migrateDatabase(target, url);
      const started = Date.now();
      const copied = await copyTables(source.pglite, target.pg, (table, rows) =>
        process.stdout.write(`  ${table}: ${rows} rows\n`),
      );
      const reports = await compareTables(source.pglite, target.pg, copied.keys());
      const differ = reports.filter((r) => !r.same);
      const total = reports.reduce((n, r) => n + r.rows, 0);
      if (differ.length)
        throw new MoveError(
          `copied, but these tables differ between the two databases: ${differ.map((r) => r.table).join(', ')}`,
        );
      process.stdout.write(
        `moved ${total} rows in ${reports.length} tables to ${redacted} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `every table has the same rows on both sides.\n` +
          `Start Pulse on it (the same JWT secret keeps issued tokens valid; keep ${config.dataDir} until you are happy):\n` +
          `  DATABASE_URL='${redacted}' JWT_SECRET=${config.jwtSecret ? '<the JWT_SECRET set now>' : `"$(cat ${join(config.dataDir, 'jwt-secret')})"`} npm start\n`,
      );
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
  process.exit(0);
} catch (error) {
  exitWithFailure('move', error, (held) => `${held.message}: stop the server first`);
}
