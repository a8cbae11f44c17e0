/**
 * Server-side sessions (issue 15, first slice), through the public surface: the cookie from
 * POST /auth/sign-in signs /graphql requests in until it is ended — by signing out, a password
 * change (the user's other sessions), signOutEverywhere, deactivation, expiry or idleness — after
 * which the next request answers 401. A bearer token wins over a cookie; Apollo's CSRF prevention
 * still refuses cookie-carrying requests a cross-site page could send; once a session is cached
 * a request costs no SQL statement more than with a bearer token; last use is written at most once
 * a minute.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { hashToken } from '../../api/modules/auth/sessions.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { settle, until } from '../support/wait.ts';
import { connect, socketWithHeaders, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
const PASSWORD = 'correct horse battery staple';
let now = Date.parse('2030-01-01T00:00:00Z');
const ME = '{ me { email } }';

async function signIn(email: string, password = PASSWORD, userAgent = 'test-browser/1.0'): Promise<string> {
  const response = await fetch(`${server.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: { sqlStatements?: number };
  };
}

async function gql(
  query: string,
  headers: Record<string, string>,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const asCookie = (cookie: string) => ({ cookie });
const meOf = (answer: Answer) => (answer.body.data as { me: { email: string } } | undefined)?.me.email;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  server.app.auth.clock.now = () => now;
  for (const email of [org.reps.east1.email, org.reps.east2.email, org.reps.west1.email, org.admin]) {
    dataOf(
      await server.gql('mutation($p: String!) { changePassword(newPassword: $p) }', { p: PASSWORD }, email),
    );
  }
});
afterAll(() => server?.close());
beforeEach(() => {
  now += 3600_000;
});

describe('a session cookie on /graphql', () => {
  it('signs the person in, and costs no SQL statement more than a bearer token once cached', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const first = await gql(ME, asCookie(cookie));
    expect(meOf(first)).toBe(org.reps.east1.email);
    const cached = await gql(ME, asCookie(cookie));
    expect(meOf(cached)).toBe(org.reps.east1.email);
    const token = await server.token(org.reps.east1.email);
    await gql(ME, { authorization: `Bearer ${token}` });
    const bearer = await gql(ME, { authorization: `Bearer ${token}` });
    expect(cached.body.extensions?.sqlStatements).toEqual(expect.any(Number));
    expect(cached.body.extensions?.sqlStatements).toBe(bearer.body.extensions?.sqlStatements);
    const reads = server.app.auth.sessions.reads;
    for (let i = 0; i < 5; i++) expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.reps.east1.email);
    expect(server.app.auth.sessions.reads).toBe(reads);
  });

  it('lets a bearer token win over a cookie', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const bob = await server.token(org.reps.east2.email);
    expect(meOf(await gql(ME, { cookie, authorization: `Bearer ${bob}` }))).toBe(org.reps.east2.email);
    // a bad token is not rescued by a good cookie
    const bad = await gql(ME, { cookie, authorization: 'Bearer not-a-token' });
    expect(bad.status).toBe(401);
  });

  it('answers 401 for a cookie naming no session', async () => {
    const answer = await gql(ME, { cookie: `pulse_session=${'A'.repeat(43)}` });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps Apollo’s CSRF prevention: a simple cross-site request with the cookie is refused', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const text = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: ME }),
    });
    expect(text.status).toBe(400);
    expect(await text.text()).toMatch(/Cross-Site Request Forgery/);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent(ME)}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    // with the preflight header, as the web client sends it, the GET is served
    const preflighted = await fetch(`${server.url}/graphql?query=${encodeURIComponent(ME)}`, {
      headers: { cookie, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });
});

describe('a session cookie on the REST API and exports', () => {
  it('signs reads in (the web client’s downloads), never a write', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const read = await fetch(`${server.url}/api/performance?type=goals`, { headers: { cookie } });
    expect(read.status).toBe(200);
    const exported = await fetch(`${server.url}/export/leaderboard?format=csv`, { headers: { cookie } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/text\/csv/);
    // a form another site posts with the cookie: refused before anything is written
    const [before] = await server.sql<{ n: number }>(sql`select count(*)::int as n from achievements`);
    const write = await fetch(`${server.url}/api/performance`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: org.reps.east1.id,
        achievement_type: 'Spirit',
        title: 'x',
        badge_icon: 'y',
      }),
    });
    expect(write.status).toBe(401);
    const [after] = await server.sql<{ n: number }>(sql`select count(*)::int as n from achievements`);
    expect(after?.n).toBe(before?.n);
    const ended = await fetch(`${server.url}/api/performance?type=goals`, {
      headers: { cookie: `pulse_session=${'A'.repeat(43)}` },
    });
    expect(ended.status).toBe(401);
  });
});

describe('a session cookie on a WebSocket', () => {
  const BOARD = 'subscription { leaderboardChanged(limit: 1) { version } }';
  const own = () => ({ origin: server.url });
  const socket = (headers: Record<string, string>, token: string | null = null) =>
    connect(server.url, token, { webSocketImpl: socketWithHeaders(headers) });
  const closed = (client: ReturnType<typeof connect>) => until(() => client.closes[0], 'the socket to close');

  it('signs in the upgrade that carries it, from this server’s own page or no page at all', async () => {
    const cookie = await signIn(org.reps.east1.email);
    for (const headers of [{ cookie, ...own() }, { cookie }]) {
      const client = socket(headers);
      const frames = subscribe<{ leaderboardChanged: { version: number } }>(client, BOARD);
      await frames.waitFor(() => true);
      await client.dispose();
    }
  });

  it('closes 4401 without a cookie or token, for an ended session, and when a bad token comes with a good cookie', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const cases: [Record<string, string>, string | null][] = [
      [own(), null],
      [{ cookie: `pulse_session=${'A'.repeat(43)}`, ...own() }, null],
      [{ cookie, ...own() }, 'not-a-token'],
    ];
    for (const [headers, token] of cases) {
      const client = socket(headers, token);
      subscribe(client, BOARD);
      expect((await closed(client)).code).toBe(4401);
      await client.dispose();
    }
  });

  it('closes the socket 4401 as soon as its session ends, with no event to send', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const kept = await signIn(org.reps.east2.email);
    const ending = socket({ cookie, ...own() });
    const staying = socket({ cookie: kept, ...own() });
    try {
      await subscribe(ending, BOARD).waitFor(() => true);
      const others = subscribe(staying, BOARD);
      await others.waitFor(() => true);
      const out = await fetch(`${server.url}/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}',
      });
      expect(out.status).toBe(204);
      expect(await closed(ending)).toEqual({ code: 4401, reason: 'Session ended' });
      // another person's socket is re-checked, and stays
      await settle(server);
      expect(staying.closes).toEqual([]);
      expect(meOf(await gql(ME, asCookie(kept)))).toBe(org.reps.east2.email);
      await fetch(`${server.url}/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: kept },
        body: '{}',
      });
      expect(await closed(staying)).toEqual({ code: 4401, reason: 'Session ended' });
    } finally {
      await ending.dispose();
      await staying.dispose();
    }
  });

  it('closes it for a session revoked by another process, once the notification is heard', async () => {
    const cookie = await signIn(org.reps.west1.email, PASSWORD, 'ws-elsewhere');
    const client = socket({ cookie, ...own() });
    try {
      await subscribe(client, BOARD).waitFor(() => true);
      await server.sql(sql`update sessions set revoked_at = now() where user_agent = 'ws-elsewhere'`);
      expect(await closed(client)).toEqual({ code: 4401, reason: 'Session ended' });
    } finally {
      await client.dispose();
    }
  });
});

describe('ending sessions', () => {
  it('POST /auth/sign-out ends the session and clears the cookie', async () => {
    const cookie = await signIn(org.reps.east1.email);
    const other = await signIn(org.reps.east1.email);
    expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.reps.east1.email);
    const out = await fetch(`${server.url}/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^pulse_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/,
    );
    expect((await gql(ME, asCookie(cookie))).status).toBe(401);
    // the person's other session (another browser) goes on
    expect(meOf(await gql(ME, asCookie(other)))).toBe(org.reps.east1.email);
    const [row] = await server.sql<{ revoked: boolean }>(
      sql`select count(*) filter (where revoked_at is not null) > 0 as revoked from sessions`,
    );
    expect(row?.revoked).toBe(true);
  });

  it('changePassword ends the person’s other sessions at once, and keeps the one it was made in', async () => {
    const here = await signIn(org.reps.east2.email);
    const elsewhere = await signIn(org.reps.east2.email, PASSWORD, 'other-browser/2.0');
    expect(meOf(await gql(ME, asCookie(elsewhere)))).toBe(org.reps.east2.email);
    const changed = await gql(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      asCookie(here),
      { c: PASSWORD, n: 'a brand new passphrase' },
    );
    expect(changed.body.data).toEqual({ changePassword: 1 });
    expect((await gql(ME, asCookie(elsewhere))).status).toBe(401);
    expect(meOf(await gql(ME, asCookie(here)))).toBe(org.reps.east2.email);
    // the new password signs in, the old one no longer
    await signIn(org.reps.east2.email, 'a brand new passphrase');
    const old = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: org.reps.east2.email, password: PASSWORD }),
    });
    expect(old.status).toBe(401);
  });

  it('signOutEverywhere: an admin for anyone, a person for themselves, nobody for someone else', async () => {
    const carol = await signIn(org.reps.west1.email);
    const alice = await signIn(org.reps.east1.email);
    const refused = await gql('mutation($u: ID!) { signOutEverywhere(userId: $u) }', asCookie(alice), {
      u: String(org.reps.west1.id),
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(meOf(await gql(ME, asCookie(carol)))).toBe(org.reps.west1.email);

    const byAdmin = await server.gql<{ signOutEverywhere: number }>(
      'mutation($u: ID!) { signOutEverywhere(userId: $u) }',
      { u: String(org.reps.west1.id) },
      org.admin,
    );
    expect(dataOf(byAdmin).signOutEverywhere).toBeGreaterThanOrEqual(1);
    expect((await gql(ME, asCookie(carol))).status).toBe(401);

    const own = await gql('mutation($u: ID!) { signOutEverywhere(userId: $u) }', asCookie(alice), {
      u: String(org.reps.east1.id),
    });
    expect((own.body.data as { signOutEverywhere: number }).signOutEverywhere).toBeGreaterThanOrEqual(1);
    expect((await gql(ME, asCookie(alice))).status).toBe(401);
  });

  it('deactivating a user (in plain SQL, as any writer) ends their sessions', async () => {
    const cookie = await signIn(org.reps.west1.email);
    expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.reps.west1.email);
    await server.sql(sql`update users set active = false where id = ${org.reps.west1.id}`);
    await settle(server);
    expect((await gql(ME, asCookie(cookie))).status).toBe(401);
    const [row] = await server.sql<{ open: number }>(
      sql`select count(*)::int as open from sessions where user_id = ${org.reps.west1.id} and revoked_at is null`,
    );
    expect(row?.open).toBe(0);
    // reactivated, the old cookie stays ended
    await server.sql(sql`update users set active = true where id = ${org.reps.west1.id}`);
    await settle(server);
    expect((await gql(ME, asCookie(cookie))).status).toBe(401);
  });

  it('a session revoked by another process (plain SQL) ends once its notification arrives', async () => {
    const cookie = await signIn(org.admin);
    expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.admin);
    await server.sql(sql`update sessions set revoked_at = now() where revoked_at is null and user_agent = 'test-browser/1.0'
      and user_id = (select id from users where email = ${org.admin})`);
    await until(
      async () => (await gql(ME, asCookie(cookie))).status === 401,
      'the revoked session to answer 401',
    );
  });

  it('tells listeners (the WebSocket, next) when sessions may have ended, here or elsewhere', async () => {
    let heard = 0;
    const stop = server.app.auth.sessions.onInvalidate(() => (heard += 1));
    try {
      const cookie = await signIn(org.reps.east1.email, PASSWORD, 'listener-probe');
      expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.reps.east1.email);
      await settle(server);
      heard = 0;
      await server.sql(sql`update sessions set revoked_at = now() where user_agent = 'listener-probe'`);
      await until(() => heard > 0, 'the revocation to be heard');
    } finally {
      stop();
    }
  });

  it('a mutation checks the session as committed, before any notification', async () => {
    const cookie = await signIn(org.admin);
    expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.admin);
    // revoked behind the cache's back: no notification is handled before the mutation runs
    server.app.auth.sessions.handle = () => {};
    try {
      await server.sql(sql`update sessions set revoked_at = now() where revoked_at is null
        and user_id = (select id from users where email = ${org.admin})`);
      const write = await gql('mutation($u: ID!) { signOutEverywhere(userId: $u) }', asCookie(cookie), {
        u: String(org.reps.east1.id),
      });
      expect(write.status).toBe(401);
    } finally {
      delete (server.app.auth.sessions as { handle?: unknown }).handle;
    }
  });
});

describe('signing in again', () => {
  it('ends the session the browser held before', async () => {
    const before = await signIn(org.admin);
    const response = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: before },
      body: JSON.stringify({ email: org.admin, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const after = response.headers.get('set-cookie')!.split(';')[0]!;
    expect(after).not.toBe(before);
    expect((await gql(ME, asCookie(before))).status).toBe(401);
    expect(meOf(await gql(ME, asCookie(after)))).toBe(org.admin);
  });
});

describe('expiry and last use', () => {
  it('ends a session unused for SESSION_IDLE_TTL, and one older than SESSION_TTL however used', async () => {
    const idle = await signIn(org.admin);
    now += 2 * 24 * 3600_000 - 1000;
    expect(meOf(await gql(ME, asCookie(idle)))).toBe(org.admin);
    now += 2 * 24 * 3600_000;
    const answer = await gql(ME, asCookie(idle));
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.message).toMatch(/expired/);

    const busy = await signIn(org.admin);
    for (let day = 1; day < 14; day++) {
      now += 24 * 3600_000;
      expect(meOf(await gql(ME, asCookie(busy)))).toBe(org.admin);
    }
    now += 24 * 3600_000;
    expect((await gql(ME, asCookie(busy))).status).toBe(401);
  });

  it('peeks (the live fast path, per event) only at a cached, current session; idle or expired ones are authenticateId’s to end', async () => {
    const cookie = await signIn(org.admin, PASSWORD, 'peek-probe');
    const store = server.app.auth.sessions;
    const id = hashToken(cookie.slice(cookie.indexOf('=') + 1));
    store.invalidate();
    expect(store.peekId(id)).toBeUndefined(); // not cached: only authenticateId reads
    expect(meOf(await gql(ME, asCookie(cookie)))).toBe(org.admin);
    const reads = store.reads;
    expect(store.peekId(id)?.email).toBe(org.admin);
    expect(store.reads).toBe(reads);
    // older than the cache's max age: not peeked, read again by the next request
    now += 2 * 24 * 3600_000 - 1000;
    expect(store.peekId(id)).toBeUndefined();
    await gql(ME, asCookie(cookie));
    expect(store.peekId(id)?.email).toBe(org.admin);
    now += 2 * 24 * 3600_000;
    expect(store.peekId(id)).toBeUndefined(); // idle now: authenticateId ends it
    expect((await gql(ME, asCookie(cookie))).status).toBe(401);
    expect(store.peekId(id)).toBeUndefined();
  });

  it('writes last use at most once a minute, not per request', async () => {
    const cookie = await signIn(org.admin, PASSWORD, 'last-use-probe');
    const lastUse = async () => {
      const [row] = await server.sql<{ at: string }>(
        sql`select last_used_at::text as at from sessions where user_agent = 'last-use-probe'`,
      );
      return new Date(row!.at.replace(' ', 'T').replace(/\+00$/, 'Z')).getTime();
    };
    const signedInAt = now;
    expect(await lastUse()).toBe(signedInAt);
    now += 30_000;
    await gql(ME, asCookie(cookie));
    expect(await lastUse()).toBe(signedInAt);
    now += 31_000;
    await gql(ME, asCookie(cookie));
    await until(async () => (await lastUse()) === now, 'last use to be written');
  });

  it('prune deletes sessions ended over a day ago, and keeps the others', async () => {
    const kept = await signIn(org.admin, PASSWORD, 'prune-kept');
    // idle for SESSION_IDLE_TTL (2 days), and then over a day more
    now += 3 * 24 * 3600_000 + 60_000;
    const fresh = await signIn(org.admin, PASSWORD, 'prune-fresh');
    await server.app.auth.prune();
    const agents = await server.sql<{ user_agent: string }>(
      sql`select user_agent from sessions order by user_agent`,
    );
    expect(agents.map((r) => r.user_agent)).toEqual(['prune-fresh']);
    expect((await gql(ME, asCookie(kept))).status).toBe(401);
    expect(meOf(await gql(ME, asCookie(fresh)))).toBe(org.admin);
  });
});
