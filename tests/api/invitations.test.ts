/**
 * Invitations and password resets (issue 15) through the public surface, with real mail: an
 * in-process SMTP server (smtp-server) takes what nodemailer sends, and the tests follow the link
 * in the mail to POST /auth/set-password, which signs the person in. Without SMTP_URL the link is
 * answered to the admin instead. Who may invite or issue links, one-time use, expiry, retirement
 * of older links, no user enumeration on reset requests, and sessions ended by a reset.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { until } from '../support/wait.ts';

const PASSWORD = 'a long enough passphrase';
const INVITE = `mutation($input: CreateUserInput!) { inviteUser(input: $input) { kind link emailed expiresAt user { id email } } }`;
const ISSUE = 'mutation($id: ID!) { issuePasswordLink(userId: $id) { kind link emailed } }';

interface Issued {
  kind: string;
  link: string | null;
  emailed: boolean;
  expiresAt: string;
  user: { id: string; email: string };
}

const tokenOf = (link: string) => /#set-password=([A-Za-z0-9_-]+)$/.exec(link)?.[1] ?? '';

async function post(server: TestServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & {
      error?: { code: string; fields: { field: string }[] };
    },
  };
}

describe('without SMTP_URL', () => {
  let server: TestServer;
  let org: OrgFixture;
  let now = Date.parse('2030-03-01T00:00:00Z');
  beforeAll(async () => {
    ({ server, org } = await startOrgServer({ PUBLIC_URL: 'https://pulse.example' }));
    server.app.auth.clock.now = () => now;
  });
  afterAll(() => server?.close());

  it('answers the invitation link to the admin; following it sets the password and signs in, once', async () => {
    const invited = dataOf(
      await server.gql<{ inviteUser: Issued }>(
        INVITE,
        {
          input: { name: 'Nina New', email: 'Nina@Example.com', role: 'REP', teamId: String(org.teams.east) },
        },
        org.admin,
      ),
    ).inviteUser;
    expect(invited).toMatchObject({
      kind: 'invitation',
      emailed: false,
      user: { email: 'nina@example.com' },
    });
    expect(invited.link).toMatch(/^https:\/\/pulse\.example\/#set-password=[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(invited.expiresAt)).toBe(now + 7 * 86_400_000);
    const token = tokenOf(invited.link!);
    const short = await post(server, '/auth/set-password', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error?.fields[0]?.field).toBe('password');
    const set = await post(server, '/auth/set-password', { token, password: PASSWORD });
    expect(set.status).toBe(200);
    expect(set.body.user).toMatchObject({ email: 'nina@example.com', role: 'REP' });
    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: set.cookie! },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe('nina@example.com');
    // once only
    const again = await post(server, '/auth/set-password', { token, password: PASSWORD });
    expect(again.status).toBe(400);
    expect(again.body.error?.fields[0]?.field).toBe('token');
    const signIn = await post(server, '/auth/sign-in', { email: 'nina@example.com', password: PASSWORD });
    expect(signIn.status).toBe(200);
  });

  it('lets a manager invite a rep into their team only, and nobody else invite', async () => {
    const into = (teamId: number, role = 'REP') => ({
      input: { name: 'Team Mate', email: `mate-${teamId}-${role}@example.com`, role, teamId: String(teamId) },
    });
    const own = await server.gql<{ inviteUser: Issued }>(INVITE, into(org.teams.east), org.managers.east);
    expect(dataOf(own).inviteUser.kind).toBe('invitation');
    for (const [vars, as] of [
      [into(org.teams.west), org.managers.east],
      [into(org.teams.east, 'MANAGER'), org.managers.east],
      [into(org.teams.east), org.reps.east1.email],
      [into(org.teams.east), org.viewer],
    ] as const) {
      const refused = await server.gql(INVITE, vars, as);
      expect(refused.errors?.[0]?.extensions?.code, `${as}`).toBe('FORBIDDEN');
    }
    const [made] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from users where email like 'mate-%'`,
    );
    expect(made?.n).toBe(1);
  });

  it('issues a reset link for someone with a password, retiring the older one, and it expires', async () => {
    const alice = org.reps.east1;
    dataOf(
      await server.gql('mutation { changePassword(newPassword: "the old passphrase") }', {}, alice.email),
    );
    const old = await post(server, '/auth/sign-in', { email: alice.email, password: 'the old passphrase' });
    const first = dataOf(
      await server.gql<{ issuePasswordLink: Issued }>(ISSUE, { id: String(alice.id) }, org.admin),
    );
    expect(first.issuePasswordLink.kind).toBe('reset');
    const second = dataOf(
      await server.gql<{ issuePasswordLink: Issued }>(ISSUE, { id: String(alice.id) }, org.managers.east),
    );
    const retired = await post(server, '/auth/set-password', {
      token: tokenOf(first.issuePasswordLink.link!),
      password: PASSWORD,
    });
    expect(retired.status).toBe(400);
    // the reset ends the sessions of whoever had the old password
    const used = await post(server, '/auth/set-password', {
      token: tokenOf(second.issuePasswordLink.link!),
      password: PASSWORD,
    });
    expect(used.status).toBe(200);
    const oldSession = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: old.cookie! },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(oldSession.status).toBe(401);
    // a manager may not issue one for someone outside their teams; an expired link is refused
    const outside = await server.gql(ISSUE, { id: String(org.reps.west1.id) }, org.managers.east);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const late = dataOf(
      await server.gql<{ issuePasswordLink: Issued }>(ISSUE, { id: String(alice.id) }, org.admin),
    );
    now += 2 * 3600_000; // RESET_TTL is 1 h
    const expired = await post(server, '/auth/set-password', {
      token: tokenOf(late.issuePasswordLink.link!),
      password: PASSWORD,
    });
    expect(expired.status).toBe(400);
  });

  it('refuses a reset request: without mail, only an admin can help', async () => {
    const asked = await post(server, '/auth/reset-request', { email: org.reps.east1.email });
    expect(asked.status).toBe(403);
    expect(asked.body.error?.code).toBe('FORBIDDEN');
  });
});

describe('with SMTP_URL', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    smtp = await startSmtp();
    ({ server, org } = await startOrgServer({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Pulse <pulse@example.com>',
      PUBLIC_URL: 'https://pulse.example/',
    }));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('mails the invitation, shows no link, and the link in the mail signs the person in', async () => {
    const invited = dataOf(
      await server.gql<{ inviteUser: Issued }>(
        INVITE,
        { input: { name: 'Mo Mail', email: 'mo@example.com', role: 'REP', teamId: String(org.teams.west) } },
        org.admin,
      ),
    ).inviteUser;
    expect(invited).toMatchObject({ emailed: true, link: null });
    const mail = await until(() => smtp.mails.find((m) => m.to === 'mo@example.com'), 'the invitation mail');
    expect(mail.subject).toBe('You are invited to Pulse');
    const link = /https:\/\/pulse\.example\/#set-password=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const set = await post(server, '/auth/set-password', { token: tokenOf(link!), password: PASSWORD });
    expect(set.status).toBe(200);
    expect(set.body.user).toMatchObject({ email: 'mo@example.com' });
  });

  it('answers a reset request the same for anyone, mails only a real person, and the link works', async () => {
    const before = smtp.mails.length;
    const unknown = await post(server, '/auth/reset-request', { email: 'nobody@example.com' });
    const known = await post(server, '/auth/reset-request', { email: org.reps.west1.email.toUpperCase() });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    const mail = await until(
      () => smtp.mails.slice(before).find((m) => m.to === org.reps.west1.email),
      'the reset mail',
    );
    expect(mail.subject).toBe('Reset your Pulse password');
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual([org.reps.west1.email]);
    const token = /#set-password=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    const set = await post(server, '/auth/set-password', { token, password: PASSWORD });
    expect(set.status).toBe(200);
    const signIn = await post(server, '/auth/sign-in', { email: org.reps.west1.email, password: PASSWORD });
    expect(signIn.status).toBe(200);
  });
});

describe('without PUBLIC_URL', () => {
  it('links to the port the server listens on (PORT=0 in tests: the one it chose)', async () => {
    const { server, org } = await startOrgServer();
    try {
      const invited = dataOf(
        await server.gql<{ inviteUser: Issued }>(
          INVITE,
          {
            input: {
              name: 'Pat Port',
              email: 'pat@example.com',
              role: 'REP',
              teamId: String(org.teams.east),
            },
          },
          org.admin,
        ),
      ).inviteUser;
      const port = new URL(server.url).port;
      expect(invited.link).toMatch(new RegExp(`^http://localhost:${port}/#set-password=`));
    } finally {
      await server.close();
    }
  });
});
