/**
 * M5: HTTP query throughput and latency on the generated data set, with autocannon, for four read
 * operations (lifetime summary, 12-month trends, team performance with members, leaderboard), on
 * Pulse and on PostGraphile 4 and 5 serving the same tables (bench/peers/peer-functions.sql).
 *
 * Per system and operation: warm-up, then the maximum rate (autocannon, 16 connections, median of
 * several runs), then a run at 50 % of that rate for p99: open loop, one request every 1 / rate s,
 * latency from its due time (bench/lib/open-loop.mjs explains why not autocannon's rate limit).
 * Also: SQL statements per request (Pulse reports them in extensions.sqlStatements; the peers are
 * counted in-process) for a small and a large variant of each operation: a constant number is the
 * target.
 *
 *   node --import tsx bench/scenarios/m5-http.mjs [--quick] [--only pulse,pg4,pg5]
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { ADMIN_EMAIL, DB_URL, QUICK, log, median, round, sleep, runComparison } from '../lib/common.mjs';
import { openLoop } from '../lib/open-loop.mjs';
import { runnableTargets, startServer, tokenFor } from '../lib/servers.mjs';
import { operations } from '../lib/targets.mjs';

const CONNECTIONS = 16;
const WARM_S = QUICK ? 0.5 : 1;
const MAX_RUNS = QUICK ? 1 : 3;
const MAX_S = QUICK ? 1 : 3;
const HALF_S = QUICK ? 1 : 4;

function cannon(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('error', () => {});
  });
}

async function post(url, token, query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (body.errors?.length)
    throw new Error(`${response.status}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body;
}

/** Statements one request costs: from the response (Pulse) or from the server's counter (peers). */
async function statementsOf(server, token, query) {
  const counts = [];
  for (let i = 0; i < 2; i += 1) {
    const before = await server.stats();
    const body = await post(server.url, token, query);
    await sleep(50);
    const after = await server.stats();
    counts.push(body.extensions?.sqlStatements ?? after.statements - before.statements);
  }
  return Math.min(...counts);
}

async function context() {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  const { rows } = await client.query(`select
      (select id from users where role = 'REP' order by id offset 250 limit 1) as user_id,
      (select min(id) from teams) as team_id,
      period_start_of('MONTHLY', org_today())::text as month_start`);
  await client.end();
  return { userId: rows[0].user_id, teamId: rows[0].team_id, monthStart: rows[0].month_start };
}

/** A small and a large variant of each operation, to show the statement count does not grow. */
function variants(kind, ctx) {
  const pulse = kind === 'pulse';
  return {
    summary: pulse
      ? [
          `{ performanceSummary(userId: "${ctx.userId}") { revenue user { name } } }`,
          `{ performanceSummary { revenue user { name } } }`,
        ]
      : [`{ benchPerformanceSummary(userId: ${ctx.userId}) { nodes { revenue name } } }`, null],
    trends: pulse
      ? [3, 24].map(
          (n) =>
            `{ trends(userId: "${ctx.userId}", periodType: MONTHLY, count: ${n}) { periodStart revenue conversionRate } }`,
        )
      : [3, 24].map(
          (n) =>
            `{ benchTrends(userId: ${ctx.userId}, periodType: MONTHLY, count: ${n}) { nodes { periodStart revenue conversionRate } } }`,
        ),
    team: pulse
      ? [`teamId: "${ctx.teamId}", `, ''].map(
          (f) =>
            `{ teamPerformance(${f}periodType: MONTHLY) { team { name } revenue topPerformer { name } members { user { name } revenue } } }`,
        )
      : ['(first: 1)', ''].map(
          (f) => `{ allTeams${f} { nodes { name performance(periodType: MONTHLY) { revenue topPerformerName }
            usersByTeamId { nodes { name salesPerformancesByUserId(condition: { periodType: MONTHLY, periodStart: "${ctx.monthStart}" }) { nodes { revenue } } } } } } }`,
        ),
    leaderboard: pulse
      ? [1, 100].map((n) => `{ leaderboard(limit: ${n}) { version entries { rank user { name } revenue } } }`)
      : [1, 100].map(
          (n) => `{ benchLeaderboard(periodType: MONTHLY, lim: ${n}) { nodes { rank name revenue } } }`,
        ),
  };
}

async function runTarget(kind, ctx) {
  const server = await startServer(kind, { label: `m5-${kind}` });
  try {
    const token = await tokenFor(kind, ADMIN_EMAIL);
    const ops = operations(ctx);
    const out = {};
    const sizes = variants(kind, ctx);
    for (const [name, op] of Object.entries(ops)) {
      const query = kind === 'pulse' ? op.pulse : op.peer;
      await post(server.url, token, query); // fails loudly when the operation is wrong
      const statements = [];
      for (const q of sizes[name]) statements.push(q === null ? null : await statementsOf(server, token, q));
      const request = {
        url: server.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
        connections: CONNECTIONS,
      };
      await cannon({ ...request, duration: WARM_S });
      const maxRuns = [];
      for (let i = 0; i < MAX_RUNS; i += 1) {
        const r = await cannon({ ...request, duration: MAX_S });
        maxRuns.push({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors,
        });
      }
      const rps = median(maxRuns.map((r) => r.rps));
      const rate = Math.max(1, Math.round(rps / 2));
      // the last max-rate run leaves up to 16 requests queued: let them drain, then settle at the
      // new rate for a second (half that in --quick) before measuring (alike for every system)
      await sleep(QUICK ? 500 : 1000);
      const load = { url: server.url, headers: request.headers, body: request.body, rate };
      await openLoop({ ...load, seconds: QUICK ? 0.5 : 1 });
      const half = await openLoop({ ...load, seconds: HALF_S });
      out[name] = {
        title: op.title,
        rps,
        maxRuns,
        statements: { small: statements[0], large: statements[1] },
        half,
      };
      log(
        `m5 ${kind} ${name}: ${round(rps, 0)} rps max, p50/p99 ${round(half.p50)}/${round(half.p99)} ms at ${rate} rps; statements ${statements.join(' / ')}`,
      );
    }
    return out;
  } finally {
    await server.stop();
  }
}

runComparison('m5', {
  kinds: runnableTargets(['pulse', 'pg4', 'pg5']),
  prepare: context,
  run: (kind, ctx) => runTarget(kind, ctx),
  settings: (ctx) => ({
    connections: CONNECTIONS,
    maxRuns: MAX_RUNS,
    maxSeconds: MAX_S,
    halfSeconds: HALF_S,
    context: ctx,
  }),
});
