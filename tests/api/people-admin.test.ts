/**
 * People administration over GraphQL (issue 15): updateUser (ADMIN only) changes name, role, team
 * and the active flag; deactivation signs the person out at once, open dashboard included; the
 * last active admin stays one; every administrative change lands in the audit log (ADMIN only),
 * with before and after and never a secret.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect, socketWithHeaders, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { id name role active team { id } } }`;
const LOG = `query($first: Int, $before: ID, $type: String, $target: ID) {
  auditLog(first: $first, before: $before, targetType: $type, targetId: $target) {
    id action targetType targetId before after actorName actor { email } } }`;
const PASSWORD = 'correct horse battery staple';

interface Entry {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  before: string | null;
  after: string | null;
  actorName: string;
  actor: { email: string } | null;
}

const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.code;

async function log(variables: Record<string, unknown> = {}): Promise<Entry[]> {
  return dataOf(await server.gql<{ auditLog: Entry[] }>(LOG, variables, org.admin)).auditLog;
}

beforeAll(async () => {
  // no DNS lookup for the example webhook host
  ({ server, org } = await startOrgServer({ WEBHOOK_ALLOW_PRIVATE: 'true' }));
});
afterAll(() => server?.close());

describe('updateUser', () => {
  it('lets an admin rename, move and promote someone, and logs before and after', async () => {
    const bob = org.reps.east2;
    const changed = dataOf(
      await server.gql<{ updateUser: { name: string; role: string; team: { id: string } } }>(
        UPDATE,
        {
          id: String(bob.id),
          input: { name: 'Robert Able', role: 'MANAGER', teamId: String(org.teams.west) },
        },
        org.admin,
      ),
    ).updateUser;
    expect(changed).toMatchObject({
      name: 'Robert Able',
      role: 'MANAGER',
      team: { id: String(org.teams.west) },
    });
    const [entry] = await log({ type: 'User', target: String(bob.id) });
    expect(entry).toMatchObject({ action: 'user.update', actor: { email: org.admin } });
    expect(JSON.parse(entry!.before!)).toMatchObject({
      name: 'Bob Baker',
      role: 'REP',
      teamId: org.teams.east,
    });
    expect(JSON.parse(entry!.after!)).toMatchObject({
      name: 'Robert Able',
      role: 'MANAGER',
      teamId: org.teams.west,
    });
    // a field left out stays; null team means none
    const back = dataOf(
      await server.gql<{ updateUser: { name: string; role: string; team: null } }>(
        UPDATE,
        { id: String(bob.id), input: { role: 'REP', teamId: null } },
        org.admin,
      ),
    ).updateUser;
    expect(back).toMatchObject({ name: 'Robert Able', role: 'REP', team: null });
    dataOf(
      await server.gql(UPDATE, { id: String(bob.id), input: { teamId: String(org.teams.east) } }, org.admin),
    );
  });

  it('is for admins only, and names a bad field', async () => {
    const target = String(org.reps.west1.id);
    for (const as of [org.managers.east, org.reps.east1.email, org.viewer]) {
      expect(codeOf(await server.gql(UPDATE, { id: target, input: { name: 'X' } }, as)), as).toBe(
        'FORBIDDEN',
      );
    }
    const blank = await server.gql(UPDATE, { id: target, input: { name: ' ' } }, org.admin);
    expect(blank.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'name' }],
    });
    expect(codeOf(await server.gql(UPDATE, { id: target, input: { teamId: '999999' } }, org.admin))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await server.gql(UPDATE, { id: '999999', input: { name: 'Nobody' } }, org.admin))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps the last active admin one', async () => {
    const [admin] = await server.sql<{ id: number }>(sql`select id from users where email = ${org.admin}`);
    for (const input of [{ role: 'MANAGER' }, { active: false }]) {
      const refused = await server.gql(UPDATE, { id: String(admin!.id), input }, org.admin);
      expect(codeOf(refused)).toBe('CONFLICT');
    }
    const [still] = await server.sql<{ role: string; active: boolean }>(
      sql`select role, active from users where id = ${admin!.id}`,
    );
    expect(still).toEqual({ role: 'ADMIN', active: true });
  });

  it('deactivating signs the person out at once, open dashboard included; reactivating lets them back', async () => {
    const carol = org.reps.west1;
    dataOf(
      await server.gql(
        'mutation($p: String!) { changePassword(newPassword: $p) }',
        { p: PASSWORD },
        carol.email,
      ),
    );
    const signIn = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: carol.email, password: PASSWORD }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const dashboard = connect(server.url, null, {
      webSocketImpl: socketWithHeaders({ cookie, origin: server.url }),
    });
    try {
      await subscribe(dashboard, 'subscription { leaderboardChanged(limit: 1) { version } }').waitFor(
        () => true,
      );
      dataOf(await server.gql(UPDATE, { id: String(carol.id), input: { active: false } }, org.admin));
      expect(await until(() => dashboard.closes[0], 'the dashboard to be signed out')).toMatchObject({
        code: 4401,
      });
      const me = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      expect(me.status).toBe(401);
    } finally {
      await dashboard.dispose();
    }
    dataOf(await server.gql(UPDATE, { id: String(carol.id), input: { active: true } }, org.admin));
    const again = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: carol.email, password: PASSWORD }),
    });
    expect(again.status).toBe(200);
  });
});

describe('the audit log', () => {
  it('records teams, webhooks, users and tokens, newest first, without a secret, a page at a time', async () => {
    dataOf(await server.gql('mutation { createTeam(input: { name: "North" }) { id } }', {}, org.admin));
    const webhook = dataOf(
      await server.gql<{ createWebhook: { webhook: { id: string }; secret: string } }>(
        'mutation { createWebhook(input: { url: "https://hooks.example.com/pulse", events: [GOAL_ACHIEVED] }) { webhook { id } secret } }',
        {},
        org.admin,
      ),
    ).createWebhook;
    dataOf(
      await server.gql(
        'mutation($id: ID!) { deleteWebhook(id: $id) }',
        { id: webhook.webhook.id },
        org.admin,
      ),
    );
    const token = dataOf(
      await server.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "audit" }) { token } }',
        {},
        org.admin,
      ),
    ).createApiToken.token;
    const entries = await log({ first: 4 });
    expect(entries.map((e) => e.action)).toEqual([
      'apiToken.create',
      'webhook.delete',
      'webhook.create',
      'team.create',
    ]);
    expect(entries.map((e) => Number(e.id))).toEqual(
      [...entries.map((e) => Number(e.id))].sort((a, b) => b - a),
    );
    const text = JSON.stringify(entries);
    expect(text).not.toContain(webhook.secret);
    expect(text).not.toContain(token);
    expect(JSON.parse(entries[1]!.before!)).toEqual({
      url: 'https://hooks.example.com/pulse',
      events: ['GOAL_ACHIEVED'],
    });
    // the next page starts after the last entry seen
    const next = await log({ first: 2, before: entries[3]!.id });
    expect(next.every((e) => Number(e.id) < Number(entries[3]!.id))).toBe(true);
    expect(next.length).toBe(2);
  });

  it('is read by admins only', async () => {
    for (const as of [org.managers.east, org.reps.east1.email, org.viewer]) {
      expect(codeOf(await server.gql(LOG, {}, as)), as).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(LOG, { first: 0 }, org.admin))).toBe('BAD_USER_INPUT');
  });
});

describe('updateTeam', () => {
  const TEAM = `mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id name manager { email } } }`;

  it('renames a team and hands it to another manager, whose scope follows at once; audited', async () => {
    const west = String(org.teams.west);
    const [walt] = await server.sql<{ id: number }>(
      sql`select id from users where email = ${org.managers.west}`,
    );
    const [erin] = await server.sql<{ id: number }>(
      sql`select id from users where email = ${org.managers.east}`,
    );
    const month = `${(await server.today()).slice(0, 7)}-01`;
    const goal = `mutation($t: ID!, $s: Date!) { createGoal(input: { teamId: $t, metric: REVENUE, periodType: MONTHLY, periodStart: $s, targetValue: 1000 }) { id } }`;
    expect(codeOf(await server.gql(goal, { t: west, s: month }, org.managers.east))).toBe('FORBIDDEN');
    const changed = dataOf(
      await server.gql<{ updateTeam: { name: string; manager: { email: string } } }>(
        TEAM,
        { id: west, input: { name: 'West Coast', managerId: String(erin!.id) } },
        org.admin,
      ),
    ).updateTeam;
    expect(changed).toEqual({ id: west, name: 'West Coast', manager: { email: org.managers.east } });
    expect(dataOf(await server.gql(goal, { t: west, s: month }, org.managers.east))).toBeTruthy();
    const [entry] = await log({ type: 'Team', target: west });
    expect(entry?.action).toBe('team.update');
    expect(JSON.parse(entry!.before!)).toMatchObject({ managerId: walt!.id });
    expect(JSON.parse(entry!.after!)).toEqual({ name: 'West Coast', managerId: erin!.id });
    dataOf(await server.gql(TEAM, { id: west, input: { managerId: String(walt!.id) } }, org.admin));
  });

  it('refuses a taken name, a manager who is not one, and anyone but an admin', async () => {
    const east = String(org.teams.east);
    const taken = await server.gql(TEAM, { id: east, input: { name: 'West Coast' } }, org.admin);
    expect(taken.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'name' }],
    });
    const rep = await server.gql(
      TEAM,
      { id: east, input: { managerId: String(org.reps.east1.id) } },
      org.admin,
    );
    expect(rep.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'managerId' }],
    });
    expect(codeOf(await server.gql(TEAM, { id: east, input: { name: 'Mine' } }, org.managers.east))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await server.gql(TEAM, { id: '999999', input: { name: 'None' } }, org.admin))).toBe(
      'NOT_FOUND',
    );
  });
});
