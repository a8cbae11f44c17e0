/**
 * TRUST_PROXY: a replica believes X-Forwarded-For / X-Forwarded-Proto only from the peers it lists.
 * The per-address throttle (screen pairings here, the same counter as failed sign-ins and reset
 * requests) counts the client a trusted balancer names, and the peer itself otherwise, so a client
 * cannot choose its own address by sending the header; a value that is not a list of names,
 * addresses and CIDR ranges is refused at start. The tests' peer is loopback (127.0.0.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const LIMIT = 3;
let loopback: TestServer;
let elsewhere: TestServer;

beforeAll(async () => {
  const limits = { SIGN_IN_MAX_FAILURES_PER_ADDRESS: String(LIMIT), SIGN_IN_LOCK_MS: '600000' };
  [loopback, elsewhere] = await Promise.all([
    startTestServer(limits), // the default: loopback
    startTestServer({ ...limits, TRUST_PROXY: '10.0.0.0/8, fd00::/8' }), // a balancer on another host
  ]);
});
afterAll(() => Promise.all([loopback?.close(), elsewhere?.close()]));

/** Pairings started until the address is refused: how many were answered 201. */
async function pairingsUntilRefused(server: TestServer, headers: Record<string, string>): Promise<number> {
  for (let started = 0; started <= LIMIT + 1; started++) {
    const response = await fetch(`${server.url}/auth/screen-pairings`, { method: 'POST', headers });
    await response.arrayBuffer();
    if (response.status === 429) return started;
    expect(response.status).toBe(201);
  }
  throw new Error(`no 429 after ${LIMIT + 2} pairings`);
}

const pairingStatus = async (server: TestServer, headers: Record<string, string>) =>
  (await fetch(`${server.url}/auth/screen-pairings`, { method: 'POST', headers })).status;

describe('TRUST_PROXY', () => {
  it('from a trusted balancer, throttles each client it names on its own', async () => {
    const first = await pairingsUntilRefused(loopback, { 'x-forwarded-for': '203.0.113.1' });
    expect(first).toBeLessThanOrEqual(LIMIT);
    // another client behind the same balancer is not locked out by the first
    expect(await pairingStatus(loopback, { 'x-forwarded-for': '203.0.113.2' })).toBe(201);
    // a client that prepends an address of its choosing is still the address the balancer saw
    expect(await pairingStatus(loopback, { 'x-forwarded-for': '198.51.100.9, 203.0.113.1' })).toBe(429);
  });

  it('from a peer it does not list, believes no header: every request is the peer’s', async () => {
    const first = await pairingsUntilRefused(elsewhere, { 'x-forwarded-for': '203.0.113.1' });
    expect(first).toBeLessThanOrEqual(LIMIT);
    expect(await pairingStatus(elsewhere, { 'x-forwarded-for': '203.0.113.2' })).toBe(429);
    expect(await pairingStatus(elsewhere, {})).toBe(429);
  });

  it('is a list of names, addresses and CIDR ranges, or none; anything else is refused at start', () => {
    const base = { JWT_SECRET: 'x'.repeat(32), SEED_DEMO: 'false' };
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'none' }).trustProxy).toEqual([]);
    expect(
      loadConfig({ ...base, TRUST_PROXY: ' loopback , uniquelocal,10.1.2.3, 172.16.0.0/12, ::1, fd00::/8 ' })
        .trustProxy,
    ).toEqual(['loopback', 'uniquelocal', '10.1.2.3', '172.16.0.0/12', '::1', 'fd00::/8']);
    // an empty variable is an unset one, as for every setting
    expect(loadConfig({ ...base, TRUST_PROXY: '' }).trustProxy).toEqual(['loopback']);
    for (const bad of [
      ',',
      'everyone',
      'true',
      '10.0.0.0/33',
      'fd00::/129',
      '10.0.0.0/8/1',
      '300.1.1.1',
      'none, loopback',
    ]) {
      expect(() => loadConfig({ ...base, TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
