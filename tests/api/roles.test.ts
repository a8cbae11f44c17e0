/**
 * The role matrix of ARCHITECTURE.md ("Security model") through real HTTP GraphQL: every Query and
 * Mutation of the contract, called by each kind of caller on East data (rep alice). Allowed writes
 * change the database; refused ones leave it exactly as it was. Unknown callers: roles-auth.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal, fingerprint, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
/** A personal CUSTOM goal of alice, read by the `goal` case. */
let aliceGoal: string;

const nextMonth = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
})();

let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;

function createCustomGoal(userId: number): Promise<string> {
  return createGoal(server, {
    userId,
    metric: 'CUSTOM',
    periodType: 'MONTHLY',
    periodStart: nextMonth,
    targetValue: 10,
    description: unique('goal'),
  });
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  aliceGoal = await createCustomGoal(org.reps.east1.id);
});
afterAll(() => server?.close());

interface Operation {
  /** The top-level field; null in `data` when refused. */
  field: string;
  doc: string;
  write?: boolean;
  /** Variables on East data (alice); may create what the operation acts on. */
  vars?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const alice = () => String(org.reps.east1.id);

const OPERATIONS: Record<string, Operation> = {
  me: { field: 'me', doc: '{ me { id email role } }' },
  users: { field: 'users', doc: '{ users { id name } }' },
  user: {
    field: 'user',
    doc: 'query($id: ID!) { user(id: $id) { id name } }',
    vars: () => ({ id: alice() }),
  },
  teams: { field: 'teams', doc: '{ teams { id name members { id } } }' },
  team: {
    field: 'team',
    doc: 'query($id: ID!) { team(id: $id) { id name } }',
    vars: () => ({ id: String(org.teams.east) }),
  },
  performanceSummary: {
    field: 'performanceSummary',
    doc: 'query($u: ID) { performanceSummary(userId: $u) { user { id } revenue } }',
    vars: () => ({ u: alice() }),
  },
  currentPerformance: {
    field: 'currentPerformance',
    doc: 'query($u: ID) { currentPerformance(userId: $u) { user { id } revenue } }',
    vars: () => ({ u: alice() }),
  },
  performance: {
    field: 'performance',
    doc: 'query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { periodStart revenue } }',
    vars: () => ({ u: alice() }),
  },
  trends: {
    field: 'trends',
    doc: 'query($u: ID!) { trends(userId: $u, periodType: WEEKLY, count: 3) { periodStart calls } }',
    vars: () => ({ u: alice() }),
  },
  teamPerformance: {
    field: 'teamPerformance',
    doc: 'query($t: ID) { teamPerformance(teamId: $t) { memberCount revenue members { ordersWon } } }',
    vars: () => ({ t: String(org.teams.east) }),
  },
  leaderboard: { field: 'leaderboard', doc: '{ leaderboard { version entries { rank user { name } } } }' },
  goals: {
    field: 'goals',
    doc: 'query($u: ID) { goals(userId: $u) { id targetValue } }',
    vars: () => ({ u: alice() }),
  },
  goal: {
    field: 'goal',
    doc: 'query($id: ID!) { goal(id: $id) { id targetValue } }',
    vars: () => ({ id: aliceGoal }),
  },
  achievements: { field: 'achievements', doc: '{ achievements { id title } }' },
  createTeam: {
    field: 'createTeam',
    write: true,
    doc: 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
    vars: () => ({ input: { name: unique('Team') } }),
  },
  createUser: {
    field: 'createUser',
    write: true,
    doc: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    vars: () => ({
      input: {
        name: 'New Rep',
        email: `${unique('new')}@example.com`,
        role: 'REP',
        teamId: String(org.teams.east),
      },
    }),
  },
  recordActivities: {
    field: 'recordActivities',
    write: true,
    doc: 'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded duplicates } }',
    vars: () => ({
      a: [
        { userId: alice(), kind: 'CALL', occurredAt: new Date().toISOString(), externalId: unique('roles') },
      ],
    }),
  },
  recordPerformance: {
    field: 'recordPerformance',
    write: true,
    doc: 'mutation($input: RecordPerformanceInput!) { recordPerformance(input: $input) { calls } }',
    vars: () => ({
      input: { userId: alice(), periodType: 'YEARLY', periodStart: `${2000 + ++serial}-01-01`, calls: 1 },
    }),
  },
  createGoal: {
    field: 'createGoal',
    write: true,
    doc: 'mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }',
    vars: () => ({
      input: {
        userId: alice(),
        metric: 'CUSTOM',
        periodType: 'MONTHLY',
        periodStart: nextMonth,
        targetValue: 5,
        description: unique('goal'),
      },
    }),
  },
  updateGoal: {
    field: 'updateGoal',
    write: true,
    doc: 'mutation($id: ID!) { updateGoal(id: $id, input: { targetValue: 20 }) { id version } }',
    vars: async () => ({ id: await createCustomGoal(org.reps.east1.id) }),
  },
  deleteGoal: {
    field: 'deleteGoal',
    write: true,
    doc: 'mutation($id: ID!) { deleteGoal(id: $id) }',
    vars: async () => ({ id: await createCustomGoal(org.reps.east1.id) }),
  },
  recordAchievement: {
    field: 'recordAchievement',
    write: true,
    doc: 'mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { id } }',
    vars: () => ({ input: { userId: alice(), kind: 'MANUAL', title: unique('Star'), badgeIcon: 'star' } }),
  },
};

const CALLERS = {
  admin: () => org.admin,
  ownManager: () => org.managers.east,
  otherManager: () => org.managers.west,
  self: () => org.reps.east1.email,
  otherRep: () => org.reps.east2.email,
  viewer: () => org.viewer,
} as const;
type Caller = keyof typeof CALLERS;

const Y = 'allowed';
const N = 'FORBIDDEN';
type Outcome = typeof Y | typeof N;

// prettier-ignore
const MATRIX: Record<string, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  //                    admin ownMgr otherMgr self otherRep viewer
  me:                  [Y,    Y,     Y,       Y,   Y,       Y],
  users:               [Y,    Y,     Y,       Y,   Y,       N],
  user:                [Y,    Y,     Y,       Y,   Y,       N],
  teams:               [Y,    Y,     Y,       Y,   Y,       N],
  team:                [Y,    Y,     Y,       Y,   Y,       N],
  performanceSummary:  [Y,    Y,     Y,       Y,   N,       N],
  currentPerformance:  [Y,    Y,     Y,       Y,   N,       N],
  performance:         [Y,    Y,     Y,       Y,   N,       N],
  trends:              [Y,    Y,     Y,       Y,   N,       N],
  teamPerformance:     [Y,    Y,     Y,       N,   N,       N],
  leaderboard:         [Y,    Y,     Y,       Y,   Y,       Y],
  goals:               [Y,    Y,     Y,       Y,   N,       N],
  goal:                [Y,    Y,     Y,       Y,   N,       N],
  achievements:        [Y,    Y,     Y,       Y,   Y,       Y],
  createTeam:          [Y,    N,     N,       N,   N,       N],
  createUser:          [Y,    N,     N,       N,   N,       N],
  recordActivities:    [Y,    Y,     N,       N,   N,       N],
  recordPerformance:   [Y,    Y,     N,       N,   N,       N],
  createGoal:          [Y,    Y,     N,       N,   N,       N],
  updateGoal:          [Y,    Y,     N,       N,   N,       N],
  deleteGoal:          [Y,    Y,     N,       N,   N,       N],
  recordAchievement:   [Y,    Y,     N,       N,   N,       N],
};

const callerNames = Object.keys(CALLERS) as Caller[];
const cases = Object.entries(MATRIX).flatMap(([op, outcomes]) =>
  callerNames.map((caller, i) => ({ op, caller, outcome: outcomes[i] as Outcome })),
);

describe('role matrix (East data: rep alice, team East)', () => {
  it('covers every Query and Mutation of the contract', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(OPERATIONS).sort());
    expect(Object.keys(MATRIX)).toHaveLength(22);
  });

  it.each(cases)('$op as $caller: $outcome', async ({ op, caller, outcome }) => {
    const operation = OPERATIONS[op];
    if (!operation) throw new Error(`no operation ${op}`);
    const variables = (await operation.vars?.()) ?? {};
    const before = await fingerprint(server);
    const response = await server.gql<Record<string, unknown>>(operation.doc, variables, CALLERS[caller]());
    const after = await fingerprint(server);
    if (outcome === Y) {
      expect(dataOf(response)[operation.field]).toBeDefined();
      if (operation.write) expect(after).not.toEqual(before);
    } else {
      expect(errorOf(response).code).toBe('FORBIDDEN');
      expect(response.data?.[operation.field] ?? null).toBeNull();
      expect(after).toEqual(before);
    }
    if (!operation.write) expect(after).toEqual(before);
  });
});
