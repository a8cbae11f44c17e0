/**
 * Notification payloads (migration 0002) stay under Postgres's 8000-byte NOTIFY limit
 * whatever one statement writes. Since 0007 they are appended to the change log (live_changes)
 * instead of being sent as NOTIFYs, but they keep the cap and the chunking: any of them may be sent
 * as a NOTIFY again, and they are what the hub reads. These tests read the log the way the bridge
 * does (rows committed since the previous read, each split into its messages: a transaction's
 * messages share a row while it stays under 2,000 bytes, live_emit.sql) while single statements
 * write thousands of rows, and check every message's and every row's size and that the id chunks
 * together name every row.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitRow } from '../../api/live/feed/messages.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sleep, until } from '../support/wait.ts';

const LIMIT = 8000;
let server: TestServer;
let stopListening: () => Promise<void>;
/** The messages read, in order. */
const payloads: string[] = [];
/** The change-log rows read, as stored. */
const logRows: string[] = [];
let userIds: number[] = [];

interface Message {
  t: string;
  ids?: number[];
  g?: [number, number | null, number | null][];
  all?: boolean;
  p?: unknown[];
  n?: string;
}

const parsed = (from: number): Message[] => payloads.slice(from).map((p) => JSON.parse(p) as Message);
const bytes = (from: number) => payloads.slice(from).map((p) => Buffer.byteLength(p, 'utf8'));
const rowBytes = () => logRows.map((p) => Buffer.byteLength(p, 'utf8'));

/** Tails the change log like api/live/feed/bridge.ts: the rows whose transaction became visible since the last read. */
async function listen(): Promise<() => Promise<void>> {
  const [start] = await server.sql<{ snap: string }>(sql`select pg_current_snapshot()::text as snap`);
  let after = start!.snap;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const [row] = await server.sql<{ snap: string; payloads: string[] | null }>(sql`
        select pg_current_snapshot()::text as snap,
          (select array_agg(payload order by xid) from live_changes
           where xid >= pg_snapshot_xmin(${after}::pg_snapshot)
             and not pg_visible_in_snapshot(xid, ${after}::pg_snapshot)) as payloads`);
      after = row!.snap;
      logRows.push(...(row!.payloads ?? []));
      payloads.push(...(row!.payloads ?? []).flatMap(splitRow));
      await sleep(20);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/**
 * Waits until `test` holds for the messages since `from`, then for a fence: a message of its own
 * (shaped as a heartbeat, which the server ignores unless it sent it) committed after them. The log
 * is read in commit order, so every message of the earlier statements comes before it: they are
 * what this returns.
 */
async function collect(
  from: number,
  test: (messages: Message[]) => boolean,
  what: string,
): Promise<Message[]> {
  await until(
    () => test(parsed(from)),
    () => `${what}; got ${payloads.length - from}`,
    { timeoutMs: 20_000 },
  );
  const nonce = `fence-${randomUUID()}`;
  await server.sql(sql`select live_emit(${JSON.stringify({ t: 'hb', n: nonce })})`);
  return until(() => {
    const all = parsed(from);
    const at = all.findIndex((m) => m.t === 'hb' && m.n === nonce);
    return at >= 0 && all.slice(0, at);
  }, 'the fence message');
}

const idsOf = (messages: Message[], t: 'goal' | 'ach') =>
  messages.filter((m) => m.t === t).flatMap((m) => m.ids ?? []);
const deletedOf = (messages: Message[]) =>
  messages.filter((m) => m.t === 'goal_del').flatMap((m) => (m.g ?? []).map((g) => g[0]));
const sortedNumbers = (list: number[]) => [...list].sort((a, b) => a - b);

beforeAll(async () => {
  server = await startTestServer();
  stopListening = await listen();
  const teams = await server.sql<{ id: number }>(
    sql`insert into teams (name) select 'Notify team ' || t from generate_series(1, 5) t returning id`,
  );
  const users = await server.sql<{ id: number }>(sql`insert into users (name, email, role, team_id)
    select 'Seller ' || n, 'np' || n || '@example.com', 'REP', (${sql.raw(`array[${teams.map((t) => t.id).join(',')}]`)})[1 + n % 5]
    from generate_series(1, 50) n returning id`);
  userIds = users.map((u) => u.id);
});
afterAll(async () => {
  await stopListening?.();
  await server?.close();
});

describe('NOTIFY payloads stay under 8000 bytes', () => {
  it('(b) 2,000 goals and 2,000 achievements created by single statements', async () => {
    const from = payloads.length;
    const goals = await server.sql<{ id: number }>(sql`insert into goals
        (user_id, metric, period_type, period_start, period_end, target_value)
      select u.id, 'REVENUE', 'MONTHLY', s.start, s.start, 1000
      from users u
      cross join lateral (select (date_trunc('month', now()) - make_interval(months => m))::date as start
                          from generate_series(0, 39) m) s
      where u.email like 'np%'
      returning id`);
    expect(goals).toHaveLength(2000);
    const badges = await server.sql<{
      id: number;
    }>(sql`insert into achievements (user_id, kind, title, badge_icon)
      select u.id, 'Bulk', 'Bulk badge ' || k, '⭐'
      from users u cross join generate_series(1, 40) k where u.email like 'np%'
      returning id`);
    expect(badges).toHaveLength(2000);
    const messages = await collect(
      from,
      (m) => idsOf(m, 'goal').length >= 2000 && idsOf(m, 'ach').length >= 2000,
      'the goal and badge ids',
    );
    for (const size of [...bytes(from), ...rowBytes()]) expect(size).toBeLessThan(LIMIT);
    expect(sortedNumbers(idsOf(messages, 'goal'))).toEqual(sortedNumbers(goals.map((g) => g.id)));
    expect(sortedNumbers(idsOf(messages, 'ach'))).toEqual(sortedNumbers(badges.map((b) => b.id)));
    expect(messages.filter((m) => m.t === 'goal').length).toBeGreaterThan(1); // it was chunked
  });

  it('(a) 5,000 activities over 3 years for 50 users in one statement', async () => {
    const from = payloads.length;
    await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      select us.ids[1 + g % 50],
             k.kind,
             case when k.kind = 'ORDER_WON' then 250 + g % 1000 end,
             now() - make_interval(days => g % 1095, hours => g % 24),
             'notify-bulk-' || g
      from generate_series(0, 4999) g
      cross join (select array_agg(id order by id) as ids from users where email like 'np%') us
      cross join lateral (select ((array['ORDER_WON','LEAD_CREATED','CALL','OPPORTUNITY_LOST','ORDER_WON',
                                         'MEETING','QUOTATION_SENT'])[1 + (g / 50) % 7])::activity_kind as kind) k`);
    const messages = await collect(
      from,
      (m) => m.some((x) => x.t === 'perf') && idsOf(m, 'goal').length > 0,
      'the rollup and goal notifications',
    );
    const sizes = [...bytes(from), ...rowBytes()];
    expect(Math.max(...sizes)).toBeLessThan(LIMIT);
    // so many periods changed that the rollup notice collapses to "everything"
    expect(messages.some((m) => m.t === 'perf' && m.all === true)).toBe(true);
    // every goal of these users lies within the 3 years of activity: all were recomputed
    expect(new Set(idsOf(messages, 'goal')).size).toBeGreaterThan(1000);
    for (const m of messages.filter((x) => x.t === 'goal' || x.t === 'ach'))
      expect(m.ids!.length).toBeLessThanOrEqual(400);
    expect(idsOf(messages, 'ach').length).toBeGreaterThan(0); // rule badges were awarded
  }, 120_000);

  it('(c) 2,000 goals deleted by one statement', async () => {
    const rows = await server.sql<{ id: number }>(
      sql`select id from goals where user_id in (select id from users where email like 'np%')`,
    );
    expect(rows).toHaveLength(2000);
    const from = payloads.length;
    await server.sql(sql`delete from goals where user_id in (select id from users where email like 'np%')`);
    const messages = await collect(from, (m) => deletedOf(m).length >= 2000, 'the deleted goal ids');
    for (const size of [...bytes(from), ...rowBytes()]) expect(size).toBeLessThan(LIMIT);
    expect(sortedNumbers(deletedOf(messages))).toEqual(sortedNumbers(rows.map((r) => r.id)));
    const byId = new Map(
      messages.filter((m) => m.t === 'goal_del').flatMap((m) => (m.g ?? []).map((g) => [g[0], g] as const)),
    );
    expect(userIds).toContain(byId.get(rows[0]!.id)?.[1]); // the owner travels with the id, for filters
  });

  it('(c) with the widest ids (10 digits), a bulk delete still works and stays under the limit', async () => {
    // ids are plain int4 identities "by default": any writer may insert ids up to 2147483647
    const big = 2_000_000_000;
    await server.sql(
      sql`insert into users (id, name, email, role) values (${big}, 'Wide Id', 'wide@example.com', 'REP')`,
    );
    const goals = await server.sql<{ id: number }>(sql`insert into goals
        (id, user_id, metric, period_type, period_start, period_end, target_value)
      select 2147480000 + d, ${big}, 'CALLS', 'DAILY', current_date - d, current_date - d, 5
      from generate_series(0, 1999) d returning id`);
    expect(goals).toHaveLength(2000);
    const from = payloads.length;
    await server.sql(sql`delete from goals where user_id = ${big}`);
    const messages = await collect(from, (m) => deletedOf(m).length >= 2000, 'the deleted goal ids');
    for (const size of [...bytes(from), ...rowBytes()]) expect(size).toBeLessThan(LIMIT);
    expect(sortedNumbers(deletedOf(messages))).toEqual(sortedNumbers(goals.map((g) => g.id)));
  });
});
