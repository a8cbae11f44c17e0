/**
 * API tokens (issue 15) through the public surface: created by a person for themselves (shown
 * once), they sign GraphQL over HTTP and WebSocket and the REST API in as their owner; listed with
 * prefix and last use; revoked at once (HTTP 401, open sockets closed 4401), by their owner or an
 * admin only; at most 20 live a person; never minting tokens nor setting a password themselves;
 * expiring when asked to; revoked with the owner's deactivation, kept through a password change.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest } from '../support/rest.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let now = Date.parse('2030-06-01T00:00:00Z');
const ME = '{ me { email } }';
const CREATE = `mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name prefix createdAt expiresAt lastUsedAt revokedAt active owner { email } } }
}`;
const LIST = 'query($userId: ID) { apiTokens(userId: $userId) { id name active lastUsedAt revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) { id active revokedAt } }';
const BOARD = 'subscription { leaderboardChanged(limit: 1) { version } }';

interface Created {
  token: string;
  apiToken: { id: string; name: string; prefix: string; active: boolean; lastUsedAt: string | null };
}

async function create(as: string, name = 'ERP sync', expiresAt?: string): Promise<Created> {
  const answer = await server.gql<{ createApiToken: Created }>(CREATE, { input: { name, expiresAt } }, as);
  return dataOf(answer).createApiToken;
}

const meOf = async (token: string) => await server.gql<{ me: { email: string } }>(ME, {}, token);
const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  server.app.auth.clock.now = () => now;
});
afterAll(() => server?.close());
beforeEach(() => {
  now += 3600_000;
});

describe('an API token', () => {
  it('is shown once and signs GraphQL, REST and the WebSocket in as its owner', async () => {
    const created = await create(org.reps.east1.email);
    expect(created.token).toMatch(/^pulse_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({
      name: 'ERP sync',
      prefix: created.token.slice(0, 12),
      active: true,
      lastUsedAt: null,
    });
    expect(dataOf(await meOf(created.token)).me.email).toBe(org.reps.east1.email);
    const restAnswer = await rest(server, 'GET', '/api/performance?type=goals', { as: created.token });
    expect(restAnswer.status).toBe(200);
    const client = connect(server.url, created.token);
    try {
      await subscribe(client, BOARD).waitFor(() => true);
    } finally {
      await client.dispose();
    }
    // the table holds its hash only
    const stored = await server.sql<{ id: string }>(sql`select id from sessions where kind = 'api'`);
    expect(stored.map((r) => r.id)).not.toContain(created.token);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });

  it('costs no SQL statement more than a JWT once cached, and records its last use', async () => {
    const { token, apiToken } = await create(org.reps.east2.email);
    const jwt = await server.token(org.reps.east2.email);
    await meOf(token);
    await meOf(jwt);
    const viaToken = await meOf(token);
    const viaJwt = await meOf(jwt);
    expect(viaToken.extensions?.sqlStatements).toEqual(expect.any(Number));
    expect(viaToken.extensions?.sqlStatements).toBe(viaJwt.extensions?.sqlStatements);
    now += 120_000; // past the minute between writes of last use
    await meOf(token);
    const used = await until(async () => {
      const list = dataOf(
        await server.gql<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(LIST, {}, jwt),
      );
      return list.apiTokens.find((t) => t.id === apiToken.id && t.lastUsedAt !== null);
    }, 'the last use to be written');
    expect(Date.parse(used.lastUsedAt!)).toBe(now);
  });

  it('is refused at once once revoked: 401 over HTTP, and its open socket closes 4401', async () => {
    const { token, apiToken } = await create(org.reps.west1.email);
    const client = connect(server.url, token);
    try {
      await subscribe(client, BOARD).waitFor(() => true);
      const revoked = dataOf(
        await server.gql<{ revokeApiToken: { active: boolean; revokedAt: string } }>(
          REVOKE,
          { id: apiToken.id },
          org.reps.west1.email,
        ),
      );
      expect(revoked.revokeApiToken).toMatchObject({ active: false, revokedAt: new Date(now).toISOString() });
      const refused = await meOf(token);
      expect(refused.status).toBe(401);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect((await rest(server, 'GET', '/api/performance?type=goals', { as: token })).status).toBe(401);
      expect(await until(() => client.closes[0], 'the socket to close')).toEqual({
        code: 4401,
        reason: 'Token revoked',
      });
    } finally {
      await client.dispose();
    }
  });

  it('is revoked by the process that did not revoke it too, once the notification arrives', async () => {
    const { token, apiToken } = await create(org.reps.east1.email, 'elsewhere');
    expect((await meOf(token)).status).toBe(200);
    await server.sql(sql`update sessions set revoked_at = now() where handle = ${apiToken.id}::uuid`);
    await until(async () => (await meOf(token)).status === 401, 'the revoked token to answer 401');
  });

  it('expires when asked to', async () => {
    const { token } = await create(org.reps.east1.email, 'a day', new Date(now + 86_400_000).toISOString());
    expect((await meOf(token)).status).toBe(200);
    now += 2 * 86_400_000;
    const expired = await meOf(token);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.message).toBe('The API token has expired.');
  });
});

describe('who may do what with API tokens', () => {
  it('lets a person list and revoke their own, an admin anyone’s, and nobody else’s', async () => {
    const { apiToken } = await create(org.reps.east2.email, 'mine');
    const others = await server.gql(LIST, { userId: String(org.reps.east2.id) }, org.reps.east1.email);
    expect(codeOf(others)).toBe('FORBIDDEN');
    const stranger = await server.gql(REVOKE, { id: apiToken.id }, org.reps.east1.email);
    expect(codeOf(stranger)).toBe('NOT_FOUND');
    const manager = await server.gql(REVOKE, { id: apiToken.id }, org.managers.east);
    expect(codeOf(manager)).toBe('NOT_FOUND');
    const listed = dataOf(
      await server.gql<{ apiTokens: { id: string }[] }>(
        LIST,
        { userId: String(org.reps.east2.id) },
        org.admin,
      ),
    );
    expect(listed.apiTokens.map((t) => t.id)).toContain(apiToken.id);
    const byAdmin = dataOf(
      await server.gql<{ revokeApiToken: { active: boolean } }>(REVOKE, { id: apiToken.id }, org.admin),
    );
    expect(byAdmin.revokeApiToken.active).toBe(false);
    expect(codeOf(await server.gql(REVOKE, { id: 'not-an-id' }, org.admin))).toBe('NOT_FOUND');
  });

  it('does not let an API token mint tokens or set a password, nor a screen create one', async () => {
    const screen = await server.gql(CREATE, { input: { name: 'tv' } }, org.viewer);
    expect(screen.errors?.[0]?.message).toBe('Screens (VIEWER) do not create API tokens.');
    const [made] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from sessions where name = 'tv'`,
    );
    expect(made?.n).toBe(0);
    const { token } = await create(org.reps.west1.email, 'script');
    expect(codeOf(await server.gql(CREATE, { input: { name: 'more' } }, token))).toBe('FORBIDDEN');
    const password = await server.gql(
      'mutation { changePassword(newPassword: "correct horse battery staple") }',
      {},
      token,
    );
    expect(codeOf(password)).toBe('FORBIDDEN');
  });

  it('refuses a bad name or a past expiry, naming the field, and a 21st live token', async () => {
    const as = org.managers.west;
    const blank = await server.gql(CREATE, { input: { name: '  ' } }, as);
    expect(blank.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'name' }],
    });
    const past = await server.gql(
      CREATE,
      { input: { name: 'old', expiresAt: new Date(now - 1000).toISOString() } },
      as,
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'expiresAt' }],
    });
    const made = [];
    for (let i = 0; i < 20; i++) made.push(await create(as, `token ${i}`));
    const over = await server.gql(CREATE, { input: { name: 'one too many' } }, as);
    expect(codeOf(over)).toBe('CONFLICT');
    dataOf(await server.gql(REVOKE, { id: made[0]!.apiToken.id }, as));
    expect((await create(as, 'room again')).apiToken.active).toBe(true);
  });

  it('is not a cookie, and a browser session’s token is not a bearer token', async () => {
    const { token } = await create(org.reps.east1.email, 'not a cookie');
    const asCookie = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `pulse_session=${token}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(asCookie.status).toBe(401);
  });
});

describe('the owner’s account', () => {
  it('a password change keeps their tokens; deactivation revokes them', async () => {
    const owner = org.reps.west1.email;
    const { token } = await create(owner, 'survives');
    dataOf(
      await server.gql('mutation { changePassword(newPassword: "correct horse battery staple") }', {}, owner),
    );
    expect((await meOf(token)).status).toBe(200);
    await server.sql(sql`update users set active = false where email = ${owner}`);
    await until(async () => (await meOf(token)).status === 401, 'the token to be refused');
    const [row] = await server.sql<{ revoked: boolean }>(
      sql`select revoked_at is not null as revoked from sessions where name = 'survives'`,
    );
    expect(row?.revoked).toBe(true);
    await server.sql(sql`update users set active = true where email = ${owner}`);
  });
});
