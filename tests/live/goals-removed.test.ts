/**
 * goalRemoved over a real graphql-ws socket: no snapshot, only deletions made after subscribing,
 * filtered by userId / teamId and the caller's scope (a REP: own goals and own team's team goals).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { waitUntil } from '../support/live-tools.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';
import { connect, subscribe, type Frames } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
const month = `${new Date().toISOString().slice(0, 7)}-01`;
const SUB = `subscription($u: ID, $t: ID) { goalRemoved(userId: $u, teamId: $t) }`;
type Removed = { goalRemoved: string };

const quiet = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function createGoal(owner: { userId?: number; teamId?: number }, metric: string): Promise<string> {
  const input = {
    ...(owner.userId ? { userId: String(owner.userId) } : {}),
    ...(owner.teamId ? { teamId: String(owner.teamId) } : {}),
    metric,
    periodType: 'MONTHLY',
    periodStart: month,
    targetValue: 10,
  };
  return dataOf(
    await server.gql<{ createGoal: { id: string } }>(
      `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }`,
      { i: input },
      org.admin,
    ),
  ).createGoal.id;
}

async function deleteGoal(id: string): Promise<void> {
  expect(
    dataOf(
      await server.gql<{ deleteGoal: string }>(
        `mutation($id: ID!) { deleteGoal(id: $id) }`,
        { id },
        org.admin,
      ),
    ).deleteGoal,
  ).toBe(id);
}

const received = (frames: Frames<Removed>) => frames.values.map((f) => f.goalRemoved);

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server);
});
afterAll(() => server?.close());

describe('goalRemoved', () => {
  it('sends only deletions made after subscribing, filtered by arguments and scope', async () => {
    const { east1: alice, east2: bob, west1: carol } = org.reps;
    const g = {
      alice: await createGoal({ userId: alice.id }, 'REVENUE'),
      bob: await createGoal({ userId: bob.id }, 'REVENUE'),
      carol: await createGoal({ userId: carol.id }, 'REVENUE'),
      east: await createGoal({ teamId: org.teams.east }, 'REVENUE'),
      west: await createGoal({ teamId: org.teams.west }, 'REVENUE'),
    };
    const deletedBefore = await createGoal({ userId: alice.id }, 'ORDERS');
    await deleteGoal(deletedBefore);
    // the listener has read that deletion before anyone subscribes (under load it reads the change
    // log up to 25 ms apart, and a late one would reach the new subscribers)
    await waitUntil(() => server.app.bridge.caughtUp(), 5000, 'the listener to have every change');
    await server.app.live.settled();

    const hub = server.app.live;
    const base = hub.subscriberCount;
    const manager = connect(server.url, await server.token(org.managers.east));
    const rep = connect(server.url, await server.token(alice.email));
    const westRep = connect(server.url, await server.token(carol.email));
    try {
      const all = subscribe<Removed>(manager, SUB);
      const ofAlice = subscribe<Removed>(manager, SUB, { u: String(alice.id) });
      const ofEast = subscribe<Removed>(manager, SUB, { t: String(org.teams.east) });
      const repAll = subscribe<Removed>(rep, SUB);
      const repTeam = subscribe<Removed>(rep, SUB, { t: String(org.teams.east) });
      const westTeam = subscribe<Removed>(westRep, SUB, { t: String(org.teams.west) });
      // no snapshot frame to wait for: wait until the hub holds the six subscriptions
      await until(() => hub.subscriberCount >= base + 6, 'six goalRemoved subscribers');

      for (const id of [g.carol, g.bob, g.west, g.alice, g.east]) await deleteGoal(id);
      await all.waitFor((_f, frames) => frames.length >= 5);
      for (const frames of [ofAlice, repAll]) await frames.waitFor((f) => f.goalRemoved === g.alice);
      for (const frames of [ofEast, repAll, repTeam]) await frames.waitFor((f) => f.goalRemoved === g.east);
      await westTeam.waitFor((f) => f.goalRemoved === g.west);
      await quiet();

      expect(received(all)).toEqual([g.carol, g.bob, g.west, g.alice, g.east]);
      expect(received(ofAlice)).toEqual([g.alice]);
      expect(received(ofEast)).toEqual([g.east]);
      expect(received(repAll)).toEqual([g.alice, g.east]);
      expect(received(repTeam)).toEqual([g.east]);
      expect(received(westTeam)).toEqual([g.west]);
      for (const frames of [all, ofAlice, ofEast, repAll, repTeam, westTeam])
        expect(frames.errors).toEqual([]);

      // rows deleted by plain SQL, several in one statement, are announced too
      const a = await createGoal({ userId: alice.id }, 'LEADS');
      const b = await createGoal({ userId: bob.id }, 'LEADS');
      await server.sql(sql`delete from goals where id in (${Number(a)}, ${Number(b)})`);
      await all.waitFor((f) => f.goalRemoved === b);
      await all.waitFor((f) => f.goalRemoved === a);
      await repAll.waitFor((f) => f.goalRemoved === a);
      await quiet();
      expect(received(repAll)).toEqual([g.alice, g.east, a]);
      expect(received(all)).not.toContain(deletedBefore);
    } finally {
      await Promise.all([manager.dispose(), rep.dispose(), westRep.dispose()]);
    }
  });

  it('is FORBIDDEN for a REP filtering another user or team, and for a VIEWER', async () => {
    const rep = connect(server.url, await server.token(org.reps.east1.email));
    const viewer = connect(server.url, await server.token(org.viewer));
    try {
      const attempts = [
        subscribe<Removed>(rep, SUB, { u: String(org.reps.east2.id) }),
        subscribe<Removed>(rep, SUB, { t: String(org.teams.west) }),
        subscribe<Removed>(viewer, SUB),
      ];
      for (const frames of attempts) {
        const errors = (await frames.waitForError()) as { extensions?: { code?: string } }[];
        expect(errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(frames.values).toEqual([]);
      }
    } finally {
      await Promise.all([rep.dispose(), viewer.dispose()]);
    }
  });
});
