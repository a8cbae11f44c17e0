/**
 * The CSV upload, received in full before the import touches the database: the request body (raw
 * CSV) or the first file of a multipart/form-data form is written to a temporary file, and the
 * import reads that file (twice in reject mode: check, then write; activities-import.ts). So no
 * connection or transaction is ever held while a client is still sending, however slowly, and a
 * cut-short upload stores nothing.
 *
 * Limits: the body (the CSV, or the form carrying it) may be at most MAX_IMPORT_BYTES (413 as soon
 * as it is passed); its deadline is the server's (IMPORT_TIMEOUT_MS, api/transport/http/entry.ts). A form without
 * a boundary, a truncated or malformed form, or one without a file is a 400 naming `body` or `file`.
 * The temporary directory is removed whatever happens (stored, refused, client gone).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import bytes from 'bytes';
import { BadInputError } from '../../core/errors.ts';
import { HttpRefusal } from '../rest/respond.ts';

const RAW_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];

export type UploadKind = 'raw' | 'multipart';

/** How the CSV comes, from the Content-Type; BAD_USER_INPUT for anything else. */
export function uploadKind(contentType: string | undefined): UploadKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (RAW_TYPES.includes(type)) return 'raw';
  if (type === 'multipart/form-data') return 'multipart';
  throw BadInputError.one('body', 'send the CSV as text/csv, or as a file in multipart/form-data');
}

/** The received file: open() reads it from its start, as often as needed. */
export interface Upload {
  readonly bytes: number;
  readonly open: () => Readable;
}

/** The field a refusal names: the body itself, or the form's file. */
const fieldOf = (kind: UploadKind) => (kind === 'raw' ? 'body' : 'file');

export function uploadTooLarge(kind: UploadKind, maxBytes: number): HttpRefusal {
  return new HttpRefusal(413, BadInputError.one(fieldOf(kind), `is larger than ${bytes.format(maxBytes)}`));
}

class TooLarge extends Error {}
class ClientGone extends Error {}

/** Receives the upload into a temporary file, runs `use` on it, and removes the file. */
export async function withUpload<T>(
  req: IncomingMessage,
  options: { kind: UploadKind; maxBytes: number },
  use: (upload: Upload) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pulse-import-'));
  try {
    const path = join(dir, 'upload.csv');
    let size: number;
    try {
      size =
        options.kind === 'raw'
          ? await receive(req, createWriteStream(path), options.maxBytes)
          : await receiveForm(req, path, options.maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) throw uploadTooLarge(options.kind, options.maxBytes);
      // nobody is left to read an answer; this one only ends the route without a 500
      if (error instanceof ClientGone) throw BadInputError.one('body', 'the upload was cut short');
      throw error;
    }
    return await use({ bytes: size, open: () => createReadStream(path) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * req -> byte counter -> sink. The request itself stays out of the pipeline: on an error the
 * pipeline destroys its streams, and the request's socket must live on to carry the answer.
 */
function receive(req: IncomingMessage, sink: Writable, maxBytes: number): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new TooLarge());
      else done(null, chunk);
    },
  });
  const onClose = () => {
    if (!req.complete) counter.destroy(new ClientGone());
  };
  req.once('close', onClose);
  if (req.destroyed) onClose(); // gone already, while the temporary directory was made
  req.pipe(counter);
  return pipeline(counter, sink).then(
    () => {
      req.off('close', onClose);
      return size;
    },
    (error: unknown) => {
      req.off('close', onClose);
      req.unpipe(counter);
      throw error;
    },
  );
}

/** The first file of a multipart/form-data body; other files and the fields are skipped. */
async function receiveForm(req: IncomingMessage, path: string, maxBytes: number): Promise<number> {
  let form: busboy.Busboy;
  try {
    form = busboy({ headers: req.headers, limits: { files: 1, fields: 20 } });
  } catch (error) {
    // no boundary, or a malformed Content-Type: busboy refuses to start
    throw BadInputError.one('body', `is not a readable form (${(error as Error).message})`);
  }
  let formError: Error | undefined;
  form.on('error', (error: Error) => (formError ??= error));
  let file: Promise<void> | undefined;
  form.on('file', (_name, stream) => {
    if (file) {
      stream.resume();
      return;
    }
    file = pipeline(stream, createWriteStream(path));
    file.catch(() => {}); // awaited below; busboy also reports a cut-short file to the form
  });
  try {
    const size = await receive(req, form, maxBytes);
    if (!file) throw BadInputError.one('file', 'the form has no file');
    await file;
    return size;
  } catch (error) {
    const ours = error instanceof TooLarge || error instanceof ClientGone || error instanceof BadInputError;
    // not the form's fault (the temporary file could not be written): a server error
    if (ours || formError === undefined) throw error;
    // busboy: 'Unexpected end of form', 'Malformed part header', 'Unexpected end of file'
    throw BadInputError.one(file ? 'file' : 'body', `is not a complete form (${formError.message})`);
  }
}
