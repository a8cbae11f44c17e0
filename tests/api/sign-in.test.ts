/**
 * Signing in with e-mail and password (issue 15, first slice), through the public surface:
 * POST /auth/sign-in sets an HttpOnly, SameSite=Lax session cookie that /graphql accepts; a wrong
 * password and an unknown e-mail get the same answer; repeated failures lock the account (and the
 * address), saying until when, and the lock ends at that time (the server's sign-in clock is
 * moved, nothing sleeps); passwords have a minimum length.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
const PASSWORD = 'correct horse battery staple';
const BOB_PASSWORD = 'another long passphrase';
let now = Date.parse('2030-01-01T00:00:00Z');

async function signIn(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: Record<string, unknown>;
  cookie: string | null;
  setCookie: string | null;
  headers: Headers;
}> {
  const response = await fetch(`${server.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  const setCookie = response.headers.get('set-cookie');
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    cookie: setCookie ? setCookie.split(';')[0]! : null,
    setCookie,
    headers: response.headers,
  };
}

async function gqlWithCookie(cookie: string, query: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({
    SIGN_IN_MAX_FAILURES: '3',
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '6',
    SIGN_IN_LOCK_MS: '600000',
  }));
  server.app.auth.clock.now = () => now;
  // a first password is set by a caller who has none yet (here: signed in with a token)
  dataOf(
    await server.gql(
      'mutation($p: String!) { changePassword(newPassword: $p) }',
      { p: PASSWORD },
      org.reps.east1.email,
    ),
  );
  dataOf(
    await server.gql(
      'mutation($p: String!) { changePassword(newPassword: $p) }',
      { p: BOB_PASSWORD },
      org.reps.east2.email,
    ),
  );
});
afterAll(() => server?.close());
// every test starts past any earlier test's failure window and lock
beforeEach(() => {
  now += 24 * 3600_000;
});

describe('POST /auth/sign-in', () => {
  it('answers the user and sets a session cookie that signs /graphql requests in', async () => {
    const answer = await signIn(' Alice@Example.com ', PASSWORD, { 'user-agent': 'test-browser/1.0' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      user: { id: String(org.reps.east1.id), email: org.reps.east1.email, name: 'Alice Able', role: 'REP' },
    });
    const me = await gqlWithCookie(answer.cookie!, '{ me { email } }');
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual({ me: { email: org.reps.east1.email } });
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/, with the session’s lifetime; Secure behind HTTPS', async () => {
    const plain = await signIn(org.reps.east1.email, PASSWORD);
    const attributes = plain.setCookie!.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^pulse_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${14 * 24 * 3600}`]),
    );
    expect(attributes).not.toContain('Secure');
    // a TLS-terminating proxy on this machine (express trusts loopback's X-Forwarded-Proto)
    const https = await signIn(org.reps.east1.email, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(https.setCookie!.split(';').map((a) => a.trim())).toContain('Secure');
  });

  it('gives a wrong password and an unknown e-mail the same answer', async () => {
    const wrong = await signIn(org.reps.east1.email, 'not the password at all');
    const unknown = await signIn('nobody@example.com', 'not the password at all');
    const noPassword = await signIn(org.reps.west1.email, 'not the password at all');
    for (const answer of [wrong, unknown, noPassword]) {
      expect(answer.status).toBe(401);
      expect(answer.cookie).toBeNull();
    }
    expect(unknown.body).toEqual(wrong.body);
    expect(noPassword.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'The e-mail address or the password is wrong.', fields: [] },
    });
  });

  it('refuses an inactive user with the same answer, even with the right password', async () => {
    const { sql } = await import('drizzle-orm');
    await server.sql(sql`update users set active = false where id = ${org.reps.east2.id}`);
    try {
      const answer = await signIn(org.reps.east2.email, BOB_PASSWORD);
      expect(answer.status).toBe(401);
      expect((answer.body.error as { message: string }).message).toBe(
        'The e-mail address or the password is wrong.',
      );
    } finally {
      await server.sql(sql`update users set active = true where id = ${org.reps.east2.id}`);
    }
  });

  it('locks an account after SIGN_IN_MAX_FAILURES failures, says until when, and unlocks then', async () => {
    const lockedAt = now;
    expect((await signIn(org.reps.east1.email, 'wrong guess number 1')).status).toBe(401);
    expect((await signIn(org.reps.east1.email, 'wrong guess number 2')).status).toBe(401);
    const third = await signIn(org.reps.east1.email, 'wrong guess number 3');
    const until = new Date(lockedAt + 600_000).toISOString();
    expect(third.status).toBe(429);
    expect(third.body).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: `Too many failed sign-ins: this account is locked until ${until}.`,
        fields: [],
        locked_until: until,
      },
    });
    expect(third.headers.get('retry-after')).toBe('600');
    // the right password does not get through a lock
    now = lockedAt + 599_000;
    const stillLocked = await signIn(org.reps.east1.email, PASSWORD);
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.headers.get('retry-after')).toBe('1');
    // another account is not locked by it
    expect((await signIn(org.reps.east2.email, BOB_PASSWORD)).status).toBe(200);
    now = lockedAt + 600_000;
    expect((await signIn(org.reps.east1.email, PASSWORD)).status).toBe(200);
  });

  it('locks an unknown e-mail the same way (a lock tells nothing about existence)', async () => {
    for (let i = 0; i < 2; i++)
      expect((await signIn('ghost@example.com', 'a wrong guess here')).status).toBe(401);
    const third = await signIn('ghost@example.com', 'a wrong guess here');
    expect(third.status).toBe(429);
    expect((third.body.error as { message: string }).message).toMatch(/this account is locked until/);
  });

  it('counts failures within the window only: a success clears the account’s count', async () => {
    expect((await signIn(org.reps.east1.email, 'wrong guess number 1')).status).toBe(401);
    expect((await signIn(org.reps.east1.email, 'wrong guess number 2')).status).toBe(401);
    expect((await signIn(org.reps.east1.email, PASSWORD)).status).toBe(200);
    expect((await signIn(org.reps.east1.email, 'wrong guess number 3')).status).toBe(401);
    // past the window, the count starts again
    now += 600_000;
    expect((await signIn(org.reps.east1.email, 'wrong guess number 4')).status).toBe(401);
    expect((await signIn(org.reps.east1.email, 'wrong guess number 5')).status).toBe(401);
    expect((await signIn(org.reps.east1.email, PASSWORD)).status).toBe(200);
  });

  it('locks an address after SIGN_IN_MAX_FAILURES_PER_ADDRESS failures across accounts', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signIn(`guess${i}@example.com`, 'a wrong guess here')).status).toBe(401);
    }
    const sixth = await signIn('guess5@example.com', 'a wrong guess here');
    expect(sixth.status).toBe(429);
    expect((sixth.body.error as { message: string }).message).toMatch(/from your address: try again after/);
    // even the right password of an unlocked account, from that address
    expect((await signIn(org.reps.east1.email, PASSWORD)).status).toBe(429);
  });

  it('refuses a body that is not JSON (no cross-site form can sign a browser in)', async () => {
    const response = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${org.reps.east1.email}&password=${PASSWORD}`,
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a password longer than any password can be, before hashing', async () => {
    const answer = await signIn(org.reps.east1.email, 'x'.repeat(2000));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password' }] });
  });
});

describe('changePassword', () => {
  it('refuses a new password shorter than PASSWORD_MIN_LENGTH, and a wrong current one', async () => {
    const short = await server.gql(
      'mutation { changePassword(currentPassword: "correct horse battery staple", newPassword: "elevenchars") }',
      {},
      org.reps.east1.email,
    );
    expect(errorOf(short)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'newPassword', message: 'must be at least 12 characters' }],
    });
    const wrong = await server.gql(
      'mutation { changePassword(currentPassword: "not my password", newPassword: "a fine new passphrase") }',
      {},
      org.reps.east1.email,
    );
    expect(errorOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'currentPassword' }] });
    // nor without the current one, once there is a password
    const missing = await server.gql(
      'mutation { changePassword(newPassword: "a fine new passphrase") }',
      {},
      org.reps.east1.email,
    );
    expect(errorOf(missing).fields[0]?.field).toBe('currentPassword');
    expect((await signIn(org.reps.east1.email, PASSWORD)).status).toBe(200);
  });

  it('counts wrong current passwords as failed sign-ins: guessing from a session locks the account', async () => {
    const guess = (n: number) =>
      server.gql(
        `mutation { changePassword(currentPassword: "wrong guess ${n}", newPassword: "a fine new passphrase") }`,
        {},
        org.reps.east1.email,
      );
    expect(errorOf(await guess(1)).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await guess(2)).code).toBe('BAD_USER_INPUT');
    const third = errorOf(await guess(3));
    expect(third.code).toBe('FORBIDDEN');
    expect(third.message).toMatch(/this account is locked until/);
    expect((await signIn(org.reps.east1.email, PASSWORD)).status).toBe(429);
  });
});
