/**
 * GET /admin/backup (ADMIN): the embedded database as a .tar.gz (api/db/backup.ts), for
 * `npm run backup -- <file> --url …` while the server runs; without --url the CLI opens DATA_DIR
 * itself. One backup at a time per process (429 with Retry-After): each is built in memory, about
 * the size of the compressed database. A server on Postgres answers 409: pg_dump backs it up.
 * Every backup is in the audit log (it holds everything, password hashes included).
 */
import express, { type Router } from 'express';
import { audit } from '../../core/audit.ts';
import { requireViewer } from '../../core/context.ts';
import { ConflictError, ForbiddenError } from '../../core/errors.ts';
import { dumpEmbedded } from '../../db/backup.ts';
import { Fields } from '../rest/fields.ts';
import { HttpRefusal, route, type RestDeps } from '../rest/respond.ts';

/** What a client told to wait (429) is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 10;

export function backupRouter(deps: RestDeps): Router {
  const router = express.Router();
  let running = false;
  router.get(
    '/backup',
    route(deps, async (req, res, ctx) => {
      const q = new Fields(req.query);
      q.rejectUnknown();
      q.done();
      const viewer = requireViewer(ctx);
      if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only an admin takes backups.');
      const { pglite } = deps.database;
      if (!pglite)
        throw new HttpRefusal(
          409,
          new ConflictError(
            'This server runs on a Postgres server (DATABASE_URL): back it up with pg_dump (docs/operations.md#backups).',
          ),
        );
      if (running)
        throw new HttpRefusal(429, new ConflictError('A backup is being taken; try again in a moment.'), {
          'retry-after': String(RETRY_AFTER_SECONDS),
        });
      running = true;
      try {
        await audit(ctx.db, viewer, {
          action: 'organisation.backup',
          targetType: 'Organisation',
          targetId: 1,
        });
        const archive = await dumpEmbedded(pglite);
        const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
        res.status(200).set({
          'content-type': 'application/gzip',
          'content-length': String(archive.length),
          'content-disposition': `attachment; filename="pulse-backup-${stamp}.tar.gz"`,
          'cache-control': 'no-store',
        });
        res.end(archive);
      } finally {
        running = false;
      }
    }),
  );
  return router;
}
