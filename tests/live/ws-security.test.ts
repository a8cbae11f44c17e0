/**
 * The WebSocket endpoint has the same guards as HTTP: a valid token for an active user (close 4401
 * otherwise, and when the token expires while the socket is open), subscriptions only, the depth
 * and alias limits, allowed browser Origins only (refused at upgrade), and frames no larger than
 * WS_MAX_PAYLOAD (close 1009).
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../../api/core/auth.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect, subscribe, wsUrl } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

const BOARD = `subscription { leaderboardChanged { version } }`;
type BoardFrame = { leaderboardChanged: { version: string } };
type Errors = { message: string; extensions?: { code?: string } }[];

const quietClient = { onNonLazyError: () => {} }; // closes are expected: keep graphql-ws from logging them

/** The close code a socket gets when it connects with these connection params. */
async function closeCodeFor(params: Record<string, unknown>): Promise<number | undefined> {
  const client = connect(server.url, null, { ...quietClient, connectionParams: params });
  try {
    const frames = subscribe<BoardFrame>(client, BOARD);
    await until(() => client.closes.length > 0, 'the socket to close');
    expect(frames.values).toEqual([]);
    return client.closes[0]?.code;
  } finally {
    await client.dispose();
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * leaderboard / leaderboardChanged selecting `depth` nested fields, the root and the leaf included:
 * through single objects (`manager`), so the cost stays far below MAX_COST at any depth.
 */
function deep(root: string, depth: number): string {
  const chain = ['entries', 'user', 'team', 'manager', 'team', 'manager', 'team', 'manager', 'team'];
  const inner = chain.slice(0, depth - 2).reduceRight((acc, field) => `${field} { ${acc} }`, 'id');
  return `{ ${root} { ${inner} } }`;
}
const aliased = (root: string, n: number) =>
  `{ ${root} { ${Array.from({ length: n }, (_, i) => `v${i}: version`).join(' ')} } }`;

/** Runs a subscription document to its first frame or error. */
async function firstOver(
  document: string,
  as = org.viewer,
): Promise<{ data: boolean; codes: (string | undefined)[] }> {
  const client = connect(server.url, await server.token(as), quietClient);
  try {
    const frames = subscribe<BoardFrame>(client, document);
    await Promise.race([frames.waitFor(() => true), frames.waitForError()]);
    const errors = (frames.errors[0] ?? []) as Errors;
    return { data: frames.values.length > 0, codes: errors.map((e) => e.extensions?.code) };
  } finally {
    await client.dispose();
  }
}

/** Opens a raw WebSocket with an Origin; resolves with the upgrade's outcome. */
function upgrade(url: string, origin?: string): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(
      wsUrl(url),
      'graphql-transport-ws',
      origin ? { headers: { Origin: origin } } : {},
    );
    socket.on('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode });
      socket.terminate();
    });
    socket.on('error', () => resolve({ opened: false }));
  });
}

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

describe('authentication at connect', () => {
  it('closes with 4401 without a token, or with a bad, foreign, expired or orphan token', async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(org.viewer)
      .setIssuer('pulse')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('test-secret-for-pulse-tests-0123456789abcdef'));
    expect(await closeCodeFor({})).toBe(4401);
    expect(await closeCodeFor(bearer('not-a-jwt'))).toBe(4401);
    expect(await closeCodeFor({ authorization: 'Basic dXNlcjpwYXNz' })).toBe(4401);
    expect(
      await closeCodeFor(bearer(await signToken('another-secret-0123456789abcdef-xyz', org.viewer))),
    ).toBe(4401);
    expect(await closeCodeFor(bearer(expired))).toBe(4401);
    expect(await closeCodeFor(bearer(await server.token('nobody@example.com')))).toBe(4401);
  });

  it('closes with 4401 when the token expires while the socket is open', async () => {
    const token = await server.token(org.reps.east1.email, '3s');
    const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number })
      .exp;
    const client = connect(server.url, token, quietClient);
    try {
      const frames = subscribe<BoardFrame>(client, BOARD);
      await frames.waitFor(() => true); // accepted while valid
      expect(client.closes).toEqual([]);
      await until(() => client.closes.length > 0, 'the expiry close', { timeoutMs: 6000 });
      const closedAt = Date.now();
      expect(client.closes[0]?.code).toBe(4401);
      expect(closedAt).toBeGreaterThanOrEqual(exp * 1000 - 50);
      expect(closedAt).toBeLessThan(exp * 1000 + 2000);
    } finally {
      await client.dispose();
    }
  });
});

describe('operations over the socket', () => {
  it('refuses queries and mutations with an error and no data, and keeps the socket open', async () => {
    const client = connect(server.url, await server.token(org.admin));
    try {
      const query = subscribe<{ me: { id: string } }>(client, '{ me { id } }');
      const mutation = subscribe<{ createTeam: { id: string } }>(
        client,
        'mutation { createTeam(input: { name: "Via WebSocket" }) { id } }',
      );
      for (const frames of [query, mutation]) {
        const errors = (await frames.waitForError()) as Errors;
        expect(frames.values).toEqual([]);
        // the refusal is the client's fault and says why (ws.ts), not a masked internal error
        expect(errors[0]?.message).toMatch(/subscriptions/i);
        expect(errors[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
      const teams = dataOf(
        await server.gql<{ teams: { name: string }[] }>('{ teams { name } }', {}, org.admin),
      );
      expect(teams.teams.map((t) => t.name)).not.toContain('Via WebSocket');
      const board = subscribe<BoardFrame>(client, BOARD); // the same socket still serves subscriptions
      await board.waitFor(() => true);
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('applies the HTTP depth limit (8)', async () => {
    // members and teams nest that deep only for those who may read the directory (not a VIEWER)
    const http = async (depth: number) =>
      (await server.gql(deep('leaderboard', depth), {}, org.admin)).errors;
    expect(await http(8)).toBeUndefined();
    expect((await http(9))?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await firstOver(`subscription ${deep('leaderboardChanged', 8)}`, org.admin)).toEqual({
      data: true,
      codes: [],
    });
    expect(await firstOver(`subscription ${deep('leaderboardChanged', 9)}`, org.admin)).toEqual({
      data: false,
      codes: ['BAD_USER_INPUT'],
    });
  });

  it('applies the HTTP alias limit (15)', async () => {
    const http = async (n: number) => (await server.gql(aliased('leaderboard', n), {}, org.viewer)).errors;
    expect(await http(15)).toBeUndefined();
    expect((await http(16))?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await firstOver(`subscription ${aliased('leaderboardChanged', 15)}`)).toEqual({
      data: true,
      codes: [],
    });
    expect(await firstOver(`subscription ${aliased('leaderboardChanged', 16)}`)).toEqual({
      data: false,
      codes: ['BAD_USER_INPUT'],
    });
  });
});

describe('transport limits', () => {
  it('closes the socket (1009) on a message larger than WS_MAX_PAYLOAD (64 KiB), not below', async () => {
    const padded = (bytes: number) => `# ${'x'.repeat(bytes)}\n${BOARD}`;
    const client = connect(server.url, await server.token(org.viewer), quietClient);
    try {
      const fits = subscribe<BoardFrame>(client, padded(60 * 1024));
      await fits.waitFor(() => true);
      subscribe<BoardFrame>(client, padded(70 * 1024));
      await until(() => client.closes.length > 0, 'the socket to close');
      expect(client.closes[0]?.code).toBe(1009);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a browser Origin that is not allowed at upgrade (403), accepts allowed ones', async () => {
    const strict = await startTestServer({ ALLOWED_ORIGINS: 'https://tv.example.com' });
    try {
      expect(await upgrade(strict.url, 'https://tv.example.com')).toEqual({ opened: true });
      expect(await upgrade(strict.url, strict.url)).toEqual({ opened: true }); // same origin
      expect(await upgrade(strict.url)).toEqual({ opened: true }); // not a browser
      const evil = await upgrade(strict.url, 'https://evil.example.com');
      expect(evil.opened).toBe(false);
      expect(evil.status).toBe(403);
    } finally {
      await strict.close();
    }
  });
});
