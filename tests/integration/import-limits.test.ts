/**
 * The CSV upload's limits (api/transport/import/import.route.ts, upload.ts): it is received in full before
 * the database is used, so slow uploads hold no connection (PGlite has one; here the Postgres
 * pool has two); at most IMPORT_MAX_CONCURRENT_PER_USER per user and IMPORT_MAX_CONCURRENT in all
 * (429, Retry-After, refused before the body); MAX_IMPORT_BYTES (413, announced or found while
 * reading); forms without a boundary, cut short or without a file (400 naming the field); and the
 * temporary file is gone whatever happened.
 */
import { mkdtempSync, readdirSync, watch } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { head, RawConnection, type RawResponse } from '../support/raw-http.ts';
import { dataOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
/** The server's temporary directory (os.tmpdir() follows TMPDIR): only the uploads' files land here. */
let spool: string;

beforeAll(async () => {
  ({ server, org } = await startOrgServer({
    DB_POOL_SIZE: '2',
    IMPORT_MAX_CONCURRENT: '2',
    IMPORT_MAX_CONCURRENT_PER_USER: '1',
    MAX_IMPORT_BYTES: '64kb',
  }));
  spool = mkdtempSync(join(tmpdir(), 'pulse-import-limits-'));
  process.env.TMPDIR = spool;
});
afterAll(() => server?.close());

const HEADER = 'user_email,kind,amount,occurred_at,external_id';
const csv = (prefix: string, rows: number, email = org.reps.east1.email) =>
  Buffer.from(
    [
      HEADER,
      ...Array.from(
        { length: rows },
        (_, i) => `${email},ORDER_WON,10.00,2026-05-01T10:00:00Z,${prefix}-${i}`,
      ),
    ].join('\n') + '\n',
  );

const count = async (prefix: string) =>
  Number(
    (
      await server.sql<{ n: number }>(
        sql`select count(*)::int as n from activities where external_id like ${prefix + '-%'}`,
      )
    )[0]?.n,
  );

const json = (answer: RawResponse | { body: string }) => JSON.parse(answer.body) as Record<string, unknown>;
const errorOf = (answer: RawResponse | { body: string }) =>
  json(answer).error as { code: string; message: string; fields: { field: string; message: string }[] };

/** An upload whose body is announced in full and sent in part: it waits for `finish`. */
async function startUpload(email: string, body: Buffer, mode = 'reject') {
  const connection = await RawConnection.open(server.url);
  await connection.write(
    head('POST', `/import/activities?mode=${mode}`, {
      authorization: `Bearer ${await server.token(email)}`,
      'content-type': 'text/csv',
      'content-length': body.length,
    }),
  );
  await connection.write(body.subarray(0, HEADER.length + 10));
  return {
    connection,
    async finish(): Promise<RawResponse> {
      await connection.write(body.subarray(HEADER.length + 10));
      const answer = await connection.response();
      connection.destroy();
      return answer;
    },
  };
}

/** POST with node's http client, the body in one piece: raw (chunked) or as given. */
function post(
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent: false });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const uploadsLeft = () => readdirSync(spool).filter((name) => name.startsWith('pulse-import-'));

/** Resolves once the uploads' temporary directories number `n` (woken by the directory's changes). */
async function uploadsNumber(n: number): Promise<void> {
  const watcher = watch(spool);
  try {
    await new Promise<void>((resolve) => {
      const check = () => {
        if (uploadsLeft().length === n) resolve();
      };
      watcher.on('change', check);
      check();
    });
  } finally {
    watcher.close();
  }
}

describe('POST /import/activities limits', () => {
  it('receives uploads in full before using the database: slow ones hold no connection', async () => {
    const admin = await startUpload(org.admin, csv('slow-a', 3));
    const manager = await startUpload(org.managers.east, csv('slow-b', 3));
    // both are being received and wait on their clients; the database (one PGlite connection, or
    // a pool of 2) is free
    await uploadsNumber(2);
    const me = await server.gql<{ me: { email: string } }>('{ me { email } }', {}, org.reps.east1.email);
    expect(dataOf(me).me.email).toBe(org.reps.east1.email);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const [a, b] = [await admin.finish(), await manager.finish()];
    expect([a.status, json(a).imported, b.status, json(b).imported]).toEqual([200, 3, 200, 3]);
    expect([await count('slow-a'), await count('slow-b')]).toEqual([3, 3]);
    expect(uploadsLeft()).toEqual([]);
  });

  it('runs one import per user and two in all: the next is a 429 with Retry-After, before its body', async () => {
    const refusedBeforeBody = async (email: string) => {
      const connection = await RawConnection.open(server.url);
      await connection.write(
        head('POST', '/import/activities', {
          authorization: `Bearer ${await server.token(email)}`,
          'content-type': 'text/csv',
          'content-length': 1000,
        }),
      );
      const answer = await connection.response();
      connection.destroy();
      return answer;
    };
    const first = await startUpload(org.admin, csv('cap-a', 2));
    await uploadsNumber(1); // it has its slot
    const mine = await refusedBeforeBody(org.admin);
    expect([mine.status, mine.headers['retry-after']]).toEqual([429, '5']);
    expect(errorOf(mine)).toMatchObject({ code: 'CONFLICT', fields: [] });
    expect(errorOf(mine).message).toMatch(/at most 1 of yours, 2 in all/);

    const second = await startUpload(org.managers.east, csv('cap-b', 2));
    await uploadsNumber(2);
    const anyone = await refusedBeforeBody(org.managers.west);
    expect([anyone.status, anyone.headers['retry-after']]).toEqual([429, '5']);

    expect((await first.finish()).status).toBe(200);
    expect((await second.finish()).status).toBe(200);
    const west = await post(
      '/import/activities',
      { authorization: `Bearer ${await server.token(org.managers.west)}`, 'content-type': 'text/csv' },
      csv('cap-c', 2, org.reps.west1.email),
    );
    expect([west.status, json(west).imported]).toEqual([200, 2]);
  });

  it('refuses an upload over MAX_IMPORT_BYTES with 413, announced or found while reading, storing nothing', async () => {
    const big = csv('big', 1500);
    expect(big.length).toBeGreaterThan(64 * 1024);
    const auth = { authorization: `Bearer ${await server.token(org.admin)}` };

    const announced = await RawConnection.open(server.url);
    await announced.write(
      head('POST', '/import/activities', {
        ...auth,
        'content-type': 'text/csv',
        'content-length': big.length,
      }),
    );
    const early = await announced.response();
    announced.destroy();
    expect(early.status).toBe(413);
    expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] });

    for (const mode of ['skip', 'reject']) {
      const chunked = await post(
        `/import/activities?mode=${mode}`,
        { ...auth, 'content-type': 'text/csv' },
        big,
      );
      expect(chunked.status).toBe(413);
      expect(errorOf(chunked)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'Invalid body: is larger than 64KB',
        fields: [{ field: 'body', message: 'is larger than 64KB' }],
      });
    }
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'text/csv' }), 'big.csv');
    const multipart = await fetch(`${server.url}/import/activities`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    expect(multipart.status).toBe(413);
    expect(errorOf({ body: await multipart.text() }).fields).toEqual([
      { field: 'file', message: 'is larger than 64KB' },
    ]);
    expect(await count('big')).toBe(0);
    expect(uploadsLeft()).toEqual([]);
  });

  it('answers a form without a boundary, cut short, or without a file with 400 naming the field', async () => {
    const auth = { authorization: `Bearer ${await server.token(org.admin)}` };
    const send = (type: string, body: string) =>
      post(
        '/import/activities',
        { ...auth, 'content-type': type, 'content-length': String(body.length) },
        Buffer.from(body),
      );

    const noBoundary = await send('multipart/form-data', 'anything');
    expect(noBoundary.status).toBe(400);
    expect(errorOf(noBoundary)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] });

    const type = 'multipart/form-data; boundary=cut';
    const part = (name: string, file?: string) =>
      `--cut\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n` +
      `Content-Type: text/csv\r\n\r\n`;
    const inFile = await send(type, `${part('file', 'a.csv')}${HEADER}\n${org.reps.east1.email},CALL,,2026`);
    expect(inFile.status).toBe(400);
    expect(errorOf(inFile)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'file' }] });

    const inField = await send(type, `${part('note')}from the ERP`);
    expect(inField.status).toBe(400);
    expect(errorOf(inField)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] });

    const noFile = await send(type, `${part('note')}from the ERP\r\n--cut--\r\n`);
    expect(noFile.status).toBe(400);
    expect(errorOf(noFile)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'file', message: 'the form has no file' }],
    });
    expect(uploadsLeft()).toEqual([]);
  });

  it('removes the temporary file of an upload whose client went away, and frees its slot', async () => {
    const gone = await startUpload(org.admin, csv('gone', 5));
    // the upload is being received into its file
    await uploadsNumber(1);
    gone.connection.destroy();
    await uploadsNumber(0);
    // the slot is freed once the server's removal of the file has returned, which the watcher
    // may hear of first: the next upload of the same user gets it, at once or a request later
    const upload = async () =>
      post(
        '/import/activities',
        { authorization: `Bearer ${await server.token(org.admin)}`, 'content-type': 'text/csv' },
        csv('again', 2),
      );
    let again = await upload();
    for (let attempt = 0; attempt < 20 && again.status === 429; attempt += 1) again = await upload();
    expect([again.status, json(again).imported]).toEqual([200, 2]);
    expect(await count('gone')).toBe(0);
  });
});
