/**
 * The live hub keeps each watched board in memory and applies the rollup rows the change log
 * carries (migration 0012), reading the board from the database only when it
 * must (api/live/hub.ts). These tests hold it to the database: a single sale moves the board with
 * no read of it; after concurrent writers whose rows of one seller land in one read of the log
 * (order unknown), transactions of several statements, statements too large to log their rows,
 * direct rollup updates, deletions and a rebuild of every rollup, the last frame of every metric
 * is what the HTTP query (ranked by Postgres) says.
 */
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../api/seed/demo-random.ts';
import { boardVersion } from '../../api/modules/leaderboard/leaderboard.queries.ts';
import { computeBoard } from '../../api/modules/leaderboard/leaderboard.service.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import {
  BOARD_SUBSCRIPTION,
  entriesOf,
  httpBoard,
  stream,
  waitUntil,
  type BoardArgs,
  type BoardFrame,
} from '../support/live-tools.ts';
import type { TestServer } from '../support/server.ts';
import { settle } from '../support/wait.ts';
import { connect } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let sellers: number[] = [];
let serial = 0;

interface Transactional {
  transaction(run: (tx: { execute(query: SQL): Promise<unknown> }) => Promise<void>): Promise<void>;
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const more = Array.from(
    { length: 14 },
    (_, i) =>
      sql`(${`Memory Rep ${i}`}, ${`memory${i}@example.com`}, 'REP', ${i % 2 ? org.teams.east : org.teams.west})`,
  );
  const ids = await server.sql<{ id: number }>(
    sql`insert into users (name, email, role, team_id) values ${sql.join(more, sql`, `)} returning id`,
  );
  sellers = [org.reps.east1.id, org.reps.east2.id, org.reps.west1.id, ...ids.map((r) => r.id)];
});
afterAll(() => server?.close());

const sale = (userId: number, amount: string, kind = 'ORDER_WON'): SQL =>
  sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      values (${userId}, ${kind}::activity_kind, ${kind === 'ORDER_WON' ? amount : null}::numeric, now(), ${`memory-${(serial += 1)}`})`;

describe('boards kept in memory', () => {
  it('moves a board on a single sale without reading it again', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const frames = stream<BoardFrame>(client, BOARD_SUBSCRIPTION, { l: 20 });
    await frames.waitFor(() => true);
    await server.app.live.settled();
    const { reloads, recomputations } = server.app.live.stats;
    await server.sql(sale(org.reps.west1.id, '4321.00'));
    const moved = await frames.waitFor((f) =>
      f.leaderboardChanged.entries.some((e) => e.user.name === 'Carol Cruz' && e.revenue === '4321.00'),
    );
    expect(entriesOf(moved.data.leaderboardChanged)).toEqual(
      entriesOf(await httpBoard(server, org.viewer, { l: 20 })),
    );
    expect(server.app.live.stats.recomputations).toBeGreaterThan(recomputations);
    expect(server.app.live.stats.reloads).toBe(reloads);
    frames.stop();
    await client.dispose();
  });

  it('answers leaderboard queries from memory in one statement, never older than the database', async () => {
    const next = random(7);
    const query = `query($m: LeaderboardMetric, $l: Int, $t: ID) { leaderboard(metric: $m, limit: $l, teamId: $t) {
      version totalEntries entries { rank revenue ordersWon conversionRate user { name team { name } } } } }`;
    const read = async (m: string, t?: number) => {
      const response = await server.gql<{ leaderboard: unknown }>(
        query,
        { m, l: 8, t: t === undefined ? null : String(t) },
        org.viewer,
      );
      expect(response.errors).toBeUndefined();
      return { board: response.data?.leaderboard, statements: response.extensions?.sqlStatements as number };
    };
    /**
     * A read answered from memory, once the listener has every change: on a loaded machine one
     * can still find it behind (a heartbeat past its deadline) and rank in SQL, or find the tables
     * to be read again after such a gap — paths of their own (tests/api/leaderboard.test.ts counts
     * them); read again until memory answered from tables it had, five times at most.
     */
    const fromMemory = async (readOnce: () => ReturnType<typeof read>) => {
      for (let attempt = 1; ; attempt += 1) {
        // every change delivered and applied: the tables have no news to read
        await settle(server);
        const { memoryReads, reloads } = server.app.live.stats;
        const answer = await readOnce();
        // from memory, and from tables already read (after a gap the listener reloads them all)
        if (server.app.live.stats.memoryReads > memoryReads && server.app.live.stats.reloads === reloads)
          return answer;
        if (attempt === 5) throw new Error('five reads in a row were not answered from memory');
      }
    };
    /** The same board ranked by Postgres, read after the HTTP answer: it must not be newer. */
    const fromSql = async (m: 'REVENUE' | 'ORDERS', t?: number) => {
      const board = await computeBoard(
        server.app.database.db,
        {
          periodType: 'MONTHLY',
          periodStart: (
            await server.sql<{ s: string }>(sql`select period_start_of('MONTHLY', org_today())::text as s`)
          )[0]!.s,
          metric: m,
          teamId: t ?? null,
          limit: 8,
        },
        server.app.org.rateMinimums,
      );
      return board.entries.map((e) => [e.userId, e.rank, Number(e.revenue).toFixed(2), e.ordersWon]);
    };
    const ids = new Map(
      (await server.sql<{ id: number; name: string }>(sql`select id, name from users`)).map((u) => [
        u.name,
        u.id,
      ]),
    );
    const shown = (board: unknown) =>
      (
        board as { entries: { rank: number; revenue: string; ordersWon: number; user: { name: string } }[] }
      ).entries.map((e) => [ids.get(e.user.name), e.rank, Number(e.revenue).toFixed(2), e.ordersWon]);
    await read('REVENUE'); // the first read of a table reads it
    const before = server.app.live.stats.memoryReads;
    for (let i = 0; i < 30; i += 1) {
      // a plain-SQL sale, then at once a query: it must show it (the listener may not have it yet)
      await server.sql(sale(sellers[Math.floor(next() * sellers.length)]!, (10 + i).toFixed(2)));
      const m = i % 2 ? 'ORDERS' : 'REVENUE';
      const t = i % 3 ? undefined : org.teams.east;
      const answer = await read(m, t);
      expect(shown(answer.board)).toEqual(await fromSql(m, t));
      // the team's check when a team is given, the change log, and the ranking when it had news
      expect(answer.statements).toBeLessThanOrEqual(t === undefined ? 2 : 3);
    }
    const quiet = await fromMemory(() => read('REVENUE'));
    expect(quiet.statements).toBe(1); // the change log checked: nothing new
    expect(shown(quiet.board)).toEqual(await fromSql('REVENUE'));
    // the version too: the latest change to any rollup of the period, a seller's or not
    await server.sql(sql`insert into activities (user_id, kind, occurred_at, external_id)
      select id, 'CALL', now(), 'memory-admin-call' from users where role = 'ADMIN' limit 1`);
    const month = (
      await server.sql<{ s: string }>(sql`select period_start_of('MONTHLY', org_today())::text as s`)
    )[0]!.s;
    const afterAdmin = await fromMemory(() => read('REVENUE'));
    expect(afterAdmin.statements).toBe(1);
    expect((afterAdmin.board as { version: string }).version).toBe(
      await boardVersion(server.app.database.db, 'MONTHLY', month, null),
    );
    expect(server.app.live.stats.memoryReads).toBeGreaterThan(before);
  });

  // real Postgres: three connections, one of them holding a lock the listener's read waits for
  it.runIf(process.env.DATABASE_URL)(
    'applies two transactions\u2019 rows of one seller in commit order when one read of the log brings both',
    async () => {
      const client = connect(server.url, await server.token(org.viewer));
      const frames = stream<BoardFrame>(client, BOARD_SUBSCRIPTION, { l: 20 });
      await frames.waitFor(() => true);
      await server.app.live.settled();
      await waitUntil(() => server.app.bridge.idle, 5000, 'the listener to go idle');
      const pool = postgres(server.databaseUrl!, { max: 3, onnotice: () => {} });
      const [older, newer, lock] = await Promise.all([pool.reserve(), pool.reserve(), pool.reserve()]);
      const [a, x] = [sellers[8]!, sellers[9]!];
      const insert = (db: postgres.ReservedSql, userId: number, amount: string) =>
        db`insert into activities (user_id, kind, amount, occurred_at, external_id)
           values (${userId}, 'ORDER_WON', ${amount}, now(), ${`memory-order-${(serial += 1)}`})`;
      try {
        await older`begin`;
        await insert(older, x, '10.00'); // the older transaction id
        await newer`begin`;
        await insert(newer, a, '100.00');
        const blocked = insert(older, a, '200.00'); // waits for the newer one's row of A
        await new Promise((resolve) => setTimeout(resolve, 50));
        await lock`begin`;
        await lock`lock table live_listeners in share mode`; // the woken listener's read waits
        await newer`commit`;
        await blocked;
        await older`commit`; // its row of A, the older transaction's, is the newer figure
        await new Promise((resolve) => setTimeout(resolve, 50));
        await lock`commit`;
      } finally {
        for (const db of [older, newer, lock]) db.release();
        await pool.end();
      }
      const expected = await httpBoard(server, org.viewer, { l: 20 });
      await waitUntil(
        () =>
          JSON.stringify(entriesOf(frames.last()?.leaderboardChanged)) ===
          JSON.stringify(entriesOf(expected)),
        5000,
        () =>
          `the board to equal the database: last frame ${JSON.stringify(entriesOf(frames.last()?.leaderboardChanged))}, database ${JSON.stringify(entriesOf(expected))}`,
      );
      frames.stop();
      await client.dispose();
    },
  );

  it('ends on what the database says after concurrent and mixed writes', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const boards: BoardArgs[] = [
      { m: 'REVENUE', l: 20 },
      { m: 'ORDERS', l: 20 },
      { m: 'CONVERSION_RATE', l: 20 },
      { m: 'WIN_RATE', l: 20 },
      { m: 'REVENUE', l: 5, t: String(org.teams.east) },
    ];
    const streams = boards.map((args) => stream<BoardFrame>(client, BOARD_SUBSCRIPTION, { ...args }));
    for (const s of streams) await s.waitFor(() => true);
    const { reloads } = server.app.live.stats;

    // several connections on a server (rows of one seller committed close together); one on PGlite
    const pool = server.databaseUrl
      ? postgres(server.databaseUrl, { max: 6, onnotice: () => {} })
      : undefined;
    const db: Transactional = pool ? drizzle(pool) : server.app.database.db;
    const run = async (statements: SQL[]) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await db.transaction(async (tx) => {
            for (const statement of statements) await tx.execute(statement);
          });
          return;
        } catch (error) {
          // writers lock rollup rows in different orders: a deadlock aborts one, which tries again
          const code = (error as { code?: string; cause?: { code?: string } }).cause?.code;
          if (code !== '40P01' || attempt === 10) throw error;
        }
      }
    };
    const writer = async (seed: number) => {
      const next = random(seed);
      const pick = () => sellers[Math.floor(next() * 4)]!; // a few sellers: rows of one seller collide
      for (let i = 0; i < 25; i += 1) {
        const roll = next();
        const amount = (1 + Math.floor(next() * 90_000) / 100).toFixed(2);
        if (roll < 0.45) await run([sale(pick(), amount)]);
        else if (roll < 0.6)
          await run([sale(pick(), amount), sale(pick(), amount), sale(pick(), amount, 'LEAD_CREATED')]);
        else if (roll < 0.7)
          await run([sale(pick(), amount, next() < 0.5 ? 'LEAD_CREATED' : 'OPPORTUNITY_LOST')]);
        else if (roll < 0.8) {
          // one statement, 10 sellers: 50 rollup rows, too many to log (periods only)
          await run([
            sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
                select u, 'ORDER_WON', ${amount}::numeric, now(), 'memory-many-' || ${(serial += 1)} || '-' || u
                from unnest(string_to_array(${sellers.slice(0, 10).join(',')}, ',')::int[]) u`,
          ]);
        } else if (roll < 0.9) {
          await run([
            sql`update sales_performance set revenue = revenue + 1, orders_won = orders_won + 1
                where user_id = ${pick()} and period_type = 'MONTHLY' and period_start = date_trunc('month', now())::date`,
          ]);
        } else {
          await run([
            sql`delete from activities where id = (select max(id) from activities where user_id = ${pick()} and kind = 'ORDER_WON')`,
          ]);
        }
      }
    };
    try {
      await Promise.all([writer(1), writer(2), writer(3)]);
      await run([sql`select rebuild_rollups()`]);
      await Promise.all([writer(4), writer(5), writer(6)]);
    } finally {
      await pool?.end();
    }

    for (const [i, args] of boards.entries()) {
      const s = streams[i]!;
      let expected = await httpBoard(server, org.viewer, args);
      await waitUntil(
        async () => {
          expected = await httpBoard(server, org.viewer, args);
          return (
            JSON.stringify(entriesOf(s.last()?.leaderboardChanged)) === JSON.stringify(entriesOf(expected))
          );
        },
        10_000,
        () =>
          `the ${JSON.stringify(args)} board to equal the database: last frame ${JSON.stringify(
            entriesOf(s.last()?.leaderboardChanged),
          )}, database ${JSON.stringify(entriesOf(expected))}`,
        50,
      );
      expect(s.errors).toEqual([]);
    }
    // the writes were applied in memory, and read again where they had to be
    // (two tables: the organisation's month and East's; the rebuild alone reads both again)
    expect(server.app.live.stats.reloads - reloads).toBeGreaterThanOrEqual(2);
    for (const s of streams) s.stop();
    await client.dispose();
  });
});
