import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => {
  // its badges' dates are written as UTC days (also in the pinned-date runs in other zones)
  ({ server, org } = await startOrgServer({ TZ_NAME: 'UTC' }));
});
afterAll(() => server?.close());

interface Badge {
  title: string;
  kind: string;
  badgeIcon: string;
  value: number | null;
  achievedAt: string;
  user: { name: string };
}
const LIST = `query($u: ID) { achievements(userId: $u) { title kind badgeIcon value achievedAt user { name } } }`;

async function orders(userId: number, month: string, amounts: string[], prefix: string) {
  const activities = amounts.map((amount, i) => ({
    userId: String(userId),
    kind: 'ORDER_WON',
    amount,
    occurredAt: `${month}-1${i}T10:00:00Z`,
    externalId: `${prefix}-${i}`,
  }));
  await recordActivity(server, activities);
}

describe('achievements', () => {
  it('awards the default rules once per user and period', async () => {
    const alice = org.reps.east1.id;
    await orders(alice, '2025-01', ['4000.00', '3000.00'], 'a1');
    expect(
      dataOf(await server.gql<{ achievements: Badge[] }>(LIST, { u: String(alice) }, org.viewer))
        .achievements,
    ).toEqual([]);
    await orders(alice, '2025-01', ['3000.00'], 'a2');
    let badges = dataOf(
      await server.gql<{ achievements: Badge[] }>(LIST, { u: String(alice) }, org.viewer),
    ).achievements;
    expect(badges.map((b) => b.title).sort()).toEqual(['Deal Closer', 'First $10K']);
    const closer = badges.find((b) => b.title === 'Deal Closer');
    expect(closer).toMatchObject({ kind: 'Orders', badgeIcon: '🎯', value: 3, user: { name: 'Alice Able' } });
    // a past month's badge is dated within that month, not at recording time
    expect(closer?.achievedAt.startsWith('2025-01-31')).toBe(true);
    await orders(alice, '2025-01', ['1.00', '2.00'], 'a3'); // same month again: no second Deal Closer
    await orders(alice, '2025-02', ['1.00', '2.00', '3.00'], 'a4'); // a new month: one more
    badges = dataOf(
      await server.gql<{ achievements: Badge[] }>(LIST, { u: String(alice) }, org.viewer),
    ).achievements;
    expect(badges.filter((b) => b.title === 'Deal Closer')).toHaveLength(2);
    expect(badges.filter((b) => b.title === 'First $10K')).toHaveLength(1);
    expect(badges.map((b) => b.achievedAt)).toEqual(
      badges
        .map((b) => b.achievedAt)
        .sort()
        .reverse(),
    );
  });

  it('awards rules from pushed aggregates too', async () => {
    const bob = org.reps.east2.id;
    dataOf(
      await server.gql(
        `mutation($i: RecordPerformanceInput!) { recordPerformance(input: $i) { revenue } }`,
        {
          i: {
            userId: String(bob),
            periodType: 'MONTHLY',
            periodStart: '2025-11-01',
            ordersWon: 3,
            revenue: '15000.00',
          },
        },
        org.admin,
      ),
    );
    const titles = dataOf(
      await server.gql<{ achievements: Badge[] }>(LIST, { u: String(bob) }, org.admin),
    ).achievements.map((b) => b.title);
    expect(titles.sort()).toEqual(['Deal Closer', 'First $10K']);
  });

  it('records a manual award and counts it in the summary', async () => {
    const carol = org.reps.west1.id;
    const created = dataOf(
      await server.gql<{ recordAchievement: Badge }>(
        `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { title kind badgeIcon value achievedAt user { name } } }`,
        {
          i: {
            userId: String(carol),
            kind: 'Team',
            title: 'Comeback Kid',
            badgeIcon: '🚀',
            value: 42,
            achievedAt: '2025-10-01T09:00:00Z',
          },
        },
        org.managers.west,
      ),
    ).recordAchievement;
    expect(created).toMatchObject({
      title: 'Comeback Kid',
      value: 42,
      achievedAt: '2025-10-01T09:00:00.000Z',
      user: { name: 'Carol Cruz' },
    });
    const summary = dataOf(
      await server.gql<{ performanceSummary: { achievementCount: number }[] }>(
        `query($u: ID) { performanceSummary(userId: $u) { achievementCount } }`,
        { u: String(carol) },
        org.admin,
      ),
    ).performanceSummary;
    expect(summary).toEqual([{ achievementCount: 1 }]);
    const [row] = await server.sql<{ awarded_by: number | null }>(
      sql`select awarded_by from achievements where title = 'Comeback Kid'`,
    );
    expect(row?.awarded_by).not.toBeNull();
  });
});
