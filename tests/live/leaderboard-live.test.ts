import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

interface Board {
  leaderboardChanged: {
    version: string;
    periodStart: string;
    entries: { rank: number; user: { name: string }; revenue: string }[];
  };
}
const BOARD = `subscription($t: ID) { leaderboardChanged(teamId: $t, limit: 5) {
  version periodStart entries { rank user { name } revenue } } }`;

async function sale(userId: number, amount: string, externalId: string) {
  await recordActivity(server, {
    userId,
    kind: 'ORDER_WON',
    amount,
    occurredAt: new Date().toISOString(),
    externalId,
  });
}

describe('leaderboardChanged', () => {
  it('sends the current board first, then each newer version', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const frames = subscribe<Board>(client, BOARD);
    const first = await frames.waitFor(() => true);
    expect(first.leaderboardChanged.entries).toEqual([]); // nobody has sold yet: nobody is ranked
    await sale(org.reps.east1.id, '700.00', 'live-1');
    const second = await frames.waitFor((f) => f.leaderboardChanged.entries[0]?.revenue === '700.00');
    expect(second.leaderboardChanged.entries[0]?.user.name).toBe('Alice Able');
    expect(BigInt(second.leaderboardChanged.version)).toBeGreaterThan(
      BigInt(first.leaderboardChanged.version),
    );
    frames.stop();
    await client.dispose();
  });

  it('reaches subscribers for rows inserted with plain SQL', async () => {
    const client = connect(server.url, await server.token(org.reps.west1.email));
    const frames = subscribe<Board>(client, BOARD, { t: String(org.teams.west) });
    await frames.waitFor(() => true);
    await server.sql(sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
      values (${org.reps.west1.id}, 'ORDER_WON', 99.00, now(), 'live-sql-1')`);
    const frame = await frames.waitFor((f) => f.leaderboardChanged.entries[0]?.revenue === '99.00');
    expect(frame.leaderboardChanged.entries[0]?.user.name).toBe('Carol Cruz');
    frames.stop();
    await client.dispose();
  });
  it('gathers a sustained burst into a few frames, and single changes promptly again after it', async () => {
    const client = connect(server.url, await server.token(org.viewer));
    const frames = subscribe<Board>(client, BOARD);
    await frames.waitFor(() => true);
    await server.app.live.settled();
    const carol = (f: Board) =>
      Number(f.leaderboardChanged.entries.find((e) => e.user.name === 'Carol Cruz')?.revenue ?? 0);
    const start = carol(frames.values.at(-1)!);
    const base = server.app.live.coalesceMs;
    const before = { ...server.app.live.stats };
    let widest = base;
    const watch = setInterval(() => (widest = Math.max(widest, server.app.live.coalesceWindow)), 2);
    // 60 sales of 1.00 from 6 writers, each one after the other: commits arrive continuously
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; i < 10; i += 1) await sale(org.reps.west1.id, '1.00', `burst-${w}-${i}`);
      }),
    );
    clearInterval(watch);
    const total = await frames.waitFor((f) => carol(f) === start + 60);
    await server.app.live.settled();
    const published = server.app.live.stats.published - before.published;
    // on a server, commits from 6 connections arrive apart, several per window: it widens;
    // embedded PGlite runs one statement at a time, so they arrive too slowly to need it
    if (process.env.DATABASE_URL) expect(widest).toBeGreaterThan(base);
    expect(published).toBeLessThan(30);
    expect(frames.values.at(-1)).toEqual(total);

    await sale(org.reps.west1.id, '1.00', 'burst-after');
    await frames.waitFor((f) => carol(f) === start + 61);
    await server.app.live.settled();
    expect(server.app.live.coalesceWindow).toBe(base);
    frames.stop();
    await client.dispose();
  });
});
