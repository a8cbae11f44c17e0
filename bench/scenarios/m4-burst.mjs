/**
 * M4: a burst of 1,000 sales in 1 s while 1,000 subscribers watch one leaderboard.
 * Target: at most 10 frames per client for the burst, and every client's last frame equal to the
 * database once the burst is over.
 *
 * Writing: 4 connections x 25 transactions of 10 sales each (sellers across the whole board),
 * paced over one second: single-sale transactions top out far below 1,000/s on this machine with
 * the triggers on (see M6), so the burst is 100 commits carrying 1,000 sales.
 * Frames per client are counted from the burst's start until no frame has arrived for 2 s (at
 * most 30 s: a peer that is still behind then is reported as not converged and stopped).
 * "Equals the database": the client's last frame (entries and version) against the board read
 * afterwards (Pulse: its leaderboard query; PostGraphile: the same SQL functions it serves).
 *
 *   node --import tsx bench/scenarios/m4-burst.mjs [--quick] [--only pulse,pg4]
 */
import pg from 'pg';
import { DB_URL, QUICK, TV_EMAIL, log, median, now, round, sleep, runComparison } from '../lib/common.mjs';
import { pulseToken, runnableTargets, startServer, tokenFor } from '../lib/servers.mjs';
import { openMany } from '../lib/subscribers.mjs';
import { BOARD_QUERY, SUBSCRIPTION, board } from '../lib/targets.mjs';
import { createWriter, paced } from '../lib/writer.mjs';

const SUBSCRIBERS = QUICK ? 200 : 1000;
const SALES = 1000;
const WRITERS = 4;
const PER_TXN = 10;
const BURSTS = { pulse: QUICK ? 1 : 3, pg4: 1, pg5: 1 };
const QUIET_MS = 2000;
const MAX_WAIT_MS = QUICK ? 4000 : 30_000;

async function truth(kind, server) {
  if (kind === 'pulse') {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await pulseToken(TV_EMAIL)}` },
      body: JSON.stringify({ query: BOARD_QUERY.pulse }),
    });
    return board('pulse', (await response.json()).data);
  }
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  const { rows } = await client.query(`select * from bench_leaderboard('MONTHLY', 'REVENUE', null, 10)`);
  const {
    rows: [v],
  } = await client.query(`select bench_board_version('MONTHLY') as version`);
  await client.end();
  return {
    version: v.version,
    rows: rows.map((e) => `${e.name}|${e.rank}|${Number(e.revenue).toFixed(2)}|${e.orders_won}`),
  };
}

async function burst(writers) {
  const started = now();
  const perWriter = SALES / PER_TXN / writers.length;
  await Promise.all(writers.map((w) => paced(perWriter, 1000, () => w.sales(PER_TXN))));
  return now() - started;
}

async function runTarget(kind) {
  const server = await startServer(kind, { label: `m4-${kind}` });
  const writers = [];
  let subs = [];
  try {
    for (let i = 0; i < WRITERS; i += 1) writers.push(await createWriter());
    const token = await tokenFor(kind, TV_EMAIL);
    subs = await openMany(SUBSCRIBERS, {
      url: server.wsUrl,
      token,
      query: SUBSCRIPTION[kind],
      keepRaw: true,
    });
    log(`m4 ${kind}: ${subs.length} subscribers have their snapshot`);
    await sleep(1500);
    const runs = [];
    for (let b = 0; b < BURSTS[kind]; b += 1) {
      const framesBefore = subs.map((s) => s.frames);
      const stats0 = await server.stats();
      const burstStart = now();
      const burstMs = await burst(writers);
      // wait until quiet: no frame for QUIET_MS once a frame of the burst has come (a server that
      // is slow to start answering must not pass for one that is done)
      const start = now();
      let lastFrameAt = Math.max(...subs.map((s) => s.lastAt));
      while (now() - start < MAX_WAIT_MS) {
        await sleep(200);
        lastFrameAt = subs.reduce((m, s) => (s.lastAt > m ? s.lastAt : m), 0);
        if (lastFrameAt > burstStart && now() - lastFrameAt > QUIET_MS && now() - start > QUIET_MS) break;
      }
      const converged = lastFrameAt > burstStart && now() - lastFrameAt > QUIET_MS;
      const stats1 = await server.stats().catch(() => undefined);
      const expected = await truth(kind, server);
      const frames = subs.map((s, i) => s.frames - framesBefore[i]);
      // "Equal to the database" = the same rows (name, rank, revenue, orders won) as the database's
      // board. Versions are counted apart: the peers serve the rollup clock itself; Pulse's version
      // increases whenever an entry changes (the contract) and is max(previous + 1, the clock), so
      // a board none of whose entries changed since the burst's last sales to sellers outside the
      // top 10 rightly keeps a version below the clock, which those sales moved.
      let equal = 0;
      let versionAtLeastClock = 0;
      for (const s of subs) {
        const last = s.lastRaw ? board(kind, JSON.parse(s.lastRaw).payload.data) : undefined;
        if (last && last.rows.join() === expected.rows.join()) equal += 1;
        if (
          last &&
          (kind === 'pulse'
            ? BigInt(last.version) >= BigInt(expected.version)
            : String(last.version) === String(expected.version))
        )
          versionAtLeastClock += 1;
      }
      if (equal < subs.length) {
        const last = subs[0]?.lastRaw ? board(kind, JSON.parse(subs[0].lastRaw).payload.data) : undefined;
        log(`m4 ${kind}: a last frame ${JSON.stringify(last)}, the database ${JSON.stringify(expected)}`);
      }
      const run = {
        burstMs,
        settleMs: lastFrameAt - start,
        converged,
        framesPerClient: { median: median(frames), max: Math.max(...frames), min: Math.min(...frames) },
        clientsEqualToDatabase: equal,
        clientsAtTheClocksVersion: versionAtLeastClock,
        clients: subs.length,
        statements: stats1 ? stats1.statements - stats0.statements : null,
        ...(stats1?.live
          ? {
              recomputations: stats1.live.recomputations - stats0.live.recomputations,
              published: stats1.live.published - stats0.live.published,
            }
          : {}),
      };
      runs.push(run);
      log(
        `m4 ${kind} burst ${b + 1}: ${round(burstMs, 0)} ms to write; frames/client median ${run.framesPerClient.median}, ` +
          `max ${run.framesPerClient.max}; ${equal}/${subs.length} clients equal to the database` +
          `${converged ? '' : ` (still receiving after ${MAX_WAIT_MS / 1000} s)`}`,
      );
      if (!converged) break;
      await sleep(1000);
    }
    return {
      subscribers: subs.length,
      runs,
      framesPerClientMax: Math.max(...runs.map((r) => r.framesPerClient.max)),
      framesPerClientMedian: median(runs.map((r) => r.framesPerClient.median)),
      allEqual: runs.every((r) => r.clientsEqualToDatabase === r.clients),
      converged: runs.every((r) => r.converged),
    };
  } finally {
    for (const s of subs) s.close();
    for (const w of writers) await w.close();
    await server.stop(5000);
  }
}

runComparison('m4', {
  kinds: runnableTargets(['pulse', 'pg4', 'pg5']),
  run: (kind) => runTarget(kind),
  settings: () => ({
    subscribers: SUBSCRIBERS,
    maxWaitMs: MAX_WAIT_MS,
    sales: SALES,
    transactions: SALES / PER_TXN,
    writers: WRITERS,
  }),
});
