/**
 * The embedded demo's one-click sign-in hands out sessions and tokens (the admin's too) without a
 * password, so it answers only a browser on the server's own machine that is looking at this server:
 * - the socket's peer address must be loopback, whatever X-Forwarded-For claims, and a forwarded
 *   request is refused (the server listens on every interface here, HOST=::, and is called once
 *   over loopback and once over this machine's own non-loopback address);
 * - `Host` must name loopback on the server's own port and `Origin`, when sent, the same origin:
 *   DNS rebinding (a page on another site whose name now resolves to 127.0.0.1) and a browser
 *   relayed by a plain TCP forwarder are refused. fetch cannot set Host: node:http requests do;
 * - a HOST that is not loopback turns it off unless DEMO_SIGN_IN_ANY_HOST=true, and the embedded
 *   demo's default HOST is loopback, so `npm start` still signs in at http://localhost:4000.
 * POST /demo/sign-in sets the same session cookie as POST /auth/sign-in (ending the browser's
 * previous session) and takes JSON only; POST /demo/token stays for scripts.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { isLoopbackAddress, loopbackHostOnPort } from '../../api/transport/demo-sign-in.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';
import { startProxy, type SilentProxy } from '../support/tcp-proxy.ts';

/** An IPv4 address of this machine that is not loopback (none: the remote cases are skipped). */
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

/** HOST=:: (every interface, dual stack), so allowed explicitly. */
let demo: TestServer;
let port: string;
/** The default HOST of the embedded demo (loopback), as `npm start` runs it. */
let local: TestServer;
let localPort: number;
/** HOST=:: without DEMO_SIGN_IN_ANY_HOST. */
let exposed: TestServer;

beforeAll(async () => {
  [demo, local, exposed] = await Promise.all([
    startTestServer({ SEED_DEMO: 'true', DATABASE_URL: '', HOST: '::', DEMO_SIGN_IN_ANY_HOST: 'true' }),
    startTestServer({ SEED_DEMO: 'true', DATABASE_URL: '', HOST: '' }),
    startTestServer({ SEED_DEMO: 'true', DATABASE_URL: '', HOST: '::' }),
  ]);
  port = new URL(demo.url).port;
  localPort = local.app.port;
}, 180_000);
afterAll(() => Promise.all([demo?.close(), local?.close(), exposed?.close()]));

const FORBIDDEN = {
  error: {
    code: 'FORBIDDEN',
    message: 'Demo sign-in is only available on the machine the server runs on (http://localhost).',
    fields: [],
  },
};

function signIn(host: string, email: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`http://${host}:${port}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email }),
  });
}

/**
 * A request over loopback to `target` with exactly these headers (Host included), as a browser
 * sends it after DNS rebinding or through a forwarder: fetch would put its own Host.
 */
function raw(
  target: number,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: { token?: string; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port: target,
        path,
        method: payload === undefined ? 'GET' : 'POST',
        headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        setHost: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const token = (host: string, origin?: string, target = localPort) =>
  raw(target, '/demo/token', { host, ...(origin ? { origin } : {}) }, { email: 'admin@example.com' });

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['::FFFF:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['fd00::2', false],
    ['::', false],
    ['1127.0.0.1', false],
    ['', false],
    [undefined, false],
  ])('%s -> %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

describe('demo sign-in from this machine', () => {
  it('lists the accounts and signs in over IPv4 loopback (a dual-stack socket: ::ffff:127.0.0.1)', async () => {
    const accounts = await fetch(`http://127.0.0.1:${port}/demo/accounts`);
    expect(accounts.status).toBe(200);
    const { accounts: list } = (await accounts.json()) as { accounts: { email: string }[] };
    expect(list.map((a) => a.email)).toContain('john.smith@example.com');
    const response = await signIn('127.0.0.1', 'john.smith@example.com');
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(dataOf(await demo.gql('{ me { name } }', {}, token))).toEqual({ me: { name: 'John Smith' } });
  });

  it('signs in over IPv6 loopback (::1)', async () => {
    const response = await signIn('[::1]', 'admin@example.com');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { token: string }).token.split('.')).toHaveLength(3);
  });

  it('refuses a loopback request that a proxy forwarded', async () => {
    const forwarded: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
    ];
    for (const headers of forwarded) {
      const response = await signIn('127.0.0.1', 'admin@example.com', headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual(FORBIDDEN);
    }
  });
});

/** POST /demo/sign-in over IPv4 loopback: status, body, and the session cookie it set. */
async function sessionSignIn(
  email: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; cookie: string | null }> {
  const response = await fetch(`http://127.0.0.1:${port}/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email }),
  });
  return { status: response.status, body: await response.json(), cookie: response.headers.get('set-cookie') };
}

/** `{ me { email } }` with only a cookie: the status and the e-mail, if signed in. */
async function meByCookie(cookie: string): Promise<{ status: number; email: string | undefined }> {
  const response = await fetch(`${demo.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await response.json()) as { data?: { me?: { email: string } } };
  return { status: response.status, email: body.data?.me?.email };
}

describe('demo sign-in with a session', () => {
  it('sets the session cookie of POST /auth/sign-in and answers the user', async () => {
    const answer = await sessionSignIn('sarah.mitchell@example.com');
    expect(answer.status).toBe(200);
    const { user } = answer.body as { user: { id: unknown } };
    expect(user.id).toMatch(/^\d+$/);
    expect(answer.body).toEqual({
      user: { id: user.id, email: 'sarah.mitchell@example.com', name: 'Sarah Mitchell', role: 'MANAGER' },
    });
    expect(answer.cookie).toMatch(
      /^pulse_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    const cookie = answer.cookie?.split(';')[0] ?? '';
    expect(await meByCookie(cookie)).toEqual({ status: 200, email: 'sarah.mitchell@example.com' });

    // signing in again from the same browser ends the session it held
    const again = await sessionSignIn('admin@example.com', { cookie });
    expect(again.status).toBe(200);
    expect((await meByCookie(cookie)).status).toBe(401);
    expect(await meByCookie(again.cookie?.split(';')[0] ?? '')).toEqual({
      status: 200,
      email: 'admin@example.com',
    });
  });

  it('refuses what is not a demo account, a body that is not JSON, and a forwarded request', async () => {
    const stranger = await sessionSignIn('nobody@example.com');
    expect(stranger).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not a demo account.', fields: [] } },
      cookie: null,
    });
    const form = await fetch(`http://127.0.0.1:${port}/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: 'admin@example.com' }),
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('set-cookie')).toBeNull();
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
    const forwarded = await sessionSignIn('admin@example.com', { 'x-forwarded-for': '203.0.113.9' });
    expect(forwarded).toEqual({ status: 403, body: FORBIDDEN, cookie: null });
  });
});

describe.skipIf(!external)('demo sign-in from another address', () => {
  it('answers 403 FORBIDDEN to both routes, whatever X-Forwarded-For says', async () => {
    const host = external ?? '';
    const accounts = await fetch(`http://${host}:${port}/demo/accounts`);
    expect(accounts.status).toBe(403);
    expect(await accounts.json()).toEqual(FORBIDDEN);
    const claims: Record<string, string>[] = [{}, { 'x-forwarded-for': '127.0.0.1' }];
    for (const headers of claims) {
      const response = await signIn(host, 'admin@example.com', headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual(FORBIDDEN);
    }
    const session = await fetch(`http://${host}:${port}/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com' }),
    });
    expect(session.status).toBe(403);
    expect(session.headers.get('set-cookie')).toBeNull();
    // the rest of the server still answers there
    expect((await fetch(`http://${host}:${port}/healthz`)).status).toBe(200);
  });
});

describe('loopbackHostOnPort', () => {
  it.each([
    ['localhost:4000', 'localhost:4000'],
    ['LOCALHOST:4000', 'localhost:4000'],
    ['127.0.0.1:4000', '127.0.0.1:4000'],
    ['127.9.9.9:4000', '127.9.9.9:4000'],
    ['[::1]:4000', '[::1]:4000'],
    ['localhost', undefined], // port 80 implied
    ['localhost:4001', undefined],
    ['evil.example:4000', undefined],
    ['localhost.evil.example:4000', undefined],
    ['app.localhost:4000', undefined],
    ['localhost:4000@evil.example', undefined],
    ['evil.example:4000#localhost:4000', undefined],
    ['[::2]:4000', undefined],
    ['0.0.0.0:4000', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (header, host) => {
    expect(loopbackHostOnPort(header, 4000)).toBe(host);
  });
});

describe('the default HOST', () => {
  it('is loopback for the embedded demo with its sign-in, every interface otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ DEMO_SIGN_IN: 'false' }).host).toBe('0.0.0.0');
    expect(loadConfig({ SEED_DEMO: 'false' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/pulse' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(local.app.port).toBeGreaterThan(0);
  });

  it('signs in the newcomer at http://localhost:<port>: the browser sends Host and Origin', async () => {
    const here = `localhost:${localPort}`;
    const response = await token(here, `http://${here}`);
    expect(response.status).toBe(200);
    const me = await local.gql('{ me { email } }', {}, response.body.token ?? '');
    expect(dataOf(me)).toEqual({ me: { email: 'admin@example.com' } });
    // curl and the README's scripts send no Origin
    expect((await token(here)).status).toBe(200);
    expect((await token(`127.0.0.1:${localPort}`, `http://127.0.0.1:${localPort}`)).status).toBe(200);
    expect((await token(`[::1]:${localPort}`)).status).toBe(200);
  });
});

describe('DNS rebinding and relayed browsers', () => {
  const refusedLocal = () => ({
    status: 403,
    body: {
      error: {
        code: 'FORBIDDEN',
        message: `${FORBIDDEN.error.message} Open it at http://localhost:${localPort}.`,
        fields: [],
      },
    },
  });

  it('refuses a page of another site whose name resolves to 127.0.0.1 (Host and Origin are its own)', async () => {
    const rebound = `rebind.evil.example:${localPort}`;
    expect(await token(rebound, `http://${rebound}`)).toEqual(refusedLocal());
    expect(await token(rebound)).toEqual(refusedLocal());
    const accounts = await raw(localPort, '/demo/accounts', { host: rebound, origin: `http://${rebound}` });
    expect(accounts).toEqual(refusedLocal());
    const session = await raw(
      localPort,
      '/demo/sign-in',
      { host: rebound, origin: `http://${rebound}` },
      { email: 'admin@example.com' },
    );
    expect(session).toEqual(refusedLocal());
    // the same request naming this server passes: only Host and Origin differ
    expect((await token(`localhost:${localPort}`, `http://localhost:${localPort}`)).status).toBe(200);
  });

  it('refuses an Origin other than the server’s own, and the "null" origin', async () => {
    const here = `localhost:${localPort}`;
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${localPort}`,
      `http://localhost:${localPort + 1}`,
      `https://${here}`,
      `http://127.0.0.1:${localPort}`, // another origin, even on loopback
      'null',
    ]) {
      expect(await token(here, origin)).toEqual(refusedLocal());
    }
  });

  it('refuses a loopback Host on another port: a browser relayed by a plain TCP forwarder', async () => {
    let forwarder: SilentProxy | undefined;
    try {
      forwarder = await startProxy({ host: '127.0.0.1', port: localPort });
      const through = `127.0.0.1:${forwarder.port}`;
      expect(await token(through, `http://${through}`, forwarder.port)).toEqual(refusedLocal());
      expect(await token(`localhost:${forwarder.port}`, undefined, forwarder.port)).toEqual(refusedLocal());
      expect(await token('localhost', undefined)).toEqual(refusedLocal()); // no port: 80
    } finally {
      await forwarder?.close();
    }
  });
});

describe('HOST beyond this machine', () => {
  it('turns the demo sign-in off, even for loopback with the right Host, unless DEMO_SIGN_IN_ANY_HOST=true', async () => {
    const exposedPort = exposed.app.port;
    const here = `localhost:${exposedPort}`;
    const off = {
      status: 403,
      body: {
        error: {
          code: 'FORBIDDEN',
          message:
            'Demo sign-in is off: the server listens on ::, beyond this machine ' +
            '(DEMO_SIGN_IN_ANY_HOST=true allows it for browsers on this machine).',
          fields: [],
        },
      },
    };
    expect(await token(here, `http://${here}`, exposedPort)).toEqual(off);
    expect(await raw(exposedPort, '/demo/accounts', { host: here })).toEqual(off);
    // the same request to the server that allows it (HOST=::, DEMO_SIGN_IN_ANY_HOST=true)
    const allowed = `localhost:${port}`;
    expect((await token(allowed, `http://${allowed}`, Number(port))).status).toBe(200);
  });
});
