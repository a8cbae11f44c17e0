/**
 * Contests on a paired screen (issue 17), through the public surface: its credential reads its
 * team's contests and those for everyone (a screen of no team: all), over HTTP and WebSocket, of
 * each only what the TV's contest board shows; another team's contest is FORBIDDEN and not listed;
 * managers' and reps' views are as before. contestsChanged lists them at once and again when one
 * is created or ends, one list read per change for every subscriber. showContests (default on,
 * ADMIN or the team's MANAGER, audited, pushed with the layout) turned off refuses the reads at
 * once, open streams included; CONTEST_WON is one of the default celebrations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContest } from '../support/contests.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { PAIR_SCREEN, pairScreenWith } from '../support/screens.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';
import { settle } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let ids: { east: string; west: string; all: string; eastPerson: string };

const LIST = `{ contests { name } }`;
const SETTINGS = `mutation($id: ID!, $input: UpdateScreenInput!) {
  updateScreen(id: $id, input: $input) { layout { showContests celebrations } }
}`;
const MY_SCREEN = 'subscription { myScreen { showContests celebrations } }';
const CHANGED = `subscription { contestsChanged { generatedAt contests { id name status prize } } }`;
const STANDING = `subscription($id: ID!) { contestChanged(id: $id) { status entries { rank value user { name } } } }`;

interface ListFrame {
  contestsChanged: { generatedAt: string; contests: { id: string; name: string; status: string }[] };
}

const names = async (as: string) =>
  dataOf(await server.gql<{ contests: { name: string }[] }>(LIST, {}, as))
    .contests.map((c) => c.name)
    .sort();

const pair = (name: string, teamId: number | null) =>
  pairScreenWith(
    server.url,
    async (code) =>
      dataOf(
        await server.gql<{ pairScreen: { id: string } }>(
          PAIR_SCREEN,
          { input: { code, name, teamId: teamId === null ? null : String(teamId) } },
          org.admin,
        ),
      ).pairScreen.id,
  );

const window = (fromMs: number, toMs: number) => ({
  startsAt: new Date(Date.now() + fromMs).toISOString(),
  endsAt: new Date(Date.now() + toMs).toISOString(),
});

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const running = window(-60_000, 3_600_000);
  ids = {
    east: await createContest(server, {
      name: 'East',
      ...running,
      metric: 'ORDERS',
      teamIds: [String(org.teams.east)],
    }),
    west: await createContest(server, {
      name: 'West',
      ...running,
      metric: 'ORDERS',
      teamIds: [String(org.teams.west)],
    }),
    all: await createContest(server, {
      name: 'All',
      ...running,
      metric: 'ORDERS',
      everyone: true,
      prize: 'Cake',
    }),
    eastPerson: await createContest(server, {
      name: 'East one',
      ...window(3_600_000, 7_200_000),
      metric: 'CALLS',
      userIds: [String(org.reps.east1.id)],
    }),
  };
}, 120_000);
afterAll(() => server?.close());

describe('a screen’s contests over HTTP', () => {
  it('are its team’s and everyone’s, another team’s FORBIDDEN; managers and reps as before', async () => {
    const east = await pair('East wall', org.teams.east);
    const lobby = await pair('Lobby', null);
    expect(await names(east.token)).toEqual(['All', 'East', 'East one']);
    expect(await names(lobby.token)).toEqual(['All', 'East', 'East one', 'West']);
    expect(await names(org.managers.west)).toEqual(['All', 'East', 'East one', 'West']);
    expect(await names(org.reps.west1.email)).toEqual(['All', 'West']);
    expect(await names(org.reps.east1.email)).toEqual(['All', 'East', 'East one']);

    const one = `query($id: ID!) { contest(id: $id) { name prize status standings { entries { rank user { name } } } } }`;
    expect(errorOf(await server.gql(one, { id: ids.west }, east.token)).code).toBe('FORBIDDEN');
    expect(
      dataOf(await server.gql<{ contest: { name: string } }>(one, { id: ids.all }, east.token)).contest,
    ).toMatchObject({
      name: 'All',
      prize: 'Cake',
      status: 'RUNNING',
    });
    // of a contest, only what its board shows: who made it, a person's e-mail, are not
    for (const field of ['createdBy { name }', 'users { email }', 'createdAt'])
      expect(
        errorOf(
          await server.gql(
            `query($id: ID!) { contest(id: $id) { ${field} } }`,
            { id: ids.eastPerson },
            east.token,
          ),
        ).code,
        field,
      ).toBe('FORBIDDEN');
  });
});

describe('contestsChanged', () => {
  it('lists the screen’s contests at once, a new one and an end without a reload, one read per change', async () => {
    const east = await pair('East floor', org.teams.east);
    const lobby = await pair('Lobby 2', null);
    const tvs = [connect(server.url, east.token), connect(server.url, lobby.token)];
    const rep = connect(server.url, await server.token(org.reps.west1.email));
    try {
      const [a, b] = tvs.map((tv) => subscribe<ListFrame>(tv, CHANGED));
      const r = subscribe<ListFrame>(rep, CHANGED);
      const listed = (f: ListFrame) => f.contestsChanged.contests.map((c) => c.name).sort();
      const first = await a!.waitFor(() => true);
      expect(listed(first)).toEqual(['All', 'East', 'East one']);
      expect(Math.abs(Date.parse(first.contestsChanged.generatedAt) - Date.now())).toBeLessThan(60_000);
      expect(listed(await b!.waitFor(() => true))).toEqual(['All', 'East', 'East one', 'West']);
      expect(listed(await r.waitFor(() => true))).toEqual(['All', 'West']);
      await settle(server);

      const reads = server.app.live.stats.contestListReads;
      const endsAt = new Date(Date.now() + 3_600_000);
      // upcoming (its start announced later would be a change of its own)
      const flash = await createContest(
        server,
        {
          name: 'Flash',
          startsAt: new Date(Date.now() + 1_800_000).toISOString(),
          endsAt: endsAt.toISOString(),
          metric: 'ORDERS',
          teamIds: [String(org.teams.east)],
        },
        org.managers.east,
      );
      const withFlash = (f: ListFrame) => listed(f).includes('Flash');
      await a!.waitFor(withFlash);
      await b!.waitFor(withFlash);
      // the west rep's list moved too (one list for everyone), without the east team's contest
      await settle(server);
      expect(r.values.some(withFlash)).toBe(false);
      expect(server.app.live.stats.contestListReads - reads).toBe(1);
      // a sale reads no list
      await recordActivity(server, [{ userId: org.reps.east1.id, amount: '10.00' }]);
      await settle(server);
      expect(server.app.live.stats.contestListReads - reads).toBe(1);

      // its end (the contest timer, its clock moved past the window): ENDED in the list
      server.app.contests.clock.now = () => new Date(endsAt.getTime() + 1000);
      await server.app.contests.check();
      const ended = await a!.waitFor((f) =>
        f.contestsChanged.contests.some((c) => c.id === flash && c.status === 'ENDED'),
      );
      expect(ended.contestsChanged.contests.find((c) => c.id === flash)?.name).toBe('Flash');
      for (const f of [a!, b!, r]) expect(f.errors).toEqual([]);
    } finally {
      server.app.contests.clock.now = () => new Date();
      for (const tv of [...tvs, rep]) await tv.dispose();
    }
  });
});

describe('showContests', () => {
  it('is on by default with CONTEST_WON, set by an admin or the team’s manager, audited and pushed', async () => {
    const screen = await pair('Hall', org.teams.east);
    const tv = connect(server.url, screen.token);
    try {
      const layouts = subscribe<{ myScreen: { showContests: boolean; celebrations: string[] } }>(
        tv,
        MY_SCREEN,
      );
      const first = await layouts.waitFor(() => true);
      expect(first.myScreen).toEqual({
        showContests: true,
        celebrations: ['SALE', 'GOAL_ACHIEVED', 'NEW_LEADER', 'BADGE', 'CONTEST_WON', 'KUDOS'],
      });
      for (const as of [org.managers.west, org.reps.east1.email, screen.token])
        expect(
          errorOf(await server.gql(SETTINGS, { id: screen.id, input: { showContests: false } }, as)).code,
          as,
        ).toBe('FORBIDDEN');
      expect(
        errorOf(await server.gql(SETTINGS, { id: screen.id, input: { showContests: 'no' } }, org.admin)).code,
      ).toBe('BAD_USER_INPUT');
      dataOf(
        await server.gql(SETTINGS, { id: screen.id, input: { showContests: false } }, org.managers.east),
      );
      await layouts.waitFor((v) => !v.myScreen.showContests);
      const audit = dataOf(
        await server.gql<{ auditLog: { action: string; before: string; after: string }[] }>(
          `query($id: ID) { auditLog(targetType: "User", targetId: $id) { action before after } }`,
          { id: screen.id },
          org.admin,
        ),
      ).auditLog.filter((e) => e.action === 'screen.update');
      const shown = (json: string) => (JSON.parse(json) as { showContests: boolean }).showContests;
      expect(audit.map((e) => [shown(e.before), shown(e.after)])).toEqual([[true, false]]);
    } finally {
      await tv.dispose();
    }
  });

  it('turned off refuses the screen’s contest reads at once, open streams included; on again, they read', async () => {
    const screen = await pair('Kitchen', org.teams.east);
    const tv = connect(server.url, screen.token);
    try {
      const list = subscribe<ListFrame>(tv, CHANGED);
      const standing = subscribe(tv, STANDING, { id: ids.east });
      await list.waitFor(() => true);
      await standing.waitFor(() => true);
      dataOf(await server.gql(SETTINGS, { id: screen.id, input: { showContests: false } }, org.admin));
      for (const f of [list, standing]) expect(JSON.stringify(await f.waitForError())).toContain('FORBIDDEN');
      expect(errorOf(await server.gql(LIST, {}, screen.token)).code).toBe('FORBIDDEN');
      const one = `query($id: ID!) { contest(id: $id) { name } }`;
      expect(errorOf(await server.gql(one, { id: ids.all }, screen.token)).code).toBe('FORBIDDEN');
      expect(JSON.stringify(await subscribe(tv, CHANGED).waitForError())).toContain('FORBIDDEN');
      // boards stay as they were
      expect(
        dataOf(await server.gql(`{ leaderboard(teamId: "${org.teams.east}") { metric } }`, {}, screen.token)),
      ).toBeTruthy();
      // a manager's and a rep's reads never depended on it
      expect(await names(org.reps.east1.email)).toContain('East');
      dataOf(await server.gql(SETTINGS, { id: screen.id, input: { showContests: true } }, org.admin));
      expect(await names(screen.token)).toContain('East');
    } finally {
      await tv.dispose();
    }
  });
});
