/**
 * CPU profiles of the Pulse server (V8 sampling profiler via node:inspector, load window only) under the loads where targets are missed,
 * each in a fresh server process: the M1 load (100 subscribers, 20 sales/s), the M3 load
 * (5,000 subscribers, 1 sale/s: where its p99 passes 250 ms), and three M5 operations under autocannon. Writes the
 * top frames (self time, by function and by package) to bench/results/profile.json; the
 * .cpuprofile files stay in bench/results/profiles/ (open them in Chrome DevTools).
 *
 *   node --import tsx bench/scenarios/profile.mjs [--quick] [--only m5-http-summary,...]
 */
import autocannon from 'autocannon';
import {
  ADMIN_EMAIL,
  QUICK,
  RESULTS,
  TV_EMAIL,
  log,
  onlyTargets,
  runMain,
  sleep,
  writeResult,
} from '../lib/common.mjs';
import { mkdirSync } from 'node:fs';
import { summarizeProfile } from '../lib/profile.mjs';
import { startServer, tokenFor } from '../lib/servers.mjs';
import { openMany } from '../lib/subscribers.mjs';
import { SUBSCRIPTION, operations } from '../lib/targets.mjs';
import { createWriter, paced } from '../lib/writer.mjs';

const SECONDS = QUICK ? 3 : 8;

async function withProfiledServer(name, fn) {
  mkdirSync(`${RESULTS}profiles`, { recursive: true });
  const file = `${RESULTS}profiles/${name}.cpuprofile`;
  const server = await startServer('pulse', { label: `profile-${name}` });
  try {
    await fn(
      server,
      () => server.profileStart(),
      () => server.profileStop(file),
    );
  } finally {
    await server.stop(30_000);
  }
  return summarizeProfile(file, 25);
}

async function live(server, start, stop, subscribers, rate) {
  const token = await tokenFor('pulse', TV_EMAIL);
  const writer = await createWriter();
  const subs = await openMany(subscribers, { url: server.wsUrl, token, query: SUBSCRIPTION.pulse });
  await paced(rate, 1500, () => writer.sale());
  await sleep(1000);
  await start();
  await paced(rate, SECONDS * 1000, () => writer.sale());
  await sleep(1000);
  await stop();
  for (const s of subs) s.close();
  await writer.close();
}

async function http(server, start, stop, query) {
  const token = await tokenFor('pulse', ADMIN_EMAIL);
  const run = (duration) =>
    new Promise((resolve, reject) =>
      autocannon(
        {
          url: server.url,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
          connections: 16,
          duration,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  await run(2); // warm-up, not profiled
  await start();
  await run(SECONDS);
  await stop();
}

async function main() {
  const writer = await createWriter();
  const ctx = { userId: writer.sellers[0], monthStart: writer.monthStart };
  await writer.close();
  const ops = operations(ctx);
  const phases = [
    [
      'm1-live-100-subscribers-20-sales-per-s',
      'M1 load: 100 subscribers, 20 sales/s',
      (s, a, b) => live(s, a, b, 100, 20),
    ],
    [
      'm3-live-5000-subscribers-1-sale-per-s',
      'M3 load: 5,000 subscribers, 1 sale/s',
      (s, a, b) => live(s, a, b, QUICK ? 1000 : 5000, 1),
    ],
    [
      'm5-http-summary',
      'M5 load: summary query, 16 connections',
      (s, a, b) => http(s, a, b, ops.summary.pulse),
    ],
    [
      'm5-http-leaderboard',
      'M5 load: leaderboard query, 16 connections',
      (s, a, b) => http(s, a, b, ops.leaderboard.pulse),
    ],
    [
      'm5-http-team-performance',
      'M5 load: team performance query, 16 connections',
      (s, a, b) => http(s, a, b, ops.team.pulse),
    ],
  ];
  const profiles = {};
  for (const [name, title, fn] of phases.filter(([name]) => onlyTargets([name]).length > 0)) {
    log(`profile: ${title}`);
    try {
      profiles[name] = { title, summary: await withProfiledServer(name, fn) };
    } catch (error) {
      log(`profile ${name} failed: ${error.message}`);
      profiles[name] = { title, error: String(error.message) };
    }
  }
  writeResult('profile', { seconds: SECONDS, profiles });
}

runMain(main);
