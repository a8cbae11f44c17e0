import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodStart, addPeriods } from '../../api/domain/periods.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { goalDocuments } from '../support/graphql.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
let month: string;
let lastMonth: string;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  month = periodStart('MONTHLY', await server.today());
  lastMonth = addPeriods('MONTHLY', month, -1);
});
afterAll(() => server?.close());

const GOAL_FIELDS =
  'id metric periodStart periodEnd targetValue currentValue achievementPercentage status projectedValue version description';
const { CREATE, UPDATE, GET } = goalDocuments(GOAL_FIELDS, 'user { name } team { name } createdBy { email }');

interface Goal {
  id: string;
  metric: string;
  periodStart: string;
  periodEnd: string;
  targetValue: number;
  currentValue: number;
  achievementPercentage: number;
  status: string;
  projectedValue: number;
  version: number;
  description: string | null;
}

async function record(
  userId: number,
  activities: { kind: string; amount?: string; id: string; at?: string }[],
) {
  const now = new Date().toISOString();
  return dataOf(
    await server.gql(
      `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
      {
        a: activities.map((a) => ({
          userId: String(userId),
          kind: a.kind,
          amount: a.amount ?? null,
          occurredAt: a.at ?? now,
          externalId: a.id,
        })),
      },
      org.admin,
    ),
  );
}

async function getGoal(id: string): Promise<Goal> {
  const goal = dataOf(await server.gql<{ goal: Goal | null }>(GET, { id }, org.admin)).goal;
  if (!goal) throw new Error(`goal ${id} missing`);
  return goal;
}

describe('goals', () => {
  it('tracks a user goal from recorded activity, with status bands and projection', async () => {
    const created = dataOf(
      await server.gql<{ createGoal: Goal & { user: { name: string }; createdBy: { email: string } } }>(
        CREATE,
        {
          i: {
            userId: String(org.reps.east1.id),
            metric: 'REVENUE',
            periodType: 'MONTHLY',
            periodStart: month,
            targetValue: 20000,
            description: 'Monthly revenue target',
          },
        },
        org.managers.east,
      ),
    ).createGoal;
    expect(created).toMatchObject({
      currentValue: 0,
      achievementPercentage: 0,
      status: 'AT_RISK',
      version: 1,
      user: { name: 'Alice Able' },
      createdBy: { email: 'erin@example.com' },
    });
    await record(org.reps.east1.id, [
      { kind: 'ORDER_WON', amount: '5000.00', id: 'g-1' },
      { kind: 'ORDER_WON', amount: '5000.00', id: 'g-2' },
    ]);
    expect(await getGoal(created.id)).toMatchObject({
      currentValue: 10000,
      achievementPercentage: 50,
      status: 'BEHIND',
      version: 2,
    });
    await record(org.reps.east1.id, [{ kind: 'ORDER_WON', amount: '5000.00', id: 'g-3' }]);
    const onTrack = await getGoal(created.id);
    expect(onTrack).toMatchObject({
      currentValue: 15000,
      achievementPercentage: 75,
      status: 'ON_TRACK',
      version: 3,
    });
    expect(onTrack.projectedValue).toBeGreaterThanOrEqual(15000);
    await record(org.reps.east1.id, [{ kind: 'ORDER_WON', amount: '5000.00', id: 'g-4' }]);
    expect(await getGoal(created.id)).toMatchObject({ achievementPercentage: 100, status: 'ACHIEVED' });
  });

  it('sums team members for a team goal, and follows members moving between teams', async () => {
    const created = dataOf(
      await server.gql<{ createGoal: Goal }>(
        CREATE,
        {
          i: {
            teamId: String(org.teams.west),
            metric: 'ORDERS',
            periodType: 'MONTHLY',
            periodStart: month,
            targetValue: 4,
          },
        },
        org.managers.west,
      ),
    ).createGoal;
    await record(org.reps.west1.id, [{ kind: 'ORDER_WON', amount: '1.00', id: 't-1' }]);
    await record(org.reps.east2.id, [
      { kind: 'ORDER_WON', amount: '1.00', id: 't-2' },
      { kind: 'ORDER_WON', amount: '1.00', id: 't-3' },
    ]);
    expect(await getGoal(created.id)).toMatchObject({
      currentValue: 1,
      achievementPercentage: 25,
      status: 'AT_RISK',
    });
    await server.sql(sql`update users set team_id = ${org.teams.west} where id = ${org.reps.east2.id}`);
    expect(await getGoal(created.id)).toMatchObject({
      currentValue: 3,
      achievementPercentage: 75,
      status: 'ON_TRACK',
    });
    await server.sql(sql`update users set team_id = ${org.teams.east} where id = ${org.reps.east2.id}`);
    expect(await getGoal(created.id)).toMatchObject({ currentValue: 1 });
  });

  it('takes CUSTOM values by hand and ignores a hand value on tracked metrics', async () => {
    const custom = dataOf(
      await server.gql<{ createGoal: Goal }>(
        CREATE,
        {
          i: {
            userId: String(org.reps.east2.id),
            metric: 'CUSTOM',
            periodType: 'QUARTERLY',
            periodStart: periodStart('QUARTERLY', month),
            targetValue: 10,
            currentValue: 4,
            description: 'NPS interviews',
          },
        },
        org.admin,
      ),
    ).createGoal;
    expect(custom).toMatchObject({ currentValue: 4, achievementPercentage: 40, status: 'AT_RISK' });
    const updated = dataOf(
      await server.gql<{ updateGoal: Goal }>(
        UPDATE,
        { id: custom.id, i: { currentValue: 8 }, v: custom.version },
        org.admin,
      ),
    ).updateGoal;
    expect(updated).toMatchObject({
      currentValue: 8,
      achievementPercentage: 80,
      status: 'ON_TRACK',
      version: custom.version + 1,
    });
    const tracked = dataOf(
      await server.gql<{ createGoal: Goal }>(
        CREATE,
        {
          i: {
            userId: String(org.reps.east2.id),
            metric: 'CALLS',
            periodType: 'MONTHLY',
            periodStart: month,
            targetValue: 10,
            currentValue: 99,
          },
        },
        org.admin,
      ),
    ).createGoal;
    expect(tracked.currentValue).toBe(0);
  });

  it('marks a goal of a past period MISSED below 100 %', async () => {
    const past = dataOf(
      await server.gql<{ createGoal: Goal }>(
        CREATE,
        {
          i: {
            userId: String(org.reps.west1.id),
            metric: 'MEETINGS',
            periodType: 'MONTHLY',
            periodStart: lastMonth,
            targetValue: 3,
          },
        },
        org.admin,
      ),
    ).createGoal;
    expect(past.status).toBe('MISSED');
    const active = dataOf(
      await server.gql<{ goals: { id: string }[] }>(`{ goals { id } }`, {}, org.admin),
    ).goals;
    expect(active.map((g) => g.id)).not.toContain(past.id);
    const all = dataOf(
      await server.gql<{ goals: { id: string }[] }>(
        `{ goals(activeOnly: false, status: MISSED) { id } }`,
        {},
        org.admin,
      ),
    ).goals;
    expect(all.map((g) => g.id)).toContain(past.id);
  });

  it('refuses a second tracked goal for the same owner, metric and period', async () => {
    const input = {
      userId: String(org.reps.west1.id),
      metric: 'LEADS',
      periodType: 'WEEKLY',
      periodStart: periodStart('WEEKLY', month),
      targetValue: 5,
    };
    dataOf(await server.gql(CREATE, { i: input }, org.admin));
    expect(errorOf(await server.gql(CREATE, { i: input }, org.admin)).code).toBe('CONFLICT');
  });

  it('lets exactly one of two concurrent editors with the same version win', async () => {
    const goal = dataOf(
      await server.gql<{ createGoal: Goal }>(
        CREATE,
        {
          i: {
            teamId: String(org.teams.east),
            metric: 'REVENUE',
            periodType: 'QUARTERLY',
            periodStart: periodStart('QUARTERLY', month),
            targetValue: 100000,
          },
        },
        org.admin,
      ),
    ).createGoal;
    for (let round = 0; round < 5; round += 1) {
      const current = await getGoal(goal.id);
      const results = await Promise.all(
        [1, 2].map((editor) =>
          server.gql<{ updateGoal: Goal }>(
            UPDATE,
            { id: goal.id, i: { targetValue: 100000 + round * 10 + editor }, v: current.version },
            org.managers.east,
          ),
        ),
      );
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const conflict = errorOf(lost[0]!);
      expect(conflict.code).toBe('CONFLICT');
      const after = await getGoal(goal.id);
      expect(after.version).toBe(current.version + 1);
      expect(after.targetValue).toBe(won[0]!.data!.updateGoal.targetValue);
    }
  });

  it('deletes a goal', async () => {
    const goal = dataOf(
      await server.gql<{ createGoal: Goal }>(
        CREATE,
        {
          i: {
            userId: String(org.reps.east1.id),
            metric: 'ORDERS',
            periodType: 'YEARLY',
            periodStart: periodStart('YEARLY', month),
            targetValue: 50,
          },
        },
        org.managers.east,
      ),
    ).createGoal;
    expect(
      dataOf(
        await server.gql(`mutation($id: ID!) { deleteGoal(id: $id) }`, { id: goal.id }, org.managers.east),
      ),
    ).toEqual({ deleteGoal: goal.id });
    expect(dataOf(await server.gql<{ goal: null }>(GET, { id: goal.id }, org.admin)).goal).toBeNull();
    expect(
      errorOf(await server.gql(`mutation($id: ID!) { deleteGoal(id: $id) }`, { id: goal.id }, org.admin))
        .code,
    ).toBe('NOT_FOUND');
  });
});
