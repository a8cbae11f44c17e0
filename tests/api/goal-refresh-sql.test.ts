/**
 * Tracked goals after any sequence of writes (migration 0013): every goal
 * of every tracked metric, for sellers and for teams, holds the value its activities give, the
 * percentage and status of that value, and a version that moved exactly when something it shows
 * changed. Writes are plain SQL, as an ERP's would be: single rows, multi-row statements, several
 * statements in one transaction, deletions, and sellers moving between teams.
 *
 * The expected values are computed here from the activities written, not read from the rollups.
 * Also: a large statement (planned for its size by rollup_apply) rolls up alike.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievementPercentage, goalStatusOf } from '../../api/domain/goal-status.ts';
import { periodStart } from '../../api/domain/periods.ts';
import { rows as query, type Queryable } from '../../api/db/client.ts';
import { ACTIVITY_KINDS, GOAL_METRICS, type ActivityKind } from '../../schema/db/constants.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/** The tracked metrics (a CUSTOM goal's value is set by hand). */
const METRICS = GOAL_METRICS.filter((m) => m !== 'CUSTOM');

interface Activity {
  id: number;
  userId: number;
  kind: ActivityKind;
  cents: number;
}
interface GoalRow {
  id: number;
  user_id: number | null;
  team_id: number | null;
  metric: string;
  target_value: string;
  current_value: string;
  achievement_percentage: string;
  status: string;
  version: number;
}

let server: TestServer;
let org: OrgFixture;
let month: string;
let at: string;
let sellers: number[];
let externalIds = 0;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const now = new Date();
  at = now.toISOString();
  month = periodStart('MONTHLY', await server.today());
  sellers = [org.reps.east1.id, org.reps.east2.id, org.reps.west1.id];
});
afterAll(() => server?.close());

/** Rounded half-up to 2 decimals (positive operands), as numeric round(x, 2) does. */
function rate(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator * 10000) / denominator) / 100;
}

function trackedValue(metric: string, activities: Activity[]): number {
  const count = (kind: ActivityKind) => activities.filter((a) => a.kind === kind).length;
  const orders = count('ORDER_WON');
  switch (metric) {
    case 'REVENUE':
      return activities.filter((a) => a.kind === 'ORDER_WON').reduce((sum, a) => sum + a.cents, 0) / 100;
    case 'ORDERS':
      return orders;
    case 'LEADS':
      return count('LEAD_CREATED');
    case 'OPPORTUNITIES':
      return count('OPPORTUNITY_CREATED');
    case 'CALLS':
      return count('CALL');
    case 'MEETINGS':
      return count('MEETING');
    case 'CONVERSION_RATE':
      return rate(orders, count('LEAD_CREATED'));
    case 'WIN_RATE':
      return rate(orders, orders + count('OPPORTUNITY_LOST'));
    default:
      throw new Error(`untracked metric ${metric}`);
  }
}

async function goals(): Promise<GoalRow[]> {
  return server.sql<GoalRow>(
    sql`select id, user_id, team_id, metric, target_value::text, current_value::text,
          achievement_percentage::text, status, version
        from goals where metric <> 'CUSTOM' order by id`,
  );
}

async function insertActivities(db: Queryable, rows: Omit<Activity, 'id'>[]): Promise<Activity[]> {
  if (rows.length === 0) return [];
  const values = rows.map((r) => {
    externalIds += 1;
    const amount = r.kind === 'ORDER_WON' ? (r.cents / 100).toFixed(2) : null;
    return sql`(${r.userId}, ${r.kind}::activity_kind, ${amount}::numeric, ${at}::timestamptz, ${`refresh-${externalIds}`})`;
  });
  const inserted = await query<{ id: number }>(
    db,
    sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
        values ${sql.join(values, sql`, `)} returning id`,
  );
  return rows.map((r, i) => ({ ...r, id: Number(inserted[i]!.id) }));
}

type Step =
  | { t: 'insert'; rows: Omit<Activity, 'id'>[] }
  | { t: 'delete'; picks: number[] }
  | { t: 'move'; seller: number };

const activityArb = fc.record({
  userId: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom(...ACTIVITY_KINDS),
  cents: fc.integer({ min: 1, max: 5_000_000 }),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(activityArb, { minLength: 1, maxLength: 12 })
      .map((rows) => ({ t: 'insert' as const, rows })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.nat(), { minLength: 1, maxLength: 3 })
      .map((picks) => ({ t: 'delete' as const, picks })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }).map((seller) => ({ t: 'move' as const, seller })) },
);

/** No activities and no goals but one: the seller's goal of this month, target 1,000. */
async function startOverWithGoal(seller: number, metric: string): Promise<void> {
  await server.sql(sql`delete from goals`);
  await server.sql(sql`delete from activities`);
  await server.sql(
    sql`insert into goals (user_id, metric, period_type, period_start, period_end, target_value)
        values (${seller}, ${metric}::goal_metric, 'MONTHLY', ${month}, ${month}, 1000)`,
  );
}

describe('tracked goals after plain-SQL writes', () => {
  it('hold the value of their activities, its percentage and status, and move their version only on change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        // A fresh start for every run: no activities, sellers back in their teams, one goal per
        // tracked metric for every seller and both teams, targets small enough to reach.
        await server.sql(sql`delete from goals`);
        await server.sql(sql`delete from activities`);
        const teamOf = new Map<number, number>([
          [org.reps.east1.id, org.teams.east],
          [org.reps.east2.id, org.teams.east],
          [org.reps.west1.id, org.teams.west],
        ]);
        for (const [seller, team] of teamOf)
          await server.sql(sql`update users set team_id = ${team} where id = ${seller}`);
        const owners = [
          ...sellers.map((id) => sql`(${id}::int, null::int)`),
          sql`(null::int, ${org.teams.east}::int)`,
          sql`(null::int, ${org.teams.west}::int)`,
        ];
        for (const metric of METRICS) {
          const target = metric === 'REVENUE' ? 40000 : metric.endsWith('_RATE') ? 60 : 3;
          await server.sql(
            sql`insert into goals (user_id, team_id, metric, period_type, period_start, period_end, target_value)
                select o.u, o.t, ${metric}::goal_metric, 'MONTHLY', ${month}::date, ${month}::date, ${target}
                from (values ${sql.join(owners, sql`, `)}) as o(u, t)`,
          );
        }
        let activities: Activity[] = [];
        let before = await goals();

        for (const step of steps) {
          let statements = 1;
          if (step.t === 'insert') {
            const rows = step.rows.map((r) => ({ ...r, userId: sellers[r.userId]! }));
            // Two statements in one transaction (the second sees the first's rollups and goals).
            const half = Math.ceil(rows.length / 2);
            const written = await server.app.database.db.transaction(async (tx) => [
              ...(await insertActivities(tx, rows.slice(0, half))),
              ...(await insertActivities(tx, rows.slice(half))),
            ]);
            activities = [...activities, ...written];
            if (rows.length > half) statements = 2;
          } else if (step.t === 'delete') {
            if (activities.length === 0) continue;
            const gone = new Set(step.picks.map((p) => activities[p % activities.length]!.id));
            const ids = sql.join(
              [...gone].map((id) => sql`${id}`),
              sql`, `,
            );
            await server.sql(sql`delete from activities where id in (${ids})`);
            activities = activities.filter((a) => !gone.has(a.id));
          } else {
            const seller = sellers[step.seller]!;
            const to = teamOf.get(seller) === org.teams.east ? org.teams.west : org.teams.east;
            await server.sql(sql`update users set team_id = ${to} where id = ${seller}`);
            teamOf.set(seller, to);
          }

          const after = await goals();
          const previous = new Map(before.map((g) => [g.id, g]));
          for (const goal of after) {
            const mine = activities.filter((a) =>
              goal.user_id !== null ? a.userId === goal.user_id : teamOf.get(a.userId) === goal.team_id,
            );
            const value = trackedValue(goal.metric, mine);
            const target = Number(goal.target_value);
            const where = `${goal.metric} of ${goal.user_id !== null ? `seller ${goal.user_id}` : `team ${goal.team_id}`}`;
            expect(Number(goal.current_value), where).toBe(value);
            expect(Number(goal.achievement_percentage), where).toBe(achievementPercentage(value, target));
            expect(goal.status, where).toBe(goalStatusOf(value, target, false));
            const old = previous.get(goal.id)!;
            const changed =
              old.current_value !== goal.current_value ||
              old.achievement_percentage !== goal.achievement_percentage ||
              old.status !== goal.status;
            // One version per statement that changed what the goal shows: exactly one for a step of
            // one statement; for two in one transaction, the first may have changed it too.
            if (statements === 1) expect(goal.version, where).toBe(changed ? old.version + 1 : old.version);
            else {
              expect(goal.version, where).toBeGreaterThanOrEqual(changed ? old.version + 1 : old.version);
              expect(goal.version, where).toBeLessThanOrEqual(old.version + statements);
            }
          }
          before = after;
        }
      }),
      { numRuns: 25 },
    );
  });

  it('recomputes a goal whose target is edited in the transaction of a sale (the refresh leaves no flag behind)', async () => {
    const seller = org.reps.west1.id;
    await startOverWithGoal(seller, 'REVENUE');
    // The sale, then a write in the same transaction: goals_derive() must compute the value itself
    // (were the refresh's setting left on, the hand-written current_value would be kept).
    await server.app.database.db.transaction(async (tx) => {
      await query(
        tx,
        sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
            values (${seller}, 'ORDER_WON', 600, ${at}, 'refresh-flag')`,
      );
      await query(tx, sql`update goals set target_value = 500, current_value = 1 where user_id = ${seller}`);
    });
    const [goal] = await server.sql<{
      current_value: string;
      status: string;
      achievement_percentage: string;
    }>(
      sql`select current_value::text, status, achievement_percentage::text from goals where user_id = ${seller}`,
    );
    expect(goal).toEqual({ current_value: '600.00', status: 'ACHIEVED', achievement_percentage: '120.00' });
  });

  it('rolls up a statement of 1,500 activities (planned for its size) and leaves the session’s planner settings as they were', async () => {
    const seller = org.reps.east1.id;
    await startOverWithGoal(seller, 'ORDERS');
    const [after] = await server.app.database.db.transaction(async (tx) => {
      await query(
        tx,
        sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
            select ${seller}, 'ORDER_WON', 10, ${at}::timestamptz, 'bulk-' || g from generate_series(1, 1500) g`,
      );
      return query<{ mode: string; orders: number; goal: string; status: string }>(
        tx,
        sql`select current_setting('plan_cache_mode') as mode,
              (select orders_won from sales_performance
                where user_id = ${seller} and period_type = 'MONTHLY' and period_start = ${month}) as orders,
              (select current_value::text from goals where user_id = ${seller}) as goal,
              (select status from goals where user_id = ${seller}) as status`,
      );
    });
    expect(after).toEqual({ mode: 'auto', orders: 1500, goal: '1500.00', status: 'ACHIEVED' });
  });
});
