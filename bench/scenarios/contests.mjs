/**
 * Contests on the live path (issue 17), measured the way M1, M2 and M6 measure boards:
 *
 * - M1 row: commit -> frame latency of `contestChanged` (an INDIVIDUAL revenue contest of 20
 *   sellers, 100 viewers, 20 sales/s by its participants written straight into Postgres). A
 *   contest frame carries no version, so a frame's "version" is its standings' total in cents:
 *   the writer knows the total each commit makes (sales only add), the tracker settles every
 *   commit the frame's total includes.
 * - M2 row: statements and contest recomputations per change with 1, 100 and 1,000 viewers of one
 *   contest (the hub's rule: one recomputation per dirty contest whatever the number of viewers).
 * - M6 row: pgbench writers (1 and 8, ORDER_WON by anyone) against one API process, with 20
 *   running contests each watched by a viewer vs. none watched, interleaved run by run.
 *
 *   node --import tsx bench/scenarios/contests.mjs [--quick] [--parts m1,m2,m6]
 */
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import {
  ADMIN_EMAIL,
  DB_URL,
  QUICK,
  RESULTS,
  TV_EMAIL,
  flagValue,
  log,
  median,
  now,
  round,
  runMain,
  sleep,
  writeResult,
} from '../lib/common.mjs';
import { pgbench } from '../lib/pgbench.mjs';
import { pulseToken, startServer } from '../lib/servers.mjs';
import { openMany } from '../lib/subscribers.mjs';
import { LatencyTracker, paced } from '../lib/writer.mjs';

const PARTS = flagValue('--parts', 'm1,m2,m6').split(',');
const PARTICIPANTS = 20;
const VIEWERS = 100;
const RATE = 20;
const REPS = QUICK ? 1 : 3;
const RUN_MS = QUICK ? 2000 : 5000;
const SETTLE_MS = QUICK ? 2000 : 3000;
const M2_LEVELS = QUICK ? [1, 100] : [1, 100, 1000];
const M2_CHANGES = QUICK ? 2 : 5;
const M6_CONTESTS = 20;
const M6_WRITERS = QUICK ? [8] : [1, 8];
const M6_SECONDS = QUICK ? 1 : 3;

const STANDINGS = (id) =>
  `subscription { contestChanged(id: "${id}") { contestId status generatedAt entries { rank value } } }`;

/** The standings' total in cents, read from a raw frame (the "version" of a contest frame). */
const VALUE = /"value":"(-?\d+)(?:\.(\d{1,2}))?"/g;
function totalCents(raw) {
  if (!raw.includes('"contestChanged"')) return undefined;
  let cents = 0;
  for (const m of raw.matchAll(VALUE)) cents += Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return cents;
}

async function gql(url, token, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

async function createContest(server, token, name, userIds) {
  const data = await gql(
    server.url,
    token,
    `mutation ($input: CreateContestInput!) { createContest(input: $input) { id } }`,
    {
      input: {
        name,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        metric: 'REVENUE',
        format: 'INDIVIDUAL',
        userIds: userIds.map(String),
      },
    },
  );
  return data.createContest.id;
}

/** Sales by the contest's participants; each resolves with { version: total cents after it, t }. */
async function contestWriter(participants, baseCents) {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  const run = Date.now().toString(36);
  let total = baseCents;
  let n = 0;
  return {
    async sale(beforeCommit) {
      n += 1;
      const cents = 10_000 + ((n * 3_701) % 500_000);
      await client.query('BEGIN');
      await client.query(
        `insert into activities (user_id, kind, amount, occurred_at, external_id, source)
         values ($1, 'ORDER_WON', $2, now(), $3, 'bench')`,
        [participants[n % participants.length], (cents / 100).toFixed(2), `bench-contest-${run}-${n}`],
      );
      total += cents;
      const c = { version: total, t: now() };
      beforeCommit?.(c);
      await client.query('COMMIT');
      return c;
    },
    close: () => client.end(),
  };
}

async function sellers(count) {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select id from users where role in ('REP', 'MANAGER') and active order by id limit $1`,
      [count],
    );
    return rows.map((r) => Number(r.id));
  } finally {
    await client.end();
  }
}

async function viewers(server, id, count, onFrame) {
  const token = await pulseToken(TV_EMAIL);
  return openMany(count, { url: server.wsUrl, token, query: STANDINGS(id), keepRaw: true, onFrame });
}

async function m1(server, admin, participants) {
  const id = await createContest(server, admin, `bench m1 ${Date.now()}`, participants);
  let tracker = new LatencyTracker();
  const subs = await viewers(server, id, VIEWERS, (sub, _v, raw, at) =>
    tracker.frame(sub, totalCents(raw), at),
  );
  try {
    const writer = await contestWriter(participants, totalCents(subs[0].lastRaw));
    try {
      await paced(RATE, QUICK ? 500 : 1500, () => writer.sale((c) => tracker.commit(c)));
      await tracker.settle(SETTLE_MS);
      const runs = [];
      for (let r = 0; r < REPS; r += 1) {
        tracker = new LatencyTracker();
        tracker.watch(subs);
        const before = await server.stats();
        const cpu0 = server.cpuMs();
        const sales = await paced(RATE, RUN_MS, () => writer.sale((c) => tracker.commit(c)));
        await tracker.settle(SETTLE_MS);
        const after = await server.stats();
        const run = {
          ...tracker.summary(),
          sales,
          statementsPerSale: (after.statements - before.statements) / sales,
          contestRecomputationsPerSale:
            (after.live.contestRecomputations - before.live.contestRecomputations) / sales,
          serverCpuMsPerSale: (server.cpuMs() - cpu0) / sales,
        };
        runs.push(run);
        log(
          `contests m1 run ${r + 1}/${REPS}: p50 ${round(run.p50)} ms, p99 ${round(run.p99)} ms, ` +
            `${run.missing} of ${run.pairs} pairs unsettled`,
        );
      }
      return {
        viewers: VIEWERS,
        participants: PARTICIPANTS,
        rate: RATE,
        runs,
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        missing: runs.reduce((n, r) => n + r.missing, 0),
        statementsPerSale: median(runs.map((r) => r.statementsPerSale)),
        contestRecomputationsPerSale: median(runs.map((r) => r.contestRecomputationsPerSale)),
        serverCpuMsPerSale: median(runs.map((r) => r.serverCpuMsPerSale)),
      };
    } finally {
      await writer.close();
    }
  } finally {
    for (const s of subs) s.close();
  }
}

async function m2(server, admin, participants) {
  const id = await createContest(server, admin, `bench m2 ${Date.now()}`, participants);
  const subs = [];
  const levels = [];
  try {
    for (const level of M2_LEVELS) {
      subs.push(...(await viewers(server, id, level - subs.length)));
      const writer = await contestWriter(participants, totalCents(subs[0].lastRaw));
      try {
        await sleep(1000);
        const before = await server.stats();
        let behind = 0;
        for (let c = 0; c < M2_CHANGES; c += 1) {
          const { version } = await writer.sale();
          const until = now() + 30_000;
          const lagging = () => subs.filter((s) => (totalCents(s.lastRaw ?? '') ?? -1) < version).length;
          while (lagging() > 0 && now() < until) await sleep(10);
          behind += lagging();
          await sleep(1000);
        }
        const after = await server.stats();
        const row = {
          viewers: level,
          changes: M2_CHANGES,
          statementsPerChange: (after.statements - before.statements) / M2_CHANGES,
          contestRecomputationsPerChange:
            (after.live.contestRecomputations - before.live.contestRecomputations) / M2_CHANGES,
          behind,
        };
        levels.push(row);
        log(
          `contests m2 ${level} viewers: ${round(row.statementsPerChange, 2)} statements, ` +
            `${round(row.contestRecomputationsPerChange, 2)} recomputations per change`,
        );
      } finally {
        await writer.close();
      }
    }
    return { levels };
  } finally {
    for (const s of subs) s.close();
  }
}

async function m6(server, admin) {
  const all = await sellers(500);
  const script = `${RESULTS}contests-m6.pgbench`;
  const tag = `contests-m6-${Date.now().toString(36)}`;
  const ids = all.map(String).join(',');
  writeFileSync(
    script,
    `\\set i random(0, ${all.length - 1})\n\\set a random(100, 20000)\n` +
      `INSERT INTO activities (user_id, kind, amount, occurred_at, external_id, source) ` +
      `SELECT (ARRAY[${ids}])[:i + 1], 'ORDER_WON', :a, now(), '${tag}-' || txid_current(), 'pgbench';\n`,
  );
  // 20 running contests, each of 25 sellers from the whole list, each watched by one viewer
  const contests = [];
  for (let c = 0; c < M6_CONTESTS; c += 1) {
    const people = all.filter((_, i) => i % M6_CONTESTS === c).slice(0, 25);
    contests.push(await createContest(server, admin, `bench m6 ${c} ${Date.now()}`, people));
  }
  const summary = {};
  for (const writers of M6_WRITERS) {
    const tps = { none: [], watched: [] };
    for (let r = 0; r < REPS; r += 1)
      for (const state of r % 2 ? ['watched', 'none'] : ['none', 'watched']) {
        const subs = [];
        if (state === 'watched') for (const id of contests) subs.push(...(await viewers(server, id, 1)));
        const before = await server.stats();
        tps[state].push((await pgbench(writers, script, { seconds: M6_SECONDS })).tps);
        const after = await server.stats();
        log(
          `contests m6 ${writers} writers, ${state}: ${round(tps[state].at(-1), 0)} tps, ` +
            `${after.live.contestRecomputations - before.live.contestRecomputations} contest recomputations`,
        );
        for (const s of subs) s.close();
        await sleep(500);
      }
    summary[writers] = {
      none: median(tps.none),
      watched: median(tps.watched),
      runs: tps,
      slower: 1 - median(tps.watched) / median(tps.none),
    };
  }
  return { contests: M6_CONTESTS, summary };
}

async function main() {
  const server = await startServer('pulse', { label: 'contests' });
  const result = { parts: PARTS, reps: REPS };
  try {
    const admin = await pulseToken(ADMIN_EMAIL);
    const participants = await sellers(PARTICIPANTS);
    if (PARTS.includes('m1')) result.m1 = await m1(server, admin, participants);
    if (PARTS.includes('m2')) result.m2 = await m2(server, admin, participants);
    if (PARTS.includes('m6')) result.m6 = await m6(server, admin);
  } finally {
    await server.stop();
    // the bench database is reused by the scenarios after this one: no contest of ours stays
    const client = new pg.Client({ connectionString: DB_URL });
    await client.connect();
    await client.query(`delete from contests where name like 'bench m_ %'`);
    await client.end();
  }
  writeResult('contests', result);
}

runMain(main);
