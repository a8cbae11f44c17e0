/**
 * POST /import/activities?mode=skip|reject — an authenticated CSV upload, streamed into the import
 * as it arrives: either the raw body (Content-Type text/csv, application/csv, text/plain or
 * application/octet-stream) or the first file of a multipart/form-data form (busboy). Answers the
 * import report: 200 when stored, 422 when rejected or unreadable; 400/401/403 as the REST API.
 */
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import express, { type Request, type Router } from 'express';
import { BadInputError } from '../errors.ts';
import { Fields } from '../rest/fields.ts';
import { route, type RestDeps } from '../rest/http.ts';
import { IMPORT_MODES, importActivities, type ImportMode } from './activities-import.ts';

const RAW_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];

/** The uploaded file as a stream: the body itself, or the first file part of a form. */
function csvSource(req: Request): Promise<Readable> {
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (RAW_TYPES.includes(type)) return Promise.resolve(req);
  if (type !== 'multipart/form-data') {
    return Promise.reject(
      BadInputError.one('body', 'send the CSV as text/csv, or as a file in multipart/form-data'),
    );
  }
  return new Promise((resolve, reject) => {
    const form = busboy({ headers: req.headers, limits: { files: 1, fields: 20 } });
    let found = false;
    form.on('file', (_name, file) => {
      found = true;
      resolve(file);
    });
    form.on('close', () => {
      if (!found) reject(BadInputError.one('file', 'the form has no file'));
    });
    form.on('error', (error) => (found ? undefined : reject(BadInputError.one('body', String(error)))));
    req.pipe(form);
  });
}

export function importRouter(deps: RestDeps): Router {
  const router = express.Router();
  router.post(
    '/activities',
    route(deps, async (req, res, ctx) => {
      const q = new Fields(req.query);
      const mode = (q.text('mode') ?? 'skip').toLowerCase();
      if (!IMPORT_MODES.some((m) => m === mode))
        q.errors.add('mode', `must be one of ${IMPORT_MODES.join(', ')}`);
      q.rejectUnknown();
      q.done();
      const report = await importActivities(ctx, await csvSource(req), { mode: mode as ImportMode });
      res.status(report.status === 'imported' ? 200 : 422).json(report);
    }),
  );
  return router;
}
