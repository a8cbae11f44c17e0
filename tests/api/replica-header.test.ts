/**
 * REPLICA_NAME: with it, every HTTP answer (Express routes and the GraphQL POST path alike) and the
 * WebSocket upgrade name the process in X-Pulse-Replica; without it, nothing does; a name that
 * could split a header is refused at start. Behind nginx: tests/live/scale-out.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConfigError, loadConfig } from '../../api/config.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { wsUrl } from '../support/ws.ts';

/** The upgrade response's header (the socket is closed once it opened). */
function upgradeHeader(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(url), 'graphql-transport-ws');
    socket.once('upgrade', (response) => {
      const value = response.headers['x-pulse-replica'];
      socket.once('open', () => socket.close());
      resolve(typeof value === 'string' ? value : undefined);
    });
    socket.once('error', reject);
  });
}

async function headersOf(server: TestServer): Promise<(string | null)[]> {
  const health = await fetch(`${server.url}/healthz`);
  const graphql = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const rest = await fetch(`${server.url}/api/nothing-here`);
  return [health, graphql, rest].map((r) => r.headers.get('x-pulse-replica'));
}

describe('REPLICA_NAME', () => {
  let named: TestServer;
  let plain: TestServer;
  beforeAll(async () => {
    [named, plain] = await Promise.all([
      startTestServer({ REPLICA_NAME: 'api-2.eu_west' }),
      startTestServer(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([named?.close(), plain?.close()]);
  });

  it('names the replica on HTTP answers and on the WebSocket upgrade', async () => {
    expect(await headersOf(named)).toEqual(['api-2.eu_west', 'api-2.eu_west', 'api-2.eu_west']);
    expect(await upgradeHeader(named.url)).toBe('api-2.eu_west');
  });

  it('sends no header when unset', async () => {
    expect(await headersOf(plain)).toEqual([null, null, null]);
    expect(await upgradeHeader(plain.url)).toBeUndefined();
  });

  it('refuses a name that is not a short token', () => {
    for (const bad of ['a b', 'x\r\nSet-Cookie: y=1', 'é', 'n'.repeat(65)]) {
      expect(() => loadConfig({ REPLICA_NAME: bad }), JSON.stringify(bad)).toThrow(ConfigError);
      expect(() => loadConfig({ REPLICA_NAME: bad })).toThrow(/REPLICA_NAME/);
    }
    expect(loadConfig({ REPLICA_NAME: 'n'.repeat(64) }).replicaName).toBe('n'.repeat(64));
    // an empty variable is an unset one, as for every setting
    expect(loadConfig({ REPLICA_NAME: '' }).replicaName).toBeUndefined();
  });
});
