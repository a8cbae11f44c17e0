/**
 * What each role sees and may write beyond the plain matrix (roles.test.ts): list scoping of reps,
 * team goals, managers of several teams, mixed batches, the other manager's own team.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
const goalIds: Record<'alice' | 'bob' | 'carol' | 'east' | 'west', string> = {
  alice: '',
  bob: '',
  carol: '',
  east: '',
  west: '',
};

const nextMonth = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
})();

const CREATE_GOAL = 'mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }';
const RECORD = 'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }';

const goalInput = (owner: { userId: number } | { teamId: number }, metric = 'REVENUE') => ({
  input: {
    ...('userId' in owner ? { userId: String(owner.userId) } : { teamId: String(owner.teamId) }),
    metric,
    periodType: 'MONTHLY',
    periodStart: nextMonth,
    targetValue: 1000,
  },
});

let serial = 0;
const call = (userId: number) => ({
  userId: String(userId),
  kind: 'CALL',
  occurredAt: new Date().toISOString(),
  externalId: `scope-${++serial}`,
});

async function count(table: 'goals' | 'activities' | 'achievements' | 'sales_performance'): Promise<number> {
  const [row] = await server.sql<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? -1;
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const create = async (owner: { userId: number } | { teamId: number }) =>
    dataOf(await server.gql<{ createGoal: { id: string } }>(CREATE_GOAL, goalInput(owner), org.admin))
      .createGoal.id;
  goalIds.alice = await create({ userId: org.reps.east1.id });
  goalIds.bob = await create({ userId: org.reps.east2.id });
  goalIds.carol = await create({ userId: org.reps.west1.id });
  goalIds.east = await create({ teamId: org.teams.east });
  goalIds.west = await create({ teamId: org.teams.west });
});
afterAll(() => server?.close());

describe('a REP sees only their own figures and goals', () => {
  const alice = () => org.reps.east1.email;

  it('performanceSummary and currentPerformance without userId list only the caller', async () => {
    const data = dataOf(
      await server.gql<{
        performanceSummary: { user: { id: string } }[];
        currentPerformance: { user: { id: string } }[];
      }>('{ performanceSummary { user { id } } currentPerformance { user { id } } }', {}, alice()),
    );
    expect(data.performanceSummary.map((s) => s.user.id)).toEqual([String(org.reps.east1.id)]);
    expect(data.currentPerformance.map((p) => p.user.id)).toEqual([String(org.reps.east1.id)]);
  });

  it('goals without filters list their own and their team’s goals only', async () => {
    const data = dataOf(await server.gql<{ goals: { id: string }[] }>('{ goals { id } }', {}, alice()));
    expect(data.goals.map((g) => g.id).sort()).toEqual([goalIds.alice, goalIds.east].sort());
  });

  it('reads their own team’s goals, not another team’s', async () => {
    const query = 'query($t: ID, $id: ID!) { goals(teamId: $t) { id } goal(id: $id) { id } }';
    const own = dataOf(
      await server.gql<{ goals: { id: string }[]; goal: { id: string } }>(
        query,
        { t: String(org.teams.east), id: goalIds.east },
        alice(),
      ),
    );
    expect(own.goals.map((g) => g.id)).toEqual([goalIds.east]);
    expect(own.goal.id).toBe(goalIds.east);
    const west = await server.gql(
      'query($t: ID) { goals(teamId: $t) { id } }',
      { t: String(org.teams.west) },
      alice(),
    );
    expect(errorOf(west).code).toBe('FORBIDDEN');
    for (const id of [goalIds.west, goalIds.carol, goalIds.bob]) {
      const response = await server.gql('query($id: ID!) { goal(id: $id) { id } }', { id }, alice());
      expect(errorOf(response).code).toBe('FORBIDDEN');
      expect(response.data?.goal ?? null).toBeNull();
    }
  });

  it('cannot read another rep’s trends or performance, even of their own team', async () => {
    const bob = String(org.reps.east2.id);
    for (const query of [
      'query($u: ID!) { trends(userId: $u, periodType: DAILY, count: 2) { calls } }',
      'query($u: ID!) { performance(userId: $u, periodType: DAILY) { calls } }',
      'query($u: ID) { achievements(userId: $u) { id } goals(userId: $u) { id } }',
    ]) {
      const response = await server.gql(query, { u: bob }, alice());
      expect(errorOf(response).code).toBe('FORBIDDEN');
    }
  });
});

describe('a VIEWER (office TV) reads leaderboards and achievements only', () => {
  it('reads the leaderboard with names and the badges', async () => {
    await server.gql(
      'mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { id } }',
      { input: { userId: String(org.reps.east1.id), kind: 'MANUAL', title: 'Closer', badgeIcon: 'trophy' } },
      org.admin,
    );
    // a sale, so that the board ranks someone (sellers without revenue are not listed)
    const sale = { userId: String(org.reps.east1.id), kind: 'ORDER_WON', amount: '10.00' };
    const at = { occurredAt: new Date().toISOString(), externalId: 'viewer-board-sale' };
    dataOf(await server.gql(RECORD, { a: [{ ...sale, ...at }] }, org.admin));
    const data = dataOf(
      await server.gql<{ leaderboard: { entries: unknown[] }; achievements: { title: string }[] }>(
        '{ leaderboard(limit: 50) { entries { rank user { name } } } achievements { title user { name } } }',
        {},
        org.viewer,
      ),
    );
    expect(data.leaderboard.entries.length).toBeGreaterThan(0);
    expect(data.achievements.map((a) => a.title)).toContain('Closer');
  });

  it.each([
    '{ performanceSummary { revenue } }',
    '{ currentPerformance { revenue } }',
    '{ teamPerformance { revenue } }',
    '{ goals { id } }',
    '{ users { id } }',
    '{ teams { id } }',
  ])('is refused %s', async (query) => {
    expect(errorOf(await server.gql(query, {}, org.viewer)).code).toBe('FORBIDDEN');
  });
});

describe('MANAGER writes are limited to the teams they manage', () => {
  it('team goals: the team’s manager and the admin may set them, the other manager and reps not', async () => {
    const teamGoal = (metric: string) => goalInput({ teamId: org.teams.east }, metric);
    for (const [who, metric] of [
      [org.managers.west, 'ORDERS'],
      [org.reps.east1.email, 'ORDERS'],
      [org.viewer, 'ORDERS'],
    ] as const) {
      const before = await count('goals');
      expect(errorOf(await server.gql(CREATE_GOAL, teamGoal(metric), who)).code).toBe('FORBIDDEN');
      expect(await count('goals')).toBe(before);
    }
    dataOf(await server.gql(CREATE_GOAL, teamGoal('ORDERS'), org.managers.east));
    dataOf(await server.gql(CREATE_GOAL, teamGoal('LEADS'), org.admin));
  });

  it('the other manager may write for their own team', async () => {
    const carol = org.reps.west1.id;
    dataOf(await server.gql(RECORD, { a: [call(carol)] }, org.managers.west));
    dataOf(await server.gql(CREATE_GOAL, goalInput({ userId: carol }, 'CALLS'), org.managers.west));
    const update = 'mutation($id: ID!) { updateGoal(id: $id, input: { targetValue: 5 }) { id } }';
    dataOf(await server.gql(update, { id: goalIds.carol }, org.managers.west));
    // ...and not for East, nor touch East's goals
    const refused = await server.gql(update, { id: goalIds.east }, org.managers.west);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const deleted = await server.gql(
      'mutation($id: ID!) { deleteGoal(id: $id) }',
      { id: goalIds.alice },
      org.managers.west,
    );
    expect(errorOf(deleted).code).toBe('FORBIDDEN');
    const still = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from goals where id = ${Number(goalIds.alice)}`,
    );
    expect(still).toEqual([{ n: 1 }]);
  });

  it('a batch with one row for another team is refused whole', async () => {
    const before = await count('activities');
    const response = await server.gql(
      RECORD,
      { a: [call(org.reps.east1.id), call(org.reps.east2.id), call(org.reps.west1.id)] },
      org.managers.east,
    );
    expect(errorOf(response).code).toBe('FORBIDDEN');
    expect(await count('activities')).toBe(before);
  });

  it('a manager of a second team (teams.manager_id) writes for its members too', async () => {
    const [north] = await server.sql<{ id: number }>(
      sql`insert into teams (name, manager_id) select 'North', id from users where email = ${org.managers.east} returning id`,
    );
    const [nora] = await server.sql<{ id: number }>(
      sql`insert into users (name, email, role, team_id) values ('Nora North', 'nora@example.com', 'REP', ${north?.id ?? null}) returning id`,
    );
    if (!nora) throw new Error('no nora');
    dataOf(await server.gql(RECORD, { a: [call(nora.id)] }, org.managers.east));
    const before = await count('activities');
    expect(errorOf(await server.gql(RECORD, { a: [call(nora.id)] }, org.managers.west)).code).toBe(
      'FORBIDDEN',
    );
    expect(await count('activities')).toBe(before);
  });

  it('no manager gets rights over a team they do not manage, whatever its id', async () => {
    // a team whose id equals its manager's id (ids are free to coincide)
    await server.sql(
      sql`insert into users (id, name, email, role) values (90001, 'Mia Mid', 'mia@example.com', 'MANAGER')`,
    );
    await server.sql(sql`insert into teams (id, name, manager_id) values (90001, 'Mid', 90001)`);
    await server.sql(
      sql`insert into users (id, name, email, role, team_id) values (90002, 'Quinn Mid', 'quinn@example.com', 'REP', 90001)`,
    );
    dataOf(await server.gql(RECORD, { a: [call(90002)] }, 'mia@example.com'));
    const before = await count('activities');
    expect(errorOf(await server.gql(RECORD, { a: [call(90002)] }, org.managers.west)).code).toBe('FORBIDDEN');
    expect(await count('activities')).toBe(before);
  });

  it('a REP may not record even their own activities, performance or badges', async () => {
    const alice = org.reps.east1;
    const before = await Promise.all([
      count('activities'),
      count('sales_performance'),
      count('achievements'),
    ]);
    for (const [doc, variables] of [
      [RECORD, { a: [call(alice.id)] }],
      [
        'mutation($input: RecordPerformanceInput!) { recordPerformance(input: $input) { calls } }',
        { input: { userId: String(alice.id), periodType: 'DAILY', periodStart: '2024-01-01', calls: 99 } },
      ],
      [
        'mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { id } }',
        { input: { userId: String(alice.id), kind: 'SELF', title: 'Me!', badgeIcon: 'star' } },
      ],
    ] as const) {
      expect(errorOf(await server.gql(doc, variables, alice.email)).code).toBe('FORBIDDEN');
    }
    expect(
      await Promise.all([count('activities'), count('sales_performance'), count('achievements')]),
    ).toEqual(before);
  });
});
