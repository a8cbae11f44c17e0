/**
 * Chat-ready webhooks through the public surface: a webhook's format (signed JSON as before, Slack,
 * Teams) is chosen on createWebhook and changed by updateWebhook (bad values refused by field
 * name); local receivers check each chat format's required fields and answer 400 to a body the
 * service would refuse. A digest webhook gets one message per interval listing that interval's
 * events, the next interval's in the next message, and none twice across a restart: the worker's
 * clock is injected and moved past each interval's end, computed from the events' own times.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver, validSignature, type Receiver } from '../support/receiver.ts';
import { dataOf, errorOf, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';

let server: TestServer;
let org: OrgFixture;

const CREATE = `mutation($i: CreateWebhookInput!) {
  createWebhook(input: $i) { secret webhook { id format digestMinutes } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateWebhookInput!) {
  updateWebhook(id: $id, input: $i) { id format digestMinutes events } }`;
const AWARD = `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`;
const MINUTE = 60_000;

async function hook(
  receiver: Receiver,
  extra: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const created = dataOf(
    await server.gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(
      CREATE,
      { i: { url: receiver.url, events: ['ACHIEVEMENT_UNLOCKED'], ...extra } },
      org.admin,
    ),
  ).createWebhook;
  return { id: created.webhook.id, secret: created.secret };
}

/** A badge by hand: one ACHIEVEMENT_UNLOCKED for each webhook that wants it. */
async function award(title: string): Promise<void> {
  dataOf(
    await server.gql(
      AWARD,
      { i: { userId: String(org.reps.east1.id), kind: 'Team', title, badgeIcon: '🏆' } },
      org.admin,
    ),
  );
}

/** The webhook's events once there are `count`; the latest one's time (epoch ms). */
async function enqueued(webhookId: string, count: number): Promise<number> {
  return until(async () => {
    const [row] = await server.sql<{ n: number; latest: number | null }>(
      sql`select count(*)::int as n, (extract(epoch from max(created_at)) * 1000)::float8 as latest
          from webhook_outbox where webhook_id = ${Number(webhookId)}`,
    );
    return row?.n === count && row.latest !== null && row.latest;
  }, `${count} events for webhook ${webhookId}`);
}

interface SlackBody {
  text: string;
  blocks: { type: string; text?: { text: string } }[];
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ WEBHOOK_ALLOW_PRIVATE: 'true' }, { persistent: true }));
});
afterAll(() => server?.close());

describe('webhook formats', () => {
  it('sends one event as signed JSON, a Slack message and a Teams card, each as its receiver requires', async () => {
    const json = await startReceiver();
    const slack = await startReceiver(undefined, { format: 'SLACK' });
    const teams = await startReceiver(undefined, { format: 'TEAMS' });
    try {
      const plain = await hook(json, {});
      const toSlack = await hook(slack, { format: 'SLACK' });
      const toTeams = await hook(teams, { format: 'TEAMS' });
      await award('Closer of the week');

      const [sent] = await json.waitFor(1);
      expect(sent?.body).toMatchObject({
        event: 'ACHIEVEMENT_UNLOCKED',
        data: { achievement: { title: 'Closer of the week', user_name: 'Alice Able' } },
      });
      expect(Object.keys(sent?.body ?? {})).toEqual([
        'id',
        'event',
        'idempotency_key',
        'created_at',
        'timestamp',
        'attempt',
        'data',
      ]);
      expect(validSignature(plain.secret, sent!)).toBe(true);

      const line = '🏆 Alice Able earned the badge “Closer of the week”';
      const [message] = await slack.waitFor(1);
      const body = message?.body as unknown as SlackBody;
      expect(body.text).toBe(line);
      expect(body.blocks[0]?.text?.text).toBe(line);
      expect(message?.headers['x-pulse-event']).toBe('ACHIEVEMENT_UNLOCKED');
      expect(validSignature(toSlack.secret, message!)).toBe(true);

      const [card] = await teams.waitFor(1);
      const content = (card?.body as unknown as { attachments: { content: { body: { text: string }[] } }[] })
        .attachments[0]?.content;
      expect(content?.body[0]?.text).toBe(line);
      expect([slack.refused, teams.refused]).toEqual([[], []]);

      const list = dataOf(
        await server.gql<{ webhooks: { id: string; format: string; digestMinutes: number | null }[] }>(
          '{ webhooks { id format digestMinutes } }',
          {},
          org.admin,
        ),
      ).webhooks;
      expect(list).toEqual([
        { id: plain.id, format: 'JSON', digestMinutes: null },
        { id: toSlack.id, format: 'SLACK', digestMinutes: null },
        { id: toTeams.id, format: 'TEAMS', digestMinutes: null },
      ]);
      for (const { id } of [plain, toSlack, toTeams]) {
        dataOf(await server.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, org.admin));
      }
    } finally {
      await Promise.all([json.close(), slack.close(), teams.close()]);
    }
  });

  it('changes format and digest by updateWebhook, ADMIN only, naming a refused field', async () => {
    const receiver = await startReceiver();
    try {
      const { id } = await hook(receiver, {});
      const changed = await server.gql(UPDATE, { id, i: { format: 'TEAMS', digestMinutes: 60 } }, org.admin);
      expect(dataOf(changed)).toEqual({
        updateWebhook: { id, format: 'TEAMS', digestMinutes: 60, events: ['ACHIEVEMENT_UNLOCKED'] },
      });
      const off = await server.gql(UPDATE, { id, i: { digestMinutes: null } }, org.admin);
      expect(dataOf(off)).toMatchObject({ updateWebhook: { format: 'TEAMS', digestMinutes: null } });
      for (const minutes of [7, 4, 2880, 0]) {
        const refused = errorOf(await server.gql(UPDATE, { id, i: { digestMinutes: minutes } }, org.admin));
        expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'digestMinutes' }] });
      }
      const created = errorOf(
        await server.gql(
          CREATE,
          { i: { url: receiver.url, events: ['GOAL_ACHIEVED'], digestMinutes: 50 } },
          org.admin,
        ),
      );
      expect(created).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'digestMinutes' }] });
      const events = errorOf(await server.gql(UPDATE, { id, i: { events: [] } }, org.admin));
      expect(events).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'events' }] });
      const forbidden = errorOf(await server.gql(UPDATE, { id, i: { format: 'SLACK' } }, org.managers.east));
      expect(forbidden.code).toBe('FORBIDDEN');
      const missing = errorOf(await server.gql(UPDATE, { id: '999999', i: { format: 'SLACK' } }, org.admin));
      expect(missing.code).toBe('NOT_FOUND');
      const log = dataOf(
        await server.gql<{ auditLog: { action: string; after: string | null }[] }>(
          'query($id: ID) { auditLog(targetType: "Webhook", targetId: $id) { action after } }',
          { id },
          org.admin,
        ),
      ).auditLog;
      expect(log.map((e) => e.action)).toEqual(['webhook.update', 'webhook.update', 'webhook.create']);
      expect(JSON.parse(log[1]?.after ?? '{}')).toMatchObject({ format: 'TEAMS', digestMinutes: 60 });
      dataOf(await server.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, org.admin));
    } finally {
      await receiver.close();
    }
  });
});

describe('webhook digests', () => {
  it('sends one message per interval listing its events, and none twice across a restart', async () => {
    const receiver = await startReceiver(undefined, { format: 'SLACK' });
    // the worker's clock stands still from here on, except where the test moves it
    let clock = Date.now();
    const setClock = (ms: number) => {
      clock = ms;
      server.app.webhooks.clock.now = () => clock;
      server.app.webhooks.wake();
    };
    try {
      setClock(clock);
      const { id } = await hook(receiver, { format: 'SLACK', digestMinutes: 15 });
      const messages = () => receiver.received.map((r) => r.body as unknown as SlackBody);
      /** Moves the clock 15 minutes past the interval that holds the latest event and the clock. */
      const nextInterval = (latest: number) => setClock(Math.max(clock, latest) + 15 * MINUTE);
      const listed = (m: SlackBody | undefined) => m?.blocks.slice(1).map((b) => b.text?.text ?? '');

      for (const n of [1, 2, 3]) await award(`Digest one #${n}`);
      nextInterval(await enqueued(id, 3));
      await receiver.waitFor(1);
      expect(messages()[0]?.text).toMatch(/^📬 Pulse: 3 events up to /);
      expect(listed(messages()[0])).toEqual(
        [1, 2, 3].map((n) => `🏆 Alice Able earned the badge “Digest one #${n}”`),
      );
      expect(receiver.received[0]?.headers['x-pulse-event']).toBe('DIGEST');

      for (const n of [1, 2]) await award(`Digest two #${n}`);
      nextInterval(await enqueued(id, 5));
      await receiver.waitFor(2);
      expect(messages()[1]?.text).toMatch(/^📬 Pulse: 2 events up to /);
      expect(listed(messages()[1])).toEqual(
        [1, 2].map((n) => `🏆 Alice Able earned the badge “Digest two #${n}”`),
      );
      // two digests, each recorded on all its rows (the answer is recorded after it arrives)
      await until(async () => {
        const statuses = await server.sql<{ status: string; n: number }>(
          sql`select status, count(distinct digest_key)::int as n from webhook_outbox
              where webhook_id = ${Number(id)} group by status`,
        );
        return statuses.length === 1 && statuses[0]?.status === 'DELIVERED' && statuses[0].n === 2;
      }, 'both digests recorded as DELIVERED');

      // a new process on the same database: its first rounds run before and after the clock is set
      await server.restart();
      setClock(clock);
      await award('Digest three');
      nextInterval(await enqueued(id, 6));
      await receiver.waitFor(3);
      expect(messages()).toHaveLength(3);
      expect(listed(messages()[2])).toEqual(['🏆 Alice Able earned the badge “Digest three”']);
      expect(receiver.refused).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  'digests with two API processes on one database (Postgres)',
  () => {
    it('seal each interval once between them', async () => {
      await server.sql(sql`delete from webhooks`);
      const other: App = await startApp(
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
      const receiver = await startReceiver(undefined, { format: 'TEAMS' });
      let clock = Date.now();
      const setClock = (ms: number) => {
        clock = ms;
        for (const worker of [server.app.webhooks, other.webhooks]) worker.clock.now = () => clock;
        for (const worker of [server.app.webhooks, other.webhooks]) worker.wake();
      };
      const lines = (n: number) =>
        (
          receiver.received[n]?.body as unknown as {
            attachments: { content: { body: { text: string }[] } }[];
          }
        ).attachments[0]?.content.body
          .slice(1)
          .map((b) => b.text);
      try {
        setClock(clock);
        const { id } = await hook(receiver, { format: 'TEAMS', digestMinutes: 30 });
        for (const n of [1, 2, 3, 4]) await award(`Shared #${n}`);
        setClock(Math.max(clock, await enqueued(id, 4)) + 30 * MINUTE);
        await receiver.waitFor(1);
        expect(lines(0)).toEqual([1, 2, 3, 4].map((n) => `🏆 Alice Able earned the badge “Shared #${n}”`));
        await award('Shared #5');
        setClock(Math.max(clock, await enqueued(id, 5)) + 30 * MINUTE);
        // a second digest of the first interval would arrive here, listing its four events again
        await receiver.waitFor(2);
        expect(lines(1)).toEqual(['🏆 Alice Able earned the badge “Shared #5”']);
        expect(receiver.refused).toEqual([]);
      } finally {
        await other.stop();
        await receiver.close();
      }
    });
  },
);
