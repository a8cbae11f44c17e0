/**
 * achievementUnlocked over a real graphql-ws socket: only badges awarded after subscribing (no
 * snapshot: a reconnecting screen does not celebrate old badges again), rule badges and manual
 * awards alike, filtered by teamId; every role may watch, VIEWER (office TV) included.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, startTestServer, type TestServer } from '../support/server.ts';
import { connect, subscribe, type Frames } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let seq = 0;

interface BadgeFrame {
  achievementUnlocked: {
    id: string;
    title: string;
    kind: string;
    badgeIcon: string;
    value: number | null;
    user: { id: string; name: string };
  };
}
const SUB = `subscription($t: ID) { achievementUnlocked(teamId: $t) {
  id title kind badgeIcon value user { id name } } }`;

const quiet = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function award(userId: number, title: string, as = org.admin): Promise<string> {
  return dataOf(
    await server.gql<{ recordAchievement: { id: string } }>(
      `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`,
      { i: { userId: String(userId), kind: 'Manual', title, badgeIcon: '🏅', value: 7 } },
      as,
    ),
  ).recordAchievement.id;
}

async function orders(userId: number, count: number): Promise<void> {
  const activities = Array.from({ length: count }, () => {
    seq += 1;
    return {
      userId: String(userId),
      kind: 'ORDER_WON',
      amount: '100.00',
      occurredAt: new Date(Date.now() - 1000).toISOString(),
      externalId: `badges-live-${seq}`,
    };
  });
  dataOf(
    await server.gql(
      `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
      { a: activities },
      org.admin,
    ),
  );
}

const titles = (frames: Frames<BadgeFrame>) =>
  frames.values.map((f) => `${f.achievementUnlocked.title}/${f.achievementUnlocked.user.name}`);

/** Subscribes and waits until the hub holds the new subscription (there is no first frame). */
async function watch(client: ReturnType<typeof connect>, vars: Record<string, unknown> = {}) {
  await server.app.live.settled();
  // earlier subscriptions of this file are released asynchronously on unsubscribe: let that settle
  let before = server.app.live.subscriberCount;
  for (let stable = 0; stable < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = server.app.live.subscriberCount;
    stable = now === before ? stable + 1 : 0;
    before = now;
  }
  const frames = subscribe<BadgeFrame>(client, SUB, vars);
  await until(() => server.app.live.subscriberCount > before, 'the badge subscription');
  return frames;
}

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server);
});
afterAll(() => server?.close());

describe('achievementUnlocked', () => {
  it('sends only new badges: rule badges and manual awards, to a VIEWER', async () => {
    const old = await award(org.reps.east1.id, 'Before anyone watched');
    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const frames = await watch(tv);
      await orders(org.reps.east2.id, 2);
      await orders(org.reps.east2.id, 1); // the third order this month: "Deal Closer"
      const closer = await frames.waitFor((f) => f.achievementUnlocked.title === 'Deal Closer');
      expect(closer.achievementUnlocked).toMatchObject({
        kind: 'Orders',
        badgeIcon: '🎯',
        value: 3,
        user: { id: String(org.reps.east2.id), name: 'Bob Baker' },
      });
      const manual = await award(org.reps.west1.id, 'Comeback Kid', org.managers.west);
      await frames.waitFor((f) => f.achievementUnlocked.id === manual);
      await quiet();
      expect(titles(frames)).toEqual(['Deal Closer/Bob Baker', 'Comeback Kid/Carol Cruz']);
      expect(frames.values.map((f) => f.achievementUnlocked.id)).not.toContain(old);
      expect(frames.errors).toEqual([]);
    } finally {
      await tv.dispose();
    }
  });

  it('does not replay earlier badges to a new subscriber', async () => {
    const [{ count } = { count: 0 }] = await server.sql<{ count: number }>(
      sql`select count(*)::int as count from achievements`,
    );
    expect(count).toBeGreaterThanOrEqual(3); // badges exist from before
    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const frames = await watch(tv);
      const fresh = await award(org.reps.east1.id, 'Fresh');
      const first = await frames.waitFor(() => true);
      expect(first.achievementUnlocked.id).toBe(fresh);
      await quiet();
      expect(titles(frames)).toEqual(['Fresh/Alice Able']);
    } finally {
      await tv.dispose();
    }
  });

  it('honours the teamId filter, for every role', async () => {
    const rep = connect(server.url, await server.token(org.reps.west1.email));
    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const west = await watch(rep, { t: String(org.teams.west) });
      const east = await watch(tv, { t: String(org.teams.east) });
      const all = await watch(tv);
      const inEast = await award(org.reps.east1.id, 'East only');
      const bySql = await server.sql<{ id: number }>(sql`insert into achievements
        (user_id, kind, title, badge_icon) values (${org.reps.east2.id}, 'Sql', 'East by SQL', '⭐') returning id`);
      const inWest = await award(org.reps.west1.id, 'West only');
      await west.waitFor((f) => f.achievementUnlocked.id === inWest);
      await east.waitFor((f) => f.achievementUnlocked.id === String(bySql[0]?.id));
      await all.waitFor((f) => f.achievementUnlocked.id === inWest);
      await quiet();
      expect(titles(west)).toEqual(['West only/Carol Cruz']);
      expect(titles(east)).toEqual(['East only/Alice Able', 'East by SQL/Bob Baker']);
      expect(titles(all)).toEqual(['East only/Alice Able', 'East by SQL/Bob Baker', 'West only/Carol Cruz']);
      expect(all.values.map((f) => f.achievementUnlocked.id)).toContain(inEast);
    } finally {
      await Promise.all([rep.dispose(), tv.dispose()]);
    }
  });

  it('refuses an unknown team with NOT_FOUND', async () => {
    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const frames = subscribe<BadgeFrame>(tv, SUB, { t: '424242' });
      const errors = (await frames.waitForError()) as { extensions?: { code?: string } }[];
      expect(errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    } finally {
      await tv.dispose();
    }
  });
});
