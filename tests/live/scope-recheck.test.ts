/**
 * Scope is checked again for every event, with the user as the database has them now: a user
 * deactivated while subscribed is disconnected (close 4401) at the next event; a REP moved to
 * another team stops seeing the old team's goals and starts seeing the new team's.
 *
 * The server keeps each user until the users/teams tables change (the `dir` notification clears
 * its cache: api/live/caches/directory.ts); after each change a test settles the server (support/wait.ts:
 * the listener has handed every committed change on), so the next event meets the user as changed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGoal as createGoalAs,
  deleteGoal,
  recordActivity,
  startOrgServer,
  updateGoal,
  type OrgFixture,
} from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { fence, settle, until, upTo } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let seq = 0;
const goals = { alice: '', aliceSpare: '', east: '', west: '', eastSpare: '', westSpare: '' };
const quietClient = { onNonLazyError: () => {} }; // the 4401 close is expected: do not log it

const createGoal = (owner: { userId?: number; teamId?: number }, metric: string) =>
  createGoalAs(server, { ...owner, metric });
const describeGoal = (id: string, description: string) => updateGoal(server, id, { description });
// a new amount each time: every sale changes what the board shows
const sale = (userId: number) => recordActivity(server, { userId, amount: `${(seq += 1)}.00` });

type GoalFrame = { goalChanged: { id: string; description: string | null; version: number } };
const GOALS = `subscription($t: ID) { goalChanged(teamId: $t) { id description version } }`;
const REMOVED = `subscription { goalRemoved }`;
const BOARD = `subscription { leaderboardChanged { version } }`;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  goals.alice = await createGoal({ userId: org.reps.east1.id }, 'REVENUE');
  goals.aliceSpare = await createGoal({ userId: org.reps.east1.id }, 'LEADS');
  goals.east = await createGoal({ teamId: org.teams.east }, 'REVENUE');
  goals.west = await createGoal({ teamId: org.teams.west }, 'REVENUE');
  goals.eastSpare = await createGoal({ teamId: org.teams.east }, 'ORDERS');
  goals.westSpare = await createGoal({ teamId: org.teams.west }, 'ORDERS');
});
afterAll(() => server?.close());

describe('a user deactivated while subscribed', () => {
  it('is disconnected with 4401 at the next goal event, which they do not receive', async () => {
    const [dee] = await server.sql<{ id: number }>(sql`insert into users (name, email, role, team_id)
      values ('Dee Activated', 'dee@example.com', 'REP', ${org.teams.east}) returning id`);
    const own = await createGoal({ userId: dee!.id }, 'REVENUE');
    const client = connect(server.url, await server.token('dee@example.com'), quietClient);
    try {
      const frames = subscribe<GoalFrame>(client, GOALS);
      await frames.waitFor((f) => f.goalChanged.id === own);
      await server.sql(sql`update users set active = false where id = ${dee!.id}`);
      await settle(server);
      await describeGoal(own, 'after deactivation');
      await until(() => client.closes.length > 0, 'the socket to close');
      expect(client.closes[0]?.code).toBe(4401);
      expect(frames.values.some((f) => f.goalChanged.description === 'after deactivation')).toBe(false);
    } finally {
      await client.dispose();
    }
  });

  it('is disconnected with 4401 at the next leaderboard event (VIEWER)', async () => {
    await server.sql(
      sql`insert into users (name, email, role) values ('Old TV', 'oldtv@example.com', 'VIEWER')`,
    );
    const client = connect(server.url, await server.token('oldtv@example.com'), quietClient);
    try {
      const frames = subscribe<{ leaderboardChanged: { version: string } }>(client, BOARD);
      await frames.waitFor(() => true);
      await server.sql(sql`update users set active = false where email = 'oldtv@example.com'`);
      await settle(server);
      const seen = frames.values.length;
      await sale(org.reps.east1.id);
      await until(() => client.closes.length > 0, 'the socket to close');
      expect(client.closes[0]?.code).toBe(4401);
      expect(frames.values).toHaveLength(seen);
    } finally {
      await client.dispose();
    }
  });
});

describe('a REP moved to another team while subscribed', () => {
  it('stops getting the old team’s goals and starts getting the new team’s', async () => {
    const alice = org.reps.east1;
    const client = connect(server.url, await server.token(alice.email));
    try {
      const changed = subscribe<GoalFrame>(client, GOALS);
      const removed = subscribe<{ goalRemoved: string }>(client, REMOVED);
      await changed.waitFor((f) => f.goalChanged.id === goals.east);
      // before the move: East's team goal reaches Alice, West's does not
      await describeGoal(goals.west, 'west, before');
      await describeGoal(goals.east, 'east, before');
      await changed.waitFor((f) => f.goalChanged.description === 'east, before');
      const beforeMove = changed.values.length;

      await server.sql(sql`update users set team_id = ${org.teams.west} where id = ${alice.id}`);
      await settle(server);
      await describeGoal(goals.east, 'east, after');
      await describeGoal(goals.alice, 'own, after');
      await describeGoal(goals.west, 'west, after');
      await changed.waitFor((f) => f.goalChanged.description === 'west, after');
      await changed.waitFor((f) => f.goalChanged.description === 'own, after');
      await deleteGoal(server, goals.eastSpare);
      await deleteGoal(server, goals.westSpare);
      // the fences: a change of her own goal, and its deletion
      await fence(server, async () => {
        await describeGoal(goals.alice, 'own fence');
        await deleteGoal(server, goals.aliceSpare);
      });
      const before = await upTo(changed, (f) => f.goalChanged.description === 'own fence');
      const descriptions = before.map((f) => f.goalChanged.description);
      // West's goal reached her only once she was in West (the move resends her goals as they are)
      expect(descriptions.slice(0, beforeMove)).not.toContain('west, before');
      expect(descriptions).not.toContain('east, after');
      const removedBefore = await upTo(removed, (f) => f.goalRemoved === goals.aliceSpare);
      expect(removedBefore.map((f) => f.goalRemoved)).toEqual([goals.westSpare]);
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
      await server.sql(sql`update users set team_id = ${org.teams.east} where id = ${alice.id}`);
      await settle(server); // the next test meets her in East
    }
  });

  it('with a teamId filter for the old team: receives nothing more of that team', async () => {
    const alice = org.reps.east1;
    const client = connect(server.url, await server.token(alice.email));
    try {
      const frames = subscribe<GoalFrame>(client, GOALS, { t: String(org.teams.east) });
      await frames.waitFor((f) => f.goalChanged.id === goals.east);
      await server.sql(sql`update users set team_id = ${org.teams.west} where id = ${alice.id}`);
      await settle(server);
      // her West self is in the server's directory now: the next event is judged by it without
      // reading the database, before anything below can change her again
      const me = await server.gql<{ me: { team: { id: string } | null } }>(
        `{ me { team { id } } }`,
        {},
        alice.email,
      );
      expect(dataOf(me).me.team).toEqual({ id: String(org.teams.west) });
      await describeGoal(goals.east, 'east, no longer hers');
      const hidden = dataOf(
        await server.gql<{ goal: { version: number } }>(
          `query($id: ID!) { goal(id: $id) { version } }`,
          { id: goals.east },
          org.admin,
        ),
      ).goal.version;
      // the fence: back in East, she gets East's goals again (her return also changes the team
      // goal's value: that version may come first), and that change never came
      await settle(server);
      await server.sql(sql`update users set team_id = ${org.teams.east} where id = ${alice.id}`);
      await fence(server, () => describeGoal(goals.east, 'east, hers again'));
      const before = await upTo(frames, (f) => f.goalChanged.description === 'east, hers again');
      expect(before.map((f) => f.goalChanged.version)).not.toContain(hidden);
    } finally {
      await client.dispose();
      await server.sql(sql`update users set team_id = ${org.teams.east} where id = ${alice.id}`);
      await settle(server); // the next test meets her in East
    }
  });
});
