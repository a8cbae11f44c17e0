/**
 * The query limits as settings (MAX_COST: api/core/graphql/query-cost.ts; MAX_DEPTH, MAX_ALIASES:
 * graphql-armor; api/core/graphql/limits.ts) and STACK_TRACES. The default depth (8) and alias (15)
 * limits are tested in validation-limits.test.ts; here each setting is lowered and must take
 * effect. The default cost limit, the token limit, subscriptions over HTTP and the response size
 * limit: at the end.
 *
 * The cost: each field 1 for each object it is selected on, a list multiplying what is under it by
 * its size (`limit` where it has one, 25 teams and 50 members assumed), e.g.
 * `{ me { id name email role } }` = 1 + 4 = 5 and `{ teams { name } }` = 25 × (1 + 1) = 50.
 *
 * An internal error is provoked through the public API on PGlite as on Postgres: a trigger that
 * raises on every insert into achievements makes recordAchievement fail with a plain database error.
 */
import { sql } from 'drizzle-orm';
import { Kind, OperationTypeNode, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseAchievementInserts, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type GraphQLResponse, type TestServer } from '../support/server.ts';
import { settle } from '../support/wait.ts';

const LIMITS = { MAX_COST: '60', MAX_DEPTH: '3', MAX_ALIASES: '2' };
const BOOM = 'limits test: the database refuses this insert';
const AWARD = 'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }';

/** The one error graphql-armor's refusal turns into (api/core/errors.ts createFormatError). */
function expectRefusal(response: GraphQLResponse<unknown>, message: string): void {
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toEqual([
    { message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'query', message }] } },
  ]);
}

function award(server: TestServer, org: OrgFixture): Promise<GraphQLResponse<unknown>> {
  const input = { userId: String(org.reps.east1.id), kind: 'Spirit', title: 'Team Player', badgeIcon: '🤝' };
  return server.gql(AWARD, { i: input }, org.admin);
}

describe('lowered limits (MAX_COST=60, MAX_DEPTH=3, MAX_ALIASES=2), stack traces off', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer(LIMITS));
    await refuseAchievementInserts(server, 'limits_test_boom', BOOM);
  });
  afterAll(() => server?.close());

  const costRefusal = (cost: number) =>
    `Query cost ${cost} exceeds MAX_COST 60: ask for fewer fields, smaller lists or fewer aliases.`;

  it('counts a list at its assumed size: accepts teams { name } (50), refuses teams { id name } (75)', async () => {
    const me = dataOf(
      await server.gql<{ me: Record<string, string> }>('{ me { id name email role } }', {}, org.admin),
    );
    expect(Object.keys(me.me)).toEqual(['id', 'name', 'email', 'role']);
    const teams = dataOf(
      await server.gql<{ teams: { name: string }[] }>('{ teams { name } }', {}, org.admin),
    );
    expect(teams.teams.map((t) => t.name)).toEqual(['East', 'West']);
    expectRefusal(await server.gql('{ teams { id name } }', {}, org.admin), costRefusal(75));
  });

  it('counts leaderboard entries at the board’s limit, inline or in a variable', async () => {
    const board = (limit: number) =>
      server.gql<{ leaderboard: { entries: unknown[] } }>(
        'query($n: Int) { leaderboard(limit: $n) { entries { rank } } }',
        { n: limit },
        org.viewer,
      );
    // 1 + 29 × (1 + 1) = 59, 1 + 30 × 2 = 61
    dataOf(await board(29));
    expectRefusal(await board(30), costRefusal(61));
    expectRefusal(
      await server.gql('{ leaderboard(limit: 30) { entries { rank } } }', {}, org.viewer),
      costRefusal(61),
    );
  });

  it('refuses before anything runs: a costly mutation writes nothing', async () => {
    // 1 + 1 + 50 × (1 + 1): the new team's members counted at the assumed 50
    const before = await server.sql<{ n: number }>(sql`select count(*)::int as n from teams`);
    const response = await server.gql(
      'mutation { createTeam(input: { name: "Costly" }) { id members { name } } }',
      {},
      org.admin,
    );
    expectRefusal(response, costRefusal(102));
    expect(await server.sql(sql`select count(*)::int as n from teams`)).toEqual(before);
  });

  it('accepts depth 3 and refuses depth 4 (MAX_DEPTH)', async () => {
    dataOf(await server.gql('{ me { team { name } } }', {}, org.admin)); // cost 3
    const response = await server.gql('{ me { team { manager { name } } } }', {}, org.admin); // 4
    expectRefusal(response, 'Syntax Error: Query depth limit of 3 exceeded, found 4.');
  });

  it('accepts 2 aliases and refuses 3 (MAX_ALIASES)', async () => {
    const both = dataOf(
      await server.gql<{ a: { id: string }; b: { id: string } }>(
        '{ a: me { id } b: me { id } }',
        {},
        org.admin,
      ),
    );
    expect(both.a.id).toBe(both.b.id);
    const response = await server.gql('{ a: me { id } b: me { id } c: me { id } }', {}, org.admin); // 6
    expectRefusal(response, 'Syntax Error: Aliases limit of 2 exceeded, found 3.');
  });

  it('masks an internal error: a request id, no database message, no stack trace', async () => {
    const response = await award(server, org);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    const error = response.errors?.[0];
    expect(error?.message).toMatch(/^Internal server error \(request [0-9a-f-]{36}\)$/);
    expect(error?.path).toEqual(['recordAchievement']);
    const requestId = error?.extensions?.requestId;
    expect(typeof requestId).toBe('string');
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
    expect(error?.message).toContain(String(requestId));
    expect(JSON.stringify(response)).not.toContain(BOOM);
  });
});

describe('STACK_TRACES=true', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer({ STACK_TRACES: 'true' }));
    await refuseAchievementInserts(server, 'limits_test_boom', BOOM);
  });
  afterAll(() => server?.close());

  it('adds the stack trace of an internal error to its extensions, the message stays masked', async () => {
    const response = await award(server, org);
    expect(response.data ?? null).toBeNull();
    const error = response.errors?.[0];
    expect(error?.message).toMatch(/^Internal server error \(request [0-9a-f-]{36}\)$/);
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(typeof error?.extensions?.requestId).toBe('string');
    const stack = error?.extensions?.stacktrace;
    expect(Array.isArray(stack)).toBe(true);
    const lines = stack as unknown[];
    expect(lines.every((line) => typeof line === 'string')).toBe(true);
    // the error's own stack (the database driver's, its message first), not the masked message's
    expect(lines[0]).toMatch(/^\w*Error: /);
    expect(lines[0]).not.toContain('Internal server error');
    expect(lines.slice(1).some((line) => /^\s+at /.test(line as string))).toBe(true);
  });

  it('answers a well-formed request as usual', async () => {
    expect(dataOf(await server.gql('{ me { role } }', {}, org.admin))).toEqual({ me: { role: 'ADMIN' } });
  });
});

describe('default limits: cost with list sizes, tokens, subscriptions, response size', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => ({ server, org } = await startOrgServer()));
  afterAll(() => server?.close());

  /** A refusal before execution: status 400, no `data` at all, one error naming `query`. */
  function expectQueryRefusal(response: GraphQLResponse<unknown>, message: RegExp): void {
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    const error = response.errors![0]!;
    expect(error.message).toMatch(message);
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'query', message: error.message }],
    });
  }

  it('refuses a VIEWER’s 15 aliased boards nested through members before running them', async () => {
    const board =
      'leaderboard(limit: 100) { entries { user { team { members { team { members { name } } } } } } }';
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `b${i}: ${board}`).join(' ')} }`;
    // per board: 1 + 100 × (1 + user 1 + team 1 + 50 members × (1 + team 1 + 50 members × 2))
    const cost = 15 * (1 + 100 * (1 + 1 + 1 + 50 * (1 + 1 + 50 * 2)));
    expectQueryRefusal(
      await server.gql(query, {}, org.viewer),
      new RegExp(`^Query cost ${cost} exceeds MAX_COST 50000`),
    );
    // the same board once, its size in a variable: small enough (run by an admin: a screen may
    // not read team members at all, viewer-visibility.test.ts)
    const one = `query($n: Int) { leaderboard(limit: $n) { entries { user { team { members { name } } } } } }`;
    const data = dataOf(await server.gql<{ leaderboard: { entries: unknown[] } }>(one, { n: 5 }, org.admin));
    expect(data.leaderboard.entries).toEqual([]); // accepted; nobody has sold yet, so nobody is ranked
    expectQueryRefusal(await server.gql(one, { n: 500 }, org.viewer), /^Query cost 51501 exceeds/);
  });

  it('answers every query of the product’s web client and TV', async () => {
    const documents = await import('../../client/src/gql/graphql.ts');
    const variables: Record<string, unknown> = {
      userId: String(org.reps.east1.id),
      me: String(org.reps.east1.id),
      id: '1',
      teamId: String(org.teams.east),
      periodType: 'MONTHLY',
      metric: 'REVENUE',
      date: '2026-01-15',
      limit: 60,
      first: 50,
      input: { metric: 'REVENUE', periodType: 'MONTHLY', threshold: '1000.00' },
    };
    let asked = 0;
    for (const [name, document] of Object.entries(documents)) {
      if (!name.endsWith('Document') || typeof document !== 'object') continue;
      const operation = (document as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      if (operation?.operation !== OperationTypeNode.QUERY) continue;
      const response = await server.gql(print(document as DocumentNode), variables, org.admin);
      expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
      asked += 1;
    }
    expect(asked).toBeGreaterThanOrEqual(8);
  });

  it('refuses a document over the token limit with 400, not 500', async () => {
    const response = await server.gql(`{ me { ${'id '.repeat(2100)}} }`, {}, org.viewer);
    expectQueryRefusal(response, /Document contains more th[a-z]+ 2000 tokens/);
  });

  it('refuses a subscription sent over HTTP POST with 400, not 500', async () => {
    const response = await server.gql('subscription { leaderboardChanged { version } }', {}, org.viewer);
    expectQueryRefusal(response, /WebSocket/);
  });
});

describe('MAX_RESPONSE_BYTES=1000', () => {
  const MAX = 1000;
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => ({ server, org } = await startOrgServer({ MAX_RESPONSE_BYTES: String(MAX) })));
  afterAll(() => server?.close());

  const USERS = 'users { id name email role active }';

  async function bodyOf(query: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await server.token(org.admin)}`,
      },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, text: await response.text() };
  }

  function expectTooLarge({ status, text }: { status: number; text: string }): void {
    expect(status).toBe(400);
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown[]; extensions?: unknown };
    expect(body.data).toBeUndefined();
    const message = `The response would be larger than MAX_RESPONSE_BYTES (${MAX} bytes): ask for fewer fields, smaller lists or fewer aliases.`;
    expect(body.errors).toEqual([
      { message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'query', message }] } },
    ]);
  }

  it('sends a response up to the limit and refuses one above it with 400', async () => {
    const one = await bodyOf(`{ ${USERS} }`);
    expect(one.status).toBe(200);
    const size = Buffer.byteLength(one.text);
    expect(size).toBeLessThanOrEqual(MAX);
    // enough copies of the same list under aliases to pass the limit
    const copies = Math.floor(MAX / size) + 1;
    expect(copies).toBeLessThanOrEqual(15);
    const many = `{ ${Array.from({ length: copies }, (_, i) => `u${i}: ${USERS}`).join(' ')} }`;
    expectTooLarge(await bodyOf(many));
  });

  it('stops building an answer once its lists alone pass the limit', async () => {
    const statements = (body: { text: string }) =>
      (JSON.parse(body.text) as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements;
    // every directory change the fixture made has been heard (a late one would drop the cached
    // caller and add a statement to the next request), then the caller is known from now on
    await settle(server);
    expect((await bodyOf('{ me { id } }')).status).toBe(200);
    const fits = await bodyOf('{ users { id team { id name } } }');
    expect(fits.status).toBe(200);
    // each user's key alone is 300 bytes: 7 users are past 1000 bytes as soon as the list resolves,
    // so their teams are never read
    const large = await bodyOf(`{ users { ${'k'.repeat(300)}: id team { id name } } }`);
    expectTooLarge(large);
    expect(statements(large)).toBeLessThan(statements(fits)!);
  });
});
