/**
 * Authentication: every Query and Mutation of the contract refuses a caller it cannot identify with
 * UNAUTHENTICATED (HTTP 401 when a credential was sent and refused), and writes nothing.
 */
import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal, fingerprint, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { TEST_JWT_SECRET, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
let goalId = '';

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  await server.sql(sql`insert into users (name, email, role, team_id, active)
    values ('Gone Admin', 'gone@example.com', 'ADMIN', null, false)`);
  goalId = await createGoal(server, {
    userId: org.reps.east1.id,
    metric: 'REVENUE',
    periodType: 'MONTHLY',
    periodStart: '2026-01-01',
    targetValue: 100,
  });
});
afterAll(() => server?.close());

const alice = () => String(org.reps.east1.id);
const today = new Date().toISOString().slice(0, 8) + '01';

/** [field, document, variables] of every operation, with valid arguments on East data. */
const OPERATIONS: [string, string, () => Record<string, unknown>][] = [
  ['me', '{ me { id } }', () => ({})],
  ['users', '{ users { id } }', () => ({})],
  ['user', 'query($id: ID!) { user(id: $id) { id } }', () => ({ id: alice() })],
  ['teams', '{ teams { id } }', () => ({})],
  ['team', 'query($id: ID!) { team(id: $id) { id } }', () => ({ id: String(org.teams.east) })],
  ['performanceSummary', '{ performanceSummary { revenue } }', () => ({})],
  ['currentPerformance', '{ currentPerformance { revenue } }', () => ({})],
  [
    'performance',
    'query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { revenue } }',
    () => ({ u: alice() }),
  ],
  [
    'trends',
    'query($u: ID!) { trends(userId: $u, periodType: MONTHLY) { revenue } }',
    () => ({ u: alice() }),
  ],
  ['teamPerformance', '{ teamPerformance { revenue } }', () => ({})],
  ['leaderboard', '{ leaderboard { version } }', () => ({})],
  ['goals', '{ goals { id } }', () => ({})],
  ['goal', 'query($id: ID!) { goal(id: $id) { id } }', () => ({ id: goalId })],
  ['achievements', '{ achievements { id } }', () => ({})],
  ['createTeam', 'mutation { createTeam(input: { name: "Intruders" }) { id } }', () => ({})],
  [
    'createUser',
    'mutation { createUser(input: { name: "Eve", email: "eve@example.com", role: ADMIN }) { id } }',
    () => ({}),
  ],
  [
    'recordActivities',
    'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
    () => ({
      a: [{ userId: alice(), kind: 'CALL', occurredAt: new Date().toISOString(), externalId: 'auth-1' }],
    }),
  ],
  [
    'recordPerformance',
    'mutation($i: RecordPerformanceInput!) { recordPerformance(input: $i) { calls } }',
    () => ({ i: { userId: alice(), periodType: 'MONTHLY', periodStart: today, calls: 9 } }),
  ],
  [
    'createGoal',
    'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
    () => ({
      i: { userId: alice(), metric: 'CALLS', periodType: 'MONTHLY', periodStart: today, targetValue: 5 },
    }),
  ],
  [
    'updateGoal',
    'mutation($id: ID!) { updateGoal(id: $id, input: { targetValue: 1 }) { id } }',
    () => ({ id: goalId }),
  ],
  ['deleteGoal', 'mutation($id: ID!) { deleteGoal(id: $id) }', () => ({ id: goalId })],
  [
    'recordAchievement',
    'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }',
    () => ({ i: { userId: alice(), kind: 'M', title: 'Hacked', badgeIcon: 'x' } }),
  ],
];

const seconds = () => Math.floor(Date.now() / 1000);

/** A correctly signed token by default; `exp: null` / `subject: false` leave the claim out. */
async function jwt(
  email: string,
  {
    secret = TEST_JWT_SECRET,
    issuer = 'pulse',
    exp = seconds() + 3600,
    subject = true,
  }: { secret?: string; issuer?: string; exp?: number | null; subject?: boolean } = {},
): Promise<string> {
  const token = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(issuer)
    .setIssuedAt(seconds() - 7200);
  if (subject) token.setSubject(email);
  if (exp !== null) token.setExpirationTime(exp);
  return token.sign(new TextEncoder().encode(secret));
}

/** Authorization header values the server must refuse; null = no header at all. */
const BAD_CREDENTIALS: Record<string, () => Promise<string | null>> = {
  'no token': () => Promise.resolve(null),
  'an expired token': async () => `Bearer ${await jwt(org.admin, { exp: seconds() - 60 })}`,
  'a token signed with another secret': async () =>
    `Bearer ${await jwt(org.admin, { secret: 'another-secret-another-secret-0123456789' })}`,
  'a token from another issuer': async () => `Bearer ${await jwt(org.admin, { issuer: 'someone-else' })}`,
  'a correctly signed token without exp': async () => `Bearer ${await jwt(org.admin, { exp: null })}`,
  'a correctly signed token without sub': async () => `Bearer ${await jwt(org.admin, { subject: false })}`,
  'a token for an unknown email': async () => `Bearer ${await jwt('nobody@example.com')}`,
  'a token for a deactivated user': async () => `Bearer ${await jwt('gone@example.com')}`,
  'a header that is not "Bearer <token>"': () => Promise.resolve(`Basic ${btoa('admin@example.com:secret')}`),
  'a "Bearer" header with two tokens': async () => `Bearer ${await jwt(org.admin)} extra`,
  'a token that is not a JWT': () => Promise.resolve('Bearer not-a-jwt'),
};

async function post(doc: string, variables: Record<string, unknown>, authorization: string | null) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: doc, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: unknown } }[];
  };
  return { status: response.status, body };
}

it('covers every operation, and a valid token passes the same header check', async () => {
  expect(OPERATIONS).toHaveLength(22);
  const { status, body } = await post('{ me { email } }', {}, `Bearer ${await jwt(org.admin)}`);
  expect(status).toBe(200);
  expect(body.data).toEqual({ me: { email: org.admin } });
});

describe.each(Object.keys(BAD_CREDENTIALS))('with %s', (credential) => {
  it.each(OPERATIONS)('%s is UNAUTHENTICATED and writes nothing', async (field, doc, variables) => {
    const authorization = (await BAD_CREDENTIALS[credential]?.()) ?? null;
    const before = await fingerprint(server);
    const { status, body } = await post(doc, variables(), authorization);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data?.[field] ?? null).toBeNull();
    // a credential that was sent and refused is an HTTP 401
    if (authorization) expect(status).toBe(401);
    expect(await fingerprint(server)).toEqual(before);
  });
});
