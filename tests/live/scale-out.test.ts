/**
 * Three API processes behind Debian's nginx, configured from the shipped deploy/nginx.conf (real
 * Postgres; nginx installed: .ci/run installs it). What "more than one replica" must hold:
 * screens connected through the balancer spread over the three (each upgrade names its replica:
 * REPLICA_NAME's X-Pulse-Replica header); sales written through the balancer (any replica) and
 * straight in SQL reach every screen, which ends on exactly what the database holds; a replica
 * killed with SIGKILL sends its screens through the balancer to another, where they get a fresh
 * snapshot, no board version ever going backwards; a rolling restart (SIGTERM, start, /readyz, one
 * replica after the other) under a steady stream of writes loses no write that was answered 200,
 * and leaves no screen behind (it runs before the kill, which then needs no restart: every start
 * costs seconds). Every wait is for an event (a frame, a connection, a status).
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { nginxBinary, startBalancer, type Balancer } from '../support/balancer.ts';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import {
  BOARD_SUBSCRIPTION,
  freePort,
  insertOrders,
  ms,
  now,
  orderInputs,
  RECORD,
  sleep,
  startServerProcess,
  stream,
  versionsNeverDecrease,
  waitUntil,
  type BoardFrame,
  type ServerProcess,
  type Stream,
} from '../support/live-tools.ts';
import { startTestServer, TEST_JWT_SECRET, TEST_ORG_ZONE, type TestServer } from '../support/server.ts';
import { connect } from '../support/ws.ts';

const REPLICAS = 3;
const SCREENS = 9;
const BOARD = { m: 'REVENUE', p: 'MONTHLY', l: 10 };
const HEADER = 'x-pulse-replica';

interface Replica {
  name: string;
  port: number;
  env: Record<string, string>;
  proc: ServerProcess;
}
interface Screen {
  /** The replica each connection of this screen was upgraded by, in order. */
  readonly replicas: string[];
  readonly closes: number[];
  connects: number;
  board: Stream<BoardFrame>;
  dispose(): Promise<void> | void;
}

const nginxMissing = !nginxBinary();
// CI installs nginx (.ci/run): there, a missing nginx fails this file instead of skipping it
const skip = !process.env.DATABASE_URL || (nginxMissing && !process.env.CI);

let prepared: TestServer;
let org: OrgFixture;
let db: postgres.Sql;
let balancer: Balancer;
const replicas: Replica[] = [];
const screens: Screen[] = [];
let adminToken: string;
/** external ids of the writes the balancer answered 200 for */
const acknowledged: string[] = [];
const answeredBy = new Map<string, number>();

async function ready(replica: Replica): Promise<void> {
  await waitUntil(
    async () => (await fetch(`${replica.proc.url}/readyz`)).status === 200,
    30_000,
    () => `${replica.name} to answer /readyz 200: ${replica.proc.output()}`,
    20,
  );
}

async function startReplica(replica: Omit<Replica, 'proc'>): Promise<Replica> {
  const proc = await startServerProcess(replica.port, replica.env, { timeoutMs: 120_000 });
  const started = { ...replica, proc };
  await ready(started);
  return started;
}

/** A screen on the balancer that reconnects for ever, noting which replica took each connection. */
function openScreen(token: string): Screen {
  const replicasSeen: string[] = [];
  const closes: number[] = [];
  class Tracked extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.once('upgrade', (response) => replicasSeen.push(String(response.headers[HEADER])));
    }
  }
  const screen = {
    replicas: replicasSeen,
    closes,
    connects: 0,
  } as Screen;
  const client = connect(balancer.url, token, {
    webSocketImpl: Tracked,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: () => sleep(50),
    on: {
      connected: () => (screen.connects += 1),
      closed: (event) => closes.push((event as { code: number }).code),
    },
  });
  screen.board = stream<BoardFrame>(client, BOARD_SUBSCRIPTION, BOARD);
  screen.dispose = () => client.dispose();
  return screen;
}

/** One sale through the balancer, sent again (same external id: idempotent) until answered 200. */
async function sellThroughBalancer(userId: number, amount: number): Promise<void> {
  const activities = orderInputs('scale-out', [[userId, amount]]);
  const id = activities[0]!.externalId;
  const failures: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      const response = await fetch(`${balancer.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: RECORD, variables: { a: activities } }),
      });
      const text = await response.text();
      if (response.status === 200 && !(JSON.parse(text) as { errors?: unknown }).errors) {
        acknowledged.push(id);
        const by = response.headers.get(HEADER) ?? '?';
        answeredBy.set(by, (answeredBy.get(by) ?? 0) + 1);
        return;
      }
      failures.push(`${response.status} ${text.slice(0, 200)}`);
    } catch (error) {
      failures.push(String(error));
    }
  }
  throw new Error(`a sale was never acknowledged: ${failures.join(' | ')}`);
}

/** What the board must show: every seller's month revenue, in cents, from the rollups. */
async function databaseBoard(): Promise<Record<string, number>> {
  const rows = await db<{ name: string; cents: string }[]>`
    select u.name, (sp.revenue * 100)::bigint::text as cents
    from sales_performance sp join users u on u.id = sp.user_id
    where sp.period_type = 'MONTHLY' and sp.period_start = period_start_of('MONTHLY', org_today())
      and sp.revenue > 0 and u.active and u.role in ('REP', 'MANAGER')`;
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.cents)]));
}
const shown = (frame: BoardFrame) =>
  Object.fromEntries(
    frame.leaderboardChanged.entries.map((e) => [e.user.name, Math.round(Number(e.revenue) * 100)]),
  );
const same = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Every screen shows exactly the database's board (from frame `from[i]` of screen i on). */
async function converge(from: number[] = []): Promise<Record<string, number>> {
  const expected = await databaseBoard();
  await Promise.all(
    screens.map((s, i) => s.board.waitFor((f) => same(shown(f), expected), 15_000, from[i] ?? 0)),
  );
  return expected;
}

const lastVersion = (s: Screen) => BigInt(s.board.last()!.leaderboardChanged.version);
const sellers = () => [org.reps.east1.id, org.reps.east2.id, org.reps.west1.id];

describe.skipIf(skip)(
  `three replicas behind nginx (needs DATABASE_URL, real Postgres: processes share one database; and nginx${nginxMissing ? ', which is not installed' : ''})`,
  () => {
    beforeAll(async () => {
      // a migrated database of this file's own: the in-process server prepares it, then stops
      prepared = await startTestServer();
      org = await createOrg(prepared);
      await prepared.app.stop();
      db = postgres(prepared.databaseUrl!, { max: 2, onnotice: () => {} });
      adminToken = await prepared.token(org.admin);
      const ports = await Promise.all(Array.from({ length: REPLICAS + 1 }, () => freePort()));
      const started = await Promise.all(
        Array.from({ length: REPLICAS }, (_, i) =>
          startReplica({
            name: `r${i + 1}`,
            port: ports[i]!,
            env: {
              DATABASE_URL: prepared.databaseUrl!,
              JWT_SECRET: TEST_JWT_SECRET,
              SEED_DEMO: 'false',
              LOG_LEVEL: 'warn',
              REPLICA_NAME: `r${i + 1}`,
              ...TEST_ORG_ZONE,
            },
          }),
        ),
      );
      replicas.push(...started);
      balancer = await startBalancer(
        replicas.map((r) => `127.0.0.1:${r.port}`),
        ports[REPLICAS]!,
      );
    }, 240_000);

    afterAll(async () => {
      for (const s of screens) await s.dispose();
      await balancer?.stop();
      for (const r of replicas) await r.proc.stop();
      await db?.end({ timeout: 1 });
      await prepared?.close();
    });

    it('spreads screens over the replicas; sales through any replica and in SQL reach every screen', async () => {
      const viewer = await prepared.token(org.viewer);
      // one after the other, so the balancer counts each before the next (least connections)
      for (let i = 0; i < SCREENS; i += 1) {
        const screen = openScreen(viewer);
        screens.push(screen);
        await screen.board.waitFor(() => true, 10_000);
      }
      const placed = new Set(screens.map((s) => s.replicas.at(-1)));
      console.info(
        `[scale-out] screens per replica: ${JSON.stringify(screens.map((s) => s.replicas.at(-1)))}`,
      );
      expect([...placed].sort()).toEqual(replicas.map((r) => r.name));

      for (let i = 0; i < 6; i += 1) await sellThroughBalancer(sellers()[i % 3]!, 100 + i);
      await insertOrders(db, 'scale-out-sql', [
        [org.reps.west1.id, 70],
        [org.reps.east2.id, 30],
      ]);
      const expected = await converge();
      expect(Object.keys(expected)).toHaveLength(3);
      // HTTP writes, too, went to more than one replica
      expect(answeredBy.size).toBeGreaterThan(1);
    }, 120_000);

    it('a rolling restart under writes loses no acknowledged write and leaves no screen behind', async () => {
      const closesBefore = screens.map((s) => s.closes.filter((c) => c === 1001).length);
      let writing = true;
      let sqlWrites = 0;
      const framesSeen = () => screens.reduce((n, s) => n + s.board.frames.length, 0);
      const writer = (async () => {
        for (let i = 0; writing; i += 1) {
          // paced by the screens: the next sale once some screen has shown something new (a
          // frame of this sale, or a reconnected screen's snapshot)
          const seen = framesSeen();
          await sellThroughBalancer(sellers()[i % 3]!, 1 + (i % 50));
          await waitUntil(() => framesSeen() > seen, 15_000, 'a frame after a sale');
          if (i % 4 === 3) {
            await insertOrders(db, 'scale-out-rolling', [[sellers()[i % 3]!, 5]]);
            sqlWrites += 1;
          }
        }
      })();
      // its failure is thrown where it is awaited (finally, below), not as an unhandled rejection
      writer.catch(() => {});
      const ackedAtStart = acknowledged.length;
      const steps: string[] = [];
      try {
        for (const [i, replica] of replicas.entries()) {
          // at least one write lands while each replica is going down
          const target = acknowledged.length + 2;
          await waitUntil(() => acknowledged.length >= target, 15_000, 'writes before a restart');
          const t0 = now();
          expect(await replica.proc.stop()).toBe(0);
          const t1 = now();
          replicas[i] = await startReplica(replica);
          // before the next one goes: nginx sends the restarted one traffic again (it skips a replica
          // for fail_timeout after a refused connection, so it may lag /readyz by up to that)
          const answered = answeredBy.get(replica.name) ?? 0;
          await waitUntil(
            () => (answeredBy.get(replica.name) ?? 0) > answered,
            15_000,
            `nginx to send ${replica.name} requests again`,
          );
          steps.push(`${replica.name} stopped in ${ms(t1 - t0)} ms, ready again ${ms(now() - t1)} ms later`);
        }
      } finally {
        // the writer stops whatever happened (a failed restart must not leave it writing)
        writing = false;
        await writer;
      }

      const stored = await db<{ n: number }[]>`
        select count(*)::int as n from activities where external_id = any(${acknowledged})`;
      console.info(
        `[scale-out] rolling restart: ${acknowledged.length - ackedAtStart} writes acknowledged through nginx ` +
          `(+${sqlWrites} in SQL); answered by ${JSON.stringify(Object.fromEntries(answeredBy))}; ` +
          `screens per replica now ${JSON.stringify(screens.map((s) => s.replicas.at(-1)))}; ${steps.join('; ')}`,
      );
      expect(stored[0]!.n).toBe(acknowledged.length);
      await converge();
      for (const [i, s] of screens.entries()) {
        // every screen's replica went away once at least (1001), and it came back on a live one
        expect(s.closes.filter((c) => c === 1001).length).toBeGreaterThan(closesBefore[i]!);
        expect(s.board.errors).toEqual([]);
        expect(s.board.completed).toBe(false);
        expect(versionsNeverDecrease(s.board.frames.map((f) => f.data.leaderboardChanged))).toBe(true);
      }
      // and they still move: one more sale reaches all of them
      const mark = screens.map((s) => s.board.frames.length);
      await insertOrders(db, 'scale-out-after', [[org.reps.east2.id, 1]]);
      await converge(mark);
    }, 600_000);

    it('a replica killed with SIGKILL: its screens reconnect through nginx to another and get a fresh snapshot', async () => {
      // the replica holding the most screens
      const on = (r: Replica) => screens.filter((s) => s.replicas.at(-1) === r.name);
      const victim = [...replicas].sort((x, y) => on(y).length - on(x).length)[0]!;
      const moved = on(victim);
      expect(moved.length).toBeGreaterThan(0);
      const mark = screens.map((s) => s.board.frames.length);
      const before = screens.map(lastVersion);
      const connectsBefore = moved.map((s) => s.connects);
      const state = await databaseBoard();

      victim.proc.child.kill('SIGKILL');
      await victim.proc.exited;
      // the snapshot a moved screen gets from its new replica: the board as it is, no sale in between
      const snapshots = await Promise.all(
        moved.map(async (s) => {
          const first = await s.board.waitFor(() => true, 15_000, mark[screens.indexOf(s)]);
          return { screen: s, first };
        }),
      );
      for (const [i, { screen, first }] of snapshots.entries()) {
        expect(screen.connects).toBeGreaterThan(connectsBefore[i]!);
        expect(screen.replicas.at(-1)).not.toBe(victim.name);
        expect(shown(first.data)).toEqual(state);
        expect(BigInt(first.data.leaderboardChanged.version)).toBeGreaterThanOrEqual(
          before[screens.indexOf(screen)]!,
        );
      }
      // sales while it is down go around it
      const victimAnswered = answeredBy.get(victim.name) ?? 0;
      for (let i = 0; i < 4; i += 1) await sellThroughBalancer(sellers()[i % 3]!, 200 + i);
      await insertOrders(db, 'scale-out-down', [[org.reps.east1.id, 11]]);
      expect(answeredBy.get(victim.name) ?? 0).toBe(victimAnswered);
      await converge(mark);
      for (const s of screens)
        expect(versionsNeverDecrease(s.board.frames.map((f) => f.data.leaderboardChanged))).toBe(true);
    }, 120_000);
  },
);
