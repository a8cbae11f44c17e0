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
import { ConflictError } from '../../core/errors.ts';
import { Fields } from '../rest/fields.ts';
import { HttpRefusal, route, type RestDeps } from '../rest/respond.ts';
import { assertCanImport, IMPORT_MODES, importActivities, type ImportMode } from './activities-import.ts';
import { uploadKind, uploadTooLarge, withUpload } from './upload.ts';

/** The upload's path, which the server gives IMPORT_TIMEOUT_MS instead of HTTP_REQUEST_TIMEOUT_MS. */
export function isUpload(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  return path === '/import/activities' || path === '/import/activities/';
}

/** What a client told to wait (429) is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export interface ImportDeps extends RestDeps {
  /** MAX_IMPORT_BYTES */
  maxBytes: number;
  /** IMPORT_MAX_CONCURRENT, IMPORT_MAX_CONCURRENT_PER_USER */
  maxConcurrent: number;
  maxConcurrentPerUser: number;
}

/** Imports running now, in the process and per user. */
class ImportSlots {
  private running = 0;
  private readonly perUser = new Map<number, number>();

  constructor(
    private readonly max: number,
    private readonly maxPerUser: number,
  ) {}

  /** A slot (release it when done), or null when the process or the user is at the limit. */
  take(userId: number): (() => void) | null {
    const mine = this.perUser.get(userId) ?? 0;
    if (this.running >= this.max || mine >= this.maxPerUser) return null;
    this.running += 1;
    this.perUser.set(userId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }
}

export function importRouter(deps: ImportDeps): Router {
  const router = express.Router();
  const slots = new ImportSlots(deps.maxConcurrent, deps.maxConcurrentPerUser);
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
      const release = slots.take(viewer.id);
      if (!release) {
        throw new HttpRefusal(
          429,
          new ConflictError(
            `Too many imports are running (at most ${deps.maxConcurrentPerUser} of yours, ` +
              `${deps.maxConcurrent} in all); try again in ${RETRY_AFTER_SECONDS} s.`,
          ),
          { 'retry-after': String(RETRY_AFTER_SECONDS) },
        );
      }
      try {
        if (/^100-continue$/i.test(req.header('expect') ?? '')) res.writeContinue();
        const report = await withUpload(req, { kind, maxBytes: deps.maxBytes }, (upload) =>
          importActivities(ctx, upload.open, { mode: mode as ImportMode }),
        );
        res.status(report.status === 'imported' ? 200 : 422).json(report);
      } finally {
        release();
      }
    }),
  );
  return router;
}
