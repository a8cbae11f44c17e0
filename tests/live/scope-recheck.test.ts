/**
 * Scope is checked again for every event, with the user as the database has them now: a user
 * deactivated while subscribed is disconnected (close 4401) at the next event; a REP moved to
 * another team stops seeing the old team's goals and starts seeing the new team's.
 *
 * The server keeps each user until the users/teams tables change (the `dir` notification clears
 * its cache: api/live/directory.ts); each test still lets a second pass after the change, so
 * these checks hold for any propagation delay up to that.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let seq = 0;
const month = `${new Date().toISOString().slice(0, 7)}-01`;
const goals = { alice: '', east: '', west: '', eastSpare: '', westSpare: '' };
const VIEWER_TTL_MS = 1000;
const quietClient = { onNonLazyError: () => {} }; // the 4401 close is expected: do not log it

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
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

async function describeGoal(id: string, description: string): Promise<void> {
  dataOf(
    await server.gql(
      `mutation($id: ID!, $d: String) { updateGoal(id: $id, input: { description: $d }) { id } }`,
      { id, d: description },
      org.admin,
    ),
  );
}

async function sale(userId: number): Promise<void> {
  seq += 1;
  const a = {
    userId: String(userId),
    kind: 'ORDER_WON',
    amount: `${seq}.00`,
    occurredAt: new Date(Date.now() - 1000).toISOString(),
    externalId: `scope-${seq}`,
  };
  dataOf(
    await server.gql(
      `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
      { a: [a] },
      org.admin,
    ),
  );
}

type GoalFrame = { goalChanged: { id: string; description: string | null } };
const GOALS = `subscription($t: ID) { goalChanged(teamId: $t) { id description } }`;
const REMOVED = `subscription { goalRemoved }`;
const BOARD = `subscription { leaderboardChanged { version } }`;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server);
  goals.alice = await createGoal({ userId: org.reps.east1.id }, 'REVENUE');
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
      await sleep(VIEWER_TTL_MS + 100);
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
      await sleep(VIEWER_TTL_MS + 100);
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
      await sleep(VIEWER_TTL_MS + 100);
      await describeGoal(goals.east, 'east, after');
      await describeGoal(goals.alice, 'own, after');
      await describeGoal(goals.west, 'west, after');
      await changed.waitFor((f) => f.goalChanged.description === 'west, after');
      await changed.waitFor((f) => f.goalChanged.description === 'own, after');
      await server.gql(`mutation($id: ID!) { deleteGoal(id: $id) }`, { id: goals.eastSpare }, org.admin);
      await server.gql(`mutation($id: ID!) { deleteGoal(id: $id) }`, { id: goals.westSpare }, org.admin);
      await removed.waitFor((f) => f.goalRemoved === goals.westSpare);
      await sleep(400);

      const descriptions = changed.values.map((f) => f.goalChanged.description);
      // West's goal reached her only once she was in West (the move resends her goals as they are)
      expect(descriptions.slice(0, beforeMove)).not.toContain('west, before');
      expect(descriptions).not.toContain('east, after');
      expect(removed.values.map((f) => f.goalRemoved)).toEqual([goals.westSpare]);
      expect(client.closes).toEqual([]);
    } finally {
      await client.dispose();
      await server.sql(sql`update users set team_id = ${org.teams.east} where id = ${alice.id}`);
    }
  });

  it('with a teamId filter for the old team: receives nothing more of that team', async () => {
    const alice = org.reps.east1;
    const client = connect(server.url, await server.token(alice.email));
    try {
      const frames = subscribe<GoalFrame>(client, GOALS, { t: String(org.teams.east) });
      await frames.waitFor((f) => f.goalChanged.id === goals.east);
      await server.sql(sql`update users set team_id = ${org.teams.west} where id = ${alice.id}`);
      await sleep(VIEWER_TTL_MS + 100);
      const seen = frames.values.length;
      await describeGoal(goals.east, 'east, no longer hers');
      await server.app.live.settled();
      await sleep(400);
      expect(frames.values).toHaveLength(seen);
    } finally {
      await client.dispose();
      await server.sql(sql`update users set team_id = ${org.teams.east} where id = ${alice.id}`);
    }
  });
});
