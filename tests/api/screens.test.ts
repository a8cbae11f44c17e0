/**
 * Managed TV screens, pairing and revoking (issue 15), through the public surface: a TV without a
 * credential gets a code and a secret, polls while an admin or a manager claims the code, then
 * gets its own token once; the token signs the TV's board socket in as a VIEWER of its team;
 * revoking the screen ends that token at once (socket closed 4401) and no other screen's; codes
 * expire, are claimed once, and starting pairings is throttled per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let now = Date.parse('2030-09-01T00:00:00Z');
const PAIR = `mutation($input: PairScreenInput!) { pairScreen(input: $input) { id name active team { id } } }`;
const SCREENS = '{ screens { id name active lastSeenAt team { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeScreen(id: $id) { id active } }';
const BOARD = 'subscription($teamId: ID) { leaderboardChanged(limit: 3, teamId: $teamId) { version } }';

interface Pairing {
  code: string;
  secret: string;
  expires_at: string;
  poll_ms: number;
}

async function startPairing(): Promise<Pairing> {
  const response = await fetch(`${server.url}/auth/screen-pairings`, { method: 'POST' });
  expect(response.status).toBe(201);
  return (await response.json()) as Pairing;
}

async function poll(secret: string) {
  const response = await fetch(`${server.url}/auth/screen-pairings/poll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.code;

async function pairedScreen(name: string, teamId: number, as = org.admin) {
  const pairing = await startPairing();
  const screen = dataOf(
    await server.gql<{ pairScreen: { id: string } }>(
      PAIR,
      { input: { code: pairing.code.toLowerCase().replace('-', ' '), name, teamId: String(teamId) } },
      as,
    ),
  ).pairScreen;
  const paired = await poll(pairing.secret);
  expect(paired.body).toMatchObject({ status: 'paired', screen: { name } });
  return { id: screen.id, token: String(paired.body.token), pairing };
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  server.app.auth.clock.now = () => now;
});
afterAll(() => server?.close());

describe('pairing a screen', () => {
  it('shows a code, waits while unclaimed, then hands its own token over once', async () => {
    const pairing = await startPairing();
    expect(pairing.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(pairing.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(pairing.expires_at)).toBe(now + 10 * 60_000);
    expect(await poll(pairing.secret)).toEqual({
      status: 200,
      body: { status: 'waiting', code: pairing.code, expires_at: pairing.expires_at },
    });
    const screen = dataOf(
      await server.gql<{ pairScreen: { name: string; active: boolean; team: { id: string } } }>(
        PAIR,
        { input: { code: pairing.code, name: 'Sales floor, 3rd', teamId: String(org.teams.east) } },
        org.admin,
      ),
    ).pairScreen;
    expect(screen).toMatchObject({
      name: 'Sales floor, 3rd',
      active: true,
      team: { id: String(org.teams.east) },
    });
    const paired = await poll(pairing.secret);
    expect(paired.body).toMatchObject({ status: 'paired', screen: { name: 'Sales floor, 3rd' } });
    const token = String(paired.body.token);
    expect(token).toMatch(/^pulse_/);
    // once: the secret is spent, and the code cannot be claimed again
    expect((await poll(pairing.secret)).status).toBe(404);
    const again = await server.gql(PAIR, { input: { code: pairing.code, name: 'Twice' } }, org.admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'code' }],
    });
    // the token is a VIEWER of its team: boards yes, people's data no
    const me = dataOf(
      await server.gql<{ me: { role: string; team: { id: string } } }>(
        '{ me { role team { id } } }',
        {},
        token,
      ),
    );
    expect(me.me).toEqual({ role: 'VIEWER', team: { id: String(org.teams.east) } });
    expect(codeOf(await server.gql('{ users { id } }', {}, token))).toBe('FORBIDDEN');
  });

  it('lets a manager pair screens of their teams only, and nobody else pair', async () => {
    const pairing = await startPairing();
    const west = await server.gql(
      PAIR,
      { input: { code: pairing.code, name: 'West', teamId: String(org.teams.west) } },
      org.managers.east,
    );
    expect(codeOf(west)).toBe('FORBIDDEN');
    const noTeam = await server.gql(PAIR, { input: { code: pairing.code, name: 'All' } }, org.managers.east);
    expect(codeOf(noTeam)).toBe('FORBIDDEN');
    for (const as of [org.reps.east1.email, org.viewer]) {
      const refused = await server.gql(
        PAIR,
        { input: { code: pairing.code, name: 'X', teamId: String(org.teams.east) } },
        as,
      );
      expect(codeOf(refused), as).toBe('FORBIDDEN');
    }
    const own = await server.gql(
      PAIR,
      { input: { code: pairing.code, name: 'East corner', teamId: String(org.teams.east) } },
      org.managers.east,
    );
    expect(dataOf(own)).toBeTruthy();
    const listed = dataOf(
      await server.gql<{ screens: { name: string }[] }>(SCREENS, {}, org.managers.west),
    ).screens;
    expect(listed.map((s) => s.name)).not.toContain('East corner');
  });

  it('refuses an expired code, and a code that cannot be one', async () => {
    const pairing = await startPairing();
    now += 11 * 60_000;
    const late = await server.gql(
      PAIR,
      { input: { code: pairing.code, name: 'Late', teamId: String(org.teams.east) } },
      org.admin,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'code' }],
    });
    expect((await poll(pairing.secret)).status).toBe(404);
    const nonsense = await server.gql(PAIR, { input: { code: 'O0I1-L', name: 'X' } }, org.admin);
    expect(nonsense.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'code' }],
    });
  });
});

describe('revoking a screen', () => {
  it('ends its token at once, open socket included, and no other screen’s', async () => {
    const lobby = await pairedScreen('Lobby', org.teams.west);
    const kitchen = await pairedScreen('Kitchen', org.teams.west, org.managers.west);
    const lobbyTv = connect(server.url, lobby.token);
    const kitchenTv = connect(server.url, kitchen.token);
    try {
      // a screen reads its own team's boards only
      await subscribe(lobbyTv, BOARD, { teamId: String(org.teams.west) }).waitFor(() => true);
      await subscribe(kitchenTv, BOARD, { teamId: String(org.teams.west) }).waitFor(() => true);
      const revoked = dataOf(
        await server.gql<{ revokeScreen: { active: boolean } }>(REVOKE, { id: lobby.id }, org.managers.west),
      );
      expect(revoked.revokeScreen.active).toBe(false);
      expect(await until(() => lobbyTv.closes[0], 'the lobby TV to be closed')).toMatchObject({ code: 4401 });
      expect((await server.gql('{ me { id } }', {}, lobby.token)).status).toBe(401);
      expect((await server.gql('{ me { id } }', {}, kitchen.token)).status).toBe(200);
      expect(kitchenTv.closes).toEqual([]);
      const listed = dataOf(
        await server.gql<{ screens: { name: string; active: boolean }[] }>(SCREENS, {}, org.admin),
      ).screens;
      expect(listed.find((s) => s.name === 'Lobby')?.active).toBe(false);
      expect(listed.find((s) => s.name === 'Kitchen')?.active).toBe(true);
      // a manager of another team may not revoke it
      expect(codeOf(await server.gql(REVOKE, { id: kitchen.id }, org.managers.east))).toBe('FORBIDDEN');
      // and a person is not a screen
      expect(codeOf(await server.gql(REVOKE, { id: String(org.reps.east1.id) }, org.admin))).toBe(
        'NOT_FOUND',
      );
    } finally {
      await lobbyTv.dispose();
      await kitchenTv.dispose();
    }
  });
});

describe('starting pairings', () => {
  it('is throttled per address', async () => {
    let status = 201;
    for (let i = 0; i < 60 && status === 201; i++) {
      status = (await fetch(`${server.url}/auth/screen-pairings`, { method: 'POST' })).status;
    }
    expect(status).toBe(429);
  });
});
