/**
 * Managed screens after pairing (issue 15), through the public surface: the layout an admin or
 * the team's manager sets with updateScreen is pushed to the screen's own `myScreen`
 * subscription at once; a screen credential reads only its team's boards and badges, over HTTP,
 * REST and WebSocket; and the Screens page's health (online, last seen, client version,
 * resolution, reconnects, offline too long) follows the screen's sockets. Its settings (migration
 * 0010): with showGoals its credential reads its team's own goals, over HTTP and WebSocket, and
 * turning it off binds at once, on an open socket too; its celebrations are pushed with its
 * layout. Time is the auth clock the test moves (no sleeps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGoal,
  deleteGoal,
  recordActivity,
  startOrgServer,
  updateGoal,
  type OrgFixture,
} from '../support/fixtures.ts';
import { pairScreen } from '../support/screens.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let now = Date.parse('2030-09-01T09:00:00Z');

const UPDATE = `mutation($id: ID!, $input: UpdateScreenInput!) {
  updateScreen(id: $id, input: $input) { id name layout { boards secondsPerBoard periodType pinned } }
}`;
const MY_SCREEN = 'subscription { myScreen { boards secondsPerBoard periodType pinned } }';
const HEALTH = `{ screens { id name lastSeenAt
  health { online clientVersion resolution reconnects24h offlineTooLong } } }`;

interface Layout {
  boards: string[];
  secondsPerBoard: number;
  periodType: string;
  pinned: string | null;
}
interface Health {
  online: boolean;
  clientVersion: string | null;
  resolution: string | null;
  reconnects24h: number;
  offlineTooLong: boolean;
}

const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.code;

const pairedScreen = (name: string, teamId: number) => pairScreen(server, org.admin, name, teamId);

/** The audit log's `screen.update` entries of one screen, newest first. */
async function screenUpdates(id: string) {
  const answer = await server.gql<{ auditLog: { action: string; before: string; after: string }[] }>(
    `query($id: ID) { auditLog(targetType: "User", targetId: $id) { action before after } }`,
    { id },
    org.admin,
  );
  return dataOf(answer).auditLog.filter((e) => e.action === 'screen.update');
}

async function healthOf(id: string, as = org.admin): Promise<Health & { lastSeenAt: string | null }> {
  const listed = dataOf(
    await server.gql<{ screens: { id: string; lastSeenAt: string | null; health: Health }[] }>(
      HEALTH,
      {},
      as,
    ),
  ).screens;
  const screen = listed.find((s) => s.id === id);
  if (!screen) throw new Error(`screen ${id} not listed`);
  return { ...screen.health, lastSeenAt: screen.lastSeenAt };
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ SCREEN_OFFLINE_AFTER: '5m' }));
  server.app.auth.clock.now = () => now;
});
afterAll(() => server?.close());

describe('the layout of a screen', () => {
  it('is pushed to the screen at once and after each change, without a reconnect', async () => {
    const screen = await pairedScreen('Sales floor', org.teams.east);
    const tv = connect(server.url, screen.token);
    try {
      const layouts = subscribe<{ myScreen: Layout }>(tv, MY_SCREEN);
      await layouts.waitFor((v) => v.myScreen.boards.length > 0);
      expect(layouts.values[0]?.myScreen).toEqual({
        boards: ['REVENUE', 'ORDERS', 'CONVERSION_RATE'],
        secondsPerBoard: 20,
        periodType: 'MONTHLY',
        pinned: null,
      });
      const updated = dataOf(
        await server.gql<{ updateScreen: { name: string; layout: Layout } }>(
          UPDATE,
          {
            id: screen.id,
            input: { boards: ['WIN_RATE', 'REVENUE'], secondsPerBoard: 8, periodType: 'WEEKLY' },
          },
          org.managers.east,
        ),
      ).updateScreen;
      expect(updated).toMatchObject({
        name: 'Sales floor',
        layout: { boards: ['WIN_RATE', 'REVENUE'], secondsPerBoard: 8, periodType: 'WEEKLY', pinned: null },
      });
      await layouts.waitFor((v) => v.myScreen.periodType === 'WEEKLY');
      expect(layouts.values.at(-1)?.myScreen).toEqual(updated.layout);
      // a field left out stays; pinned, then unpinned; a new name
      await server.gql(UPDATE, { id: screen.id, input: { pinned: 'ORDERS', name: 'Floor 3' } }, org.admin);
      await layouts.waitFor((v) => v.myScreen.pinned === 'ORDERS');
      await server.gql(UPDATE, { id: screen.id, input: { pinned: null } }, org.admin);
      await layouts.waitFor((v, all) => v.myScreen.pinned === null && all.length > 3);
      expect(layouts.values.at(-1)?.myScreen).toEqual({ ...updated.layout, pinned: null });
      expect(layouts.errors).toEqual([]);
      expect(tv.closes).toEqual([]);

      const audit = await screenUpdates(screen.id);
      expect(audit).toHaveLength(3);
      const nameOf = (json: string) => (JSON.parse(json) as { name: string }).name;
      const renamed = audit.find((e) => nameOf(e.before) !== nameOf(e.after));
      expect(JSON.parse(renamed!.before)).toMatchObject({ name: 'Sales floor', pinned: null });
      expect(JSON.parse(renamed!.after)).toMatchObject({ name: 'Floor 3', pinned: 'ORDERS' });
    } finally {
      await tv.dispose();
    }
  });

  it('may be changed by an admin or the team’s manager only, over HTTP', async () => {
    const screen = await pairedScreen('East wall', org.teams.east);
    const input = { secondsPerBoard: 30 };
    for (const as of [org.managers.west, org.reps.east1.email, org.viewer, screen.token]) {
      expect(codeOf(await server.gql(UPDATE, { id: screen.id, input }, as)), as).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(UPDATE, { id: screen.id, input }, null))).toBe('UNAUTHENTICATED');
    expect(dataOf(await server.gql(UPDATE, { id: screen.id, input }, org.managers.east))).toBeTruthy();
    expect(dataOf(await server.gql(UPDATE, { id: screen.id, input }, org.admin))).toBeTruthy();
    // a person is not a screen; nor is an unknown id
    expect(codeOf(await server.gql(UPDATE, { id: String(org.reps.east1.id), input }, org.admin))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await server.gql(UPDATE, { id: '999999', input }, org.admin))).toBe('NOT_FOUND');
    // mutations never run over the socket
    const tv = connect(server.url, screen.token);
    try {
      const refused = subscribe(tv, UPDATE, { id: screen.id, input });
      expect(JSON.stringify(await refused.waitForError())).toContain('Only subscriptions');
    } finally {
      await tv.dispose();
    }
  });

  it('refuses a bad layout naming the field, and a revoked screen', async () => {
    const screen = await pairedScreen('Hallway', org.teams.west);
    const cases: [Record<string, unknown>, string][] = [
      [{ boards: [] }, 'boards'],
      [{ boards: ['REVENUE', 'REVENUE'] }, 'boards'],
      [{ secondsPerBoard: 4 }, 'secondsPerBoard'],
      [{ secondsPerBoard: 3601 }, 'secondsPerBoard'],
      [{ name: '  ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
    ];
    for (const [input, field] of cases) {
      const answer = await server.gql(UPDATE, { id: screen.id, input }, org.admin);
      expect(answer.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field }],
      });
    }
    // not a board at all: the schema refuses it
    expect(codeOf(await server.gql(UPDATE, { id: screen.id, input: { boards: ['GOALS'] } }, org.admin))).toBe(
      'BAD_USER_INPUT',
    );
    const tv = connect(server.url, screen.token);
    await subscribe(tv, MY_SCREEN).waitFor(() => true);
    await server.gql('mutation($id: ID!) { revokeScreen(id: $id) { id } }', { id: screen.id }, org.admin);
    // its open socket closes at once
    expect(await until(() => tv.closes[0], 'the revoked screen’s socket to close')).toMatchObject({
      code: 4401,
    });
    await tv.dispose();
    expect(
      codeOf(await server.gql(UPDATE, { id: screen.id, input: { secondsPerBoard: 9 } }, org.admin)),
    ).toBe('CONFLICT');
  });

  it('is followed by the screen’s own credential only', async () => {
    const tvOf = async (token: string) => {
      const socket = connect(server.url, token);
      const frames = subscribe(socket, MY_SCREEN);
      const error = await frames.waitForError();
      await socket.dispose();
      return JSON.stringify(error);
    };
    for (const as of [org.admin, org.managers.east, org.reps.east1.email, org.viewer]) {
      expect(await tvOf(await server.token(as)), as).toContain('FORBIDDEN');
    }
    // over HTTP a subscription is not served at all
    const screen = await pairedScreen('Lobby', org.teams.east);
    const http = await server.gql(MY_SCREEN, {}, screen.token);
    expect(http.status).toBeGreaterThanOrEqual(400);
  });
});

describe('what a screen credential reads', () => {
  const BOARD = `query($teamId: ID) { leaderboard(teamId: $teamId, limit: 5) { entries { user { name } } } }`;
  const BADGES = `query($teamId: ID, $userId: ID) { achievements(teamId: $teamId, userId: $userId, limit: 5) { id } }`;

  it('is its team’s boards and badges over HTTP and REST, nobody’s data', async () => {
    const screen = await pairedScreen('East board', org.teams.east);
    const east = String(org.teams.east);
    const west = String(org.teams.west);
    expect(dataOf(await server.gql(BOARD, { teamId: east }, screen.token))).toBeTruthy();
    expect(dataOf(await server.gql(BADGES, { teamId: east }, screen.token))).toBeTruthy();
    expect(codeOf(await server.gql(BOARD, { teamId: west }, screen.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(BOARD, {}, screen.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(BADGES, { teamId: west }, screen.token))).toBe('FORBIDDEN');
    expect(
      codeOf(await server.gql(BADGES, { teamId: east, userId: String(org.reps.east1.id) }, screen.token)),
    ).toBe('FORBIDDEN');
    for (const query of [
      `{ user(id: "${org.reps.east1.id}") { name } }`,
      `{ goals { id } }`,
      `{ teams { id } }`,
      `{ currentPerformance { revenue } }`,
    ]) {
      expect(codeOf(await server.gql(query, {}, screen.token)), query).toBe('FORBIDDEN');
    }
    const rest = (team: string) =>
      fetch(`${server.url}/api/performance?type=leaderboard&team_id=${team}`, {
        headers: { authorization: `Bearer ${screen.token}` },
      });
    expect((await rest(east)).status).toBe(200);
    expect((await rest(west)).status).toBe(403);
    // a legacy VIEWER person (a ?token= screen) still reads every team's board
    expect(dataOf(await server.gql(BOARD, { teamId: west }, org.viewer))).toBeTruthy();
    expect(dataOf(await server.gql(BOARD, {}, org.viewer))).toBeTruthy();
  });

  it('is its team’s boards and badges over WebSocket', async () => {
    const screen = await pairedScreen('West board', org.teams.west);
    const tv = connect(server.url, screen.token);
    try {
      const LIVE_BOARD = `subscription($teamId: ID) { leaderboardChanged(teamId: $teamId, limit: 3) { version } }`;
      const LIVE_BADGES = `subscription($teamId: ID) { achievementUnlocked(teamId: $teamId) { id } }`;
      await subscribe(tv, LIVE_BOARD, { teamId: String(org.teams.west) }).waitFor(() => true);
      for (const [query, variables] of [
        [LIVE_BOARD, { teamId: String(org.teams.east) }],
        [LIVE_BOARD, {}],
        [LIVE_BADGES, { teamId: String(org.teams.east) }],
        [LIVE_BADGES, {}],
        ['subscription { goalChanged { id } }', {}],
      ] as const) {
        const error = await subscribe(tv, query, variables).waitForError();
        expect(JSON.stringify(error), `${query} ${JSON.stringify(variables)}`).toContain('FORBIDDEN');
      }
      expect(tv.closes).toEqual([]);
    } finally {
      await tv.dispose();
    }
  });
});

describe('a screen’s settings: goals and celebrations', () => {
  const SETTINGS = `mutation($id: ID!, $input: UpdateScreenInput!) {
    updateScreen(id: $id, input: $input) { layout { showGoals celebrations saleAmount sound } }
  }`;
  const MY_SETTINGS = 'subscription { myScreen { boards showGoals celebrations saleAmount sound } }';
  const GOALS = `query($teamId: ID, $userId: ID) {
    goals(teamId: $teamId, userId: $userId) { id metric status targetValue achievementPercentage team { name } user { name } }
  }`;
  interface Settings {
    showGoals: boolean;
    celebrations: string[];
    saleAmount: number;
    sound: boolean;
  }
  type GoalRow = { id: string; targetValue: number; currentValue: number; team: { name: string } | null };

  it('default to no goals and every celebration, are pushed with the layout, audited, and checked', async () => {
    const screen = await pairedScreen('Settings', org.teams.east);
    const tv = connect(server.url, screen.token);
    try {
      const layouts = subscribe<{ myScreen: Settings & { boards: string[] } }>(tv, MY_SETTINGS);
      await layouts.waitFor(() => true);
      expect(layouts.values[0]?.myScreen).toEqual({
        boards: ['REVENUE', 'ORDERS', 'CONVERSION_RATE'],
        showGoals: false,
        celebrations: ['SALE', 'GOAL_ACHIEVED', 'NEW_LEADER', 'BADGE', 'CONTEST_WON', 'KUDOS'],
        saleAmount: 10_000,
        sound: false,
      });
      const input = { showGoals: true, celebrations: ['BADGE', 'SALE'], saleAmount: 25_000, sound: true };
      const saved = dataOf(
        await server.gql<{ updateScreen: { layout: Settings } }>(
          SETTINGS,
          { id: screen.id, input },
          org.managers.east,
        ),
      ).updateScreen.layout;
      // kept in the product's order, whatever order they were sent in
      expect(saved).toEqual({ ...input, celebrations: ['SALE', 'BADGE'] });
      await layouts.waitFor((v) => v.myScreen.sound);
      expect(layouts.values.at(-1)?.myScreen).toEqual({
        boards: ['REVENUE', 'ORDERS', 'CONVERSION_RATE'],
        ...saved,
      });
      const audit = await screenUpdates(screen.id);
      expect(JSON.parse(audit[0]!.before)).toMatchObject({
        showGoals: false,
        sound: false,
        saleAmount: 10_000,
      });
      expect(JSON.parse(audit[0]!.after)).toMatchObject(input);
    } finally {
      await tv.dispose();
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ saleAmount: 0 }, 'saleAmount'],
      [{ saleAmount: 1_000_000_001 }, 'saleAmount'],
      [{ celebrations: ['SALE', 'SALE'] }, 'celebrations'],
    ];
    for (const [input, field] of cases) {
      const answer = await server.gql(SETTINGS, { id: screen.id, input }, org.admin);
      expect(answer.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field }],
      });
    }
    for (const as of [org.managers.west, org.reps.east1.email, screen.token]) {
      const answer = await server.gql(SETTINGS, { id: screen.id, input: { showGoals: false } }, as);
      expect(codeOf(answer), as).toBe('FORBIDDEN');
    }
  });

  it('let the screen read its team’s own goals over HTTP while its admin allows it, and no more', async () => {
    const screen = await pairedScreen('Goals HTTP', org.teams.east);
    const eastGoal = await createGoal(server, { teamId: org.teams.east, metric: 'ORDERS' });
    const westGoal = await createGoal(server, { teamId: org.teams.west, metric: 'ORDERS' });
    const personal = await createGoal(server, { userId: org.reps.east1.id, metric: 'ORDERS' });
    try {
      expect(codeOf(await server.gql(GOALS, {}, screen.token))).toBe('FORBIDDEN');
      await server.gql(SETTINGS, { id: screen.id, input: { showGoals: true } }, org.managers.east);
      const read = async (variables: Record<string, unknown>) =>
        dataOf(await server.gql<{ goals: GoalRow[] }>(GOALS, variables, screen.token)).goals.map((g) => g.id);
      // its team's own goals only: not a person's, not another team's
      expect(await read({})).toEqual([eastGoal]);
      expect(await read({ teamId: String(org.teams.east) })).toEqual([eastGoal]);
      const one = `query($id: ID!) { goal(id: $id) { id team { name } } }`;
      expect(dataOf(await server.gql(one, { id: eastGoal }, screen.token))).toEqual({
        goal: { id: eastGoal, team: { name: 'East' } },
      });
      for (const [query, variables] of [
        [GOALS, { teamId: String(org.teams.west) }],
        [GOALS, { userId: String(org.reps.east1.id) }],
        [one, { id: westGoal }],
        [one, { id: personal }],
        ['{ goals(includeMembers: true) { id } }', {}],
      ] as const) {
        expect(codeOf(await server.gql(query, variables, screen.token)), query).toBe('FORBIDDEN');
      }
      // REST and exports carry fields the goals board does not show: screens read goals over GraphQL
      for (const path of [
        '/api/performance?type=goals',
        `/api/performance/goals/${eastGoal}`,
        '/export/goals',
      ]) {
        const answer = await fetch(`${server.url}${path}`, {
          headers: { authorization: `Bearer ${screen.token}` },
        });
        expect(answer.status, path).toBe(403);
      }
      // what the goals board does not show stays hidden, as on every type
      const hidden = await server.gql(`{ goals { id description createdBy { email } } }`, {}, screen.token);
      expect(JSON.stringify(hidden.errors)).toContain('Goal.description');
      // a legacy VIEWER person (no screen) still reads no goals
      expect(codeOf(await server.gql(GOALS, {}, org.viewer))).toBe('FORBIDDEN');
      // turned off: refused at the very next request
      await server.gql(SETTINGS, { id: screen.id, input: { showGoals: false } }, org.admin);
      expect(codeOf(await server.gql(GOALS, {}, screen.token))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(one, { id: eastGoal }, screen.token))).toBe('FORBIDDEN');
    } finally {
      for (const id of [eastGoal, westGoal, personal]) await deleteGoal(server, id);
    }
  });

  it('stream its team’s goals over WebSocket, and end them at once when turned off', async () => {
    const screen = await pairedScreen('Goals live', org.teams.west);
    await server.gql(SETTINGS, { id: screen.id, input: { showGoals: true } }, org.admin);
    const westGoal = await createGoal(server, { teamId: org.teams.west, metric: 'ORDERS' });
    const eastGoal = await createGoal(server, { teamId: org.teams.east, metric: 'ORDERS' });
    const personal = await createGoal(server, { userId: org.reps.west1.id, metric: 'ORDERS' });
    const tv = connect(server.url, screen.token);
    try {
      const layouts = subscribe<{ myScreen: Settings }>(tv, MY_SETTINGS);
      const changed = subscribe<{ goalChanged: GoalRow }>(
        tv,
        'subscription { goalChanged { id targetValue currentValue team { name } } }',
      );
      const removed = subscribe<{ goalRemoved: string }>(tv, 'subscription { goalRemoved }');
      await changed.waitFor((v) => v.goalChanged.id === westGoal);
      // another team's and a person's goals change first: the next frame is the team's own
      await updateGoal(server, eastGoal, { targetValue: 21 });
      await updateGoal(server, personal, { targetValue: 22 });
      await updateGoal(server, westGoal, { targetValue: 23 });
      await changed.waitFor((v) => v.goalChanged.targetValue === 23);
      await recordActivity(server, { userId: org.reps.west1.id, amount: '100.00' });
      // its own team's goal moves with a sale; the seller's own goal moved too, and is not sent
      await changed.waitFor((v) => v.goalChanged.id === westGoal && v.goalChanged.currentValue === 1);
      expect(new Set(changed.values.map((v) => v.goalChanged.id))).toEqual(new Set([westGoal]));
      expect(changed.errors).toEqual([]);
      // a personal goal's removal is not announced to the screen; the team's is
      await deleteGoal(server, personal);
      const extra = await createGoal(server, {
        teamId: org.teams.west,
        metric: 'REVENUE',
        targetValue: 1000,
      });
      await deleteGoal(server, extra);
      await removed.waitFor((v) => v.goalRemoved === extra);
      expect(removed.values.map((v) => v.goalRemoved)).toEqual([extra]);

      // turned off while the socket is open: both streams end with FORBIDDEN, with no goal event
      // to carry it, and the socket (its boards, its layout) stays up
      await layouts.waitFor(() => true);
      await server.gql(SETTINGS, { id: screen.id, input: { showGoals: false } }, org.managers.west);
      expect(JSON.stringify(await changed.waitForError())).toContain('FORBIDDEN');
      expect(JSON.stringify(await removed.waitForError())).toContain('FORBIDDEN');
      await layouts.waitFor((v) => !v.myScreen.showGoals);
      const again = subscribe(tv, 'subscription { goalChanged { id } }');
      expect(JSON.stringify(await again.waitForError())).toContain('FORBIDDEN');
      expect(tv.closes).toEqual([]);
    } finally {
      await tv.dispose();
      for (const id of [westGoal, eastGoal]) await deleteGoal(server, id);
    }
  });
});

describe('the health of a screen', () => {
  it('follows its sockets: online, client, resolution, reconnects, then offline too long', async () => {
    const screen = await pairedScreen('Reception', org.teams.east);
    const paired = await healthOf(screen.id);
    expect(paired).toMatchObject({ online: false, reconnects24h: 0, offlineTooLong: false });
    const client = { client: { version: '0.1.0', resolution: '1920x1080' } };
    const open = () =>
      connect(server.url, screen.token, {
        connectionParams: { authorization: `Bearer ${screen.token}`, ...client },
      });

    const first = open();
    await subscribe(first, MY_SCREEN).waitFor(() => true);
    expect(await healthOf(screen.id)).toMatchObject({
      online: true,
      clientVersion: '0.1.0',
      resolution: '1920x1080',
      reconnects24h: 0,
      offlineTooLong: false,
    });
    // the manager of its team sees it too
    expect((await healthOf(screen.id, org.managers.east)).online).toBe(true);
    now += 60_000;
    await first.dispose();
    const closed = await until(async () => {
      const h = await healthOf(screen.id);
      return !h.online && h;
    }, 'the screen to show offline');
    expect(closed.lastSeenAt).toBe(new Date(now).toISOString());

    // it comes back: one reconnect; a bad resolution is not stored
    const second = connect(server.url, screen.token, {
      connectionParams: { authorization: `Bearer ${screen.token}`, client: { resolution: 'huge' } },
    });
    await subscribe(second, MY_SCREEN).waitFor(() => true);
    expect(await healthOf(screen.id)).toMatchObject({
      online: true,
      clientVersion: null,
      resolution: null,
      reconnects24h: 1,
    });
    await second.dispose();
    await until(async () => !(await healthOf(screen.id)).online, 'the screen to show offline again');

    // offline past SCREEN_OFFLINE_AFTER (5m here): flagged
    now += 4 * 60_000;
    expect((await healthOf(screen.id)).offlineTooLong).toBe(false);
    now += 2 * 60_000;
    expect((await healthOf(screen.id)).offlineTooLong).toBe(true);
    // a day later the reconnect no longer counts
    now += 24 * 60 * 60_000;
    expect((await healthOf(screen.id)).reconnects24h).toBe(0);
  });

  it('is shown to admins and managers only', async () => {
    const screen = await pairedScreen('Back office', org.teams.west);
    for (const as of [org.reps.east1.email, org.viewer, screen.token]) {
      expect(codeOf(await server.gql(HEALTH, {}, as)), as).toBe('FORBIDDEN');
    }
    expect(
      dataOf(await server.gql<{ screens: { id: string }[] }>(HEALTH, {}, org.managers.east)).screens.map(
        (s) => s.id,
      ),
    ).not.toContain(screen.id);
  });
});
