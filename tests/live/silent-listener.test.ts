/**
 * A listener that dies silently (half-open TCP: no error, no close, just no more notifications)
 * is found by the heartbeat and replaced, and subscribers catch up. Needs a Postgres server to
 * put a proxy in front of, so it skips on PGlite.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { waitUntil } from '../support/live-tools.ts';
import { startProxy, type SilentProxy } from '../support/tcp-proxy.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

describe.skipIf(!process.env.DATABASE_URL)(
  'silently dead listener (real Postgres: needs a TCP proxy)',
  () => {
    let server: TestServer;
    let proxy: SilentProxy;
    let org: OrgFixture;

    beforeAll(async () => {
      const base = new URL(process.env.DATABASE_URL!);
      proxy = await startProxy({ host: base.hostname, port: Number(base.port || 5432) });
      // a server on its own database, reached through the proxy
      const direct = await startTestServer();
      const viaProxy = new URL(direct.databaseUrl!);
      viaProxy.port = String(proxy.port);
      await direct.app.stop(); // keep its database; start again through the proxy
      ({ server, org } = await startOrgServer({
        DATABASE_URL: viaProxy.toString(),
        LIVE_HEARTBEAT_MS: '300',
        LIVE_HEARTBEAT_TIMEOUT_MS: '600',
      }));
    });
    afterAll(async () => {
      await server?.close();
      await proxy?.close();
    });

    const sale = (amount: number, externalId: string) =>
      server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
        values (${org.reps.east1.id}, 'ORDER_WON', ${amount}, now(), ${externalId})`);

    it('reopens the listener and resends the current board', async () => {
      const client = connect(server.url, await server.token(org.viewer));
      const frames = subscribe<{ leaderboardChanged: { entries: { revenue: string }[] } }>(
        client,
        'subscription { leaderboardChanged { entries { revenue } } }',
      );
      await frames.waitFor(() => true);
      // A sale seen live first: notifications from the fixture's writes may still be on their way
      // (slow machines), and a late one would recompute the board after the next insert and show
      // it without any reconnect. Notifications arrive in commit order, so once this sale is on
      // screen nothing older is pending.
      await sale(100, 'silent-warmup');
      await frames.waitFor((f) => f.leaderboardChanged.entries[0]?.revenue === '100.00', 5000);
      await server.app.live.settled();
      // ...and the bridge asleep, so that only a wake-up NOTIFY (lost in the silent connection)
      // could tell it about the next sale, not its reading of the change log (migration 0007)
      while (!server.app.bridge.idle) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(server.app.bridge.current).toBe(true);
      expect(proxy.silence('pulse-listener')).toBe(1);
      const before = server.app.bridge.connects;
      // from the unanswered heartbeat until it has registered again the bridge is not current:
      // the viewer directory reads every lookup meanwhile (live/caches/directory.ts)
      const distrusted = waitUntil(
        () => !server.app.bridge.current,
        5000,
        'the bridge to distrust itself',
        1,
      );
      await sale(321, 'silent-1');
      // the notification went into the silent connection; the heartbeat must notice and recover
      await frames.waitFor((f) => f.leaderboardChanged.entries[0]?.revenue === '421.00', 5000);
      await distrusted;
      expect(server.app.bridge.connects).toBeGreaterThan(before);
      await waitUntil(() => server.app.bridge.current, 5000, 'the bridge to be current again');
      frames.stop();
      await client.dispose();
    });

    it('a screen that subscribes before the listener has delivered a commit gets the board as a query shows it', async () => {
      // Another replica may have shown a screen that commit already: when the screen reconnects
      // here, the board this process keeps in memory for its other screens is behind. The newcomer
      // must get what a query would answer, never an older version (live/hub/boards.ts).
      type Frame = {
        leaderboardChanged: { version: string; entries: { user: { id: string }; revenue: string }[] };
      };
      const board = 'version entries { user { id } revenue }';
      const client = connect(server.url, await server.token(org.viewer));
      const watching = subscribe<Frame>(client, `subscription { leaderboardChanged { ${board} } }`);
      await watching.waitFor(() => true);
      await server.app.live.settled();
      while (!server.app.bridge.idle) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(server.app.bridge.current).toBe(true);
      const kept = watching.values.at(-1)!.leaderboardChanged;
      expect(proxy.silence('pulse-listener')).toBe(1);
      await sale(555, 'silent-newcomer');
      const newcomer = subscribe<Frame>(client, `subscription { leaderboardChanged { ${board} } }`);
      const first = (await newcomer.waitFor(() => true)).leaderboardChanged;
      // the answer of a query now (not from memory: the bridge is not caught up, or it has
      // recovered and read everything again)
      const query = await server.gql<{ leaderboard: Frame['leaderboardChanged'] }>(
        `{ leaderboard { ${board} } }`,
        undefined,
        org.viewer,
      );
      expect(query.errors).toBeUndefined();
      expect(first.entries).toEqual(query.data!.leaderboard.entries);
      expect(first.entries).not.toEqual(kept.entries);
      expect(BigInt(first.version)).toBeGreaterThan(BigInt(kept.version));
      expect(BigInt(first.version)).toBeGreaterThanOrEqual(BigInt(query.data!.leaderboard.version));
      // the screen that was watching catches up once the listener is back, and never goes back
      await watching.waitFor(
        (f) =>
          f.leaderboardChanged.version === first.version ||
          BigInt(f.leaderboardChanged.version) > BigInt(first.version),
        10_000,
      );
      await waitUntil(() => server.app.bridge.current, 5000, 'the bridge to be current again');
      for (const frames of [watching, newcomer]) {
        const versions = frames.values.map((f) => BigInt(f.leaderboardChanged.version));
        expect(versions.every((v, i) => i === 0 || v >= versions[i - 1]!)).toBe(true);
      }
      watching.stop();
      newcomer.stop();
      await client.dispose();
    });
  },
);
