/**
 * POST /import/activities?mode=skip|reject — an authenticated CSV upload: either the raw body
 * (Content-Type text/csv, application/csv, text/plain or application/octet-stream) or the first
 * file of a multipart/form-data form. Answers the import report: 200 when stored, 422 when
 * rejected or unreadable; 400/401/403 as the REST API.
 *
 * Everything that can refuse the upload is decided before a byte of it is read (the token, the
 * role, the mode, the type, an announced size over MAX_IMPORT_BYTES: 413, a free import slot:
 * 429 with Retry-After); a client that sent `Expect: 100-continue` is only then asked for the
 * body. The upload is received in full into a temporary file (upload.ts) and only then imported,
 * so the database never waits on the client. Imports run at most IMPORT_MAX_CONCURRENT at a time
 * per process and IMPORT_MAX_CONCURRENT_PER_USER per user: each holds a temporary file of up to
 * MAX_IMPORT_BYTES and, in reject mode, a transaction.
 */
import type { IncomingMessage } from 'node:http';
import express, { type Router } from 'express';
import { Fields } from '../rest/fields.ts';
import { Slots } from '../http/slots.ts';
import { route, type RestDeps } from '../rest/respond.ts';
import { assertCanImport, IMPORT_MODES, importActivities, type ImportMode } from './activities-import.ts';
import { uploadKind, uploadTooLarge, withUpload } from './upload.ts';
import type { Metrics } from '../../core/metrics.ts';

/** The upload's path, which the server gives IMPORT_TIMEOUT_MS instead of HTTP_REQUEST_TIMEOUT_MS. */
export function isUpload(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  return path === '/import/activities' || path === '/import/activities/';
}

export interface ImportDeps extends RestDeps {
  /** MAX_IMPORT_BYTES */
  maxBytes: number;
  /** IMPORT_MAX_CONCURRENT, IMPORT_MAX_CONCURRENT_PER_USER */
  maxConcurrent: number;
  maxConcurrentPerUser: number;
  /** Imports and their stored rows are counted (core/metrics.ts). */
  metrics?: Metrics | undefined;
}

export function importRouter(deps: ImportDeps): Router {
  const router = express.Router();
  const slots = new Slots('imports', deps.maxConcurrent, deps.maxConcurrentPerUser);
  router.post(
    '/activities',
    route(deps, async (req, res, ctx) => {
      const q = new Fields(req.query);
      const mode = (q.text('mode') ?? 'skip').toLowerCase();
      if (!IMPORT_MODES.some((m) => m === mode))
        q.errors.add('mode', `must be one of ${IMPORT_MODES.join(', ')}`);
      q.rejectUnknown();
      q.done();
      const viewer = assertCanImport(ctx);
      const kind = uploadKind(req.header('content-type'));
      if (Number(req.header('content-length') ?? NaN) > deps.maxBytes)
        throw uploadTooLarge(kind, deps.maxBytes);
      const release = slots.takeOrRefuse(viewer.id);
      try {
        if (/^100-continue$/i.test(req.header('expect') ?? '')) res.writeContinue();
        const report = await withUpload(req, { kind, maxBytes: deps.maxBytes }, (upload) =>
          importActivities(ctx, upload.open, { mode: mode as ImportMode }),
        );
        deps.metrics?.imported(report.status, report.imported);
        res.status(report.status === 'imported' ? 200 : 422).json(report);
      } finally {
        release();
      }
    }),
  );
  return router;
}
