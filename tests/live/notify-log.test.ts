/**
 * The change log (migration 0007, api/live/feed/bridge.ts): writers append their
 * messages to live_changes and NOTIFY only a listener that sleeps. The risk of such a protocol is a
 * lost wake-up: a writer that checked the flag just before the listener armed itself, and commits
 * just after. Here many concurrent writers commit marked messages in bursts and gaps, with pauses
 * between the write and the commit, while a bridge of the test listens (the app's is stopped); every
 * committed marker must arrive, exactly once, no rolled-back one, and far fewer NOTIFYs than
 * transactions are sent. Postgres only: an embedded database has one connection.
 */
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../api/live/feed/bridge.ts';
import type { LiveMessage } from '../../api/live/feed/messages.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sleep, until } from '../support/wait.ts';

describe.skipIf(!process.env.DATABASE_URL)('change log and wake-ups under concurrent writers', () => {
  let server: TestServer;
  let bridge: Bridge;
  let writers: postgres.Sql;
  let watcher: postgres.Sql;
  const received: number[] = [];
  let wakes = 0;

  beforeAll(async () => {
    server = await startTestServer();
    // this test's bridge alone: the app's would wake up on its own schedule and hide a lost wake-up
    await server.app.bridge.dispose();
    const url = server.databaseUrl!;
    bridge = createBridge({
      database: server.app.database,
      databaseUrl: url,
      logger: pino({ level: 'silent' }),
      onMessage: (m: LiveMessage) => {
        if (m.t === 'ach') received.push(...m.ids);
      },
      onReconnect: () => {
        throw new Error('the listener should not have reconnected');
      },
    });
    await bridge.start();
    watcher = postgres(url, { max: 1, onnotice: () => {} });
    await watcher.listen('pulse_changes', (payload) => {
      if (payload === '{"t":"wake"}') wakes += 1;
    });
    writers = postgres(url, { max: 12, onnotice: () => {} });
    // Widen the window that matters: between a writer's wake-up check (a deferred trigger, at
    // COMMIT) and its commit becoming visible. Deferred triggers run in name order: after it.
    await writers.unsafe(`
      create function test_commit_delay() returns trigger language plpgsql as $$
      begin
        if new.payload like '%"slow"%' then perform pg_sleep(0.06); end if;
        return null;
      end $$;
      create constraint trigger live_changes_zz_delay after insert on live_changes
        deferrable initially deferred for each row execute function test_commit_delay();`);
  });
  afterAll(async () => {
    await writers?.end({ timeout: 1 });
    await watcher?.end({ timeout: 1 });
    await bridge?.dispose();
    await server?.close();
  });

  it('delivers every committed message once, and none that rolled back', async () => {
    let next = 1;
    const committed: number[] = [];
    const writer = async (w: number) => {
      for (let burst = 0; burst < 6; burst += 1) {
        for (let i = 0; i < 8; i += 1) {
          const marker = next++;
          const rollback = marker % 13 === 0;
          await writers
            .begin(async (tx) => {
              const slow = (marker + w) % 3 === 0;
              await tx`select live_emit(${JSON.stringify({ t: 'ach', ids: [marker], ...(slow ? { slow: 1 } : {}) })})`;
              if (marker % 5 === 0) await tx`select pg_sleep(${(marker % 7) / 1000})`;
              if (rollback) throw new Error('rolled back on purpose');
            })
            .then(
              () => committed.push(marker),
              () => {},
            );
        }
        // a gap long enough for the listener to arm itself again, and sometimes not
        await sleep(burst % 2 ? 40 : 5 + w);
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, w) => writer(w)));
    // the fence: a marker committed after all of them arrives after every one of them
    const FENCE = 999_998;
    await writers.begin((tx) => tx`select live_emit(${JSON.stringify({ t: 'ach', ids: [FENCE] })})`);
    await until(() => received.includes(FENCE), 'the fence marker');
    const before = received.slice(0, received.indexOf(FENCE));
    expect(before.sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
    expect(committed.length).toBeGreaterThan(400);
    // woken once per burst at most (the listeners drain between wake-ups), not once per commit
    expect(wakes).toBeLessThan(committed.length / 2);
  });

  it('never leaves a commit unread until the next write (a slow commit while the listener arms)', async () => {
    // One writer wakes the listener; another checks the flag while the listener drains (disarmed)
    // and commits slowly, just as the listener finds nothing and arms itself again (about one
    // drain interval or two later). Then silence: no later write would wake the listener, so the
    // second commit must be found by the listener's own wait for running transactions (waiting
    // for it bounds a failure only: a commit left unread until the next write is never found).
    let next = 100_000;
    for (let round = 0; round < 24; round += 1) {
      const fast = next++;
      const slow = next++;
      const write = (marker: number, extra: object) =>
        writers.begin((tx) => tx`select live_emit(${JSON.stringify({ t: 'ach', ids: [marker], ...extra })})`);
      await Promise.all([write(fast, {}), sleep(4 + 2 * (round % 12)).then(() => write(slow, { slow: 1 }))]);
      await expect.poll(() => received.includes(slow), { timeout: 20_000, interval: 5 }).toBe(true);
      expect(received).toContain(fast);
    }
  });

  it('an idle listener is woken at once by a writer that commits', async () => {
    // idle = armed, running no statement and holding no timer: only the writer's wake-up can make
    // it read the log again, so the message arriving at all is the proof (no stopwatch)
    await expect
      .poll(
        async () =>
          (await writers<{ armed: boolean }[]>`select bool_and(armed) as armed from live_listeners`)[0]
            ?.armed,
        { timeout: 30_000, interval: 20 },
      )
      .toBe(true);
    const before = wakes;
    await writers`select live_emit(${JSON.stringify({ t: 'ach', ids: [999_999] })})`;
    await expect.poll(() => received.includes(999_999), { timeout: 30_000, interval: 2 }).toBe(true);
    await expect.poll(() => wakes, { timeout: 30_000, interval: 5 }).toBeGreaterThan(before);
  });

  it('reads the log less often while every read finds rows, and at once after a quiet spell', async () => {
    // a second listener with a short drain interval (5 ms) that backs off to 40 ms while reads
    // keep finding rows. Nothing here is timed: writers write until the listener has backed off
    // all the way (or 20,000 writes, which it never needs), every write is delivered, and once
    // idle it has no timer at all, so only a writer's wake-up can make it read again.
    const got: number[] = [];
    const busy = createBridge({
      database: server.app.database,
      databaseUrl: server.databaseUrl!,
      logger: pino({ level: 'silent' }),
      drainMs: 5,
      busyDrainMs: 40,
      onMessage: (m: LiveMessage) => {
        if (m.t === 'ach') got.push(...m.ids);
      },
      onReconnect: () => {},
    });
    await busy.start();
    try {
      const committed: number[] = [];
      let marker = 200_000;
      let backedOff = false;
      const writer = async () => {
        while (!backedOff && committed.length < 20_000) {
          const id = marker++;
          await writers`select live_emit(${JSON.stringify({ t: 'ach', ids: [id] })})`;
          committed.push(id);
          if (busy.drainInterval === 40) backedOff = true;
        }
      };
      await Promise.all([writer(), writer(), writer()]);
      expect(backedOff).toBe(true);
      await expect.poll(() => got.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(committed.length);
      expect([...got].sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
      // quiet again: idle (armed, no loop, no timer), so the read that delivers the next write is a wake-up's
      await expect.poll(() => busy.idle, { timeout: 30_000 }).toBe(true);
      const reads = busy.reads;
      await writers`select live_emit(${JSON.stringify({ t: 'ach', ids: [299_999] })})`;
      await expect.poll(() => got.includes(299_999), { timeout: 30_000 }).toBe(true);
      expect(busy.reads).toBeGreaterThan(reads);
    } finally {
      await busy.dispose();
    }
  });

  it('writers log nothing while no listener is registered (no API process running)', async () => {
    const logged = await writers
      .begin(async (tx) => {
        await tx`delete from live_listeners`;
        await tx`select live_emit('{"t":"dir"}')`;
        const [row] = await tx<{ n: number }[]>`
          select count(*)::int as n from live_changes where xid = pg_current_xact_id()`;
        throw Object.assign(new Error('roll back'), { n: row?.n });
      })
      .catch((error: { n?: number }) => error.n);
    expect(logged).toBe(0);
  });
});
