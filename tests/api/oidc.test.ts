/**
 * Single sign-on with OpenID Connect (issue 15) against a real provider started here
 * (tests/support/oidc.ts), its redirects followed as a browser follows them: a verified e-mail
 * signs a person in to the same session a password gives; an unverified one, an unknown person, an
 * inactive one and a wrong or missing state are refused with a code for the sign-in page; the
 * group mapping sets role and team at every sign-in, in the audit log; OIDC_AUTO_CREATE creates
 * people; OIDC_ONLY refuses passwords while bearer tokens keep working.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { driveSso, startOidcProvider, type TestOidcProvider } from '../support/oidc.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let idp: TestOidcProvider;
let server: TestServer;
let org: OrgFixture;

const ROLE_MAP = 'pulse-admins=ADMIN,pulse-managers=MANAGER,pulse-screens=VIEWER';
const LOG = `query($id: ID) { auditLog(targetType: "User", targetId: $id) {
  action actorName actor { email } before after } }`;

async function me(cookie: string | undefined) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `pulse_session=${cookie}` },
    body: JSON.stringify({ query: '{ me { email role team { name } } }' }),
  });
  return (await response.json()) as {
    data?: { me: { email: string; role: string; team: { name: string } | null } };
  };
}

beforeAll(async () => {
  idp = await startOidcProvider({
    alice: { email: 'Alice@Example.com', email_verified: true, name: 'Alice Able', groups: [] },
    bob: { email: 'bob@example.com', email_verified: false, name: 'Bob Baker', groups: [] },
    dave: { email: 'dave@example.com', email_verified: true, name: 'Dave Doe', groups: ['pulse-managers'] },
    carol: { email: 'carol@example.com', email_verified: true, name: 'Carol Cruz', groups: ['sales-west'] },
    root: { email: 'admin@example.com', email_verified: true, name: 'Admin', groups: ['sales-east'] },
  });
  ({ server, org } = await startOrgServer(
    idp.env({
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: ROLE_MAP,
      OIDC_TEAM_MAP: 'sales-east=east,sales-west=West',
    }),
  ));
  idp.allow(server.url);
});
afterAll(async () => {
  await server?.close();
  await idp?.close();
});

describe('single sign-on', () => {
  it('tells the sign-in page, without a credential, that SSO is on and passwords too', async () => {
    const response = await fetch(`${server.url}/auth/methods`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      password: true,
      sso: { label: 'SSO', start: '/auth/oidc/start' },
    });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and keeps them in a short-lived HttpOnly cookie', async () => {
    const response = await fetch(`${server.url}/auth/oidc/start`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location') ?? '');
    expect(to.origin).toBe(idp.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: 'pulse',
      response_type: 'code',
      redirect_uri: `${server.url}/auth/oidc/callback`,
      scope: 'openid email profile groups',
      code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(to.searchParams.get(name)).toMatch(/^[\w-]{22,}$/);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^pulse_oidc=[^;]+; Path=\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/);
    // sealed: neither the state nor the verifier can be read from it
    expect(cookie).not.toContain(to.searchParams.get('state'));
  });

  it('signs a person in by their verified e-mail, to the same session cookie a password gives', async () => {
    const outcome = await driveSso(server.url, 'alice');
    expect(outcome.location).toBe('/');
    expect(outcome.setCookies.find((c) => c.startsWith('pulse_session='))).toMatch(
      /^pulse_session=[\w-]+; Path=\/; Max-Age=120959\d; HttpOnly; SameSite=Lax$/,
    );
    // the flow cookie is spent
    expect(outcome.setCookies).toContain('pulse_oidc=; Path=/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax');
    expect((await me(outcome.session)).data?.me).toEqual({
      email: 'alice@example.com',
      role: 'REP',
      team: null,
    });
    const [row] = await server.sql<{ kind: string }>(
      sql`select s.kind from sessions s join users u on u.id = s.user_id where u.email = 'alice@example.com'`,
    );
    expect(row?.kind).toBe('browser');
  });

  it('refuses an e-mail the provider has not verified, and an unknown person (no OIDC_AUTO_CREATE)', async () => {
    expect(await driveSso(server.url, 'bob')).toMatchObject({
      location: '/?sso_error=unverified',
      session: undefined,
    });
    expect(await driveSso(server.url, 'dave')).toMatchObject({
      location: '/?sso_error=unknown',
      session: undefined,
    });
    const [row] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from users where email = 'dave@example.com'`,
    );
    expect(row?.n).toBe(0);
  });

  it('re-applies the group mapping at every sign-in: role and team, audited as the single sign-on', async () => {
    const alice = idp.accounts.get('alice')!;
    alice.groups = ['pulse-managers', 'sales-east'];
    let outcome = await driveSso(server.url, 'alice');
    expect((await me(outcome.session)).data?.me).toEqual({
      email: 'alice@example.com',
      role: 'MANAGER',
      team: { name: 'East' },
    });
    // several groups: the highest role
    alice.groups = ['pulse-screens', 'pulse-admins', 'pulse-managers'];
    outcome = await driveSso(server.url, 'alice');
    expect((await me(outcome.session)).data?.me).toMatchObject({ role: 'ADMIN', team: null });
    // no mapped group: REP, no team
    alice.groups = ['something-else'];
    outcome = await driveSso(server.url, 'alice');
    expect((await me(outcome.session)).data?.me).toMatchObject({ role: 'REP', team: null });

    const log = dataOf(
      await server.gql<{
        auditLog: { action: string; actorName: string; actor: null; before: string; after: string }[];
      }>(LOG, { id: String(org.reps.east1.id) }, org.admin),
    ).auditLog;
    expect(log.map((e) => [e.action, e.actorName, e.actor])).toEqual([
      ['user.update', 'Single sign-on', null],
      ['user.update', 'Single sign-on', null],
      ['user.update', 'Single sign-on', null],
      ['user.update', 'Single sign-on', null],
    ]);
    expect(JSON.parse(log[0]!.after)).toMatchObject({ role: 'REP', teamId: null });
    expect(JSON.parse(log[3]!.before)).toMatchObject({ role: 'REP', teamId: org.teams.east });
    expect(JSON.parse(log[3]!.after)).toMatchObject({ role: 'REP', teamId: null });
    expect(JSON.parse(log[2]!.after)).toMatchObject({ role: 'MANAGER', teamId: org.teams.east });

    // nothing changes: nothing logged
    await driveSso(server.url, 'alice');
    const again = dataOf(
      await server.gql<{ auditLog: unknown[] }>(LOG, { id: String(org.reps.east1.id) }, org.admin),
    );
    expect(again.auditLog).toHaveLength(4);
  });

  it('never demotes the last active admin, though the groups map to less (the team still follows)', async () => {
    const outcome = await driveSso(server.url, 'root');
    expect((await me(outcome.session)).data?.me).toEqual({
      email: 'admin@example.com',
      role: 'ADMIN',
      team: { name: 'East' },
    });
  });

  it('refuses a callback whose state is wrong or missing, or that comes without the flow cookie', async () => {
    const wrong = await driveSso(server.url, 'alice', {
      callback: (url) => {
        url.searchParams.set('state', 'not-the-state-this-browser-started-with');
        return url;
      },
    });
    expect(wrong).toMatchObject({ location: '/?sso_error=state', session: undefined });
    expect(wrong.setCookies).toContain('pulse_oidc=; Path=/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax');
    const missing = await driveSso(server.url, 'alice', {
      callback: (url) => {
        url.searchParams.delete('state');
        return url;
      },
    });
    expect(missing).toMatchObject({ location: '/?sso_error=state', session: undefined });
    expect(await driveSso(server.url, 'alice', { dropFlowCookie: true })).toMatchObject({
      location: '/?sso_error=state',
      session: undefined,
    });
    // a callback nobody started
    const bare = await fetch(`${server.url}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([302, '/?sso_error=state']);
  });

  it('says so when the provider refuses, or its code cannot be used', async () => {
    const refused = await driveSso(server.url, 'alice', {
      callback: (url) =>
        new URL(`${url.origin}${url.pathname}?error=access_denied&state=${url.searchParams.get('state')}`),
    });
    expect(refused).toMatchObject({ location: '/?sso_error=provider', session: undefined });
    const forged = await driveSso(server.url, 'alice', {
      callback: (url) => {
        url.searchParams.set('code', 'forged-code');
        return url;
      },
    });
    expect(forged).toMatchObject({ location: '/?sso_error=provider', session: undefined });
  });

  it('refuses a deactivated person', async () => {
    await server.sql(sql`update users set active = false where email = 'carol@example.com'`);
    expect(await driveSso(server.url, 'carol')).toMatchObject({
      location: '/?sso_error=inactive',
      session: undefined,
    });
  });
});

describe('OIDC_AUTO_CREATE and OIDC_ONLY', () => {
  let only: TestServer;
  beforeAll(async () => {
    ({ server: only } = await startOrgServer(
      idp.env({
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: ROLE_MAP,
        OIDC_AUTO_CREATE: 'true',
        OIDC_ONLY: 'true',
        OIDC_BUTTON_LABEL: 'Example ID',
      }),
    ));
    idp.allow(only.url);
  });
  afterAll(() => only?.close());

  it('creates a person at their first sign-in, with the mapped role, in the audit log', async () => {
    const outcome = await driveSso(only.url, 'dave');
    expect(outcome.location).toBe('/');
    const [dave] = await only.sql<{ id: number; name: string; role: string; kind: string }>(
      sql`select id, name, role, kind from users where email = 'dave@example.com'`,
    );
    expect(dave).toMatchObject({ name: 'Dave Doe', role: 'MANAGER', kind: 'person' });
    const log = dataOf(
      await only.gql<{ auditLog: { action: string; actorName: string }[] }>(
        LOG,
        { id: String(dave!.id) },
        'admin@example.com',
      ),
    ).auditLog;
    expect(log.map((e) => [e.action, e.actorName])).toEqual([['user.create', 'Single sign-on']]);
    // still refused: an unverified e-mail is never created
    expect((await driveSso(only.url, 'bob')).location).toBe('/?sso_error=unverified');
  });

  it('refuses password sign-in, set-password links and reset requests, and says how to sign in', async () => {
    const methods = await fetch(`${only.url}/auth/methods`);
    expect(await methods.json()).toEqual({
      password: false,
      sso: { label: 'Example ID', start: '/auth/oidc/start' },
    });
    for (const [path, body] of [
      ['/auth/sign-in', { email: 'admin@example.com', password: 'correct horse battery staple' }],
      ['/auth/set-password', { token: 'x'.repeat(43), password: 'correct horse battery staple' }],
      ['/auth/reset-request', { email: 'admin@example.com' }],
    ] as const) {
      const response = await fetch(`${only.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, path).toBe(403);
      expect(await response.json(), path).toEqual({
        error: {
          code: 'FORBIDDEN',
          message: 'Password sign-in is off here: use "Sign in with Example ID".',
          fields: [],
        },
      });
    }
  });

  it('refuses invitations and password links, and says how people get in instead', async () => {
    const message =
      'Password sign-in is off here (OIDC_ONLY): people sign in with Example ID. ' +
      'Add someone with createUser, or let single sign-on add them (OIDC_AUTO_CREATE).';
    const before = await only.sql<{ n: number }>(sql`select count(*)::int as n from users`);
    const invited = await only.gql(
      'mutation { inviteUser(input: { name: "Nia New", email: "nia.new@example.com", role: REP }) { link } }',
      {},
      'admin@example.com',
    );
    expect(errorOf(invited)).toEqual({ code: 'FORBIDDEN', fields: [], message });
    // nobody was added by the refused invitation
    expect(await only.sql<{ n: number }>(sql`select count(*)::int as n from users`)).toEqual(before);
    const [admin] = await only.sql<{ id: number }>(
      sql`select id from users where email = 'admin@example.com'`,
    );
    const link = await only.gql(
      'mutation($id: ID!) { issuePasswordLink(userId: $id) { link } }',
      { id: String(admin!.id) },
      'admin@example.com',
    );
    expect(errorOf(link)).toEqual({ code: 'FORBIDDEN', fields: [], message });
    // createUser adds the person: they sign in with the provider by their e-mail
    const created = await only.gql<{ createUser: { email: string; role: string } }>(
      'mutation { createUser(input: { name: "Nia New", email: "nia.new@example.com", role: REP }) { email role } }',
      {},
      'admin@example.com',
    );
    expect(dataOf(created).createUser).toEqual({ email: 'nia.new@example.com', role: 'REP' });
  });

  it('keeps bearer tokens (npm run token) working', async () => {
    const answer = await only.gql<{ me: { email: string } }>('{ me { email } }', {}, 'admin@example.com');
    expect(dataOf(answer).me.email).toBe('admin@example.com');
  });
});

describe('a provider that cannot be reached', () => {
  it('sends the browser back to the sign-in page (unavailable), never an error page', async () => {
    const gone = await startOidcProvider({
      alice: { email: 'alice@example.com', email_verified: true, name: 'Alice Able', groups: [] },
    });
    const env = gone.env();
    await gone.close();
    const { server: lonely } = await startOrgServer(env);
    try {
      const response = await fetch(`${lonely.url}/auth/oidc/start`, { redirect: 'manual' });
      expect([response.status, response.headers.get('location')]).toEqual([302, '/?sso_error=unavailable']);
      expect(response.headers.getSetCookie()).toEqual([]);
      const callback = await fetch(`${lonely.url}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
      expect(callback.headers.get('location')).toBe('/?sso_error=state');
    } finally {
      await lonely.close();
    }
  });
});

describe('OIDC configuration', () => {
  const base = { OIDC_ISSUER: 'https://sso.example.com/realms/acme', OIDC_CLIENT_ID: 'pulse' };
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    return 'accepted';
  };

  it('is off without OIDC_ISSUER, and reads the maps in order', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(
      loadConfig({
        ...base,
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: ' a=ADMIN , b=MANAGER',
        OIDC_TEAM_MAP: 'x=East',
      }).oidc,
    ).toMatchObject({
      scopes: 'openid email profile',
      roleMap: [
        ['a', 'ADMIN'],
        ['b', 'MANAGER'],
      ],
      teamClaim: 'groups',
      teamMap: [['x', 'East']],
      autoCreate: false,
      only: false,
      buttonLabel: 'SSO',
    });
  });

  it('refuses what cannot work, naming the variable', () => {
    expect(refusal({ ...base, OIDC_ISSUER: 'http://sso.example.com' })).toContain(
      'OIDC_ISSUER: must be https',
    );
    expect(refusal({ ...base, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x' })).toBe('accepted');
    expect(refusal({ OIDC_ISSUER: base.OIDC_ISSUER })).toContain('OIDC_CLIENT_ID: needed with OIDC_ISSUER');
    expect(refusal({ OIDC_ONLY: 'true' })).toContain('OIDC_ONLY: needs OIDC_ISSUER');
    expect(refusal({ ...base, OIDC_SCOPES: 'email profile' })).toContain('OIDC_SCOPES: must include openid');
    expect(refusal({ ...base, OIDC_ROLE_MAP: 'a=ADMIN' })).toContain(
      'OIDC_ROLE_CLAIM: needed with OIDC_ROLE_MAP',
    );
    expect(refusal({ ...base, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'a=BOSS' })).toContain(
      'OIDC_ROLE_MAP: roles are ADMIN, MANAGER, REP, VIEWER (a=BOSS)',
    );
    expect(refusal({ ...base, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'ADMIN' })).toContain(
      'OIDC_ROLE_MAP: each item must be group=value',
    );
  });
});
