/**
 * Backups of the embedded database (DATA_DIR/pglite): a gzipped tar of PGlite's data directory,
 * the format PGlite itself reads back (`loadDataDir`). Invariant: a backup is taken between two
 * statements (PGlite runs one at a time and dumps under the same lock, after a CHECKPOINT), so it
 * is what a crash at that instant would leave: Postgres' recovery makes it consistent on restore,
 * with every committed transaction and none that was open. A restore never writes into a live
 * database: it takes DATA_DIR's lock (a running server holds it), loads the archive into a new
 * folder beside the old one and only then swaps the two, keeping the old one; the JWT secret
 * file in DATA_DIR is left alone. A Postgres server is backed up with pg_dump (docs/operations.md).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';

/** A gzip stream starts with these two bytes (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export class BackupError extends Error {}

/** The embedded database's folder inside DATA_DIR (client.ts opens the same). */
export function embeddedFolder(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** A consistent archive of a running embedded database (see the header). */
export async function dumpEmbedded(pglite: PGlite): Promise<Buffer> {
  await pglite.exec('CHECKPOINT');
  const archive = await pglite.dumpDataDir('gzip');
  return Buffer.from(await archive.arrayBuffer());
}

export interface Restored {
  /** Where the database that was replaced now is (null: DATA_DIR held none). */
  replaced: string | null;
}

/**
 * Replaces DATA_DIR's embedded database by the archive's. Refused while a process holds DATA_DIR
 * (DataDirBusyError), and when DATA_DIR holds a database unless `force` (it is then kept beside,
 * as pglite.replaced-<time>). `now` names that folder.
 */
export async function restoreEmbedded(
  dataDir: string,
  archive: Buffer,
  options: { force: boolean; now?: Date },
): Promise<Restored> {
  if (archive.length < 2 || archive[0] !== GZIP_MAGIC[0] || archive[1] !== GZIP_MAGIC[1])
    throw new BackupError('not a Pulse backup: expected the .tar.gz that `npm run backup` writes');
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const target = embeddedFolder(dataDir);
    const holdsOne = existsSync(join(target, 'PG_VERSION'));
    if (holdsOne && !options.force)
      throw new BackupError(
        `${dataDir} already holds a database: add --force to replace it (the old one is kept beside it)`,
      );
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const staging = `${target}.restoring-${stamp}`;
    rmSync(staging, { recursive: true, force: true });
    try {
      const loaded = await PGlite.create({
        dataDir: staging,
        loadDataDir: new Blob([new Uint8Array(archive)], { type: 'application/x-gzip' }),
      });
      // an archive of something else would open as an empty cluster: it must hold Pulse's tables
      const [found] = (
        await loaded.query<{ users: string | null }>(`select to_regclass('public.users')::text as users`)
      ).rows;
      await loaded.close();
      if (!found?.users) throw new BackupError('not a Pulse backup: the archive holds no Pulse database');
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `could not read the backup: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let replaced: string | null = null;
    if (existsSync(target)) {
      replaced = `${target}.replaced-${stamp}`;
      renameSync(target, replaced);
    }
    renameSync(staging, target);
    return { replaced };
  } finally {
    unlock();
  }
}
