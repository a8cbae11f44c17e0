/**
 * M6: what the NOTIFY triggers cost writers.
 *
 * 1. pgbench, 1 / 8 / 32 concurrent writers, each transaction one ORDER_WON activity inserted with
 *    plain SQL (an ERP's write). Three trigger states, interleaved run by run so the machine's
 *    noise hits them alike:
 *      on         every trigger (rollups, goals, badges, NOTIFY) — the product;
 *      no-notify  the NOTIFY triggers disabled, rollups/goals/badges on — the peer of "on":
 *                 target: "on" at most 10 % slower at 8 writers;
 *      off        no activities triggers at all (raw insert), for context;
 *      mail       "on" with e-mail notifications on for every person (notification_state's
 *                 mail_enabled, as a server with SMTP_URL sets it): the mail outbox rows ride in the
 *                 same statement-level triggers — target (issue 19): within noise of "on".
 * 2. Batch ingestion: INSERT ... SELECT of 5,000 activities per statement (recordActivities' largest
 *    batch), one writer, same three states — target: >= 20,000 activities/s with triggers on —
 *    plus "on + fix": the same with rollup_apply's time-zone CTE materialized (the fix this
 *    benchmark recommends), measured inside a transaction that is rolled back.
 *
 * Rows written with the rollup triggers off are deleted again with them off, so the rollups stay
 * equal to the activities for the scenarios that follow.
 *
 * An API process's listener (Pulse's own LISTEN bridge, api/live/feed/bridge.ts) runs throughout, as in
 * production: since migration 0007 the notification triggers append to a change log and NOTIFY only
 * a sleeping listener, and with no listener registered they would skip that work altogether.
 *
 *   node --import tsx bench/scenarios/m6-writes.mjs [--quick]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { openDatabase } from '../../api/db/client.ts';
import { createBridge } from '../../api/live/feed/bridge.ts';
import { DB_URL, QUICK, RESULTS, log, median, round, runMain, writeResult } from '../lib/common.mjs';
import { pgbench } from '../lib/pgbench.mjs';

const WRITERS = QUICK ? [1, 8] : [1, 8, 32];
const REPS = QUICK ? 1 : 3;
const SECONDS = QUICK ? 1 : 3;
const BATCH = 5000;
const BATCHES = QUICK ? 2 : 8;
const STATES = ['on', 'mail', 'no-notify', 'off'];

const NOTIFY_TRIGGERS = {
  sales_performance: [
    'sales_performance_notify_inserted',
    'sales_performance_notify_updated',
    'sales_performance_notify_deleted',
  ],
  goals: ['goals_notify_inserted', 'goals_notify_updated', 'goals_notify_deleted'],
  achievements: ['achievements_notify'],
};
const ROLLUP_TRIGGERS = { activities: ['activities_inserted', 'activities_deleted', 'activities_updated'] };

async function setTriggers(client, state) {
  const set = async (groups, enable) => {
    for (const [table, triggers] of Object.entries(groups))
      for (const t of triggers)
        await client.query(`alter table ${table} ${enable ? 'enable' : 'disable'} trigger ${t}`);
  };
  await set(NOTIFY_TRIGGERS, state === 'on' || state === 'mail');
  await set(ROLLUP_TRIGGERS, state !== 'off');
  // every person's kinds are on by default: with mail enabled, goal steps and badges enqueue mails
  await client.query(`update notification_state set mail_enabled = $1`, [state === 'mail']);
}

async function batchIngest(client, tag, rows) {
  const started = performance.now();
  for (let i = 0; i < rows / BATCH; i += 1) {
    await client.query(
      `insert into activities (user_id, kind, amount, occurred_at, external_id, source)
       select s.id, case when n % 20 = 0 then 'ORDER_WON' when n % 3 = 0 then 'EMAIL' else 'CALL' end::activity_kind,
         case when n % 20 = 0 then 100 + n % 5000 end, now() - make_interval(secs => (n % 2592000)),
         $1 || n, 'bench'
       from generate_series($2::int, $3::int) n
       join bench_m6_sellers s on s.idx = n % 500`,
      [`${tag}-`, i * BATCH + 1, (i + 1) * BATCH],
    );
  }
  return rows / ((performance.now() - started) / 1000);
}

async function main() {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  // the listener of one API process, reading what the triggers log (messages counted, not used)
  const database = await openDatabase({ databaseUrl: DB_URL, poolSize: 2 });
  let messages = 0;
  const bridge = createBridge({
    database,
    databaseUrl: DB_URL,
    logger: pino({ level: 'warn' }),
    onMessage: () => {
      messages += 1;
    },
    onReconnect: () => {},
  });
  await bridge.start();
  const tag = `m6-${Date.now().toString(36)}`;
  await client.query(`drop table if exists bench_m6_sellers`);
  await client.query(`create table bench_m6_sellers as
    select (row_number() over (order by id))::int - 1 as idx, id from users where role in ('REP', 'MANAGER') and active`);
  await client.query(`create unique index on bench_m6_sellers (idx)`);
  mkdirSync(RESULTS, { recursive: true });
  const scripts = {};
  for (const state of STATES) {
    scripts[state] = `${RESULTS}m6-${state}.pgbench`;
    writeFileSync(
      scripts[state],
      `\\set u random(0, 499)\n\\set a random(100, 20000)\n` +
        `INSERT INTO activities (user_id, kind, amount, occurred_at, external_id, source) ` +
        `SELECT id, 'ORDER_WON', :a, now(), '${tag}-${state}-' || txid_current(), 'pgbench' FROM bench_m6_sellers WHERE idx = :u;\n`,
    );
  }
  const single = {};
  const batch = {};
  const asyncCommit = {};
  try {
    for (const writers of WRITERS) {
      single[writers] = Object.fromEntries(STATES.map((s) => [s, []]));
      for (let r = 0; r < REPS; r += 1) {
        for (const state of r % 2 ? [...STATES].reverse() : STATES) {
          await setTriggers(client, state);
          const result = await pgbench(writers, scripts[state], { seconds: SECONDS });
          single[writers][state].push(result);
        }
      }
      const tps = (s) => median(single[writers][s].map((x) => x.tps));
      log(`m6 ${writers} writers: ${STATES.map((s) => `${s} ${round(tps(s), 0)} tps`).join(', ')}`);
    }
    // Diagnostic: the same at 8 writers without waiting for the commit's WAL flush. PostgreSQL
    // holds a global lock from a notifying transaction's pre-commit until its commit is done, so
    // notifying writers commit one at a time; if the NOTIFY cost shrinks here, that lock (held
    // across the flush) is what costs the writers.
    for (const state of ['on', 'no-notify']) {
      await setTriggers(client, state);
      asyncCommit[state] = [];
      for (let r = 0; r < REPS; r += 1)
        asyncCommit[state].push(
          await pgbench(8, scripts[state], { seconds: SECONDS, pgOptions: '-c synchronous_commit=off' }),
        );
    }
    log(
      `m6 8 writers, synchronous_commit=off: ${['on', 'no-notify'].map((s) => `${s} ${round(median(asyncCommit[s].map((x) => x.tps)), 0)} tps`).join(', ')}`,
    );
    // batch ingestion
    const rows = BATCH * BATCHES;
    for (const state of STATES) {
      await setTriggers(client, state);
      batch[state] = await batchIngest(client, `${tag}-b-${state}`, rows);
    }
    await setTriggers(client, 'on');
    const {
      rows: [def],
    } = await client.query(`select pg_get_functiondef('rollup_apply'::regproc) as src`);
    const fixed = def.src.replace(
      'WITH z AS (SELECT org_time_zone() AS tz)',
      'WITH z AS MATERIALIZED (SELECT org_time_zone() AS tz)',
    );
    if (fixed !== def.src) {
      await client.query('begin');
      await client.query(fixed);
      batch['on + fix'] = await batchIngest(client, `${tag}-b-fix`, rows);
      await client.query('rollback');
    }
    log(
      `m6 batch ingestion (${rows} rows, ${BATCH} per statement): ${Object.entries(batch)
        .map(([s, v]) => `${s} ${round(v, 0)}/s`)
        .join(', ')}`,
    );
  } finally {
    // rows inserted without rollups go again without rollups
    await client.query(`alter table activities disable trigger activities_deleted`);
    await client.query(`delete from activities where external_id like $1 or external_id like $2`, [
      `${tag}-off-%`,
      `${tag}-b-off-%`,
    ]);
    await setTriggers(client, 'on');
    await client.query(`drop table if exists bench_m6_sellers`);
    await client.query('vacuum analyze activities');
    await client.end();
    await bridge.dispose();
    await database.close();
    log(`m6 listener: ${messages} messages read`);
  }
  const summary = Object.fromEntries(
    WRITERS.map((w) => [
      w,
      Object.fromEntries(STATES.map((s) => [s, median(single[w][s].map((x) => x.tps))])),
    ]),
  );
  const asyncSummary = Object.fromEntries(
    Object.entries(asyncCommit).map(([s, v]) => [s, median(v.map((x) => x.tps))]),
  );
  writeResult('m6', {
    writers: WRITERS,
    reps: REPS,
    seconds: SECONDS,
    batchRows: BATCH * BATCHES,
    single,
    summary,
    asyncCommit: asyncSummary,
    batch,
  });
}

runMain(main);
