/**
 * M2: SQL statements the server sends per change, with 1, 100 and 1,000 subscribers of one
 * leaderboard, and while idle. A change = one sale committed straight into Postgres; changes are
 * 1 s apart (a TV office's rhythm) and each is waited for until every subscriber has a frame that
 * includes it. Statements are counted inside the server process (Pulse: every drizzle statement;
 * PostGraphile: every pg query), so the bench's own writes are not in the figure.
 *
 *   node --import tsx bench/scenarios/m2-statements.mjs [--quick] [--only pulse,pg4]
 */
import { QUICK, TV_EMAIL, log, now, quiet, runMain, sleep, writeResult, eachTarget } from '../lib/common.mjs';
import { runnableTargets, startServer, tokenFor } from '../lib/servers.mjs';
import { openMany, openNaive } from '../lib/subscribers.mjs';
import { BOARD_QUERY, SUBSCRIPTION } from '../lib/targets.mjs';
import { createWriter } from '../lib/writer.mjs';

const LEVELS = QUICK ? [1, 100] : [1, 100, 1000];
const CHANGES = QUICK ? 1 : 3;
const SPACING_MS = 1000;
const IDLE_MS = QUICK ? 1000 : 10_000;
const WAIT_MS = 30_000;

async function waitForVersion(subs, version, timeoutMs) {
  const until = now() + timeoutMs;
  const behind = () => subs.reduce((n, s) => n + ((s.version ?? 0) < version ? 1 : 0), 0);
  while (behind() > 0 && now() < until) await sleep(10);
  return behind();
}

async function runTarget(kind) {
  const server = await startServer(kind === 'naive' ? 'pulse' : kind, { label: `m2-${kind}` });
  const writer = await createWriter();
  const token = await tokenFor(kind === 'naive' ? 'pulse' : kind, TV_EMAIL);
  let subs = [];
  const naives = [];
  const levels = [];
  try {
    for (const level of LEVELS) {
      if (kind === 'naive') {
        // the naive subscribers are HTTP clients: a fresh group of `level` of them
        for (const g of naives.splice(0)) await g.close();
        const group = await openNaive(level, { url: server.url, token, query: BOARD_QUERY.naive });
        naives.push(group);
        subs = group.subs;
      } else {
        const more = await openMany(level - subs.length, {
          url: server.wsUrl,
          token,
          query: SUBSCRIPTION[kind],
        });
        subs = subs.concat(more);
      }
      await sleep(QUICK ? 500 : 1500);
      const before = await server.stats();
      const framesBefore = subs.reduce((n, s) => n + s.frames, 0);
      let behind = 0;
      let silent = false;
      let last = now();
      for (let i = 0; i < CHANGES; i += 1) {
        const wait = last + SPACING_MS - now();
        if (wait > 0) await sleep(wait);
        last = now();
        const c = await writer.sale();
        const missed = await waitForVersion(subs, c.version, WAIT_MS);
        behind += missed;
        // no subscriber got the change in WAIT_MS: the system is not sending (a peer whose
        // listener failed); the figures would mean nothing, and waiting again costs minutes
        if (missed === subs.length) {
          silent = true;
          break;
        }
      }
      await sleep(300);
      for (const g of naives) await g.drain(WAIT_MS);
      await quiet(server, { stillMs: 300 });
      const after = await server.stats();
      const row = {
        subscribers: subs.length,
        ...(silent ? { silent: true } : {}),
        changes: CHANGES,
        statementsPerChange: (after.statements - before.statements) / CHANGES,
        framesPerSubscriberPerChange:
          (subs.reduce((n, s) => n + s.frames, 0) - framesBefore) / subs.length / CHANGES,
        subscribersBehind: behind,
        ...(after.live
          ? {
              recomputationsPerChange: (after.live.recomputations - before.live.recomputations) / CHANGES,
              publishedPerChange: (after.live.published - before.live.published) / CHANGES,
              flushesPerChange: (after.live.flushes - before.live.flushes) / CHANGES,
            }
          : {}),
      };
      levels.push(row);
      log(
        `m2 ${kind} N=${row.subscribers}: ${row.statementsPerChange.toFixed(1)} statements/change` +
          (row.recomputationsPerChange !== undefined
            ? `, ${row.recomputationsPerChange.toFixed(2)} recomputations/change`
            : '') +
          (silent ? ` — no subscriber got a change in ${WAIT_MS / 1000} s: not measured further` : ''),
      );
      if (silent) break;
    }
    // idle: everyone still subscribed, nothing written
    await sleep(QUICK ? 500 : 2000);
    const before = await server.stats();
    await sleep(IDLE_MS);
    const after = await server.stats();
    const idle = {
      seconds: IDLE_MS / 1000,
      subscribers: subs.length,
      statements: after.statements - before.statements,
      ...(after.live ? { recomputations: after.live.recomputations - before.live.recomputations } : {}),
    };
    log(
      `m2 ${kind} idle ${idle.seconds} s: ${idle.statements} statements, ${idle.recomputations ?? '-'} recomputations`,
    );
    return { levels, idle };
  } finally {
    for (const s of subs) s.close?.();
    for (const g of naives) await g.close();
    await writer.close();
    await server.stop();
  }
}

async function main() {
  const kinds = runnableTargets(['pulse', 'pg4', 'pg5', 'naive']);
  const results = await eachTarget('m2', kinds, (kind) => runTarget(kind));
  writeResult('m2', { levels: LEVELS, changes: CHANGES, spacingMs: SPACING_MS, results });
}

runMain(main);
