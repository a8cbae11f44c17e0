/**
 * Webhooks against a local receiver: admin-only registration, signed deliveries for goal
 * achieved / missed, badges and top-3 rank changes, retries after 500s with one idempotency key,
 * FAILED after the last attempt, nothing for a rolled-back change, and writes that never wait.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../api/db/client.ts';
import { addPeriods, localDate, periodStart } from '../../api/domain/periods.ts';
import { activities } from '../../schema/db/index.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver, validSignature, type Receiver, type Received } from '../support/receiver.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';
import { fence, until } from '../support/wait.ts';

let server: TestServer;
let org: OrgFixture;
const month = periodStart('MONTHLY', localDate(new Date(), 'UTC'));
const SECRET = 'a-test-secret-of-enough-length';

const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret webhook { id url events } } }`;
const LIST = `{ webhooks { id url events recentDeliveries { event status attempts lastStatusCode lastError idempotencyKey deliveredAt } } }`;

interface Delivery {
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  idempotencyKey: string;
}

async function hook(receiver: Receiver, events: string[], secret: string | null = SECRET): Promise<string> {
  const created = await server.gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(
    CREATE,
    { i: { url: receiver.url, events, secret } },
    org.admin,
  );
  return dataOf(created).createWebhook.webhook.id;
}

const unhook = async (id: string) =>
  dataOf(await server.gql(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, org.admin));

async function deliveries(id: string): Promise<Delivery[]> {
  const list = dataOf(
    await server.gql<{ webhooks: { id: string; recentDeliveries: Delivery[] }[] }>(LIST, {}, org.admin),
  );
  return list.webhooks.find((w) => w.id === id)?.recentDeliveries ?? [];
}

/** The webhook's deliveries once the latest one is `status` (waiting up to 10 s). */
const deliveriesOnce = (id: string, status: string) =>
  until(
    async () => {
      const list = await deliveries(id);
      return list[0]?.status === status && list;
    },
    `a ${status} delivery`,
    { timeoutMs: 10_000, everyMs: 25 },
  );

const sell = (userId: number, amount: string, externalId: string) =>
  recordActivity(server, { userId, amount, externalId, occurredAt: new Date().toISOString() });

const goal = (userId: number, targetValue: number, periodStart = month) =>
  createGoal(server, { userId, metric: 'REVENUE', periodStart, targetValue });

beforeAll(async () => {
  // the default fallback poll (30 s): deliveries are prompt only if the outbox NOTIFY wakes the worker
  ({ server, org } = await startOrgServer({
    WEBHOOK_ALLOW_PRIVATE: 'true', // the receivers listen on 127.0.0.1
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_MAX_ATTEMPTS: '3',
  }));
});
afterAll(() => server?.close());

describe('webhook registration (GraphQL)', () => {
  it('is for admins, checks its input, and shows the secret only once', async () => {
    const receiver = await startReceiver();
    try {
      const forbidden = await server.gql(
        CREATE,
        { i: { url: receiver.url, events: ['GOAL_ACHIEVED'] } },
        org.managers.east,
      );
      expect(errorOf(forbidden).code).toBe('FORBIDDEN');
      expect(errorOf(await server.gql(LIST, {}, org.reps.east1.email)).code).toBe('FORBIDDEN');
      const bad = await server.gql(
        CREATE,
        { i: { url: 'ftp://example.com', events: [], secret: 'short' } },
        org.admin,
      );
      expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errorOf(bad).fields.map((f) => f.field)).toEqual(['url', 'events', 'secret']);
      const created = dataOf(
        await server.gql<{ createWebhook: { secret: string; webhook: { id: string; events: string[] } } }>(
          CREATE,
          { i: { url: receiver.url, events: ['RANK_CHANGED', 'GOAL_MISSED', 'GOAL_MISSED'] } },
          org.admin,
        ),
      ).createWebhook;
      expect(created.secret).toMatch(/^[\w-]{43}$/);
      expect(created.webhook.events).toEqual(['RANK_CHANGED', 'GOAL_MISSED']);
      const listed = dataOf(
        await server.gql<{ webhooks: Record<string, unknown>[] }>(LIST, {}, org.admin),
      ).webhooks;
      expect(listed).toEqual([
        {
          id: created.webhook.id,
          url: receiver.url,
          events: ['RANK_CHANGED', 'GOAL_MISSED'],
          recentDeliveries: [],
        },
      ]);
      expect(
        dataOf(await server.gql(`mutation { deleteWebhook(id: "${created.webhook.id}") }`, {}, org.admin)),
      ).toEqual({ deleteWebhook: created.webhook.id });
      expect(
        errorOf(await server.gql(`mutation { deleteWebhook(id: "${created.webhook.id}") }`, {}, org.admin))
          .code,
      ).toBe('NOT_FOUND');
    } finally {
      await receiver.close();
    }
  });
});

describe('deliveries', () => {
  it('POSTs a signed GOAL_ACHIEVED with its idempotency key and records it', async () => {
    const receiver = await startReceiver();
    const id = await hook(receiver, ['GOAL_ACHIEVED']);
    try {
      const goalId = await goal(org.reps.east1.id, 1000);
      await sell(org.reps.east1.id, '1200.00', 'wh-1');
      const [got] = await receiver.waitFor(1);
      if (!got) throw new Error('no delivery');
      expect(validSignature(SECRET, got)).toBe(true);
      expect(validSignature('another-secret-entirely', got)).toBe(false);
      expect(got.headers).toMatchObject({
        'content-type': 'application/json',
        'x-pulse-event': 'GOAL_ACHIEVED',
        'x-pulse-idempotency-key': got.body.idempotency_key,
        'x-pulse-timestamp': String(got.body.timestamp),
        'x-pulse-attempt': '1',
      });
      expect(Math.abs(got.body.timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(got.body).toMatchObject({
        event: 'GOAL_ACHIEVED',
        idempotency_key: `goal:${goalId}:v2:achieved`,
        data: {
          goal: {
            id: Number(goalId),
            user_name: 'Alice Able',
            metric: 'REVENUE',
            status: 'ACHIEVED',
            target_value: 1000,
          },
        },
      });
      const [recorded] = await deliveriesOnce(id, 'DELIVERED');
      expect(recorded).toMatchObject({
        status: 'DELIVERED',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
      });
    } finally {
      await unhook(id);
      await receiver.close();
    }
  });

  it('tells GOAL_MISSED (a goal set for a period already over) and ACHIEVEMENT_UNLOCKED', async () => {
    const receiver = await startReceiver();
    const id = await hook(receiver, ['GOAL_MISSED', 'ACHIEVEMENT_UNLOCKED']);
    try {
      await goal(org.reps.east2.id, 500, addPeriods('MONTHLY', month, -1));
      await sell(org.reps.east2.id, '10000.00', 'wh-2'); // "First $10K"
      const got = await receiver.waitFor(2);
      const byEvent = Object.fromEntries(got.map((r) => [r.body.event, r.body.data]));
      expect(byEvent.GOAL_MISSED).toMatchObject({ goal: { user_name: 'Bob Baker', status: 'MISSED' } });
      expect(byEvent.ACHIEVEMENT_UNLOCKED).toMatchObject({
        achievement: { title: 'First $10K', user_name: 'Bob Baker' },
      });
    } finally {
      await unhook(id);
      await receiver.close();
    }
  });

  it('retries after 500s with the same idempotency key, and gives up as FAILED after the last attempt', async () => {
    const flaky = await startReceiver((n) => (n <= 2 ? 500 : 200));
    const dead = await startReceiver(() => 503);
    const flakyId = await hook(flaky, ['ACHIEVEMENT_UNLOCKED']);
    const deadId = await hook(dead, ['ACHIEVEMENT_UNLOCKED']);
    try {
      await sell(org.reps.west1.id, '10000.00', 'wh-3');
      const attempts = await flaky.waitFor(3);
      expect(new Set(attempts.map((r) => r.body.idempotency_key)).size).toBe(1);
      expect(attempts.map((r) => r.headers['x-pulse-attempt'])).toEqual(['1', '2', '3']);
      expect(attempts.every((r) => validSignature(SECRET, r))).toBe(true);
      const [ok] = await deliveriesOnce(flakyId, 'DELIVERED');
      expect(ok).toMatchObject({ attempts: 3, lastStatusCode: 200 });
      const [failed] = await deliveriesOnce(deadId, 'FAILED');
      expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503' });
      expect(dead.received).toHaveLength(3);
    } finally {
      await unhook(flakyId);
      await unhook(deadId);
      await flaky.close();
      await dead.close();
    }
  });

  it('delivers nothing for a change that was rolled back', async () => {
    const receiver = await startReceiver();
    const id = await hook(receiver, ['GOAL_ACHIEVED', 'ACHIEVEMENT_UNLOCKED']);
    try {
      const erin = await userId(org.managers.east); // no revenue yet: the goal starts AT_RISK
      const goalId = await goal(erin, 100);
      let seenInside = 0;
      await expect(
        server.app.database.db.transaction(async (tx) => {
          await tx.insert(activities).values({
            userId: erin,
            kind: 'ORDER_WON',
            amount: '150.00',
            occurredAt: new Date(),
            externalId: 'wh-rolled-back',
          });
          const [row] = await rows<{ n: number }>(
            tx,
            sql`select count(*)::int as n from webhook_outbox where idempotency_key like ${`goal:${goalId}:%`}`,
          );
          seenInside = Number(row?.n);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(seenInside).toBe(1); // the outbox row existed inside the transaction
      expect(
        await server.sql(sql`select 1 from webhook_outbox where idempotency_key like ${`goal:${goalId}:%`}`),
      ).toEqual([]);
      // the fence: the same sale committed is delivered, and nothing came before it
      await fence(server, () => sell(erin, '150.00', 'wh-committed'));
      const achieved = (r: Received) => r.body.event === 'GOAL_ACHIEVED';
      await receiver.waitFor(1, achieved);
      const keys = receiver.received.filter(achieved).map((r) => r.body.idempotency_key);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(new RegExp(`^goal:${goalId}:v\\d+:achieved$`));
    } finally {
      await unhook(id);
      await receiver.close();
    }
  });

  it('never makes a write, nor another delivery, wait for a slow receiver', async () => {
    let release = () => {};
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    const slow = await startReceiver(() => held); // answers nothing until the end of the test
    const fast = await startReceiver();
    const slowId = await hook(slow, ['ACHIEVEMENT_UNLOCKED']);
    try {
      await sell(org.reps.east1.id, '9000.00', 'wh-4'); // Alice passes 10K: "First $10K"
      await slow.waitFor(1);
      const fastId = await hook(fast, ['ACHIEVEMENT_UNLOCKED']);
      // a write that waited for the open delivery would never finish
      await sell(org.reps.east1.id, '1.00', 'wh-5'); // her third order this month: "Deal Closer"
      const [closer] = await fast.waitFor(1);
      expect(closer?.body.data).toMatchObject({ achievement: { title: 'Deal Closer' } });
      await slow.waitFor(2); // its second delivery goes out beside the held first
      await unhook(fastId);
    } finally {
      release();
      await unhook(slowId);
      await slow.close();
      await fast.close();
    }
  });
});

describe('RANK_CHANGED', () => {
  it('tells when the people in places 1-3 of this month’s revenue board change', async () => {
    // three reps in the top 3 whatever ran before (other tests gave them more)
    for (const rep of [org.reps.east1, org.reps.east2, org.reps.west1])
      await sell(rep.id, '100.00', `wh-top-${rep.id}`);
    const receiver = await startReceiver();
    const id = await hook(receiver, ['RANK_CHANGED']);
    try {
      // the watcher starts with the next worker round and takes the current board as its baseline
      await until(
        async () => (await server.sql(sql`select 1 from webhook_rank_state`)).length === 1,
        'the rank baseline',
        { timeoutMs: 10_000, everyMs: 25 },
      );
      const before =
        (await server.sql<{ top: { user_id: number }[] }>(sql`select top from webhook_rank_state`))[0]?.top ??
        [];
      await sell(await userId(org.managers.west), '50000.00', 'wh-6');
      const [got] = await receiver.waitFor(1);
      expect(got?.body.data).toMatchObject({
        board: { period_type: 'MONTHLY', metric: 'REVENUE', period_start: month, team_id: null },
        previous: before,
      });
      const top = (got?.body.data.top ?? []) as { rank: number; user_name: string; revenue: string }[];
      expect(top[0]).toEqual({
        rank: 1,
        user_id: await userId(org.managers.west),
        user_name: 'Walt West',
        revenue: '50000.00',
      });
      expect(top.every((e) => e.rank <= 3)).toBe(true);
      expect(got?.body.idempotency_key).toMatch(new RegExp(`^rank:MONTHLY\\|REVENUE:${month}:\\d+$`));
      const erin = await userId(org.managers.east);
      await sell(erin, '1.00', 'wh-7'); // fifth place: the top 3 stays
      // the fence: Erin takes the first place. The watcher enqueues in the order it sees boards, so
      // once the fence's event is in the outbox, an event for the sale above would be there too
      await fence(server, () => sell(erin, '100000.00', 'wh-8'));
      const [, moved] = await receiver.waitFor(2);
      const first = (moved?.body.data.top as { rank: number; user_name: string }[] | undefined)?.[0];
      expect(first).toMatchObject({ rank: 1, user_name: 'Erin East' });
      expect((await deliveries(id)).map((d) => d.event)).toEqual(['RANK_CHANGED', 'RANK_CHANGED']);
    } finally {
      await unhook(id);
      await receiver.close();
    }
  });
});

async function userId(email: string): Promise<number> {
  const [row] = await server.sql<{ id: number }>(sql`select id from users where email = ${email}`);
  return row?.id ?? 0;
}
