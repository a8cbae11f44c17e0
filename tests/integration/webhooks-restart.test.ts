/**
 * Deliveries survive an API restart: an event enqueued by one API process and not yet sent is
 * delivered once by the next process on the same database; one cut short by the shutdown is sent
 * again (at least once, with the same idempotency key).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver } from '../support/receiver.ts';
import { dataOf, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

async function hook(url: string): Promise<void> {
  dataOf(
    await server.gql(
      `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }`,
      { i: { url, events: ['ACHIEVEMENT_UNLOCKED'] } },
      org.admin,
    ),
  );
}

async function sell(userId: number, externalId: string) {
  dataOf(
    await server.gql(
      `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
      {
        a: [
          {
            userId: String(userId),
            kind: 'ORDER_WON',
            amount: '10000.00',
            occurredAt: new Date().toISOString(),
            externalId,
          },
        ],
      },
      org.admin,
    ),
  );
}

const outbox = () =>
  server.sql<{ status: string; attempts: number }>(
    sql`select status, attempts from webhook_outbox order by id`,
  );

/** The outbox once nothing in it is PENDING any more (the answer is recorded after it arrives). */
async function settled() {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = await outbox();
    if (rows.every((r) => r.status !== 'PENDING') || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE: 'true' }, { persistent: true });
  org = await createOrg(server);
});
afterAll(() => server?.close());

describe('webhook deliveries across an API restart', () => {
  it('sends a pending delivery once, from the next process', async () => {
    const receiver = await startReceiver();
    try {
      await hook(receiver.url);
      // this process's worker stops: the delivery stays pending until the next process
      await server.app.webhooks.dispose();
      await sell(org.reps.east1.id, 'restart-1'); // "First $10K": one outbox row
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.received).toEqual([]);
      expect(await outbox()).toEqual([{ status: 'PENDING', attempts: 0 }]);

      await server.restart();
      const [got] = await receiver.waitFor(1);
      await new Promise((r) => setTimeout(r, 500)); // still one
      expect(receiver.received).toHaveLength(1);
      expect(got?.body).toMatchObject({
        event: 'ACHIEVEMENT_UNLOCKED',
        data: { achievement: { title: 'First $10K' } },
      });
      expect(await settled()).toEqual([{ status: 'DELIVERED', attempts: 1 }]);
    } finally {
      await receiver.close();
    }
  });

  it('sends again, with the same idempotency key, a delivery cut short by the shutdown', async () => {
    await server.sql(sql`delete from webhooks`);
    let answer = (_status: number) => {};
    const receiver = await startReceiver(
      (n) => (n === 1 ? new Promise<number>((resolve) => (answer = resolve)) : 200), // the first is held open
    );
    try {
      await hook(receiver.url);
      await sell(org.reps.west1.id, 'restart-2');
      await receiver.waitFor(1);
      await server.restart(); // aborts the attempt in flight
      const both = await receiver.waitFor(2);
      expect(both[0]?.body.idempotency_key).toBe(both[1]?.body.idempotency_key);
      expect(await settled()).toEqual([{ status: 'DELIVERED', attempts: 1 }]);
    } finally {
      answer(200);
      await receiver.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two API processes on one database (Postgres)', () => {
  it('deliver every event once between them', async () => {
    await server.sql(sql`delete from webhooks`);
    const other = await startApp(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        JWT_SECRET: TEST_JWT_SECRET,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATABASE_URL: server.databaseUrl ?? '',
        WEBHOOK_ALLOW_PRIVATE: 'true',
      }),
    );
    const receiver = await startReceiver();
    try {
      await hook(receiver.url);
      const award = `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`;
      for (let i = 0; i < 60; i += 1) {
        const input = {
          userId: String(org.reps.east2.id),
          kind: 'Team',
          title: `Shout-out ${i}`,
          badgeIcon: '👏',
        };
        dataOf(await server.gql(award, { i: input }, org.admin));
      }
      const got = await receiver.waitFor(60);
      await new Promise((r) => setTimeout(r, 500));
      expect(receiver.received).toHaveLength(60);
      expect(new Set(got.map((r) => r.body.idempotency_key)).size).toBe(60);
      expect(server.app.webhooks.stats.delivered + other.webhooks.stats.delivered).toBeGreaterThanOrEqual(60);
    } finally {
      await other.stop();
      await receiver.close();
    }
  });
});
