/**
 * The query limits as settings (MAX_COST, MAX_DEPTH, MAX_ALIASES: graphql-armor, api/http.ts
 * createArmor) and STACK_TRACES. The default depth (8) and alias (15) limits are tested in
 * validation-limits.test.ts; here each setting is lowered and must take effect.
 *
 * graphql-armor's cost: an object field costs 2, a scalar 1, each times 1.5^depth, e.g.
 * `{ me { id name email role } }` = 2 + 4 × 1.5 = 8 and `{ a: me { id } b: me { id } }` = 7.
 *
 * An internal error is provoked through the public API on PGlite as on Postgres: a trigger that
 * raises on every insert into achievements makes recordAchievement fail with a plain database error.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, startTestServer, type GraphQLResponse, type TestServer } from '../support/server.ts';

const LIMITS = { MAX_COST: '13', MAX_DEPTH: '3', MAX_ALIASES: '2' };
const BOOM = 'limits test: the database refuses this insert';
const AWARD = 'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }';

/** The one error graphql-armor's refusal turns into (api/errors.ts createFormatError). */
function expectRefusal(response: GraphQLResponse<unknown>, message: string): void {
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toEqual([
    { message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'query', message }] } },
  ]);
}

async function breakAchievements(server: TestServer): Promise<void> {
  await server.sql(
    sql.raw(`create function limits_test_boom() returns trigger language plpgsql as $$
      begin raise exception '${BOOM}'; end $$`),
  );
  await server.sql(
    sql.raw(`create trigger limits_test_boom before insert on achievements
      for each row execute function limits_test_boom()`),
  );
}

function award(server: TestServer, org: OrgFixture): Promise<GraphQLResponse<unknown>> {
  const input = { userId: String(org.reps.east1.id), kind: 'Spirit', title: 'Team Player', badgeIcon: '🤝' };
  return server.gql(AWARD, { i: input }, org.admin);
}

describe('lowered limits (MAX_COST=13, MAX_DEPTH=3, MAX_ALIASES=2), stack traces off', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    server = await startTestServer(LIMITS);
    org = await createOrg(server);
    await breakAchievements(server);
  });
  afterAll(() => server?.close());

  it('accepts a query costing 8 and refuses one costing 15.5 (MAX_COST)', async () => {
    const me = dataOf(
      await server.gql<{ me: Record<string, string> }>('{ me { id name email role } }', {}, org.admin),
    );
    expect(Object.keys(me.me)).toEqual(['id', 'name', 'email', 'role']);
    expect(me.me.email).toBe('admin@example.com');
    // 8 + team 2 × 1.5 + (id, name) 2 × 1.5²
    const response = await server.gql('{ me { id name email role team { id name } } }', {}, org.admin);
    expectRefusal(response, 'Syntax Error: Query Cost limit of 13 exceeded, found 15.5.');
  });

  it('refuses before anything runs: a costly mutation writes nothing', async () => {
    const user = `"${org.reps.east1.id}"`;
    // 2 + 2 × 1.5, then 2 + (id, title) 2 × 1.5 + user 2 × 1.5 + name 1.5²
    const response = await server.gql(
      `mutation {
        recordActivities(activities: [{ userId: ${user}, kind: CALL, occurredAt: "2026-01-05T10:00:00Z", externalId: "cost-1" }]) { recorded duplicates }
        recordAchievement(input: { userId: ${user}, kind: "Spirit", title: "Costly", badgeIcon: "x" }) { id title user { name } }
      }`,
      {},
      org.admin,
    );
    expectRefusal(response, 'Syntax Error: Query Cost limit of 13 exceeded, found 15.25.');
    expect(await server.sql(sql`select count(*)::int as n from activities`)).toEqual([{ n: 0 }]);
  });

  it('accepts depth 3 and refuses depth 4 (MAX_DEPTH)', async () => {
    dataOf(await server.gql('{ teams { members { name } } }', {}, org.admin)); // cost 7.25
    const response = await server.gql('{ teams { members { team { name } } } }', {}, org.admin); // 12.875
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
    const response = await server.gql('{ a: me { id } b: me { id } c: me { id } }', {}, org.admin); // 10.5
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
    server = await startTestServer({ STACK_TRACES: 'true' });
    org = await createOrg(server);
    await breakAchievements(server);
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
