/**
 * The embedded demo's one-click sign-in hands out tokens (the admin's too) without a password, so
 * it answers only clients on the server's own machine: the socket's peer address must be loopback,
 * whatever X-Forwarded-For claims, and a forwarded request is refused. The server listens on every
 * interface here (HOST=::, dual stack) and is called once over loopback and once over this
 * machine's own non-loopback address, whose connections do not come from loopback.
 */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../api/demo.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';

/** An IPv4 address of this machine that is not loopback (none: the remote cases are skipped). */
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

let demo: TestServer;
let port: string;

beforeAll(async () => {
  demo = await startTestServer({ SEED_DEMO: 'true', DATABASE_URL: '', HOST: '::' });
  port = new URL(demo.url).port;
}, 120_000);
afterAll(() => demo?.close());

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
    // the rest of the server still answers there
    expect((await fetch(`http://${host}:${port}/healthz`)).status).toBe(200);
  });
});
