/**
 * achievementUnlocked over a real graphql-ws socket: only badges awarded after subscribing (no
 * snapshot: a reconnecting screen does not celebrate old badges again), rule badges and manual
 * awards alike, filtered by teamId; every role may watch, VIEWER (office TV) included.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { fence, settle, until, upTo } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

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

async function award(userId: number, title: string, as = org.admin): Promise<string> {
  return dataOf(
    await server.gql<{ recordAchievement: { id: string } }>(
      `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`,
      { i: { userId: String(userId), kind: 'Manual', title, badgeIcon: '🏅', value: 7 } },
      as,
    ),
  ).recordAchievement.id;
}

const orders = (userId: number, count: number) =>
  recordActivity(
    server,
    Array.from({ length: count }, () => ({ userId, amount: '100.00' })),
  );

const titles = (values: BadgeFrame[]) =>
  values.map((f) => `${f.achievementUnlocked.title}/${f.achievementUnlocked.user.name}`);
const titled =
  (...list: string[]) =>
  (f: BadgeFrame) =>
    list.includes(f.achievementUnlocked.title);

/**
 * Subscribes once every change made so far has been delivered (so none of them reaches the new
 * subscription), and waits until the hub holds it (there is no first frame).
 */
async function watch(client: ReturnType<typeof connect>, vars: Record<string, unknown> = {}) {
  await settle(server);
  const before = server.app.live.subscriberCount;
  const frames = subscribe<BadgeFrame>(client, SUB, vars);
  await until(() => server.app.live.subscriberCount > before, 'the badge subscription');
  return frames;
}

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());
// the earlier test's subscriptions are released asynchronously once its sockets close
beforeEach(() => until(() => server.app.live.subscriberCount === 0, 'earlier subscriptions to be released'));

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
      await fence(server, () => award(org.reps.east1.id, 'Fence'));
      expect(titles(await upTo(frames, titled('Fence')))).toEqual([
        'Deal Closer/Bob Baker',
        'Comeback Kid/Carol Cruz',
      ]);
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
      await fence(server, () => award(org.reps.east1.id, 'Fence'));
      expect(titles(await upTo(frames, titled('Fence')))).toEqual(['Fresh/Alice Able']);
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
      await server.sql(sql`insert into achievements
        (user_id, kind, title, badge_icon) values (${org.reps.east2.id}, 'Sql', 'East by SQL', '⭐')`);
      await award(org.reps.west1.id, 'West only');
      await fence(server, async () => {
        await award(org.reps.east1.id, 'East fence');
        await award(org.reps.west1.id, 'West fence');
      });
      const isFence = titled('East fence', 'West fence');
      expect(titles(await upTo(west, isFence))).toEqual(['West only/Carol Cruz']);
      expect(titles(await upTo(east, isFence))).toEqual(['East only/Alice Able', 'East by SQL/Bob Baker']);
      expect(titles(await upTo(all, isFence))).toEqual([
        'East only/Alice Able',
        'East by SQL/Bob Baker',
        'West only/Carol Cruz',
      ]);
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
