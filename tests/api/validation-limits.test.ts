/**
 * Unknown ids (NOT_FOUND), stale versions (CONFLICT) and the HTTP-level guards: body size, query
 * depth and aliases, CSRF prevention, malformed bodies. Nothing refused is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
let goalId: string;

const CREATE_GOAL = 'mutation($input: CreateGoalInput!) { createGoal(input: $input) { id version } }';
const UPDATE_GOAL = `mutation($id: ID!, $input: UpdateGoalInput!, $v: Int) {
  updateGoal(id: $id, input: $input, expectedVersion: $v) { id version targetValue }
}`;

const CONTRACT_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
];

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const input = {
    userId: String(org.reps.east1.id),
    metric: 'REVENUE',
    periodType: 'YEARLY',
    periodStart: '2026-01-01',
    targetValue: 1000,
  };
  goalId = dataOf(await server.gql<{ createGoal: { id: string } }>(CREATE_GOAL, { input }, org.admin))
    .createGoal.id;
});
afterAll(() => server?.close());

describe('unknown ids are NOT_FOUND', () => {
  const user = () => String(org.reps.east1.id);
  const activity = (userId: string) => ({
    userId,
    kind: 'CALL',
    occurredAt: '2026-01-15T10:00:00Z',
    externalId: `nf-${userId}`,
  });
  const goalFor = (owner: Record<string, string>) => ({
    input: { ...owner, metric: 'ORDERS', periodType: 'MONTHLY', periodStart: '2026-01-01', targetValue: 5 },
  });

  const CASES: [string, string, () => Record<string, unknown>][] = [
    [
      'performance of user 99999',
      'query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { calls } }',
      () => ({ u: '99999' }),
    ],
    [
      'trends of user 99999',
      'query($u: ID!) { trends(userId: $u, periodType: MONTHLY) { calls } }',
      () => ({ u: '99999' }),
    ],
    [
      'performanceSummary of user 99999',
      'query($u: ID) { performanceSummary(userId: $u) { revenue } }',
      () => ({ u: '99999' }),
    ],
    ['goals of user 99999', 'query($u: ID) { goals(userId: $u) { id } }', () => ({ u: '99999' })],
    ['users of team 99999', 'query($t: ID) { users(teamId: $t) { id } }', () => ({ t: '99999' })],
    [
      'teamPerformance of team 99999',
      'query($t: ID) { teamPerformance(teamId: $t) { revenue } }',
      () => ({ t: '99999' }),
    ],
    [
      'leaderboard of team 99999',
      'query($t: ID) { leaderboard(teamId: $t) { version } }',
      () => ({ t: '99999' }),
    ],
    ['updateGoal 99999', UPDATE_GOAL, () => ({ id: '99999', input: { targetValue: 5 } })],
    ['deleteGoal 99999', 'mutation($id: ID!) { deleteGoal(id: $id) }', () => ({ id: '99999' })],
    ['createGoal for team 99999', CREATE_GOAL, () => goalFor({ teamId: '99999' })],
    ['createGoal for user 99999', CREATE_GOAL, () => goalFor({ userId: '99999' })],
    [
      'createUser in team 99999',
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      () => ({ i: { name: 'X', email: 'x@example.com', role: 'REP', teamId: '99999' } }),
    ],
    [
      'recordActivities for user 99999',
      'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
      () => ({ a: [activity(user()), activity('99999')] }),
    ],
    [
      'recordPerformance for user 99999',
      'mutation($i: RecordPerformanceInput!) { recordPerformance(input: $i) { calls } }',
      () => ({ i: { userId: '99999', periodType: 'DAILY', periodStart: '2026-01-01', calls: 1 } }),
    ],
    [
      'recordAchievement for user 99999',
      'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }',
      () => ({ i: { userId: '99999', kind: 'M', title: 'T', badgeIcon: 'b' } }),
    ],
    [
      'a non-numeric user id',
      'query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { calls } }',
      () => ({ u: 'abc' }),
    ],
    ['a non-numeric user id in user()', 'query($u: ID!) { user(id: $u) { id } }', () => ({ u: 'alice' })],
    [
      'a non-numeric goal id',
      'query($id: ID!) { goal(id: $id) { id } }',
      () => ({ id: '1; drop table goals' }),
    ],
    ['a non-numeric goal id in updateGoal', UPDATE_GOAL, () => ({ id: 'x1', input: { targetValue: 5 } })],
    ['a negative team id', 'query($id: ID!) { team(id: $id) { id } }', () => ({ id: '-1' })],
    ['an id beyond int4', 'mutation($id: ID!) { deleteGoal(id: $id) }', () => ({ id: '99999999999' })],
  ];

  it.each(CASES)('%s', async (_name, query, variables) => {
    const before = await fingerprint(server);
    const response = await server.gql(query, variables(), org.admin);
    expect(errorOf(response).code).toBe('NOT_FOUND');
    expect(await fingerprint(server)).toEqual(before);
  });

  it('user(id) and goal(id) of a well-formed unknown id are null, not an error', async () => {
    const response = await server.gql(
      '{ user(id: "99999") { id } goal(id: "99999") { id } team(id: "99999") { id } }',
      {},
      org.admin,
    );
    expect(dataOf(response)).toEqual({ user: null, goal: null, team: null });
  });
});

describe('updateGoal with expectedVersion', () => {
  it('applies a matching version and refuses a stale one with CONFLICT and currentVersion', async () => {
    const first = dataOf(
      await server.gql<{ updateGoal: { version: number } }>(
        UPDATE_GOAL,
        { id: goalId, input: { targetValue: 2000 }, v: 1 },
        org.admin,
      ),
    );
    expect(first.updateGoal.version).toBe(2);
    const before = await fingerprint(server);
    const stale = await server.gql(
      UPDATE_GOAL,
      { id: goalId, input: { targetValue: 3000 }, v: 1 },
      org.managers.east,
    );
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
    expect(stale.data ?? null).toBeNull();
    expect(await fingerprint(server)).toEqual(before);
    const goal = dataOf(
      await server.gql<{ goal: { targetValue: number; version: number } }>(
        'query($id: ID!) { goal(id: $id) { targetValue version } }',
        { id: goalId },
        org.admin,
      ),
    );
    expect(goal.goal).toEqual({ targetValue: 2000, version: 2 });
  });
});

describe('HTTP guards', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('refuses a body over 1 MB with HTTP 413 and a JSON error', async () => {
    const token = await server.token(org.admin);
    const body = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } });
    const response = await post(body, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const json = (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    expect(json.errors?.[0]?.message).toBeTruthy();
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a body that is not JSON with HTTP 400 and a JSON error', async () => {
    // with a token: without one the request is refused (401) before its body is read
    const token = await server.token(org.admin);
    const response = await post('{"query": "{ me { id } }"', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  // JSON POSTs take a shorter road than express (api/transport/http/graphql-post.ts); everything else goes
  // through express: both must answer alike
  it('answers JSON POSTs and the bodies it hands to express alike', async () => {
    const token = await server.token(org.admin);
    const auth = { authorization: `Bearer ${token}` };
    const query = JSON.stringify({ query: '{ me { id } }' });
    const ok = async (response: Response) => {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data?: { me?: { id: string } } }).data?.me?.id).toBeTruthy();
    };
    await ok(await post(query, { ...auth, 'content-type': 'application/json; charset=utf-8' }));
    await ok(await post(query, { ...auth, 'content-type': 'Application/JSON' }));
    const { gzipSync } = await import('node:zlib');
    await ok(
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(query),
      }),
    );
    const echoed = await post(query, { ...auth, 'x-request-id': 'lean-path-1' });
    expect(echoed.headers.get('x-request-id')).toBe('lean-path-1');
    // strict JSON, as body-parser's: a bare string is not an operation
    for (const body of ['"{ me { id } }"', '42', 'nul']) {
      const response = await post(body, auth);
      expect(response.status).toBe(400);
      const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a body whose Content-Length announces more than the limit without reading it', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${server.url}/graphql`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(5_000_000) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write('{"query":"');
    });
    expect(status).toBe(413);
  });

  it('refuses a query nested deeper than 8', async () => {
    const deep =
      '{ teams { members { team { members { team { members { team { members { team { name } } } } } } } } } }';
    const response = await server.gql(deep, {}, org.admin);
    expect(errorOf(response).code).toBe('BAD_USER_INPUT');
    expect(response.data ?? null).toBeNull();
  });

  it('accepts a query 8 deep', async () => {
    // through single objects: the same depth through `members` costs millions (MAX_COST)
    const eight = '{ teams { manager { team { manager { team { manager { team { name } } } } } } } }';
    dataOf(await server.gql(eight, {}, org.admin));
  });

  it('refuses more than 15 aliases and accepts 15', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const response = await server.gql(aliases(16), {}, org.admin);
    expect(errorOf(response).code).toBe('BAD_USER_INPUT');
    expect(response.data ?? null).toBeNull();
    dataOf(await server.gql(aliases(15), {}, org.admin));
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const token = await server.token(org.admin);
    const url = `${server.url}/graphql?query=${encodeURIComponent('{me{id}}')}`;
    const simple = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(simple.status).toBe(400);
    const preflighted = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  const JSON_TYPE = { 'content-type': 'application/json' };
  it.each([
    ['a CSRF-prevented GET', 'GET', '?query={me{id}}', {}, undefined],
    [
      'a mutation over GET',
      'GET',
      '?query=mutation{deleteGoal(id:"1")}',
      { 'apollo-require-preflight': '1' },
      undefined,
    ],
    ['an empty JSON body', 'POST', '', JSON_TYPE, '{}'],
    ['an unknown operationName', 'POST', '', JSON_TYPE, '{"query":"{ me { id } }","operationName":"Nope"}'],
  ])('reports %s with one of the contract’s error codes', async (_name, method, search, headers, body) => {
    const token = await server.token(org.admin);
    const response = await fetch(`${server.url}/graphql${search}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body === undefined ? {} : { body }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(CONTRACT_CODES).toContain(json.errors?.[0]?.extensions?.code);
  });

  it('refuses a POST with a form content type (CSRF prevention), writing nothing', async () => {
    const before = await fingerprint(server);
    const token = await server.token(org.admin);
    const response = await post(
      JSON.stringify({ query: 'mutation { createTeam(input: { name: "Csrf" }) { id } }' }),
      {
        'content-type': 'text/plain',
        authorization: `Bearer ${token}`,
      },
    );
    expect(response.status).toBe(400);
    expect(await fingerprint(server)).toEqual(before);
  });

  it('refuses a mutation over GET, writing nothing', async () => {
    const before = await fingerprint(server);
    const token = await server.token(org.admin);
    const query = encodeURIComponent('mutation { createTeam(input: { name: "ViaGet" }) { id } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await fingerprint(server)).toEqual(before);
  });
});
