/**
 * Goal pace through the public surface: Goal.pace by hand (a period over, one to come, one running
 * against the operation's own instant), the organisation's working-days option, who may read and
 * change it, and the pace alerts (GOAL_BEHIND_PACE webhooks and the goalBehindPace subscription)
 * driven by the job's injected clock: once per organisation day, again only after a recovery, once
 * across processes. The organisation is in New York, so March 2025 has its 23-hour day.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodBounds } from '../../api/domain/periods.ts';
import { startOrgServer, updateGoal, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';
import { dataOf, errorOf, startPeer, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';
import { settle, upTo } from '../support/wait.ts';

const NY = 'America/New_York';
const PACE =
  'pace { state expectedValue gap requiredRate daysLeft basis elapsedPercent tolerancePercent alertPercent alerting }';

let server: TestServer;
let org: OrgFixture;
let receiver: Receiver;

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ TZ_NAME: NY, WEBHOOK_ALLOW_PRIVATE: 'true' }));
  receiver = await startReceiver();
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

/** A CUSTOM goal (its value is set by hand) of `userId`, as the admin. */
async function customGoal(userId: number, periodStart: string, targetValue: number, currentValue: number) {
  const created = await server.gql<{ createGoal: { id: string } }>(
    `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }`,
    {
      i: {
        userId: String(userId),
        metric: 'CUSTOM',
        periodType: 'MONTHLY',
        periodStart,
        targetValue,
        currentValue,
      },
    },
    org.admin,
  );
  return dataOf(created).createGoal.id;
}

const paceOf = async (id: string, as = org.admin) =>
  dataOf(
    await server.gql<{ goal: { pace: Record<string, unknown> } }>(
      `query($id: ID!) { goal(id: $id) { ${PACE} } }`,
      { id },
      as,
    ),
  ).goal.pace;

describe('Goal.pace', () => {
  it('is computed by hand for a period over, one to come and the running one, on either basis', async () => {
    // February 2024 is over: the whole target was expected, no day is left
    const ended = await customGoal(org.reps.east1.id, '2024-02-01', 2900, 2000);
    expect(await paceOf(ended)).toEqual({
      state: 'BEHIND_PACE',
      expectedValue: 2900,
      gap: -900,
      requiredRate: null,
      daysLeft: 0,
      basis: 'CALENDAR_DAYS',
      elapsedPercent: 100,
      tolerancePercent: 5,
      alertPercent: 10,
      alerting: true,
    });
    // January 2090 has not begun: nothing expected, 3100 over its 31 days
    const coming = await customGoal(org.reps.east1.id, '2090-01-01', 3100, 0);
    expect(await paceOf(coming)).toMatchObject({
      state: 'ON_PACE',
      expectedValue: 0,
      gap: 0,
      requiredRate: 100,
      daysLeft: 31,
      elapsedPercent: 0,
      alerting: false,
    });

    // the running month, against the operation's own instant (clock.now)
    const today = await server.today();
    const start = `${today.slice(0, 7)}-01`;
    const running = await customGoal(org.reps.east1.id, start, 10000, 10000);
    const read = dataOf(
      await server.gql<{
        clock: { now: string };
        goal: { pace: { expectedValue: number; daysLeft: number } };
      }>(
        `query($id: ID!) { clock { now } goal(id: $id) { pace { expectedValue daysLeft } } }`,
        { id: running },
        org.reps.east1.email,
      ),
    );
    const { from, to } = periodBounds('MONTHLY', start, NY);
    const share = (Date.parse(read.clock.now) - from.getTime()) / (to.getTime() - from.getTime());
    expect(Math.abs(read.goal.pace.expectedValue - 10000 * share)).toBeLessThanOrEqual(0.01);
    const lastDay = Number(new Date(to.getTime() - 1).toLocaleDateString('en-CA', { timeZone: NY }).slice(8));
    expect(read.goal.pace.daysLeft).toBe(lastDay - Number(today.slice(8)) + 1);

    // working days, an organisation setting (ADMIN): January 2090 has 22 of them
    const refused = await server.gql(
      'mutation { updateOrganisation(input: { paceWorkingDays: true }) { paceWorkingDays } }',
      {},
      org.managers.east,
    );
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const set = await server.gql<{ updateOrganisation: { paceWorkingDays: boolean } }>(
      'mutation { updateOrganisation(input: { paceWorkingDays: true }) { paceWorkingDays } }',
      {},
      org.admin,
    );
    expect(dataOf(set).updateOrganisation.paceWorkingDays).toBe(true);
    try {
      expect(await paceOf(coming)).toMatchObject({
        basis: 'WORKING_DAYS',
        daysLeft: 22,
        requiredRate: 140.91,
      });
      const read = await server.gql<{
        organisation: { paceWorkingDays: boolean };
        clock: { paceBasis: string };
      }>('{ organisation { paceWorkingDays } clock { paceBasis } }', {}, org.reps.west1.email);
      expect(dataOf(read)).toEqual({
        organisation: { paceWorkingDays: true },
        clock: { paceBasis: 'WORKING_DAYS' },
      });
    } finally {
      dataOf(
        await server.gql(
          'mutation { updateOrganisation(input: { paceWorkingDays: false }) { timeZone } }',
          {},
          org.admin,
        ),
      );
    }
    expect((await paceOf(coming)).basis).toBe('CALENDAR_DAYS');

    // a rep reads the pace of the goals they may see, as today, and no other
    expect((await paceOf(ended, org.reps.east1.email)).expectedValue).toBe(2900);
    const other = await server.gql<{ goal: unknown }>(
      `query($id: ID!) { goal(id: $id) { ${PACE} } }`,
      { id: ended },
      org.reps.west1.email,
    );
    expect(other.data?.goal ?? null).toBeNull();
  });
});

describe('pace alerts', () => {
  type Frame = { goalBehindPace: { id: string; pace: { state: string } } };
  const WATCH = 'subscription($u: ID) { goalBehindPace(userId: $u) { id pace { state } } }';
  const noon = (day: string) => Date.parse(`${day}T16:00:00Z`); // 12:00 EDT
  const outboxCount = async (goalId: string) => {
    const [row] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from webhook_outbox where event = 'GOAL_BEHIND_PACE' and payload->'goal'->>'id' = ${goalId}`,
    );
    return row?.n ?? 0;
  };
  /**
   * Judges every running goal now; an evaluation queued before (a change, the minute's sweep) has
   * run too when it resolves (one at a time per process), so the outbox is final then.
   */
  const sweep = () => server.app.paceAlerts.sweep();
  /** Every goal change committed so far has been judged. */
  const judged = async () => {
    await settle(server);
    await server.app.paceAlerts.settled();
  };

  it('are sent once a day, again only after a recovery, to webhooks and to the subscribers in scope', async () => {
    dataOf(
      await server.gql(
        'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }',
        { i: { url: receiver.url, events: ['GOAL_BEHIND_PACE'] } },
        org.admin,
      ),
    );
    const tv = connect(server.url, await server.token(org.viewer));
    const manager = connect(server.url, await server.token(org.managers.east));
    const rep = connect(server.url, await server.token(org.reps.east1.email));
    const west = connect(server.url, await server.token(org.reps.west1.email));
    try {
      expect(JSON.stringify(await subscribe(tv, WATCH).waitForError())).toContain('FORBIDDEN');
      const nosy = subscribe(west, WATCH, { u: String(org.reps.east1.id) });
      expect(JSON.stringify(await nosy.waitForError())).toContain('FORBIDDEN');
      const before = server.app.live.subscriberCount;
      const managers = subscribe<Frame>(manager, WATCH);
      const reps = subscribe<Frame>(rep, WATCH);
      const wests = subscribe<Frame>(west, WATCH);
      await expect
        .poll(() => server.app.live.subscriberCount, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(before + 3);

      // March 2025, 7430 to reach, nothing yet; noon on the 10th expects 2270 (227 of 743 hours)
      const goal = await customGoal(org.reps.east1.id, '2025-03-01', 7430, 0);
      await judged();
      server.app.paceAlerts.clock.now = () => noon('2025-03-10');
      await sweep();
      expect(await outboxCount(goal)).toBe(1);
      const [first] = await receiver.waitFor(1, (r) => r.body.event === 'GOAL_BEHIND_PACE');
      expect(first?.body.idempotency_key).toBe(`goal:${goal}:pace:2025-03-10`);
      expect(first?.body.data).toMatchObject({
        goal: { id: Number(goal), user_name: 'Alice Able', target_value: 7430 },
        pace: {
          state: 'BEHIND_PACE',
          expected_value: '2270.00',
          gap: '-2270.00',
          required_rate: '337.73',
          days_left: 22,
          basis: 'CALENDAR_DAYS',
          day: '2025-03-10',
        },
      });
      await managers.waitFor((f) => f.goalBehindPace.id === goal);
      await reps.waitFor((f) => f.goalBehindPace.id === goal);

      // the same day again, and the next day still behind without having recovered: nothing
      await sweep();
      server.app.paceAlerts.clock.now = () => noon('2025-03-11');
      await sweep();
      expect(await outboxCount(goal)).toBe(1);

      // back ahead (5000 > 2510 × 1.05), then behind again: judged on the change, sent at once
      await updateGoal(server, goal, { currentValue: 5000 });
      await judged();
      const [state] = await server.sql<{ alerted: boolean; alert_day: string }>(
        sql`select alerted, alert_day::text from goal_pace_alerts where goal_id = ${Number(goal)}`,
      );
      expect(state).toEqual({ alerted: false, alert_day: '2025-03-10' });
      await updateGoal(server, goal, { currentValue: 0 });
      await receiver.waitFor(2, (r) => r.body.event === 'GOAL_BEHIND_PACE');
      await managers.waitFor((_, all) => all.filter((f) => f.goalBehindPace.id === goal).length === 2);

      // recovered and behind again the same day: not today...
      await updateGoal(server, goal, { currentValue: 5000 });
      await judged();
      await updateGoal(server, goal, { currentValue: 100 });
      await judged();
      await sweep();
      expect(await outboxCount(goal)).toBe(2);
      // ...but the next day, still behind
      server.app.paceAlerts.clock.now = () => noon('2025-03-12');
      await sweep();
      const third = await receiver.waitFor(
        3,
        (r) =>
          r.body.event === 'GOAL_BEHIND_PACE' && (r.body.data.goal as { id: number }).id === Number(goal),
      );
      expect(third.map((r) => (r.body.data.pace as { day: string }).day)).toEqual([
        '2025-03-10',
        '2025-03-11',
        '2025-03-12',
      ]);
      expect(await outboxCount(goal)).toBe(3);

      // the west rep saw none of them: a west goal's alert is the fence
      const westGoal = await customGoal(org.reps.west1.id, '2025-03-01', 1000, 0);
      await judged();
      await sweep();
      expect(await outboxCount(westGoal)).toBe(1);
      expect(await upTo(wests, (f) => f.goalBehindPace.id === westGoal)).toEqual([]);
      await reps.waitFor((_, all) => all.filter((f) => f.goalBehindPace.id === goal).length === 3);
      expect(reps.values.some((f) => f.goalBehindPace.id === westGoal)).toBe(false);
    } finally {
      server.app.paceAlerts.clock.now = () => Date.now();
      for (const client of [tv, manager, rep, west]) await client.dispose();
    }
  });

  it('is sent once when several processes judge the goal at the same moment', async () => {
    const goal = await customGoal(org.reps.east2.id, '2025-03-01', 7430, 0);
    await judged();
    const peer = server.databaseUrl
      ? await startPeer(server.databaseUrl, { TZ_NAME: NY, WEBHOOK_ALLOW_PRIVATE: 'true' })
      : undefined;
    const instant = noon('2025-03-20');
    server.app.paceAlerts.clock.now = () => instant;
    if (peer) peer.paceAlerts.clock.now = () => instant;
    try {
      const sent = await Promise.all([
        server.app.paceAlerts.sweep(),
        (peer ?? server.app).paceAlerts.sweep(),
        server.app.paceAlerts.sweep(),
      ]);
      // (a minute's sweep of either process may be the one that sends it)
      expect(sent.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
      expect(await outboxCount(goal)).toBe(1);
      const [row] = await server.sql<{ alerts: number }>(
        sql`select alerts from goal_pace_alerts where goal_id = ${Number(goal)}`,
      );
      expect(row?.alerts).toBe(1);
    } finally {
      server.app.paceAlerts.clock.now = () => Date.now();
      await peer?.stop();
    }
  });
});
