/**
 * Webhook URLs and server-side request forgery (issue 5): without WEBHOOK_ALLOW_PRIVATE a webhook
 * may not point to a private, loopback or link-local address — refused at registration with a
 * BAD_USER_INPUT on `url`, and refused again at delivery (a row written around the API, or a name
 * that resolves differently by then), without a request reaching the address.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { startReceiver } from '../support/receiver.ts';
import { dataOf, errorOf, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id url } } }`;

const create = (url: string) =>
  server.gql<{ createWebhook: { webhook: { id: string; url: string } } }>(
    CREATE,
    { i: { url, events: ['ACHIEVEMENT_UNLOCKED'] } },
    org.admin,
  );

beforeAll(async () => {
  server = await startTestServer(); // the default: WEBHOOK_ALLOW_PRIVATE unset
  org = await createOrg(server);
});
afterAll(() => server?.close());

describe('webhook URLs (SSRF), by default', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://api.localhost/hook',
    'http://[::1]/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/hook',
    'https://172.20.0.1/hook',
    'http://192.168.1.10:3000/hook',
    'http://100.64.0.1/hook',
    'http://0.0.0.0/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://2130706433/hook', // 127.0.0.1 as one number
    'http://0x7f.1/hook',
  ])('refuses %s at registration, naming the field', async (url) => {
    const error = errorOf(await create(url));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields.map((f) => f.field)).toEqual(['url']);
    expect(error.fields[0]?.message).toContain('private, loopback or link-local');
  });

  it('accepts a public address', async () => {
    const created = dataOf(await create('https://93.184.215.14/hook'));
    expect(created.createWebhook.webhook.url).toBe('https://93.184.215.14/hook');
    await server.sql(sql`delete from webhooks`);
  });

  it('refuses to deliver to a private address that got past registration', async () => {
    const receiver = await startReceiver();
    try {
      // written around the API (as an ERP or a DNS answer that changed since could make it)
      await server.sql(sql`insert into webhooks (url, events, secret)
        values (${receiver.url}, '{ACHIEVEMENT_UNLOCKED}', 'a-secret-of-enough-length')`);
      await server.gql(
        `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`,
        { i: { userId: String(org.reps.east1.id), kind: 'Team', title: 'Shout-out', badgeIcon: '👏' } },
        org.admin,
      );
      const deadline = Date.now() + 10_000;
      let row: { attempts: number; last_error: string | null } | undefined;
      while (Date.now() < deadline) {
        [row] = await server.sql<{ attempts: number; last_error: string | null }>(
          sql`select attempts, last_error from webhook_outbox`,
        );
        if (row?.last_error) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(row?.last_error).toMatch(/private address/);
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
