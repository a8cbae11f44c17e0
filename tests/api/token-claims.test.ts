/**
 * Every token must carry `exp` and `sub` (api/core/auth.ts): a correctly signed token without an expiry
 * would otherwise be accepted forever. Checked over HTTP (401 UNAUTHENTICATED) and over the
 * WebSocket (close 4401 at connect), and the token CLI always writes an expiry and refuses an
 * `--expires` that would not give one.
 */
import { spawnSync } from 'node:child_process';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

const seconds = () => Math.floor(Date.now() / 1000);

/** Signed with the server's secret and issuer; the claims left out are the only defect. */
function signed(email: string, claims: { exp: boolean; sub: boolean }): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('pulse').setIssuedAt();
  if (claims.sub) jwt.setSubject(email);
  if (claims.exp) jwt.setExpirationTime(seconds() + 3600);
  return jwt.sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

const CASES = [
  ['without exp', { exp: false, sub: true }, 'The token has no expiry (exp): get a new one.'],
  ['without sub', { exp: true, sub: false }, 'The token has no "sub" claim.'],
  ['without exp and sub', { exp: false, sub: false }, undefined],
] as const;

describe('a correctly signed token', () => {
  it('with exp and sub is accepted (the control)', async () => {
    const token = await signed(org.admin, { exp: true, sub: true });
    expect(dataOf(await server.gql('{ me { email } }', {}, token))).toEqual({ me: { email: org.admin } });
  });

  it.each(CASES)('%s is refused over HTTP with 401 UNAUTHENTICATED', async (_name, claims, message) => {
    const token = await signed(org.admin, claims);
    const response = await server.gql('{ me { email } }', {}, token);
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    if (message) expect(response.errors?.[0]?.message).toBe(message);
  });

  it.each(CASES)('%s is refused over the WebSocket with close 4401', async (_name, claims) => {
    const token = await signed(org.viewer, claims);
    const client = connect(server.url, token, { onNonLazyError: () => {} });
    try {
      const frames = subscribe(client, 'subscription { leaderboardChanged { version } }');
      await frames.waitForError();
      expect(frames.values).toEqual([]);
      expect(client.closes[0]?.code).toBe(4401);
    } finally {
      await client.dispose();
    }
  });
});

describe('the token CLI', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/token.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: '', TOKEN_TTL: '' },
    });

  it('always writes exp and sub: TOKEN_TTL (30d) by default, --expires when given', async () => {
    const before = seconds();
    const byDefault = cli(org.admin);
    expect(byDefault.status).toBe(0);
    const claims = decodeJwt(byDefault.stdout.trim());
    expect(claims.sub).toBe(org.admin);
    expect(claims.exp).toBeGreaterThanOrEqual(before + 30 * 86_400);
    expect(claims.exp).toBeLessThanOrEqual(seconds() + 30 * 86_400);
    const short = cli(org.admin, '--expires', '2h');
    expect(short.status).toBe(0);
    const token = short.stdout.trim();
    expect(decodeJwt(token).exp).toBeLessThanOrEqual(seconds() + 7200);
    expect(dataOf(await server.gql('{ me { email } }', {}, token))).toEqual({ me: { email: org.admin } });
  });

  it.each(['0s', '0d', 'never', '-1d', '1.5h'])('refuses --expires %s (exit 2, nothing printed)', (value) => {
    const result = cli(org.admin, `--expires=${value}`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--expires must be a positive duration like 30d, 12h');
  });
});
