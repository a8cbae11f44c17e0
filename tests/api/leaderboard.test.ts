import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { waitUntil } from '../support/live-tools.ts';
import { dataOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
const DAY = '2025-09-15';

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

interface Entry {
  rank: number;
  medal: string | null;
  user: { name: string; team: { name: string } | null };
  revenue: string;
  ordersWon: number;
  conversionRate: number | null;
  revenueRank: number;
  ordersRank: number;
  conversionRank: number;
}

const BOARD = `query($m: LeaderboardMetric, $t: ID, $l: Int) {
  leaderboard(periodType: MONTHLY, date: "${DAY}", metric: $m, teamId: $t, limit: $l) {
    periodStart periodEnd metric version team { name }
    entries { rank medal user { name team { name } } revenue ordersWon conversionRate revenueRank ordersRank conversionRank }
  }
}`;

async function sale(userId: number, amount: string, id: string, kind = 'ORDER_WON') {
  await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
    values (${userId}, ${kind}::activity_kind, ${kind === 'ORDER_WON' ? amount : null}, ${`${DAY}T12:00:00Z`}, ${id})`);
}

describe('leaderboard', () => {
  it('ranks with ties sharing a rank, medals for the top 3, and every metric', async () => {
    await sale(org.reps.east1.id, '500.00', 'l-1');
    await sale(org.reps.east2.id, '500.00', 'l-2');
    await sale(org.reps.west1.id, '300.00', 'l-3');
    await sale(org.reps.west1.id, '100.00', 'l-4');
    await sale(org.reps.west1.id, '', 'l-5', 'LEAD_CREATED');
    await sale(org.reps.west1.id, '', 'l-6', 'LEAD_CREATED');
    await sale(org.reps.east1.id, '', 'l-7', 'LEAD_CREATED');
    const board = dataOf(
      await server.gql<{ leaderboard: { entries: Entry[]; periodStart: string; version: string } }>(
        BOARD,
        {},
        org.viewer,
      ),
    ).leaderboard;
    expect(board.periodStart).toBe('2025-09-01');
    // the two managers sold nothing: not ranked, not listed
    expect(board.entries.map((e) => [e.user.name, e.rank, e.medal, e.revenue])).toEqual([
      ['Alice Able', 1, 'GOLD', '500.00'],
      ['Bob Baker', 1, 'GOLD', '500.00'],
      ['Carol Cruz', 3, 'BRONZE', '400.00'],
    ]);
    // nobody has the conversion board's minimum of leads: everyone shares the place after none
    const carol = board.entries.find((e) => e.user.name === 'Carol Cruz');
    expect(carol).toMatchObject({ ordersWon: 2, ordersRank: 1, conversionRate: 100, conversionRank: 1 });
    const alice = board.entries.find((e) => e.user.name === 'Alice Able');
    expect(alice).toMatchObject({ ordersRank: 2, conversionRate: 100, conversionRank: 1 });
    const bob = board.entries.find((e) => e.user.name === 'Bob Baker');
    expect(bob).toMatchObject({ conversionRate: null, conversionRank: 1 });

    const byOrders = dataOf(
      await server.gql<{ leaderboard: { entries: Entry[] } }>(BOARD, { m: 'ORDERS', l: 2 }, org.viewer),
    ).leaderboard;
    expect(byOrders.entries.map((e) => [e.user.name, e.rank])).toEqual([
      ['Carol Cruz', 1],
      ['Alice Able', 2],
    ]);
  });

  it('filters by team and gets a newer version after a change', async () => {
    const before = dataOf(
      await server.gql<{ leaderboard: { entries: Entry[]; version: string; team: { name: string } } }>(
        BOARD,
        { t: String(org.teams.west) },
        org.admin,
      ),
    ).leaderboard;
    expect(before.team.name).toBe('West');
    expect(before.entries.map((e) => e.user.name)).toEqual(['Carol Cruz']);
    const [walt] = await server.sql<{ id: number }>(
      sql`select id from users where email = ${org.managers.west}`,
    );
    await sale(walt!.id, '1000.00', 'l-8');
    const after = dataOf(
      await server.gql<{ leaderboard: { entries: Entry[]; version: string } }>(
        BOARD,
        { t: String(org.teams.west) },
        org.admin,
      ),
    ).leaderboard;
    expect(after.entries[0]).toMatchObject({ user: { name: 'Walt West' }, rank: 1, medal: 'GOLD' });
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
  });

  it('runs the same number of SQL statements for 10 and 100 entries with nested users and teams', async () => {
    const { directory } = server.app;
    const invalidations = directory.invalidations;
    const values = Array.from(
      { length: 100 },
      (_, i) =>
        sql`(${`Seller ${String(i).padStart(3, '0')}`}, ${`seller${i}@example.com`}, 'REP', ${i % 2 ? org.teams.east : org.teams.west})`,
    );
    await server.sql(sql`insert into users (name, email, role, team_id) values ${sql.join(values, sql`, `)}`);
    await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      select id, 'ORDER_WON', id * 10, ${`${DAY}T10:00:00Z`}::timestamptz, 'bulk-' || id from users where email like 'seller%'`);
    const count = async (limit: number) => {
      const response = await server.gql<{ leaderboard: { entries: Entry[] } }>(
        BOARD,
        { l: limit },
        org.admin,
      );
      expect(dataOf(response).leaderboard.entries).toHaveLength(limit);
      return response.extensions?.sqlStatements as number;
    };
    // the caller's user is read once per change of the users table (live/caches/directory.ts): wait for
    // the insert above to reach this process, then compare requests that both find it cached
    await waitUntil(() => directory.invalidations > invalidations, 5000, 'the users change to arrive');
    await count(10);
    // Then compare two requests that took the same path. From memory, a request costs the one
    // statement asking whether the listener has every change (the ranking and the entries' users
    // and teams come from memory); when the answer is no (a change still on its way, or on a loaded
    // machine a heartbeat past its deadline), Postgres ranks, bringing users and teams in the same
    // statement: two. Either way the count must not grow with the entries.
    const { stats } = server.app.live;
    const measure = async (limit: number) => {
      const { memoryReads, reloads } = stats;
      const statements = await count(limit);
      // a reload (after a listener gap every table is read again) is a path of its own
      return { statements, fromMemory: stats.memoryReads > memoryReads, reloaded: stats.reloads !== reloads };
    };
    for (let attempt = 1; ; attempt += 1) {
      await waitUntil(() => server.app.bridge.caughtUp(), 5000, 'the listener to catch up');
      const reads = directory.reads;
      const ten = await measure(10);
      const hundred = await measure(100);
      const samePath = ten.fromMemory === hundred.fromMemory && !ten.reloaded && !hundred.reloaded;
      if (samePath && directory.reads === reads) {
        expect(ten.statements).toBe(ten.fromMemory ? 1 : 2);
        expect(hundred.statements).toBe(ten.statements);
        break;
      }
      // the two took different paths: the listener fell behind between them; measure again
      if (attempt === 5) {
        throw new Error(`five pairs took different paths: last ${JSON.stringify({ ten, hundred })}`);
      }
    }
  });
});
