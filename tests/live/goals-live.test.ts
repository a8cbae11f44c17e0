/**
 * goalChanged over a real graphql-ws socket: first every active goal matching the filter and the
 * caller's scope, then each goal created or changed (value through activity, target, description);
 * REPs see their own goals and their team's team goals only.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGoal as createGoalAs,
  recordActivity,
  startOrgServer,
  updateGoal as updateGoalAs,
  type OrgFixture,
} from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { fence, settle, upTo } from '../support/wait.ts';
import { connect, subscribe, type Frames } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
const goal: Record<'alice' | 'bob' | 'carol' | 'east' | 'west' | 'old', string> = {
  alice: '',
  bob: '',
  carol: '',
  east: '',
  west: '',
  old: '',
};

interface GoalFrame {
  goalChanged: {
    id: string;
    user: { id: string } | null;
    team: { id: string } | null;
    metric: string;
    targetValue: number;
    currentValue: number;
    status: string;
    description: string | null;
    version: number;
  };
}
const SUB = `subscription($u: ID, $t: ID) { goalChanged(userId: $u, teamId: $t) {
  id user { id } team { id } metric targetValue currentValue status description version } }`;

const createGoal = (input: { userId?: string; teamId?: string; metric: string; targetValue?: number }) =>
  createGoalAs(server, { targetValue: 1000, ...input });
const updateGoal = (id: string, input: Record<string, unknown>) => updateGoalAs(server, id, input);
const sale = (userId: number, amount: string) => recordActivity(server, { userId, amount });

const ids = (frames: Frames<GoalFrame>, from = 0, to?: number) =>
  frames.values.slice(from, to).map((f) => f.goalChanged.id);
const idOf = (f: GoalFrame) => f.goalChanged.id;
const sorted = (list: string[]) => [...list].sort((a, b) => Number(a) - Number(b));

/** Waits for a frame of goal `id` matching `test`; returns its index among the frames. */
async function frameOf(
  frames: Frames<GoalFrame>,
  id: string,
  test: (g: GoalFrame['goalChanged']) => boolean = () => true,
): Promise<number> {
  const found = await frames.waitFor((f) => f.goalChanged.id === id && test(f.goalChanged));
  return frames.values.indexOf(found);
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  goal.alice = await createGoal({ userId: String(org.reps.east1.id), metric: 'REVENUE' });
  goal.bob = await createGoal({ userId: String(org.reps.east2.id), metric: 'REVENUE' });
  goal.carol = await createGoal({ userId: String(org.reps.west1.id), metric: 'REVENUE' });
  goal.east = await createGoal({ teamId: String(org.teams.east), metric: 'REVENUE', targetValue: 5000 });
  goal.west = await createGoal({ teamId: String(org.teams.west), metric: 'REVENUE', targetValue: 5000 });
  // a goal of a period that ended: not active, never in a snapshot
  const [old] = await server.sql<{ id: number }>(sql`insert into goals
    (user_id, metric, period_type, period_start, period_end, target_value)
    values (${org.reps.east1.id}, 'REVENUE', 'MONTHLY', '2024-01-01', '2024-01-31', 100) returning id`);
  goal.old = String(old?.id);
  // let the hub take every notification of these writes before anyone subscribes (a count of
  // notifications could be made up by the earlier goals' while this one's is still to come)
  await settle(server);
});
afterAll(() => server?.close());

describe('goalChanged for a manager', () => {
  it('sends every active goal first, then each created or changed goal', async () => {
    const client = connect(server.url, await server.token(org.managers.east));
    try {
      const frames = subscribe<GoalFrame>(client, SUB);
      await frames.waitFor(() => true);
      await updateGoal(goal.bob, { description: 'push harder' });
      const marker = await frameOf(frames, goal.bob, (g) => g.description === 'push harder');
      const snapshot = ids(frames, 0, marker);
      expect(sorted(snapshot)).toEqual(sorted([goal.alice, goal.bob, goal.carol, goal.east, goal.west]));
      expect(snapshot).not.toContain(goal.old);

      await sale(org.reps.east1.id, '300.00'); // value: Alice's goal and East's team goal
      await frameOf(frames, goal.alice, (g) => g.currentValue === 300);
      await frameOf(frames, goal.east, (g) => g.currentValue === 300);
      await updateGoal(goal.carol, { targetValue: 2000 });
      await frameOf(frames, goal.carol, (g) => g.targetValue === 2000);
      const created = await createGoal({
        userId: String(org.reps.east2.id),
        metric: 'ORDERS',
        targetValue: 5,
      });
      const at = await frameOf(frames, created);
      expect(frames.values[at]?.goalChanged).toMatchObject({ metric: 'ORDERS', targetValue: 5, version: 1 });

      // after the snapshot, each goal's versions only go up
      const byGoal = new Map<string, number[]>();
      for (const f of frames.values.slice(snapshot.length)) {
        byGoal.set(f.goalChanged.id, [...(byGoal.get(f.goalChanged.id) ?? []), f.goalChanged.version]);
      }
      for (const versions of byGoal.values()) {
        for (let i = 1; i < versions.length; i += 1) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
      }
      expect(frames.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('honours the userId and teamId filters', async () => {
    const client = connect(server.url, await server.token(org.managers.west));
    try {
      const ofAlice = subscribe<GoalFrame>(client, SUB, { u: String(org.reps.east1.id) });
      const ofWest = subscribe<GoalFrame>(client, SUB, { t: String(org.teams.west) });
      await ofAlice.waitFor(() => true);
      await ofWest.waitFor(() => true);
      await updateGoal(goal.bob, { description: 'filtered out' });
      await updateGoal(goal.east, { description: 'filtered out too' });
      await updateGoal(goal.west, { description: 'west news' });
      await updateGoal(goal.alice, { description: 'alice news' });
      await fence(server, async () => {
        await updateGoal(goal.west, { description: 'west fence' });
        await updateGoal(goal.alice, { description: 'alice fence' });
      });
      const described = (text: string) => (f: GoalFrame) => f.goalChanged.description === text;
      expect(new Set((await upTo(ofAlice, described('alice fence'))).map(idOf))).toEqual(
        new Set([goal.alice]),
      );
      expect(new Set((await upTo(ofWest, described('west fence'))).map(idOf))).toEqual(new Set([goal.west]));
      expect(ofAlice.values[0]?.goalChanged.user).toEqual({ id: String(org.reps.east1.id) });
    } finally {
      await client.dispose();
    }
  });
});

describe('goalChanged for a REP', () => {
  it('shows only their own goals and their team’s team goals', async () => {
    const client = connect(server.url, await server.token(org.reps.east1.email));
    try {
      const all = subscribe<GoalFrame>(client, SUB);
      const own = subscribe<GoalFrame>(client, SUB, { u: String(org.reps.east1.id) });
      const team = subscribe<GoalFrame>(client, SUB, { t: String(org.teams.east) });
      for (const frames of [all, own, team]) await frames.waitFor(() => true);
      const before = own.values[0]!.goalChanged.currentValue;
      await updateGoal(goal.bob, { description: 'not for alice' });
      await updateGoal(goal.carol, { description: 'not for alice' });
      await updateGoal(goal.west, { description: 'not for alice' });
      const bobsNew = await createGoal({ userId: String(org.reps.east2.id), metric: 'LEADS' });
      const eastNew = await createGoal({ teamId: String(org.teams.east), metric: 'ORDERS', targetValue: 9 });
      await updateGoal(goal.east, { description: 'for east' });
      await frameOf(all, eastNew);
      await frameOf(all, goal.east, (g) => g.description === 'for east');
      await frameOf(team, goal.east, (g) => g.description === 'for east');
      await sale(org.reps.east1.id, '1.00');
      await frameOf(own, goal.alice, (g) => g.currentValue === before + 1);
      await fence(server, async () => {
        await updateGoal(goal.alice, { description: 'own fence' });
        await updateGoal(goal.east, { description: 'team fence' });
      });
      const isFence = (f: GoalFrame) => ['own fence', 'team fence'].includes(f.goalChanged.description ?? '');
      const sent = {
        all: (await upTo(all, isFence)).map(idOf),
        own: (await upTo(own, isFence)).map(idOf),
        team: (await upTo(team, isFence)).map(idOf),
      };
      expect(new Set(sent.all)).toEqual(new Set([goal.alice, goal.east, eastNew]));
      expect(new Set(sent.own)).toEqual(new Set([goal.alice]));
      expect(new Set(sent.team)).toEqual(new Set([goal.east, eastNew]));
      expect(sent.all).not.toContain(bobsNew);
    } finally {
      await client.dispose();
    }
  });

  it('refuses another user’s or team’s goals with FORBIDDEN', async () => {
    const client = connect(server.url, await server.token(org.reps.east1.email));
    try {
      const bobs = subscribe<GoalFrame>(client, SUB, { u: String(org.reps.east2.id) });
      const wests = subscribe<GoalFrame>(client, SUB, { t: String(org.teams.west) });
      for (const frames of [bobs, wests]) {
        const errors = (await frames.waitForError()) as { extensions?: { code?: string } }[];
        expect(errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(frames.values).toEqual([]);
      }
      expect(client.closes).toEqual([]); // an error on the operation, not on the socket
    } finally {
      await client.dispose();
    }
  });
});

describe('goalChanged for a VIEWER', () => {
  it('is FORBIDDEN', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    try {
      const frames = subscribe<GoalFrame>(client, SUB);
      const errors = (await frames.waitForError()) as { extensions?: { code?: string } }[];
      expect(errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(frames.values).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
