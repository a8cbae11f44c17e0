/**
 * Demo data for an empty, freshly migrated database: three teams with their managers, fifteen
 * reps, the office TV account, twelve months of activity up to `now`, goals in every status and a
 * few badges. Deterministic: one seeded PRNG, so the same `now` gives the same data.
 *
 * John Smith is user 1 and his current month reproduces the original spec's sample: revenue
 * 15,000.00 from 3 orders, conversion 20 %, win rate 50 %, a revenue goal at 75 % (ON_TRACK), an
 * orders goal at 60 % (BEHIND), and the "First $10K" and "Deal Closer" badges, once each (his
 * earlier months stay below 3 orders won and the manual awards go to others).
 *
 * Everything runs in one transaction: a failed seed leaves the database empty.
 */
import { sql } from 'drizzle-orm';
import { rows, type Database, type Queryable } from '../db/client.ts';
import { addPeriods, localDate, periodEnd, periodStart } from '../domain/periods.ts';
import { dateRuleBadges, generateActivities, insertActivities } from './demo-activities.ts';
import { insertManualAwards } from './demo-awards.ts';
import { insertGoals } from './demo-goals.ts';
import { insertPeople } from './demo-people.ts';
import { createRandom } from './demo-random.ts';
import { readRollups } from './demo-rollups.ts';

export interface DemoSummary {
  users: number;
  teams: number;
  activities: number;
  goals: number;
  achievements: number;
}

export interface DemoOptions {
  /** The instant the demo is seeded at: no activity is later, "the current month" contains it. */
  now: Date;
  /** The organisation's time zone (written to settings: the rollup triggers bucket by it). */
  timeZone: string;
}

const SEED = 0x5eed_2026;

async function count(db: Queryable, table: 'users' | 'teams' | 'activities' | 'goals' | 'achievements') {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return Number(row?.n ?? 0);
}

export async function seedDemo(db: Database, options: DemoOptions): Promise<DemoSummary> {
  const { now, timeZone } = options;
  if (Number.isNaN(now.getTime())) throw new RangeError('seedDemo: now is an invalid Date');
  const today = localDate(now, timeZone); // throws on an unknown zone
  const month = periodStart('MONTHLY', today);
  const quarter = periodStart('QUARTERLY', today);

  return db.transaction(async (tx) => {
    if ((await count(tx, 'users')) > 0 || (await count(tx, 'activities')) > 0) {
      throw new Error('seedDemo: the database is not empty');
    }
    // The triggers bucket activities into periods by settings.time_zone, so it must be ours.
    await tx.execute(sql`
      INSERT INTO settings (id, time_zone) VALUES (1, ${timeZone})
      ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone, updated_at = now()
      WHERE settings.time_zone IS DISTINCT FROM excluded.time_zone`);

    const { people, teams } = await insertPeople(tx);
    const john = people[0];
    if (!john || john.spec.name !== 'John Smith')
      throw new Error('seedDemo: John Smith must be the first user');
    const random = createRandom(SEED);

    await insertActivities(tx, generateActivities(people, john, random, now, timeZone));
    await dateRuleBadges(tx);

    const rollups = await readRollups(tx);
    const [clock] = await rows<{ today: string }>(tx, sql`SELECT org_today()::text AS today`);
    const dbToday = clock?.today ?? today;
    // Goal statuses follow the database's clock: MISSED needs a month that has ended by it.
    const lastMonth = addPeriods('MONTHLY', month, -1);
    const closedMonth =
      periodEnd('MONTHLY', lastMonth) < dbToday
        ? lastMonth
        : addPeriods('MONTHLY', periodStart('MONTHLY', dbToday), -1);

    await insertGoals(tx, { people, teams, john, rollups, month, quarter, closedMonth, dbToday, random });
    await insertManualAwards(tx, { people, teams, john, rollups, month, quarter, now, timeZone });

    return {
      users: await count(tx, 'users'),
      teams: await count(tx, 'teams'),
      activities: await count(tx, 'activities'),
      goals: await count(tx, 'goals'),
      achievements: await count(tx, 'achievements'),
    };
  });
}
