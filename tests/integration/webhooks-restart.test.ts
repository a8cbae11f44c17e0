/**
 * Deliveries survive an API restart: an event enqueued by one API process and not yet sent is
 * delivered once by the next process on the same database; one cut short by the shutdown is sent
 * again (at least once, with the same idempotency key).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver } from '../support/receiver.ts';
import { dataOf, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';

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

const sell = (userId: number, externalId: string) =>
  recordActivity(server, { userId, amount: '10000.00', externalId, occurredAt: new Date().toISOString() });

const outbox = () =>
  server.sql<{ status: string; attempts: number }>(
    sql`select status, attempts from webhook_outbox order by id`,
  );

/** The outbox once nothing in it is PENDING any more (the answer is recorded after it arrives). */
const settled = () =>
  until(
    async () => {
      const rows = await outbox();
      return rows.every((r) => r.status !== 'PENDING') && rows;
    },
    'no PENDING delivery',
    { everyMs: 20 },
  );

const AWARD = `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`;
/** A manual badge: one ACHIEVEMENT_UNLOCKED delivery. */
async function award(userId: number, title: string): Promise<void> {
  dataOf(
    await server.gql(
      AWARD,
      { i: { userId: String(userId), kind: 'Team', title, badgeIcon: '👏' } },
      org.admin,
    ),
  );
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ WEBHOOK_ALLOW_PRIVATE: 'true' }, { persistent: true }));
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
      expect(await outbox()).toEqual([{ status: 'PENDING', attempts: 0 }]); // never tried
      expect(receiver.received).toEqual([]);

      await server.restart();
      const [got] = await receiver.waitFor(1);
      expect(got?.body).toMatchObject({
        event: 'ACHIEVEMENT_UNLOCKED',
        data: { achievement: { title: 'First $10K' } },
      });
      // the fence: the next event is delivered after it, and the first was not sent again meanwhile
      await award(org.reps.east1.id, 'After the restart');
      const both = await receiver.waitFor(2);
      expect(both[1]?.body.data).toMatchObject({ achievement: { title: 'After the restart' } });
      expect(new Set(both.map((r) => r.body.idempotency_key)).size).toBe(2);
      expect(await settled()).toEqual([
        { status: 'DELIVERED', attempts: 1 },
        { status: 'DELIVERED', attempts: 1 },
      ]);
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
      for (let i = 0; i < 60; i += 1) await award(org.reps.east2.id, `Shout-out ${i}`);
      await receiver.waitFor(60);
      // every delivery recorded: none of the 60 is pending or in flight any more, in either process
      expect((await settled()).filter((r) => r.status === 'DELIVERED')).toHaveLength(60);
      expect(receiver.received).toHaveLength(60);
      expect(new Set(receiver.received.map((r) => r.body.idempotency_key)).size).toBe(60);
      expect(server.app.webhooks.stats.delivered + other.webhooks.stats.delivered).toBeGreaterThanOrEqual(60);
    } finally {
      await other.stop();
      await receiver.close();
    }
  });
});
