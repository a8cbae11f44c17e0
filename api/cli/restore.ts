/**
 * npm run restore -- <file.tar.gz> [--force]
 *
 * Puts a backup made by `npm run backup` back as DATA_DIR's embedded database (api/db/backup.ts):
 * with the server stopped (its lock on DATA_DIR refuses the restore otherwise); --force replaces a
 * database DATA_DIR already holds, which is kept beside it. The restored database is then opened
 * and brought to this version's schema (a backup from an older Pulse is migrated), and what it
 * holds is printed. A Postgres server is restored with psql/pg_restore (docs/operations.md#backups).
 * Exit code: 0 restored, 1 failed, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { restoreEmbedded } from '../db/backup.ts';
import { openDatabase, rows } from '../db/client.ts';
import { exitWithFailure } from './failure.ts';
import { migrateDatabase } from '../db/migrate.ts';

const USAGE = 'usage: npm run restore -- <file.tar.gz> [--force]\n';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  process.stderr.write(USAGE);
  process.exit(2);
}

try {
  const config = loadConfig();
  if (!config.embedded)
    throw new Error(
      'DATABASE_URL is set: restore a Postgres server with psql or pg_restore (docs/operations.md#backups)',
    );
  const { replaced } = await restoreEmbedded(config.dataDir, readFileSync(file), { force: values.force });
  const database = await openDatabase({ dataDir: config.dataDir });
  try {
    await migrateDatabase(database, undefined);
    const [held] = await rows<{ people: number; activities: number; goals: number }>(
      database.db,
      sql`select (select count(*) from users)::int as people, (select count(*) from activities)::int as activities,
                 (select count(*) from goals)::int as goals`,
    );
    process.stdout.write(
      `restored ${file} into ${config.dataDir}: ${held?.people} people, ${held?.activities} activities, ${held?.goals} goals\n` +
        (replaced ? `the database it replaced is kept in ${replaced}\n` : ''),
    );
  } finally {
    await database.close();
  }
  process.exit(0);
} catch (error) {
  exitWithFailure('restore', error, (held) => `${held.message}: stop the server first`);
}
