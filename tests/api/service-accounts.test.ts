/**
 * Service accounts (issue 15): an admin makes one with a role and a team scope, and gets its first
 * API token once; the token writes within that scope only, over GraphQL and REST; the account is
 * on no board and in no team figure, never gets a password or a link; more tokens come from
 * createApiToken(userId) by an admin; deactivating it ends its tokens.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest } from '../support/rest.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';

let server: TestServer;
let org: OrgFixture;
const CREATE = `mutation($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) { token user { id name role email serviceAccount team { id } } apiToken { name active } } }`;
const RECORD = `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`;

interface Created {
  token: string;
  user: {
    id: string;
    name: string;
    role: string;
    email: string;
    serviceAccount: boolean;
    team: { id: string } | null;
  };
  apiToken: { name: string; active: boolean };
}

const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.code;
const sale = (userId: number) => [
  {
    userId: String(userId),
    kind: 'ORDER_WON',
    amount: '100.00',
    occurredAt: new Date().toISOString(),
    externalId: `svc-${randomUUID()}`,
  },
];

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
});
afterAll(() => server?.close());

describe('a service account', () => {
  let erp: Created;

  it('is made by an admin with its first token, and writes within its team only', async () => {
    erp = dataOf(
      await server.gql<{ createServiceAccount: Created }>(
        CREATE,
        { input: { name: 'ERP sync', role: 'MANAGER', teamId: String(org.teams.east) } },
        org.admin,
      ),
    ).createServiceAccount;
    expect(erp.user).toMatchObject({
      name: 'ERP sync',
      role: 'MANAGER',
      serviceAccount: true,
      team: { id: String(org.teams.east) },
    });
    expect(erp.user.email).toMatch(/^service-[0-9a-f-]{36}@service\.invalid$/);
    expect(erp.token).toMatch(/^pulse_/);
    expect(
      dataOf(
        await server.gql<{ recordActivities: { recorded: number } }>(
          RECORD,
          { a: sale(org.reps.east1.id) },
          erp.token,
        ),
      ).recordActivities.recorded,
    ).toBe(1);
    const west = await server.gql(RECORD, { a: sale(org.reps.west1.id) }, erp.token);
    expect(codeOf(west)).toBe('FORBIDDEN');
    const restWrite = await rest(server, 'GET', '/api/performance?type=goals', { as: erp.token });
    expect(restWrite.status).toBe(200);
  });

  it('is on no board and in no team figure', async () => {
    const board = dataOf(
      await server.gql<{ leaderboard: { entries: { user: { id: string } }[] } }>(
        '{ leaderboard(limit: 500) { entries { user { id } } } }',
        {},
        org.admin,
      ),
    ).leaderboard;
    expect(board.entries.map((e) => e.user.id)).not.toContain(erp.user.id);
    const teams = dataOf(
      await server.gql<{ teamPerformance: { memberCount: number; members: { user: { id: string } }[] }[] }>(
        'query($t: ID!) { teamPerformance(teamId: $t) { memberCount members { user { id } } } }',
        { t: String(org.teams.east) },
        org.admin,
      ),
    ).teamPerformance;
    const members = teams.flatMap((t) => t.members.map((m) => m.user.id));
    expect(members).not.toContain(erp.user.id);
    expect(teams[0]?.memberCount).toBe(members.length);
  });

  it('never sets a password nor gets a link', async () => {
    const link = await server.gql(
      'mutation($id: ID!) { issuePasswordLink(userId: $id) { link } }',
      { id: erp.user.id },
      org.admin,
    );
    expect(link.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'userId' }],
    });
    const jwt = await server.token(erp.user.email);
    const password = await server.gql(
      'mutation { changePassword(newPassword: "correct horse battery staple") }',
      {},
      jwt,
    );
    expect(codeOf(password)).toBe('FORBIDDEN');
  });

  it('gets more tokens from an admin only, and deactivating it ends them all', async () => {
    const second = dataOf(
      await server.gql<{ createApiToken: { token: string } }>(
        'mutation($u: ID!) { createApiToken(input: { name: "rotation", userId: $u }) { token } }',
        { u: erp.user.id },
        org.admin,
      ),
    ).createApiToken.token;
    const byManager = await server.gql(
      'mutation($u: ID!) { createApiToken(input: { name: "mine now", userId: $u }) { token } }',
      { u: erp.user.id },
      org.managers.east,
    );
    expect(codeOf(byManager)).toBe('FORBIDDEN');
    // a person is not a service account: an admin makes no token for them
    const forPerson = await server.gql(
      'mutation($u: ID!) { createApiToken(input: { name: "x", userId: $u }) { token } }',
      { u: String(org.reps.east1.id) },
      org.admin,
    );
    expect(codeOf(forPerson)).toBe('FORBIDDEN');
    expect((await server.gql('{ me { id } }', {}, second)).status).toBe(200);
    dataOf(
      await server.gql(
        'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }',
        { id: erp.user.id },
        org.admin,
      ),
    );
    for (const token of [erp.token, second])
      await until(
        async () => (await server.gql('{ me { id } }', {}, token)).status === 401,
        'the token to end',
      );
    const [log] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'serviceAccount.create'`,
    );
    expect(log?.n).toBe(1);
  });

  it('is for admins to make', async () => {
    for (const as of [org.managers.east, org.reps.east1.email, org.viewer]) {
      const refused = await server.gql(CREATE, { input: { name: 'Sneaky', role: 'ADMIN' } }, as);
      expect(codeOf(refused), as).toBe('FORBIDDEN');
    }
    const bad = await server.gql(CREATE, { input: { name: '', role: 'REP' } }, org.admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'name' }],
    });
  });
});
