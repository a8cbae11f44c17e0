/**
 * Live updates survive failures (real Postgres): the LISTEN connection killed again and again while
 * sales keep coming, and the API process restarted under a connected client.
 */
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createOrg } from '../support/fixtures.ts';
import {
  BOARD_SUBSCRIPTION,
  boardCents,
  cleanupAfterEach,
  entriesOf,
  freePort,
  gqlAt,
  httpBoard,
  median,
  ms,
  now,
  orderInputs,
  RECORD,
  revenueOf,
  sameEntries,
  sleep,
  startServerProcess,
  stream,
  versionsNeverDecrease,
  waitUntil,
  type BoardArgs,
  type BoardFrame,
  type ServerProcess,
} from '../support/live-tools.ts';
import { dataOf, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';
import { connect } from '../support/ws.ts';

const cleanup = cleanupAfterEach();

const LISTENER_PIDS = `select pid from pg_stat_activity
  where application_name = 'pulse-listener' and datname = current_database()`;

describe.skipIf(!process.env.DATABASE_URL)(
  'live faults (real Postgres: terminates listener backends, runs API processes on one database)',
  () => {
    it('keeps every subscriber on the current board while its listener is killed every second', async () => {
      const server = await startTestServer({ LIVE_HEARTBEAT_MS: '500', LIVE_HEARTBEAT_TIMEOUT_MS: '500' });
      cleanup.push(() => server.close());
      const admin = postgres(server.databaseUrl!, { max: 1, onnotice: () => {} });
      cleanup.push(() => admin.end({ timeout: 1 }));
      const org = await createOrg(server);
      const client = connect(server.url, await server.token(org.viewer));
      cleanup.push(() => client.dispose());
      const east = String(org.teams.east);
      const west = String(org.teams.west);
      const boards: BoardArgs[] = [
        { m: 'REVENUE' },
        { m: 'ORDERS' },
        { m: 'REVENUE', t: east },
        { m: 'REVENUE', t: west, l: 1 },
        { m: 'ORDERS', p: 'WEEKLY', t: east },
      ];
      const streams = boards.map((args) => stream<BoardFrame>(client, BOARD_SUBSCRIPTION, { ...args }));
      await waitUntil(() => streams.every((s) => s.frames.length > 0), 5000, 'the first frame of each board');
      const all = streams[0]!; // every seller is on it (5 sellers, limit 10): its total is the sales total

      // recoveries: when the bridge's connect count moves
      const connects0 = server.app.bridge.connects;
      const recoveries: number[] = [];
      let seen = connects0;
      const watcher = setInterval(() => {
        for (; seen < server.app.bridge.connects; seen += 1) recoveries.push(now());
      }, 5);
      cleanup.push(() => clearInterval(watcher));

      const reps = [org.reps.east1.id, org.reps.east2.id, org.reps.west1.id];
      const writes: { start: number; end: number; cents: number }[] = [];
      let cents = 0;
      const until = now() + 6000;
      const writer = (async () => {
        for (let i = 0; now() < until; i += 1) {
          const amount = 100 + (i % 9);
          const start = now();
          dataOf(await server.gql(RECORD, { a: orderInputs('fault', [[reps[i % 3]!, amount]]) }, org.admin));
          cents += amount * 100;
          writes.push({ start, end: now(), cents });
          await sleep(25);
        }
      })();
      // about once a second: find the listener's backend (it may still be reconnecting) and kill it
      let killed = 0;
      let missed = 0;
      const killer = (async () => {
        let next = now() + 1000;
        while (next < until - 500) {
          await sleep(Math.max(0, next - now()));
          const terminated = await admin.unsafe<{ ok: boolean }[]>(
            `select pg_terminate_backend(pid) as ok from (${LISTENER_PIDS}) l`,
          );
          if (terminated.some((r) => r.ok)) {
            killed += 1;
            next = now() + 1000;
          } else {
            missed += 1;
            next = now() + 20;
          }
        }
      })();
      await Promise.all([writer, killer]);
      const writesEnded = now();

      // every subscriber ends on what the leaderboard query computes (how soon: printed below)
      const expected = await Promise.all(boards.map((args) => httpBoard(server, org.viewer, args)));
      await waitUntil(
        () => streams.every((s, i) => sameEntries(s.last()?.leaderboardChanged, expected[i])),
        30_000,
        () =>
          JSON.stringify(
            streams.map((s, i) => ({
              got: entriesOf(s.last()?.leaderboardChanged),
              want: entriesOf(expected[i]),
            })),
          ),
      );
      const converged = now() - writesEnded;
      // when each write showed on the all-sellers board, and the first write after each recovery
      const shown = writes.map((w) => {
        const frame = all.frames.find((f) => boardCents(f.data.leaderboardChanged) >= w.cents);
        return frame ? frame.at - w.end : Infinity;
      });
      const afterRecovery = recoveries.flatMap((r) => {
        const next = writes.findIndex((w) => w.start >= r);
        return next < 0 ? [] : [shown[next]!];
      });
      console.info(
        `[faults] ${writes.length} writes in 6 s, ${killed} listener kills (${missed} looks found no listener), bridge.connects ${connects0} -> ${server.app.bridge.connects}, ` +
          `converged ${ms(converged)} ms after the last write; write->frame latency median ${ms(median(shown))} ms, ` +
          `max ${ms(Math.max(...shown))} ms; first write after each recovery: [${afterRecovery.map(ms).join(', ')}] ms; ` +
          `hub ${JSON.stringify(server.app.live.stats)}`,
      );
      for (const [i, s] of streams.entries()) {
        expect(entriesOf(s.last()?.leaderboardChanged)).toEqual(entriesOf(expected[i]));
        const frames = s.frames.map((f) => f.data.leaderboardChanged);
        expect(versionsNeverDecrease(frames), `versions of board ${i}`).toBe(true);
        // one version, one content
        const byVersion = new Map<string, string>();
        for (const f of frames) {
          const content = JSON.stringify(entriesOf(f));
          expect(byVersion.get(f.version) ?? content, `board ${i} version ${f.version}`).toBe(content);
          byVersion.set(f.version, content);
        }
        expect(s.errors).toEqual([]);
      }
      expect(boardCents(all.last()!.leaderboardChanged)).toBe(cents);

      // the listener really was killed, and came back each time
      expect(killed).toBeGreaterThanOrEqual(3);
      expect(server.app.bridge.connects - connects0).toBeGreaterThanOrEqual(killed);

      // a write after each recovery, shown (how soon after it: printed above)
      expect(afterRecovery.length).toBeGreaterThanOrEqual(killed);

      // sharper: a sale committed together with the listener's death, and nothing after it. Its
      // NOTIFY goes out before the new listener exists, so only the reconnect's recompute shows it.
      let lost = 0;
      for (let round = 0; round < 3; round += 1) {
        const notifications = server.app.live.stats.notifications;
        const amount = 1000 + round;
        await admin.begin(async (tx) => {
          await tx`insert into activities (user_id, kind, amount, occurred_at, external_id)
            values (${org.reps.west1.id}, 'ORDER_WON', ${amount}, now(), ${`gap-${round}`})`;
          await tx.unsafe(`select pg_terminate_backend(pid) from (${LISTENER_PIDS}) l`);
        });
        cents += amount * 100;
        const started = now();
        const frame = await all.waitFor((d) => boardCents(d.leaderboardChanged) === cents, 2000);
        await server.app.live.settled();
        if (server.app.live.stats.notifications === notifications) lost += 1;
        console.info(
          `[faults] sale committed with the listener's death shown after ${ms(frame.at - started)} ms ` +
            `(its notification ${server.app.live.stats.notifications === notifications ? 'was lost' : 'arrived'})`,
        );
      }
      const final = await httpBoard(server, org.viewer, {});
      expect(entriesOf(all.last()?.leaderboardChanged)).toEqual(entriesOf(final));
      console.info(`[faults] ${lost}/3 gap sales reached subscribers only through the reconnect's recompute`);
    });

    it('a client that retries gets the current board, sales made while the API was down included, from a restarted process', async () => {
      // a migrated database of its own: the in-process server only prepares it, then processes run on it
      const prepared: TestServer = await startTestServer();
      cleanup.push(() => prepared.close());
      const org = await createOrg(prepared);
      await prepared.app.stop();
      const databaseUrl = prepared.databaseUrl!;
      const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      cleanup.push(() => db.end({ timeout: 1 }));
      const env = {
        DATABASE_URL: databaseUrl,
        JWT_SECRET: TEST_JWT_SECRET,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
      };
      const port = await freePort();
      let proc: ServerProcess = await startServerProcess(port, env);
      cleanup.push(() => proc.stop());

      const viewer = await prepared.token(org.viewer);
      let connected = 0;
      const closes: number[] = [];
      const client = connect(proc.url, viewer, {
        retryAttempts: Infinity,
        shouldRetry: () => true,
        retryWait: () => sleep(200),
        on: {
          connected: () => (connected += 1),
          closed: (event) => closes.push((event as { code: number }).code),
        },
      });
      cleanup.push(() => client.dispose());
      const board = stream<BoardFrame>(client, BOARD_SUBSCRIPTION, {});
      const adminGql = gqlAt(proc.url, await prepared.token(org.admin));
      dataOf(await adminGql(RECORD, { a: orderInputs('restart', [[org.reps.east1.id, 500]]) }));
      const before = await board.waitFor((d) => revenueOf(d.leaderboardChanged, 'Alice Able') === '500.00');
      const seenBefore = board.frames.length;

      expect(await proc.stop()).toBe(0);
      await waitUntil(() => closes.length > 0, 5000, 'the client to see the socket close');
      // a sale while no API runs: plain SQL, the triggers keep the rollups
      await db`insert into activities (user_id, kind, amount, occurred_at, external_id)
        values (${org.reps.west1.id}, 'ORDER_WON', 800.00, now(), 'restart-while-down')`;
      await sleep(300); // the client is retrying against a closed port meanwhile
      const downAt = now();
      proc = await startServerProcess(port, env);
      const restartedAt = now();

      const first = await board.waitFor(() => true, 10_000, seenBefore);
      const expected = await httpBoard({ gql: gqlAt(proc.url, viewer) }, org.viewer, {});
      console.info(
        `[faults] restart: process up after ${ms(restartedAt - downAt)} ms, first frame ${ms(first.at - restartedAt)} ms later; ` +
          `client connected ${connected} times, closes ${JSON.stringify(closes)}`,
      );
      expect(connected).toBeGreaterThanOrEqual(2);
      expect(board.errors).toEqual([]);
      expect(board.completed).toBe(false);
      expect(revenueOf(first.data.leaderboardChanged, 'Carol Cruz')).toBe('800.00');
      expect(revenueOf(first.data.leaderboardChanged, 'Alice Able')).toBe('500.00');
      expect(entriesOf(first.data.leaderboardChanged)).toEqual(entriesOf(expected));
      expect(BigInt(first.data.leaderboardChanged.version)).toBeGreaterThan(
        BigInt(before.data.leaderboardChanged.version),
      );
      // and it keeps going on the new process
      dataOf(
        await gqlAt(proc.url, await prepared.token(org.admin))(RECORD, {
          a: orderInputs('restart', [[org.reps.east2.id, 50]]),
        }),
      );
      await board.waitFor((d) => revenueOf(d.leaderboardChanged, 'Bob Baker') === '50.00', 2000, seenBefore);
    });
  },
);
