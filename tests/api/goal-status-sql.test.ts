/**
 * The status bands and percentage that goals_derive() stores (migration 0011),
 * through the public API: status from the unrounded ratio, percentage truncated below 100 % (never
 * 100 before the target is reached); and the sweep (refresh_goal_statuses()) that closes goals whose
 * period has ended.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods, localDate, periodStart } from '../../api/domain/periods.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { goalDocuments } from '../support/graphql.ts';
import { RECORD } from '../support/live-tools.ts';
import { dataOf, type TestServer } from '../support/server.ts';

// The organisation lives at UTC-12, where today is the earliest date anywhere; moving it to UTC+14
// later is how the sweep test makes "today" pass the end of a goal's period without waiting.
const ZONE = 'Etc/GMT+12';
const LATER_ZONE = 'Etc/GMT-14';

let server: TestServer;
let org: OrgFixture;
let today: string;
let month: string;

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ TZ_NAME: ZONE }));
  today = localDate(new Date(), ZONE);
  month = periodStart('MONTHLY', today);
});
afterAll(() => server?.close());

const GOAL_FIELDS = 'id periodEnd targetValue currentValue achievementPercentage status version';
const { CREATE, UPDATE, GET } = goalDocuments(GOAL_FIELDS);

interface Goal {
  id: string;
  periodEnd: string;
  targetValue: number;
  currentValue: number;
  achievementPercentage: number;
  status: string;
  version: number;
}

let customGoals = 0;

async function createGoal(input: Record<string, unknown>): Promise<Goal> {
  return dataOf(await server.gql<{ createGoal: Goal }>(CREATE, { i: input }, org.admin)).createGoal;
}

/** A CUSTOM goal of the given period with a hand-set value (descriptions differ, so they may repeat). */
function createCustom(currentValue: number, periodType = 'MONTHLY', start = month): Promise<Goal> {
  customGoals += 1;
  return createGoal({
    userId: String(org.reps.east2.id),
    metric: 'CUSTOM',
    periodType,
    periodStart: start,
    targetValue: 20000,
    currentValue,
    description: `custom goal ${customGoals}`,
  });
}

async function getGoal(id: string): Promise<Goal> {
  const goal = dataOf(await server.gql<{ goal: Goal | null }>(GET, { id }, org.admin)).goal;
  if (!goal) throw new Error(`goal ${id} missing`);
  return goal;
}

async function recordOrder(userId: number, amount: string, id: string) {
  dataOf(
    await server.gql(
      RECORD,
      {
        a: [
          {
            userId: String(userId),
            kind: 'ORDER_WON',
            amount,
            occurredAt: new Date().toISOString(),
            externalId: id,
          },
        ],
      },
      org.admin,
    ),
  );
}

// First, while no other goal exists and long before the app's own sweep (every minute) runs again.
describe('refresh_goal_statuses (the sweep)', () => {
  it('turns running goals whose period has ended MISSED and leaves ACHIEVED ones', async () => {
    const below = await createCustom(19999, 'DAILY', today);
    const achieved = await createCustom(20000, 'DAILY', today);
    const tracked = await createGoal({
      userId: String(org.reps.west1.id),
      metric: 'REVENUE',
      periodType: 'DAILY',
      periodStart: today,
      targetValue: 20000,
    });
    await recordOrder(org.reps.west1.id, '5000.00', 'gs-3');
    expect(below).toMatchObject({ periodEnd: today, achievementPercentage: 99.99, status: 'ON_TRACK' });
    expect(achieved).toMatchObject({ achievementPercentage: 100, status: 'ACHIEVED' });
    const trackedBefore = await getGoal(tracked.id);
    expect(trackedBefore).toMatchObject({ achievementPercentage: 25, status: 'AT_RISK' });

    // A day or two later for the database: the goals' period is over, their rows not yet swept.
    await server.sql(sql`update settings set time_zone = ${LATER_ZONE} where id = 1`);
    try {
      const ids = [below.id, tracked.id].map(Number);
      const stored = await server.sql<{ status: string; ended: boolean }>(
        sql`select status, period_end < org_today() as ended from goals
            where id in (${ids[0]}, ${ids[1]}) order by id`,
      );
      expect(stored).toEqual([
        { status: 'ON_TRACK', ended: true },
        { status: 'AT_RISK', ended: true },
      ]);

      const [swept] = await server.sql<{ n: number }>(sql`select refresh_goal_statuses() as n`);
      expect(swept?.n).toBe(2);
      expect(await getGoal(below.id)).toMatchObject({
        currentValue: 19999,
        achievementPercentage: 99.99,
        status: 'MISSED',
        version: below.version + 1,
      });
      expect(await getGoal(tracked.id)).toMatchObject({
        currentValue: 5000,
        achievementPercentage: 25,
        status: 'MISSED',
        version: trackedBefore.version + 1,
      });
      expect(await getGoal(achieved.id)).toMatchObject({
        achievementPercentage: 100,
        status: 'ACHIEVED',
        version: achieved.version,
      });
      // nothing left to close
      const [again] = await server.sql<{ n: number }>(sql`select refresh_goal_statuses() as n`);
      expect(again?.n).toBe(0);
    } finally {
      await server.sql(sql`update settings set time_zone = ${ZONE} where id = 1`);
    }
  });
});

describe('goal status bands (goals_derive)', () => {
  it('tracks 19,999 of 20,000 as ON_TRACK at 99.99 %, and 20,000 as ACHIEVED at 100 %', async () => {
    const goal = await createGoal({
      userId: String(org.reps.east1.id),
      metric: 'REVENUE',
      periodType: 'MONTHLY',
      periodStart: month,
      targetValue: 20000,
    });
    await recordOrder(org.reps.east1.id, '19999.00', 'gs-1');
    const below = await getGoal(goal.id);
    expect(below).toMatchObject({ currentValue: 19999, status: 'ON_TRACK', version: 2 });
    expect(below.achievementPercentage).toBeLessThan(100);
    expect(below.achievementPercentage).toBe(99.99);
    await recordOrder(org.reps.east1.id, '1.00', 'gs-2');
    expect(await getGoal(goal.id)).toMatchObject({
      currentValue: 20000,
      achievementPercentage: 100,
      status: 'ACHIEVED',
      version: 3,
    });
  });

  it.each([
    [19999, 99.99, 'ON_TRACK'],
    [19999.99, 99.99, 'ON_TRACK'],
    [20000, 100, 'ACHIEVED'],
    [20000.01, 100, 'ACHIEVED'],
    [15000, 75, 'ON_TRACK'],
    [14999.99, 74.99, 'BEHIND'],
    [10000, 50, 'BEHIND'],
    [9999.99, 49.99, 'AT_RISK'],
    [0, 0, 'AT_RISK'],
  ])('stores %s of 20,000 as %s percent, %s', async (current, percentage, status) => {
    const created = await createCustom(current);
    expect(created).toMatchObject({ currentValue: current, achievementPercentage: percentage, status });
    expect(await getGoal(created.id)).toMatchObject({ achievementPercentage: percentage, status });
  });

  it('closes a goal of a past period below 100 % as MISSED, never as ACHIEVED', async () => {
    const lastMonth = addPeriods('MONTHLY', month, -1);
    expect(await createCustom(19999, 'MONTHLY', lastMonth)).toMatchObject({
      achievementPercentage: 99.99,
      status: 'MISSED',
    });
    expect(await createCustom(20000, 'MONTHLY', lastMonth)).toMatchObject({
      achievementPercentage: 100,
      status: 'ACHIEVED',
    });
  });

  it('recomputes on update, and a recompute that changes nothing keeps the version', async () => {
    const goal = await createCustom(20000);
    expect(goal).toMatchObject({ status: 'ACHIEVED', version: 1 });
    const updated = dataOf(
      await server.gql<{ updateGoal: Goal }>(
        UPDATE,
        { id: goal.id, i: { currentValue: 19999.99 }, v: goal.version },
        org.admin,
      ),
    ).updateGoal;
    expect(updated).toMatchObject({ achievementPercentage: 99.99, status: 'ON_TRACK', version: 2 });
    await server.sql(sql`update goals set current_value = current_value where id = ${Number(goal.id)}`);
    expect(await getGoal(goal.id)).toMatchObject({
      achievementPercentage: 99.99,
      status: 'ON_TRACK',
      version: 2,
    });
  });
});
