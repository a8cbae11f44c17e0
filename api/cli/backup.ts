/**
 * npm run backup -- <file.tar.gz> [--url <server>] [--token <t>] [--as <email>]
 *
 * A backup of the embedded database (api/db/backup.ts). With --url, the running server takes it
 * (GET /admin/backup, an ADMIN's bearer token: --token, else $PULSE_TOKEN, else one signed here
 * for --as, default ADMIN_EMAIL, with DATA_DIR's secret). Without --url, DATA_DIR is opened here:
 * refused while the server holds it (use --url). A Postgres server (DATABASE_URL) is backed up with
 * pg_dump (docs/operations.md#backups). The file is written whole or not at all (a temporary file
 * renamed at the end). Exit code: 0 written, 1 failed, 2 usage.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveJwtSecret, signToken } from '../core/auth.ts';
import { loadConfig } from '../config.ts';
import { dumpEmbedded } from '../db/backup.ts';
import { openDatabase } from '../db/client.ts';
import { exitWithFailure } from './failure.ts';

const USAGE = 'usage: npm run backup -- <file.tar.gz> [--url <server>] [--token <token>] [--as <email>]\n';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, token: { type: 'string' }, as: { type: 'string' } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  process.stderr.write(USAGE);
  process.exit(2);
}

async function viaServer(url: string): Promise<Buffer> {
  const token =
    values.token ??
    process.env.PULSE_TOKEN ??
    (await (async () => {
      const config = loadConfig();
      return signToken(resolveJwtSecret(config), values.as ?? config.adminEmail, '15m');
    })());
  const response = await fetch(new URL('/admin/backup', url), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(`${response.status}: ${body?.error?.message ?? response.statusText}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

async function direct(): Promise<Buffer> {
  const config = loadConfig();
  if (!config.embedded)
    throw new Error(
      'DATABASE_URL is set: back a Postgres server up with pg_dump (docs/operations.md#backups)',
    );
  const database = await openDatabase({ dataDir: config.dataDir });
  try {
    if (!database.pglite) throw new Error('the embedded database did not open');
    return await dumpEmbedded(database.pglite);
  } finally {
    await database.close();
  }
}

try {
  const archive = values.url ? await viaServer(values.url) : await direct();
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, archive, { mode: 0o600 });
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  process.stdout.write(`backup written: ${file} (${(archive.length / 2 ** 20).toFixed(1)} MiB)\n`);
  process.exit(0);
} catch (error) {
  exitWithFailure(
    'backup',
    error,
    (held) =>
      `${held.message} (the running server?). Take the backup through it instead:\n  npm run backup -- ${file} --url http://localhost:4000`,
  );
}
