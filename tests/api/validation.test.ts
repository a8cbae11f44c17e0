/**
 * Bad input to goals, users, teams, pushed performance, trends and leaderboards: BAD_USER_INPUT
 * with `extensions.fields` naming every offending field (relative to the argument), and nothing
 * written. Activities: validation-activities.test.ts; ids, versions and HTTP limits:
 * validation-limits.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type GraphQLResponse, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

/** Sends a request that must be refused as BAD_USER_INPUT; returns the named fields, sorted. */
async function badFields(
  query: string,
  variables: Record<string, unknown>,
  as = org.admin,
): Promise<string[]> {
  const before = await fingerprint(server);
  const response: GraphQLResponse = await server.gql(query, variables, as);
  expect(response.errors, `expected errors, got ${JSON.stringify(response.data)}`).toBeDefined();
  const fields = new Set<string>();
  for (const error of response.errors ?? []) {
    expect(error.extensions?.code, error.message).toBe('BAD_USER_INPUT');
    const named = (error.extensions?.fields ?? []) as { field: string; message: string }[];
    expect(named.length, `no fields in ${JSON.stringify(error)}`).toBeGreaterThan(0);
    for (const { field, message } of named) {
      expect(message).toBeTruthy();
      fields.add(field);
    }
  }
  expect(response.data ?? null).toBeNull();
  expect(await fingerprint(server)).toEqual(before);
  return [...fields].sort();
}

const CREATE_GOAL = 'mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }';
const goal = (overrides: Record<string, unknown> = {}) => ({
  input: {
    userId: String(org.reps.east1.id),
    metric: 'REVENUE',
    periodType: 'MONTHLY',
    periodStart: '2026-11-01',
    targetValue: 1000,
    ...overrides,
  },
});

describe('createGoal', () => {
  it('accepts the valid goal the cases below spoil', async () => {
    dataOf(await server.gql(CREATE_GOAL, goal({ metric: 'ORDERS' }), org.admin));
  });

  it.each([
    ['a zero target', { targetValue: 0 }, ['targetValue']],
    ['a negative target', { targetValue: -5 }, ['targetValue']],
    ['a MONTHLY period not starting on the 1st', { periodStart: '2026-11-02' }, ['periodStart']],
    [
      'a WEEKLY period starting on a Tuesday',
      { periodType: 'WEEKLY', periodStart: '2026-11-03' },
      ['periodStart'],
    ],
    [
      'a QUARTERLY period starting in February',
      { periodType: 'QUARTERLY', periodStart: '2026-02-01' },
      ['periodStart'],
    ],
    ['a date that does not exist', { periodStart: '2025-02-29' }, ['periodStart']],
    ['a date that is not a date', { periodStart: 'next monday' }, ['periodStart']],
    ['an unknown metric', { metric: 'FOO' }, ['metric']],
    ['a description over 2000 characters', { description: 'x'.repeat(2001) }, ['description']],
    ['a count goal with decimals', { metric: 'ORDERS', targetValue: 2.5 }, ['targetValue']],
    ['a rate goal over 100%', { metric: 'WIN_RATE', targetValue: 150 }, ['targetValue']],
  ])('refuses %s', async (_name, overrides, fields) => {
    expect(await badFields(CREATE_GOAL, goal(overrides))).toEqual(fields);
  });

  it('refuses both userId and teamId, naming one of them', async () => {
    const fields = await badFields(CREATE_GOAL, goal({ teamId: String(org.teams.east) }));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f === 'userId' || f === 'teamId')).toBe(true);
  });

  it('refuses neither userId nor teamId, naming one of them', async () => {
    const fields = await badFields(CREATE_GOAL, goal({ userId: null }));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f === 'userId' || f === 'teamId')).toBe(true);
  });

  it('refuses an unknown enum value written inline in the query', async () => {
    const query = `mutation { createGoal(input: {
      userId: "${org.reps.east1.id}", metric: FOO, periodType: MONTHLY, periodStart: "2026-11-01", targetValue: 10
    }) { id } }`;
    expect(await badFields(query, {})).toEqual(['metric']);
  });

  it('names every bad field of one input at once', async () => {
    const fields = await badFields(
      CREATE_GOAL,
      goal({ targetValue: -1, periodStart: '2026-11-02', description: 'x'.repeat(2001) }),
    );
    expect(fields).toEqual(['description', 'periodStart', 'targetValue']);
  });

  it('names fields relative to the argument, whatever the variable is called', async () => {
    const query = 'mutation($goal: CreateGoalInput!) { createGoal(input: $goal) { id } }';
    expect(await badFields(query, { goal: goal({ periodStart: '2025-02-29' }).input })).toEqual([
      'periodStart',
    ]);
  });

  it('names a required field left out, in a variable and inline', async () => {
    const { targetValue: _left, ...withoutTarget } = goal().input;
    expect(await badFields(CREATE_GOAL, { input: withoutTarget })).toEqual(['targetValue']);
    const inline = `mutation { createGoal(input: {
      userId: "${org.reps.east1.id}", metric: REVENUE, periodType: MONTHLY, periodStart: "2026-11-01"
    }) { id } }`;
    expect(await badFields(inline, {})).toEqual(['targetValue']);
    const nested = 'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }';
    const activities = [
      {
        userId: String(org.reps.east1.id),
        kind: 'CALL',
        occurredAt: '2026-11-02T10:00:00Z',
        externalId: 'm-1',
      },
      { userId: String(org.reps.east1.id), occurredAt: '2026-11-02T10:00:00Z', externalId: 'm-2' },
    ];
    expect(await badFields(nested, { a: activities })).toEqual(['activities.1.kind']);
  });

  it('names every field that fails type coercion at once', async () => {
    expect(await badFields(CREATE_GOAL, goal({ metric: 'FOO', periodStart: '2025-02-29' }))).toEqual([
      'metric',
      'periodStart',
    ]);
  });
});

describe('updateGoal', () => {
  const UPDATE =
    'mutation($id: ID!, $input: UpdateGoalInput!) { updateGoal(id: $id, input: $input) { version } }';
  let id = '';
  beforeAll(async () => {
    const created = await server.gql<{ createGoal: { id: string } }>(
      CREATE_GOAL,
      goal({ metric: 'CALLS' }),
      org.admin,
    );
    id = dataOf(created).createGoal.id;
  });

  it.each([
    ['a zero target', { targetValue: 0 }, ['targetValue']],
    ['a negative target', { targetValue: -1 }, ['targetValue']],
    ['a fractional target for a count metric', { targetValue: 1.5 }, ['targetValue']],
    ['a description over 2000 characters', { description: 'd'.repeat(2001) }, ['description']],
    [
      'a bad target and description',
      { targetValue: -1, description: 'd'.repeat(2001) },
      ['description', 'targetValue'],
    ],
  ])('refuses %s', async (_name, input, fields) => {
    expect(await badFields(UPDATE, { id, input })).toEqual(fields);
  });
});

describe('recordAchievement', () => {
  const RECORD = 'mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { id } }';
  const badge = (overrides: Record<string, unknown>) => ({
    input: {
      userId: String(org.reps.east1.id),
      kind: 'MANUAL',
      title: 'Star',
      badgeIcon: 'star',
      ...overrides,
    },
  });

  it.each([
    ['an empty title', { title: ' ' }, ['title']],
    ['a title over 200 characters', { title: 't'.repeat(201) }, ['title']],
    ['a badgeIcon over 32 characters', { badgeIcon: 'b'.repeat(33) }, ['badgeIcon']],
    ['a negative value', { value: -1 }, ['value']],
    ['an achievedAt in the future', { achievedAt: '2999-01-01T00:00:00Z' }, ['achievedAt']],
    ['an empty kind and title', { kind: '', title: '' }, ['kind', 'title']],
  ])('refuses %s', async (_name, overrides, fields) => {
    expect(await badFields(RECORD, badge(overrides))).toEqual(fields);
  });
});

describe('createUser', () => {
  const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
  const user = (overrides: Record<string, unknown>) => ({
    input: {
      name: 'Dora Diaz',
      email: 'dora@example.com',
      role: 'REP',
      teamId: String(org.teams.east),
      ...overrides,
    },
  });

  it.each([
    ['a duplicate email', { email: 'alice@example.com' }, ['email']],
    ['a duplicate email in other case', { email: 'ALICE@Example.COM' }, ['email']],
    ['a duplicate email with spaces around it', { email: '  alice@example.com ' }, ['email']],
    ['an invalid email', { email: 'not-an-email' }, ['email']],
    ['an empty name', { name: '   ' }, ['name']],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, ['name']],
    ['an invalid email and an over-long name', { email: 'nope', name: 'n'.repeat(201) }, ['email', 'name']],
    ['an unknown role', { role: 'OWNER' }, ['role']],
  ])('refuses %s', async (_name, overrides, fields) => {
    expect(await badFields(CREATE_USER, user(overrides))).toEqual(fields);
  });

  it('accepts the valid user', async () => {
    dataOf(await server.gql(CREATE_USER, user({}), org.admin));
  });
});

describe('createTeam', () => {
  const CREATE_TEAM = 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }';

  it.each([
    ['a duplicate name', 'East'],
    ['a duplicate name in other case', 'east'],
    ['a duplicate name with spaces around it', ' West  '],
    ['an empty name', ''],
    ['a name over 200 characters', 't'.repeat(201)],
  ])('refuses %s', async (_name, name) => {
    expect(await badFields(CREATE_TEAM, { input: { name } })).toEqual(['name']);
  });

  it('refuses a manager who is a rep', async () => {
    const input = { name: 'South', managerId: String(org.reps.east1.id) };
    expect(await badFields(CREATE_TEAM, { input })).toEqual(['managerId']);
  });
});

describe('recordPerformance', () => {
  const RECORD = 'mutation($input: RecordPerformanceInput!) { recordPerformance(input: $input) { calls } }';
  const pushed = (overrides: Record<string, unknown>) => ({
    input: {
      userId: String(org.reps.east1.id),
      periodType: 'MONTHLY',
      periodStart: '2026-10-01',
      ...overrides,
    },
  });

  it.each([
    ['negative counts', { leadsCreated: -1, calls: -2 }, ['calls', 'leadsCreated']],
    ['a negative revenue', { revenue: '-5.00' }, ['revenue']],
    ['revenue with three decimals', { revenue: '5.123' }, ['revenue']],
    ['a fractional count', { ordersWon: 1.5 }, ['ordersWon']],
    ['a periodStart that is not a period start', { periodStart: '2026-10-15' }, ['periodStart']],
    [
      'a WEEKLY periodStart on a Sunday',
      { periodType: 'WEEKLY', periodStart: '2026-11-01' },
      ['periodStart'],
    ],
    [
      'negative counts and a bad periodStart',
      { meetings: -1, periodStart: '2026-10-15' },
      ['meetings', 'periodStart'],
    ],
  ])('refuses %s', async (_name, overrides, fields) => {
    expect(await badFields(RECORD, pushed(overrides))).toEqual(fields);
  });

  it('accepts the valid aggregates', async () => {
    expect(dataOf(await server.gql(RECORD, pushed({ calls: 3 }), org.admin))).toEqual({
      recordPerformance: { calls: 3 },
    });
  });
});

describe('trends and leaderboard arguments', () => {
  const TRENDS =
    'query($u: ID!, $n: Int) { trends(userId: $u, periodType: WEEKLY, count: $n) { periodStart } }';
  const BOARD = 'query($n: Int) { leaderboard(limit: $n) { entries { rank } } }';

  it.each([0, 61, -1])('refuses trends count %i', async (n) => {
    expect(await badFields(TRENDS, { u: String(org.reps.east1.id), n })).toEqual(['count']);
  });

  it('accepts trends count 1 and 60', async () => {
    for (const n of [1, 60]) {
      const data = dataOf(
        await server.gql<{ trends: unknown[] }>(TRENDS, { u: String(org.reps.east1.id), n }, org.admin),
      );
      expect(data.trends).toHaveLength(n);
    }
  });

  it.each([0, -1, 501])('refuses leaderboard limit %i', async (n) => {
    expect(await badFields(BOARD, { n })).toEqual(['limit']);
  });

  it('refuses a leaderboard date that does not exist', async () => {
    expect(
      await badFields('query($d: Date) { leaderboard(date: $d) { version } }', { d: '2026-02-30' }),
    ).toEqual(['date']);
  });
});
