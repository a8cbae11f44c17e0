/**
 * Managing webhooks over HTTP: pause, resume and redeliver are for admins only (FORBIDDEN for
 * every other role, NOT_FOUND for an unknown id), each written to the audit log; a paused
 * webhook's events wait in the outbox while the worker delivers everyone else's (an unpaused
 * webhook on the same event is the fence: once it got its delivery, the worker's round has passed
 * the paused one's row), and go out on resume; a redelivery sends a finished delivery again with
 * its idempotency key, a pending one is a CONFLICT. Real receivers (tests/support/receiver.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { localDate, periodStart } from '../../api/domain/periods.ts';

let server: TestServer;
let org: OrgFixture;

const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id paused } } }`;
const PAUSE = `mutation($id: ID!) { pauseWebhook(id: $id) { id paused } }`;
const RESUME = `mutation($id: ID!) { resumeWebhook(id: $id) { id paused } }`;
const REDELIVER = `mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id status attempts idempotencyKey } }`;
const LIST = `{ webhooks { id paused recentDeliveries { id status attempts lastStatusCode lastError idempotencyKey } } }`;
const LOG = `query($t: String, $id: ID) { auditLog(targetType: $t, targetId: $id) { action before after } }`;

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  idempotencyKey: string;
}

async function hook(receiver: Receiver, events: string[]): Promise<string> {
  const created = await server.gql<{ createWebhook: { webhook: { id: string } } }>(
    CREATE,
    { i: { url: receiver.url, events } },
    org.admin,
  );
  return dataOf(created).createWebhook.webhook.id;
}

async function deliveries(id: string): Promise<Delivery[]> {
  const list = dataOf(
    await server.gql<{ webhooks: { id: string; recentDeliveries: Delivery[] }[] }>(LIST, {}, org.admin),
  );
  return list.webhooks.find((w) => w.id === id)?.recentDeliveries ?? [];
}

const latestIs = (id: string, status: string, attempts?: number) =>
  until(async () => {
    const [latest] = await deliveries(id);
    return latest?.status === status && (attempts === undefined || latest.attempts === attempts) && latest;
  }, `a ${status} delivery of webhook ${id}`);

async function actionsOn(targetType: string, targetId: string): Promise<string[]> {
  const log = await server.gql<{ auditLog: { action: string }[] }>(
    LOG,
    { t: targetType, id: targetId },
    org.admin,
  );
  return dataOf(log).auditLog.map((e) => e.action);
}

/** A goal for a rep, reached by one sale: one GOAL_ACHIEVED for every webhook that wants it. */
async function achieveGoal(userId: number, externalId: string): Promise<void> {
  const month = periodStart('MONTHLY', localDate(new Date(), server.app.org.timeZone));
  await createGoal(server, { userId, metric: 'REVENUE', periodStart: month, targetValue: 100 });
  await recordActivity(server, {
    userId,
    amount: '150.00',
    externalId,
    occurredAt: new Date().toISOString(),
  });
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({
    WEBHOOK_ALLOW_PRIVATE: 'true', // the receivers listen on 127.0.0.1
    WEBHOOK_RETRY_BASE_MS: '20',
    WEBHOOK_MAX_ATTEMPTS: '2',
  }));
});
afterAll(() => server?.close());

describe('authorization', () => {
  it('lets only an admin pause, resume or redeliver; unknown ids are NOT_FOUND', async () => {
    const receiver = await startReceiver();
    try {
      const id = await hook(receiver, ['GOAL_MISSED']);
      for (const as of [org.managers.east, org.reps.east1.email, org.viewer]) {
        for (const [mutation, vars] of [
          [PAUSE, { id }],
          [RESUME, { id }],
          [REDELIVER, { id: '1' }],
        ] as const) {
          expect(errorOf(await server.gql(mutation, vars, as)).code, `${as} ${mutation}`).toBe('FORBIDDEN');
        }
      }
      expect(errorOf(await server.gql(PAUSE, { id }, null)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await server.gql(PAUSE, { id: '999999' }, org.admin)).code).toBe('NOT_FOUND');
      expect(errorOf(await server.gql(REDELIVER, { id: '999999' }, org.admin)).code).toBe('NOT_FOUND');
      expect(errorOf(await server.gql(RESUME, { id: 'nope' }, org.admin)).code).toBe('NOT_FOUND');
      // nothing changed by the refused calls
      expect(await actionsOn('Webhook', id)).toEqual(['webhook.create']);
    } finally {
      await receiver.close();
    }
  });
});

describe('pause and resume', () => {
  it('holds a paused webhook’s events in the outbox and sends them on resume', async () => {
    const paused = await startReceiver();
    const running = await startReceiver();
    try {
      const pausedId = await hook(paused, ['GOAL_ACHIEVED']);
      const runningId = await hook(running, ['GOAL_ACHIEVED']);
      const answer = await server.gql<{ pauseWebhook: { id: string; paused: boolean } }>(
        PAUSE,
        { id: pausedId },
        org.admin,
      );
      expect(dataOf(answer).pauseWebhook).toEqual({ id: pausedId, paused: true });
      await achieveGoal(org.reps.east1.id, 'pause-1');
      // the same statement enqueued both: once the running one is delivered, a round has passed the paused one
      await running.waitFor(1);
      await latestIs(runningId, 'DELIVERED');
      expect(paused.received).toEqual([]);
      const [waiting] = await deliveries(pausedId);
      expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
      if (!waiting) throw new Error('no delivery waiting');
      // a pending delivery cannot be redelivered
      expect(errorOf(await server.gql(REDELIVER, { id: waiting.id }, org.admin)).code).toBe('CONFLICT');

      const resumed = await server.gql<{ resumeWebhook: { paused: boolean } }>(
        RESUME,
        { id: pausedId },
        org.admin,
      );
      expect(dataOf(resumed).resumeWebhook.paused).toBe(false);
      const [got] = await paused.waitFor(1);
      expect(got?.body.idempotency_key).toBe(waiting.idempotencyKey);
      await latestIs(pausedId, 'DELIVERED', 1);
      // pausing twice logs once
      dataOf(await server.gql(PAUSE, { id: pausedId }, org.admin));
      dataOf(await server.gql(PAUSE, { id: pausedId }, org.admin));
      expect(await actionsOn('Webhook', pausedId)).toEqual([
        'webhook.pause',
        'webhook.resume',
        'webhook.pause',
        'webhook.create',
      ]);
      const [listed] = dataOf(
        await server.gql<{ webhooks: { id: string; paused: boolean }[] }>(LIST, {}, org.admin),
      ).webhooks.filter((w) => w.id === pausedId);
      expect(listed?.paused).toBe(true);
    } finally {
      await paused.close();
      await running.close();
    }
  });
});

describe('redelivery', () => {
  it('sends a FAILED delivery again, with its idempotency key and a fresh count of attempts', async () => {
    let up = false;
    const receiver = await startReceiver(() => (up ? 200 : 503));
    try {
      const id = await hook(receiver, ['GOAL_ACHIEVED']);
      await achieveGoal(org.reps.west1.id, 'redeliver-1');
      const failed = await latestIs(id, 'FAILED', 2);
      expect(failed).toMatchObject({ lastStatusCode: 503, lastError: 'HTTP 503' });
      up = true;
      const again = await server.gql<{ redeliverWebhookDelivery: Delivery }>(
        REDELIVER,
        { id: failed.id },
        org.admin,
      );
      expect(dataOf(again).redeliverWebhookDelivery).toMatchObject({
        id: failed.id,
        status: 'PENDING',
        attempts: 0,
        idempotencyKey: failed.idempotencyKey,
      });
      const all = await receiver.waitFor(3);
      expect(all.map((r) => r.body.idempotency_key)).toEqual(Array(3).fill(failed.idempotencyKey));
      expect(all[2]?.headers['x-pulse-attempt']).toBe('1');
      expect(await latestIs(id, 'DELIVERED', 1)).toMatchObject({ lastStatusCode: 200, lastError: null });

      // a DELIVERED one may be sent again too (the receiver drops it by its key if it kept it)
      dataOf(await server.gql(REDELIVER, { id: failed.id }, org.admin));
      await receiver.waitFor(4);
      await latestIs(id, 'DELIVERED', 1);
      const log = dataOf(
        await server.gql<{ auditLog: { action: string; before: string; after: string }[] }>(
          LOG,
          { t: 'WebhookDelivery', id: failed.id },
          org.admin,
        ),
      ).auditLog;
      expect(log.map((e) => e.action)).toEqual(['webhook.redeliver', 'webhook.redeliver']);
      expect(JSON.parse(log[1]?.before ?? '{}')).toMatchObject({
        webhookId: Number(id),
        status: 'FAILED',
        attempts: 2,
      });
      expect(JSON.parse(log[1]?.after ?? '{}')).toMatchObject({ status: 'PENDING', attempts: 0 });
    } finally {
      await receiver.close();
    }
  });
});
