/**
 * One change-log row per transaction (issue 20, drizzle/functions/live_emit.sql): the messages a
 * transaction logs (a sale's rollup rows, its goals, its badges) share one row of live_changes,
 * joined by chr(30), while it stays under 2,000 bytes; the bridge splits it again. What must hold:
 * a sale logs one row and every subscriber still gets its part; a transaction of many statements
 * spreads over bounded rows and every message arrives; a savepoint rolled back takes its messages
 * with it, whether or not it opened the row. Postgres and PGlite alike.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitRow } from '../../api/live/feed/messages.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { settle } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  // a transaction of many statements, and one with savepoints, as functions (one call, one transaction)
  await server.sql(sql`create function test_many_sales(p_user int, n int) returns text language plpgsql as $$
    begin
      for i in 1..n loop
        insert into activities (user_id, kind, amount, occurred_at, external_id)
          values (p_user, 'ORDER_WON', 10, now() - interval '1 second', 'many-' || i || '-' || p_user);
      end loop;
      return pg_current_xact_id()::text;
    end $$`);
  await server.sql(sql`create function test_savepoints(a text, b text, c text) returns text language plpgsql as $$
    begin
      if a is not null then perform live_emit(a); end if;
      begin
        perform live_emit(b);
        raise exception 'roll back to the savepoint';
      exception when raise_exception then null;
      end;
      perform live_emit(c);
      return pg_current_xact_id()::text;
    end $$`);
});
afterAll(async () => {
  await server?.sql(sql`drop function if exists test_many_sales(int, int)`);
  await server?.sql(sql`drop function if exists test_savepoints(text, text, text)`);
  await server?.close();
});

interface Message {
  t: string;
  ids?: number[];
  n?: string;
  r?: unknown[];
}

/** The change-log rows of transaction `xid`, as stored. */
async function rowsOf(xid: string): Promise<string[]> {
  const found = await server.sql<{ payload: string }>(
    sql`select payload from live_changes where xid = ${xid}::xid8`,
  );
  return found.map((r) => r.payload);
}

interface Board {
  leaderboardChanged: { entries: { user: { name: string }; revenue: string }[] };
}
const BOARD = `subscription { leaderboardChanged(limit: 5) { entries { user { name } revenue } } }`;

interface GoalFrame {
  goalChanged: { id: string; currentValue: number };
}
const GOALS = `subscription($u: ID) { goalChanged(userId: $u) { id currentValue } }`;

describe('one change-log row per transaction', () => {
  it('a sale logs its rollup and goal messages in one row, and each subscriber gets its part', async () => {
    const goalId = await createGoal(server, {
      userId: String(org.reps.east1.id),
      metric: 'REVENUE',
      targetValue: 1000,
    });
    const client = connect(server.url, await server.token(org.admin));
    const board = subscribe<Board>(client, BOARD);
    const goals = subscribe<GoalFrame>(client, GOALS, { u: String(org.reps.east1.id) });
    try {
      await board.waitFor(() => true);
      await goals.waitFor((f) => f.goalChanged.id === goalId);
      await settle(server);
      const [mark] = await server.sql<{ xid: string }>(
        sql`select coalesce(max(xid::text::numeric), 0)::text as xid from live_changes`,
      );

      await recordActivity(server, { userId: org.reps.east1.id, amount: '123.45' });

      await board.waitFor((f) =>
        f.leaderboardChanged.entries.some((e) => e.user.name === 'Alice Able' && e.revenue === '123.45'),
      );
      await goals.waitFor((f) => f.goalChanged.id === goalId && f.goalChanged.currentValue === 123.45);
      const logged = await server.sql<{ payload: string }>(
        sql`select payload from live_changes where xid::text::numeric > ${mark!.xid}::numeric`,
      );
      const sale = logged.filter((r) =>
        splitRow(r.payload).some((m) => (JSON.parse(m) as Message).t === 'perf'),
      );
      expect(sale).toHaveLength(1); // one row for the sale's transaction
      const messages = splitRow(sale[0]!.payload).map((m) => JSON.parse(m) as Message);
      expect(messages.some((m) => m.t === 'perf' && m.r?.length)).toBe(true);
      expect(messages.some((m) => m.t === 'goal' && m.ids?.includes(Number(goalId)))).toBe(true);
    } finally {
      board.stop();
      goals.stop();
      await client.dispose();
    }
  });

  it('a transaction of 300 sales spreads over rows under 2,000 bytes; every message arrives', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const board = subscribe<Board>(client, BOARD);
    try {
      await board.waitFor(() => true);
      await settle(server);
      const [done] = await server.sql<{ xid: string }>(
        sql`select test_many_sales(${org.reps.west1.id}, 300) as xid`,
      );
      const rows = await rowsOf(done!.xid);
      const messages = rows.flatMap(splitRow).map((m) => JSON.parse(m) as Message);
      expect(messages.filter((m) => m.t === 'perf')).toHaveLength(300); // one per statement
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.length).toBeLessThan(messages.length); // messages were merged
      for (const row of rows) expect(Buffer.byteLength(row, 'utf8')).toBeLessThan(2000);
      // the hub applied every one of them: the board converges on the 300 sales
      await board.waitFor((f) =>
        f.leaderboardChanged.entries.some((e) => e.user.name === 'Carol Cruz' && e.revenue === '3000.00'),
      );
    } finally {
      board.stop();
      await client.dispose();
    }
  });

  it('a rolled back savepoint takes its messages with it, also when it opened the row', async () => {
    const m = (n: string) => JSON.stringify({ t: 'hb', n });
    const [kept] = await server.sql<{ xid: string }>(
      sql`select test_savepoints(${m('sp-a')}, ${m('sp-b')}, ${m('sp-c')}) as xid`,
    );
    const rows = await rowsOf(kept!.xid);
    expect(rows).toHaveLength(1);
    expect(splitRow(rows[0]!).map((x) => (JSON.parse(x) as Message).n)).toEqual(['sp-a', 'sp-c']);

    const [opened] = await server.sql<{ xid: string }>(
      sql`select test_savepoints(null, ${m('sp-d')}, ${m('sp-e')}) as xid`,
    );
    const rows2 = await rowsOf(opened!.xid);
    expect(rows2).toHaveLength(1);
    expect(splitRow(rows2[0]!).map((x) => (JSON.parse(x) as Message).n)).toEqual(['sp-e']);
  });
});
