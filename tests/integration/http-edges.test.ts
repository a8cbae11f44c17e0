/**
 * The HTTP server's edges, with real clients on real sockets (api/transport/http/entry.ts, api/transport/http/guards.ts):
 * - a body over the limit gets its 413 and JSON body every time, also for a client that sends
 *   the whole body before reading (the server reads and discards the rest before closing);
 * - a request without a valid token is answered before its body is read, and the connection
 *   stays usable once the client has sent the body anyway;
 * - `Expect: 100-continue` on the upload: no 100 for a caller who will be refused;
 * - deadlines: headers, a whole request, the upload's longer one;
 * - the lingering is bounded (bytes, time), and so are connections.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { head, RawConnection, type RawResponse } from '../support/raw-http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const MB = 1024 * 1024;
const TEN_MB = Buffer.alloc(10 * MB, 'x');

interface Answer {
  status: number;
  body: string;
}

/** node's http.request on a fresh connection, writing the whole body at once without waiting. */
function nodePost(url: string, path: string, headers: Record<string, string>, body: Buffer): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent: false });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (answer: Answer | RawResponse): Record<string, unknown> =>
  JSON.parse(answer.body) as Record<string, unknown>;

/** The GraphQL error body's first error: code and fields. */
const graphqlError = (answer: Answer | RawResponse) => {
  const [error] = json(answer).errors as { extensions: { code: string; fields?: unknown } }[];
  return error?.extensions;
};
/** The REST error body: code and fields. */
const restError = (answer: Answer | RawResponse) =>
  (json(answer).error as { code: string; fields: { field: string }[] } | undefined) ?? null;

describe('defaults (MAX_BODY 1mb), MAX_IMPORT_BYTES 1mb', () => {
  let server: TestServer;
  let org: OrgFixture;
  let token: string;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer({ MAX_IMPORT_BYTES: '1mb' }));
    token = await server.token(org.admin);
  });
  afterAll(() => server?.close());

  const BODY_FIELD = [{ field: 'body', message: 'too large' }];
  const routes = () =>
    [
      {
        name: 'GraphQL (JSON)',
        path: '/graphql',
        type: 'application/json',
        check: (a: Answer | RawResponse) =>
          expect(graphqlError(a)).toEqual({ code: 'BAD_USER_INPUT', fields: BODY_FIELD }),
      },
      {
        name: 'GraphQL (through express)',
        path: '/graphql',
        type: 'application/json; charset=utf-8; profile=x',
        check: (a: Answer | RawResponse) =>
          expect(graphqlError(a)).toEqual({ code: 'BAD_USER_INPUT', fields: BODY_FIELD }),
      },
      {
        name: 'REST',
        path: '/api/performance',
        type: 'application/json',
        check: (a: Answer | RawResponse) =>
          expect(restError(a)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] }),
      },
      {
        name: 'CSV upload',
        path: '/import/activities',
        type: 'text/csv',
        check: (a: Answer | RawResponse) =>
          expect(restError(a)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] }),
      },
    ] as const;

  it('answers a 10 MB body with 413 and its JSON body, every time, to a client that reads as it sends', async () => {
    for (const route of routes()) {
      const attempts = route.name === 'GraphQL (JSON)' ? 20 : 5;
      for (let i = 0; i < attempts; i += 1) {
        const headers = { authorization: `Bearer ${token}`, 'content-type': route.type };
        // announced (Content-Length) and not (chunked: the limit is found while reading)
        const length: Record<string, string> = i % 2 === 0 ? { 'content-length': String(TEN_MB.length) } : {};
        const answer = await nodePost(server.url, route.path, { ...headers, ...length }, TEN_MB);
        expect([route.name, answer.status]).toEqual([route.name, 413]);
        route.check(answer);
      }
    }
  });

  it('answers a 10 MB body with 413 and its JSON body to a client that sends it all before reading', async () => {
    for (const route of routes()) {
      for (let i = 0; i < 5; i += 1) {
        const connection = await RawConnection.open(server.url);
        const request = head('POST', route.path, {
          authorization: `Bearer ${token}`,
          'content-type': route.type,
          'content-length': TEN_MB.length,
        });
        const answer = await connection.readAfterSending(request, TEN_MB);
        expect([route.name, answer.status]).toEqual([route.name, 413]);
        route.check(answer);
        // the rest was read, not cut off: the same connection takes the next request
        await connection.write(head('GET', '/healthz', {}));
        expect((await connection.response()).status).toBe(200);
        connection.destroy();
      }
    }
  });

  it('answers a request without a valid token before reading its body, and keeps the connection', async () => {
    const bad = `Bearer ${token}x`;
    const cases = [
      { path: '/graphql', type: 'application/json', auth: undefined, graphql: true },
      { path: '/graphql', type: 'application/json', auth: bad, graphql: true },
      {
        path: '/graphql',
        type: 'application/json; charset=utf-8; profile=x',
        auth: undefined,
        graphql: true,
      },
      { path: '/api/performance', type: 'application/json', auth: undefined, graphql: false },
      { path: '/api/performance', type: 'application/json', auth: bad, graphql: false },
      {
        method: 'PATCH',
        path: '/api/performance/goals/1',
        type: 'application/json',
        auth: bad,
        graphql: false,
      },
      { path: '/import/activities', type: 'text/csv', auth: undefined, graphql: false },
    ];
    for (const c of cases) {
      const connection = await RawConnection.open(server.url);
      const body = Buffer.alloc(MB, ' ');
      await connection.write(
        head(c.method ?? 'POST', c.path, {
          'content-type': c.type,
          'content-length': body.length,
          ...(c.auth ? { authorization: c.auth } : {}),
        }),
      );
      // nothing of the body is sent until the answer is in
      const answer = await connection.response();
      expect([c.path, c.auth ?? 'no token', answer.status]).toEqual([c.path, c.auth ?? 'no token', 401]);
      if (c.graphql) expect(graphqlError(answer)).toMatchObject({ code: 'UNAUTHENTICATED' });
      else expect(restError(answer)).toMatchObject({ code: 'UNAUTHENTICATED', fields: [] });
      await connection.write(body);
      await connection.write(head('GET', '/healthz', {}));
      expect((await connection.response()).status).toBe(200);
      connection.destroy();
    }
  });

  it('asks for the upload (100 Continue) only once the caller may import', async () => {
    const csv = Buffer.from(
      `user_email,kind,occurred_at,external_id\n${org.reps.east1.email},CALL,2026-03-01T10:00:00Z,continue-1\n`,
    );
    const ask = async (authorization: string) => {
      const connection = await RawConnection.open(server.url);
      await connection.write(
        head('POST', '/import/activities', {
          authorization,
          'content-type': 'text/csv',
          'content-length': csv.length,
          expect: '100-continue',
        }),
      );
      return { connection, first: await connection.response() };
    };
    const refused = await ask(`Bearer ${await server.token(org.reps.east1.email)}`);
    expect(refused.first.status).toBe(403);
    expect(restError(refused.first)).toMatchObject({ code: 'FORBIDDEN' });
    refused.connection.destroy();

    const accepted = await ask(`Bearer ${token}`);
    expect(accepted.first.status).toBe(100);
    await accepted.connection.write(csv);
    const report = await accepted.connection.response();
    expect([report.status, json(report).imported]).toEqual([200, 1]);
    accepted.connection.destroy();
  });
});

describe('deadlines: HTTP_HEADERS_TIMEOUT_MS 300, HTTP_REQUEST_TIMEOUT_MS 600, IMPORT_TIMEOUT_MS 4000', () => {
  let server: TestServer;
  let org: OrgFixture;
  let token: string;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer({
      HTTP_HEADERS_TIMEOUT_MS: '300',
      HTTP_REQUEST_TIMEOUT_MS: '600',
      IMPORT_TIMEOUT_MS: '4000',
    }));
    token = await server.token(org.admin);
  });
  afterAll(() => server?.close());

  /** A request whose body is announced and never sent in full. */
  async function trickle(method: string, path: string, type: string): Promise<RawConnection> {
    const connection = await RawConnection.open(server.url);
    await connection.write(
      head(method, path, { authorization: `Bearer ${token}`, 'content-type': type, 'content-length': 1000 }),
    );
    await connection.write('{"query":');
    return connection;
  }

  it('closes a connection whose headers do not arrive in time (408)', async () => {
    const connection = await RawConnection.open(server.url);
    await connection.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\n');
    const answer = await connection.response();
    expect(answer.status).toBe(408);
    await connection.closed;
  });

  it('answers a body that does not arrive in time with 408 and the contract body, and closes', async () => {
    const graphql = await trickle('POST', '/graphql', 'application/json');
    const answer = await graphql.response();
    expect(answer.status).toBe(408);
    expect(graphqlError(answer)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'body', message: 'not received in time' }],
    });
    await graphql.closed;

    const rest = await trickle('PATCH', '/api/performance/goals/1', 'application/json');
    const restAnswer = await rest.response();
    expect(restAnswer.status).toBe(408);
    expect(restError(restAnswer)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] });
    await rest.closed;
  });

  it('gives the upload its own, longer deadline', async () => {
    const csv = Buffer.from(
      `user_email,kind,occurred_at,external_id\n${org.reps.east1.email},CALL,2026-03-02T10:00:00Z,slow-1\n`,
    );
    const upload = await RawConnection.open(server.url);
    await upload.write(
      head('POST', '/import/activities', {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'content-length': csv.length,
      }),
    );
    await upload.write(csv.subarray(0, 10));
    // a GraphQL request started after it is past its deadline: the upload is not
    const graphql = await trickle('POST', '/graphql', 'application/json');
    expect((await graphql.response()).status).toBe(408);
    await upload.write(csv.subarray(10));
    const report = await upload.response();
    expect([report.status, json(report).imported]).toEqual([200, 1]);
    upload.destroy();

    // ... and it has one: an upload still arriving after IMPORT_TIMEOUT_MS is refused
    const late = await RawConnection.open(server.url);
    await late.write(
      head('POST', '/import/activities', {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'content-length': csv.length,
      }),
    );
    await late.write(csv.subarray(0, 10));
    const refused = await late.response();
    expect(refused.status).toBe(408);
    expect(restError(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] });
    await late.closed;
  });
});

describe('bounded lingering: HTTP_LINGER_BYTES 64kb, HTTP_LINGER_MS 300', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ HTTP_LINGER_BYTES: '64kb', HTTP_LINGER_MS: '300' });
    token = await server.token('admin@example.com');
  });
  afterAll(() => server?.close());

  it('stops discarding a refused body after HTTP_LINGER_BYTES and closes the connection', async () => {
    const connection = await RawConnection.open(server.url);
    const gigabyte = 1024 * MB;
    await connection.write(
      head('POST', '/graphql', {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': gigabyte,
      }),
    );
    expect((await connection.response()).status).toBe(413);
    const chunk = Buffer.alloc(64 * 1024, ' ');
    let sent = 0;
    try {
      while (!connection.ended && sent < gigabyte) {
        await connection.write(chunk);
        sent += chunk.length;
      }
    } catch {
      // the server closed the connection under the write
    }
    await connection.closed;
    // what the kernel's buffers took, far from the announced gigabyte
    expect(sent).toBeLessThan(64 * MB);
  });

  it('stops waiting for a refused body after HTTP_LINGER_MS and closes the connection', async () => {
    const connection = await RawConnection.open(server.url);
    await connection.write(
      head('POST', '/graphql', { 'content-type': 'application/json', 'content-length': MB }),
    );
    expect((await connection.response()).status).toBe(401);
    // HTTP_REQUEST_TIMEOUT_MS is 30 s: only the lingering's limit closes it this soon
    const started = Date.now();
    await connection.closed;
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('HTTP_MAX_CONNECTIONS 3', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer({ HTTP_MAX_CONNECTIONS: '3' })));
  afterAll(() => server?.close());

  it('closes connections over the cap as they come, and takes new ones once others closed', async () => {
    const held: RawConnection[] = [];
    for (let i = 0; i < 3; i += 1) {
      const connection = await RawConnection.open(server.url);
      // answered: the server has accepted (and counts) it
      await connection.write(head('GET', '/healthz', {}));
      expect((await connection.response()).status).toBe(200);
      held.push(connection);
    }
    const over = await RawConnection.open(server.url);
    await over.write(head('GET', '/healthz', {})).catch(() => {});
    await expect(over.response()).rejects.toThrow(/connection ended/);

    held.pop()?.destroy();
    // the server hears of the close a moment after the client: the first new connection may
    // still be over the cap, a later one is not
    let answered: RawResponse | undefined;
    for (let attempt = 0; attempt < 100 && !answered; attempt += 1) {
      const next = await RawConnection.open(server.url);
      await next.write(head('GET', '/healthz', {})).catch(() => {});
      answered = await next.response().catch(() => undefined);
      next.destroy();
    }
    expect(answered?.status).toBe(200);
    for (const connection of held) connection.destroy();
  });
});
