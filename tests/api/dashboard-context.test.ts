/**
 * The figures the dashboard shows next to a rule, from the API: the organisation's clock (today
 * and the current periods in its zone, whatever the caller's), partial periods on trends and goals
 * (day N of M), goals of a chosen period (ended ones included), the goal a duplicate runs into,
 * and progress toward each badge rule. Expectations come from the server's own clock (clock.now),
 * never from this machine's calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPeriods, daysInPeriod, localDate, periodEnd, periodStart } from '../../api/domain/periods.ts';
import { startOfLocalDay } from '../../api/domain/zoned-time.ts';
import { PERIOD_TYPES } from '../../schema/db/constants.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

interface Clock {
  timeZone: string;
  today: string;
  now: string;
  periods: {
    periodType: string;
    periodStart: string;
    periodEnd: string;
    elapsedDays: number;
    periodDays: number;
  }[];
}
const CLOCK =
  '{ clock { timeZone today now periods { periodType periodStart periodEnd elapsedDays periodDays } } }';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

async function clockOf(target: TestServer, as: string): Promise<Clock> {
  return dataOf(await target.gql<{ clock: Clock }>(CLOCK, {}, as)).clock;
}

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

describe('the organisation’s clock', () => {
  it('gives today and every current period in the organisation’s zone, to every role', async () => {
    for (const as of [org.admin, org.managers.east, org.reps.east1.email, org.viewer]) {
      const clock = await clockOf(server, as);
      expect(clock.today).toBe(localDate(new Date(clock.now), clock.timeZone));
      expect(clock.periods.map((p) => p.periodType)).toEqual([...PERIOD_TYPES]);
      for (const p of clock.periods) {
        const type = p.periodType as (typeof PERIOD_TYPES)[number];
        expect(p.periodStart).toBe(periodStart(type, clock.today));
        expect(p.periodEnd).toBe(periodEnd(type, p.periodStart));
        expect(p.periodDays).toBe(daysInPeriod(type, p.periodStart));
        expect(p.elapsedDays).toBe(dayNumber(clock.today) - dayNumber(p.periodStart) + 1);
      }
    }
    expect(errorOf(await server.gql(CLOCK, {}, null)).code).toBe('UNAUTHENTICATED');
  });

  it('follows the organisation’s zone, not the server’s: Kiritimati is always ahead of Pago Pago', async () => {
    const ahead = await startTestServer({ TZ_NAME: 'Pacific/Kiritimati' });
    const behind = await startTestServer({ TZ_NAME: 'Pacific/Pago_Pago' });
    try {
      const [a, b] = [await clockOf(ahead, 'admin@example.com'), await clockOf(behind, 'admin@example.com')];
      expect([a.timeZone, b.timeZone]).toEqual(['Pacific/Kiritimati', 'Pacific/Pago_Pago']);
      expect(a.today).toBe(localDate(new Date(a.now), 'Pacific/Kiritimati'));
      expect(b.today).toBe(localDate(new Date(b.now), 'Pacific/Pago_Pago'));
      // UTC+14 and UTC-11: 25 hours apart, never the same day
      expect(dayNumber(a.today) - dayNumber(b.today)).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all([ahead.close(), behind.close()]);
    }
  }, 120_000); // two servers of its own
});

describe('partial periods', () => {
  it('marks the current period of a trend as partial with the days gone, the earlier ones as complete', async () => {
    const clock = await clockOf(server, org.admin);
    for (const periodType of ['WEEKLY', 'MONTHLY', 'QUARTERLY'] as const) {
      const current = clock.periods.find((p) => p.periodType === periodType);
      const { trends } = dataOf(
        await server.gql<{
          trends: { periodStart: string; partial: boolean; elapsedDays: number; periodDays: number }[];
        }>(
          `query($u: ID!, $t: PeriodType!) { trends(userId: $u, periodType: $t, count: 3) { periodStart partial elapsedDays periodDays } }`,
          { u: String(org.reps.east1.id), t: periodType },
          org.admin,
        ),
      );
      expect(trends.map((t) => t.partial)).toEqual([false, false, true]);
      expect(trends[2]).toMatchObject({
        periodStart: current?.periodStart,
        elapsedDays: current?.elapsedDays,
        periodDays: current?.periodDays,
      });
      for (const t of trends.slice(0, 2)) {
        expect(t.periodDays).toBe(daysInPeriod(periodType, t.periodStart));
        expect(t.elapsedDays).toBe(t.periodDays);
      }
    }
    // a past period asked by date is complete too
    const lastMonth = addPeriods('MONTHLY', clock.today, -1);
    const { performance } = dataOf(
      await server.gql<{ performance: { partial: boolean; elapsedDays: number; periodDays: number } }>(
        `query($u: ID!, $d: Date) { performance(userId: $u, periodType: MONTHLY, date: $d) { partial elapsedDays periodDays } }`,
        { u: String(org.reps.east1.id), d: lastMonth },
        org.reps.east1.email,
      ),
    );
    expect(performance).toEqual({
      partial: false,
      elapsedDays: daysInPeriod('MONTHLY', lastMonth),
      periodDays: daysInPeriod('MONTHLY', lastMonth),
    });
  });
});

describe('like for like', () => {
  it('compares a partial period with the same first days of the previous one, from the daily figures', async () => {
    const clock = await clockOf(server, org.admin);
    const [row] = await server.sql<{ id: number }>(
      sql`insert into users (name, email, role, team_id) values ('Dana Day', 'dana@example.com', 'REP', ${org.teams.west}) returning id`,
    );
    const dana = String(row?.id);
    // a minute into the day, or now on today when that is still ahead
    const at = (day: string) =>
      new Date(
        Math.min(startOfLocalDay(day, clock.timeZone).getTime() + 60_000, Date.parse(clock.now)),
      ).toISOString();
    for (const periodType of ['WEEKLY', 'MONTHLY', 'QUARTERLY'] as const) {
      const current = clock.periods.find((p) => p.periodType === periodType);
      if (!current) throw new Error(`no current ${periodType}`);
      const previous = addPeriods(periodType, current.periodStart, -1);
      const stretchDays = Math.min(current.elapsedDays, daysInPeriod(periodType, previous));
      const lastCounted = addPeriods('DAILY', previous, stretchDays - 1);
      // orders on the first and last day counted, one the day after (outside unless the stretch is
      // all of the previous period) and one now, in the current period
      const dayAfter = addPeriods('DAILY', lastCounted, 1);
      const sales = [
        { day: previous, amount: '100.00' },
        { day: lastCounted, amount: '20.50' },
        { day: dayAfter, amount: '7.25' },
      ];
      await recordActivity(server, [
        ...sales.map((s, i) => ({
          userId: dana,
          kind: 'ORDER_WON',
          amount: s.amount,
          occurredAt: at(s.day),
          externalId: `lfl-${periodType}-${i}`,
        })),
        { userId: dana, kind: 'CALL', occurredAt: clock.now, externalId: `lfl-${periodType}-now` },
      ]);
      const { trends } = dataOf(
        await server.gql<{
          trends: {
            periodStart: string;
            partial: boolean;
            previousToDate: {
              periodStart: string;
              periodEnd: string;
              ordersWon: number;
              revenue: string;
            } | null;
          }[];
        }>(
          `query($u: ID!, $t: PeriodType!) { trends(userId: $u, periodType: $t, count: 2) {
            periodStart partial previousToDate { periodStart periodEnd ordersWon revenue } } }`,
          { u: dana, t: periodType },
          org.managers.west,
        ),
      );
      expect(trends.map((t) => t.partial)).toEqual([false, true]);
      expect(trends[0]?.previousToDate).toBeNull(); // a complete period has no like-for-like
      // expected from the activities themselves (the shorter types' orders land in the longer types'
      // previous periods too), by the organisation's calendar day
      const expected = await server.sql<{ orders: number; revenue: string }>(
        sql`select count(*)::int as orders, coalesce(sum(amount), 0)::numeric(16, 2)::text as revenue
            from activities where user_id = ${Number(dana)} and kind = 'ORDER_WON'
              and (occurred_at at time zone ${clock.timeZone})::date between ${previous}::date and ${lastCounted}::date`,
      );
      expect(expected[0]?.orders).toBeGreaterThanOrEqual(2); // the first and last day counted, at least
      expect(trends[1]?.previousToDate).toEqual({
        periodStart: previous,
        periodEnd: lastCounted,
        ordersWon: expected[0]?.orders,
        revenue: expected[0]?.revenue,
      });
    }
  });
});

describe('goals of a chosen period', () => {
  const CREATE = `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id periodStart periodEnd status elapsedDays periodDays } }`;
  const LIST = `query($u: ID, $t: ID, $p: PeriodType, $d: Date, $a: Boolean, $m: Boolean) {
    goals(userId: $u, teamId: $t, periodType: $p, date: $d, activeOnly: $a, includeMembers: $m) { id metric periodType periodStart status }
  }`;
  interface Created {
    id: string;
    periodStart: string;
    periodEnd: string;
    status: string;
    elapsedDays: number;
    periodDays: number;
  }
  const create = async (input: Record<string, unknown>, as = org.admin) =>
    dataOf(await server.gql<{ createGoal: Created }>(CREATE, { i: input }, as)).createGoal;
  const ids = async (variables: Record<string, unknown>, as = org.admin) =>
    dataOf(await server.gql<{ goals: { id: string }[] }>(LIST, variables, as))
      .goals.map((g) => g.id)
      .sort();

  it('lists the goals running in a period, ended ones with their final status; the default stays active only', async () => {
    const clock = await clockOf(server, org.admin);
    const month = periodStart('MONTHLY', clock.today);
    const lastMonth = addPeriods('MONTHLY', month, -1);
    const nextMonth = addPeriods('MONTHLY', month, 1);
    const user = String(org.reps.east2.id);
    const past = await create({
      userId: user,
      metric: 'CALLS',
      periodType: 'MONTHLY',
      periodStart: lastMonth,
      targetValue: 10,
    });
    const current = await create({
      userId: user,
      metric: 'CALLS',
      periodType: 'MONTHLY',
      periodStart: month,
      targetValue: 10,
    });
    const future = await create({
      userId: user,
      metric: 'CALLS',
      periodType: 'MONTHLY',
      periodStart: nextMonth,
      targetValue: 10,
    });
    // a week that overlaps last month (the week containing its last day)
    const week = await create({
      userId: user,
      metric: 'MEETINGS',
      periodType: 'WEEKLY',
      periodStart: periodStart('WEEKLY', periodEnd('MONTHLY', lastMonth)),
      targetValue: 3,
    });
    expect(past.status).toBe('MISSED');
    expect([past.elapsedDays, past.periodDays]).toEqual([
      daysInPeriod('MONTHLY', lastMonth),
      daysInPeriod('MONTHLY', lastMonth),
    ]);
    const thisMonth = clock.periods.find((p) => p.periodType === 'MONTHLY');
    expect([current.elapsedDays, current.periodDays]).toEqual([
      thisMonth?.elapsedDays,
      thisMonth?.periodDays,
    ]);
    expect([future.elapsedDays, future.periodDays]).toEqual([0, daysInPeriod('MONTHLY', nextMonth)]);

    expect(await ids({ u: user })).toEqual(
      [current.id, future.id, ...(week.periodEnd >= clock.today ? [week.id] : [])].sort(),
    );
    expect(await ids({ u: user, p: 'MONTHLY', d: lastMonth })).toEqual([past.id, week.id].sort());
    // activeOnly does not hide the ended period that was asked for
    expect(await ids({ u: user, p: 'MONTHLY', d: lastMonth, a: true })).toEqual([past.id, week.id].sort());
    expect(await ids({ u: user, p: 'MONTHLY' })).toEqual(
      [current.id, ...(week.periodEnd >= month ? [week.id] : [])].sort(),
    );
    // a manager reads their team's members' goals through the team
    expect(
      await ids({ t: String(org.teams.east), m: true, p: 'MONTHLY', d: nextMonth }, org.managers.east),
    ).toEqual([future.id]);
    // a rep reads their own goals of a period, never another's
    expect(await ids({ p: 'MONTHLY', d: lastMonth }, org.reps.east2.email)).toEqual(
      [past.id, week.id].sort(),
    );
    expect(await ids({ p: 'MONTHLY', d: lastMonth }, org.reps.east1.email)).toEqual([]);

    const refused = errorOf(await server.gql(LIST, { u: user, d: lastMonth }, org.admin));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.fields).toEqual([{ field: 'periodType', message: 'is needed with date' }]);
  });

  it('names the goal that is already there when a duplicate is refused', async () => {
    const clock = await clockOf(server, org.admin);
    const month = periodStart('MONTHLY', clock.today);
    const input = {
      userId: String(org.reps.west1.id),
      metric: 'LEADS',
      periodType: 'MONTHLY',
      periodStart: month,
      targetValue: 20,
    };
    const first = await create(input, org.managers.west);
    const again = await server.gql(CREATE, { i: { ...input, targetValue: 25 } }, org.managers.west);
    expect(errorOf(again).code).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.existingGoalId).toBe(first.id);
    const team = await create({ ...input, userId: null, teamId: String(org.teams.west) }, org.managers.west);
    const teamAgain = await server.gql(
      CREATE,
      { i: { ...input, userId: null, teamId: String(org.teams.west) } },
      org.managers.west,
    );
    expect(teamAgain.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingGoalId: team.id });
  });
});

describe('progress toward badges', () => {
  const PROGRESS = `query($u: ID!) { achievementProgress(userId: $u) {
    rule { title metric periodType threshold } periodStart periodEnd current remaining earned achievedAt
  } }`;
  interface Progress {
    rule: { title: string; metric: string; periodType: string | null; threshold: number };
    periodStart: string | null;
    periodEnd: string | null;
    current: number;
    remaining: number;
    earned: boolean;
    achievedAt: string | null;
  }
  const progressOf = async (userId: number, as: string) =>
    dataOf(await server.gql<{ achievementProgress: Progress[] }>(PROGRESS, { u: String(userId) }, as))
      .achievementProgress;
  const orders = async (userId: number, at: string, amounts: string[], prefix: string) =>
    recordActivity(
      server,
      amounts.map((amount, i) => ({
        userId,
        kind: 'ORDER_WON',
        amount,
        occurredAt: at,
        externalId: `${prefix}-${i}`,
      })),
    );

  it('counts each rule’s metric over its current period or lifetime, as the rule does, until the badge is earned', async () => {
    const alice = org.reps.east1;
    const clock = await clockOf(server, org.admin);
    const month = clock.periods.find((p) => p.periodType === 'MONTHLY');
    // an order in an earlier year counts for the lifetime rule only
    await orders(alice.id, '2024-03-10T12:00:00Z', ['2500.00'], 'progress-old');
    await orders(alice.id, clock.now, ['1000.00', '1500.50'], 'progress-now');
    let progress = await progressOf(alice.id, alice.email);
    expect(progress).toEqual([
      {
        rule: { title: 'First $10K', metric: 'REVENUE', periodType: null, threshold: 10000 },
        periodStart: null,
        periodEnd: null,
        current: 5000.5,
        remaining: 4999.5,
        earned: false,
        achievedAt: null,
      },
      {
        rule: { title: 'Deal Closer', metric: 'ORDERS', periodType: 'MONTHLY', threshold: 3 },
        periodStart: month?.periodStart,
        periodEnd: month?.periodEnd,
        current: 2,
        remaining: 1,
        earned: false,
        achievedAt: null,
      },
    ]);
    await orders(alice.id, clock.now, ['100.00'], 'progress-third');
    progress = await progressOf(alice.id, org.managers.east);
    const closer = progress.find((p) => p.rule.title === 'Deal Closer');
    expect(closer).toMatchObject({ current: 3, remaining: 0, earned: true });
    expect(closer?.achievedAt).not.toBeNull();
    expect(progress.find((p) => p.rule.title === 'First $10K')).toMatchObject({
      current: 5100.5,
      earned: false,
    });
  });

  it('is for whoever may read the user’s figures', async () => {
    expect(
      errorOf(await server.gql(PROGRESS, { u: String(org.reps.east1.id) }, org.reps.east2.email)).code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await server.gql(PROGRESS, { u: String(org.reps.east1.id) }, org.viewer)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await server.gql(PROGRESS, { u: '999999' }, org.admin)).code).toBe('NOT_FOUND');
  });
});
