/**
 * The WebSocket meets the same limits as HTTP (api/core/graphql/limits.ts, response-limit.ts) and
 * keeps nothing for what it refuses (api/transport/ws/server.ts):
 * - a refused subscribe message leaves no document behind (App.ws.storedDocuments counts what the
 *   server keeps), an accepted one keeps its document until it completes;
 * - the token limit stops the parser, the cost counts lists at their size with the variables;
 * - WS_MAX_SUBSCRIPTIONS per socket: the next subscribe is refused, the socket stays open, and
 *   completing one frees a slot;
 * - an event larger than MAX_RESPONSE_BYTES is replaced by an error, the subscription stays;
 * - in production neither transport suggests field names (one error formatter, api/core/errors.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

type Errors = {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}[];

const quietClient = { onNonLazyError: () => {} };

const BOARD = 'subscription { leaderboardChanged { version } }';

/** The one error a subscription got, with its code and named field. */
async function refusalOf(frames: { waitForError(): Promise<unknown> }): Promise<{
  message: string;
  code: string | undefined;
  fields: { field: string; message: string }[] | undefined;
}> {
  const errors = (await frames.waitForError()) as Errors;
  expect(errors).toHaveLength(1);
  const error = errors[0]!;
  return { message: error.message, code: error.extensions?.code, fields: error.extensions?.fields };
}

/** One won order for each seller of the fixture: boards rank only sellers who sold. */
async function everyoneSells(server: TestServer): Promise<void> {
  const [seller] = await server.sql<{ ids: number[] }>(
    sql`select array_agg(id order by id) as ids from users where role in ('REP', 'MANAGER')`,
  );
  const activities = (seller?.ids ?? []).map((id, i) => ({
    userId: String(id),
    kind: 'ORDER_WON',
    amount: `${100 + i}.00`,
    occurredAt: new Date().toISOString(),
    externalId: `ws-limits-${id}`,
  }));
  const response = await server.gql(
    'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
    { a: activities },
    'admin@example.com',
  );
  expect(response.errors).toBeUndefined();
}

describe('default limits', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer());
    await everyoneSells(server);
  });
  afterAll(() => server?.close());
  // each test starts from a server that keeps nothing: a socket's subscriptions end as it closes
  afterEach(() => until(() => server.app.ws.storedDocuments === 0, 'the test’s sockets to close'));

  it('keeps no document of a refused subscription, and an accepted one until it completes', async () => {
    const client = connect(server.url, await server.token(org.viewer), quietClient);
    try {
      const refused = Array.from({ length: 50 }, (_, i) =>
        subscribe(client, `subscription { leaderboardChanged { version nope${i} } }`),
      );
      for (const frames of refused) expect((await refusalOf(frames)).code).toBe('BAD_USER_INPUT');
      expect(server.app.ws.storedDocuments).toBe(0);
      const board = subscribe(client, BOARD);
      await board.waitFor(() => true);
      expect(server.app.ws.storedDocuments).toBe(1);
      board.stop();
      await until(() => server.app.ws.storedDocuments === 0, 'the completed document to go');
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('applies the HTTP token limit before parsing', async () => {
    const client = connect(server.url, await server.token(org.viewer), quietClient);
    try {
      // valid, and small for a frame (17 KB), but 2,100 tokens
      const frames = subscribe(client, `subscription { leaderboardChanged { ${'version '.repeat(2100)}} }`);
      const refusal = await refusalOf(frames);
      expect(refusal.message).toMatch(/Document contains more th[a-z]+ 2000 tokens/);
      expect(refusal.code).toBe('BAD_USER_INPUT');
      expect(refusal.fields).toEqual([{ field: 'query', message: refusal.message }]);
      expect(frames.values).toEqual([]);
      expect(server.app.ws.storedDocuments).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  it('applies the HTTP cost limit, with the variables', async () => {
    const document = `subscription($n: Int) { leaderboardChanged(limit: $n) {
      entries { user { team { members { team { members { name } } } } } } } }`;
    const client = connect(server.url, await server.token(org.viewer), quietClient);
    try {
      // 1 + 100 × (1 + user 1 + team 1 + 50 members × (1 + team 1 + 50 members × 2))
      const costly = subscribe(client, document, { n: 100 });
      const refusal = await refusalOf(costly);
      expect(refusal.message).toMatch(/^Query cost 510301 exceeds MAX_COST 50000/);
      expect(refusal.code).toBe('BAD_USER_INPUT');
      expect(refusal.fields).toEqual([{ field: 'query', message: refusal.message }]);
      const http = await server.gql(
        document.replace('subscription', 'query').replace('leaderboardChanged', 'leaderboard'),
        { n: 100 },
        org.viewer,
      );
      expect(http.errors?.[0]?.message).toBe(refusal.message);
      // small enough (as an admin: a screen may not read team members, viewer-visibility.test.ts)
      const admin = connect(server.url, await server.token(org.admin), quietClient);
      try {
        const cheap = subscribe<{ leaderboardChanged: { entries: unknown[] } }>(admin, document, { n: 1 });
        const first = await cheap.waitFor(() => true);
        expect(first.leaderboardChanged.entries).toHaveLength(1);
      } finally {
        await admin.dispose();
      }
    } finally {
      await client.dispose();
    }
  });

  it('holds at most WS_MAX_SUBSCRIPTIONS (100) per socket; the next is refused, the socket stays open', async () => {
    const client = connect(server.url, await server.token(org.admin), quietClient);
    try {
      // goalRemoved sends nothing until a goal is deleted: accepted ones are seen in the count
      const held = Array.from({ length: 100 }, () => subscribe(client, 'subscription { goalRemoved }'));
      await until(() => server.app.ws.storedDocuments === 100, '100 accepted subscriptions');
      const extra = subscribe(client, 'subscription { goalRemoved }');
      const refusal = await refusalOf(extra);
      expect(refusal.code).toBe('BAD_USER_INPUT');
      expect(refusal.message).toMatch(/WS_MAX_SUBSCRIPTIONS \(100\)/);
      expect(refusal.fields).toEqual([{ field: 'id', message: refusal.message }]);
      expect(server.app.ws.storedDocuments).toBe(100);
      held[0]!.stop();
      await until(() => server.app.ws.storedDocuments === 99, 'a slot to be freed');
      const again = subscribe<{ leaderboardChanged: { version: string } }>(client, BOARD);
      await again.waitFor(() => true);
      expect(again.errors).toEqual([]);
      expect(server.app.ws.storedDocuments).toBe(100);
      expect(held.every((frames) => frames.errors.length === 0)).toBe(true);
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});

describe('MAX_RESPONSE_BYTES=1000', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer({ MAX_RESPONSE_BYTES: '1000' }));
    await everyoneSells(server);
  });
  afterAll(() => server?.close());

  it('replaces an event above the limit by an error and keeps the subscription, as HTTP refuses it', async () => {
    const small = 'leaderboardChanged { entries { rank user { name } } }';
    // 5 sellers × 15 copies of their name: about 2 KB, while the keys alone are far below 1000 bytes
    const names = Array.from({ length: 15 }, (_, i) => `u${i}: user { name }`).join(' ');
    const large = `leaderboardChanged { entries { ${names} } }`;
    // the same selections over HTTP: the first fits, the second does not
    const http = (selection: string) =>
      server.gql(`{ ${selection.replace('leaderboardChanged', 'leaderboard')} }`, {}, org.viewer);
    expect((await http(small)).errors).toBeUndefined();
    expect((await http(large)).status).toBe(400);

    const client = connect(server.url, await server.token(org.viewer), quietClient);
    try {
      const fits = subscribe<{ leaderboardChanged: { entries: unknown[] } }>(
        client,
        `subscription { ${small} }`,
      );
      expect((await fits.waitFor(() => true)).leaderboardChanged.entries.length).toBeGreaterThan(0);
      const frames = subscribe(client, `subscription { ${large} }`);
      const refusal = await refusalOf(frames);
      expect(refusal.code).toBe('BAD_USER_INPUT');
      expect(refusal.message).toMatch(/MAX_RESPONSE_BYTES \(1000 bytes\)/);
      expect(refusal.fields).toEqual([{ field: 'query', message: refusal.message }]);
      expect(frames.values).toEqual([]);
      expect(frames.completed).toBe(false);
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});

describe('field suggestions', () => {
  const cases = [
    ['development', {}, true],
    ['production', { NODE_ENV: 'production' }, false],
  ] as const;

  it.each(cases)('%s: both transports alike', async (_name, env, suggests) => {
    const server = await startTestServer(env);
    try {
      const org = await createOrg(server);
      const http = await server.gql('{ leaderboard { versio } }', {}, org.viewer);
      const client = connect(server.url, await server.token(org.viewer), quietClient);
      try {
        const ws = await refusalOf(subscribe(client, 'subscription { leaderboardChanged { versio } }'));
        for (const error of [http.errors?.[0], ws]) {
          expect(error?.message).toMatch(/^Cannot query field "versio" on type "Leaderboard"\./);
          expect(JSON.stringify(error).includes('Did you mean')).toBe(suggests);
        }
        expect(ws.code).toBe('BAD_USER_INPUT');
      } finally {
        await client.dispose();
      }
    } finally {
      await server.close();
    }
  });
});
