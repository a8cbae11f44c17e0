/**
 * goalRemoved over a real graphql-ws socket: no snapshot, only deletions made after subscribing,
 * filtered by userId / teamId and the caller's scope (a REP: own goals and own team's team goals).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal, deleteGoal, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { fence, settle, until, upTo } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
const SUB = `subscription($u: ID, $t: ID) { goalRemoved(userId: $u, teamId: $t) }`;
type Removed = { goalRemoved: string };

const ids = (values: Removed[]) => values.map((f) => f.goalRemoved);

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

describe('goalRemoved', () => {
  it('sends only deletions made after subscribing, filtered by arguments and scope', async () => {
    const { east1: alice, east2: bob, west1: carol } = org.reps;
    const goal = (owner: { userId?: number; teamId?: number }, metric = 'REVENUE') =>
      createGoal(server, { ...owner, metric });
    const g = {
      alice: await goal({ userId: alice.id }),
      bob: await goal({ userId: bob.id }),
      carol: await goal({ userId: carol.id }),
      east: await goal({ teamId: org.teams.east }),
      west: await goal({ teamId: org.teams.west }),
    };
    // the fences: deletions each subscription below must receive (see support/wait.ts)
    const fences = {
      alice: await goal({ userId: alice.id }, 'CALLS'),
      east: await goal({ teamId: org.teams.east }, 'CALLS'),
      west: await goal({ teamId: org.teams.west }, 'CALLS'),
      again: await goal({ userId: alice.id }, 'MEETINGS'),
    };
    const isFence = (f: Removed) => [fences.alice, fences.east, fences.west].includes(f.goalRemoved);
    const deletedBefore = await goal({ userId: alice.id }, 'ORDERS');
    await deleteGoal(server, deletedBefore);
    // the listener has read that deletion before anyone subscribes (under load it reads the change
    // log up to 25 ms apart, and a late one would reach the new subscribers)
    await settle(server);

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

      for (const id of [g.carol, g.bob, g.west, g.alice, g.east]) await deleteGoal(server, id);
      await fence(server, async () => {
        for (const id of [fences.alice, fences.east, fences.west]) await deleteGoal(server, id);
      });
      expect(ids(await upTo(all, isFence))).toEqual([g.carol, g.bob, g.west, g.alice, g.east]);
      expect(ids(await upTo(ofAlice, isFence))).toEqual([g.alice]);
      expect(ids(await upTo(ofEast, isFence))).toEqual([g.east]);
      expect(ids(await upTo(repAll, isFence))).toEqual([g.alice, g.east]);
      expect(ids(await upTo(repTeam, isFence))).toEqual([g.east]);
      expect(ids(await upTo(westTeam, isFence))).toEqual([g.west]);
      for (const frames of [all, ofAlice, ofEast, repAll, repTeam, westTeam])
        expect(frames.errors).toEqual([]);
      // every fence each of them shows has arrived: what comes next is the next step's
      await all.waitFor((f) => f.goalRemoved === fences.west);
      await repAll.waitFor((f) => f.goalRemoved === fences.east);
      const seen = { all: all.values.length, repAll: repAll.values.length };

      // rows deleted by plain SQL, several in one statement, are announced too
      const a = await goal({ userId: alice.id }, 'LEADS');
      const b = await goal({ userId: bob.id }, 'LEADS');
      await server.sql(sql`delete from goals where id in (${Number(a)}, ${Number(b)})`);
      await fence(server, () => deleteGoal(server, fences.again));
      const isAgain = (f: Removed) => f.goalRemoved === fences.again;
      expect(ids((await upTo(repAll, isAgain)).slice(seen.repAll))).toEqual([a]);
      const bySql = ids((await upTo(all, isAgain)).slice(seen.all));
      expect(bySql.sort()).toEqual([a, b].sort()); // one statement: in either order
      expect(ids(all.values)).not.toContain(deletedBefore);
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
