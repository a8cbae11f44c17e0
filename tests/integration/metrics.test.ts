/**
 * Prometheus metrics through the public surface (docs/operations.md#metrics): /metrics is not
 * there unless configured, refuses a missing or wrong METRICS_TOKEN, answers on METRICS_PORT; what
 * a sale, a refused query, an import and webhook deliveries do to the counters, each expectation
 * computed from the data (the change log's rows, the outbox's pending rows); and the number of
 * series stays the same whatever URLs, ids and operation names the clients send.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { parseExposition, samplesOf, scrape, valueOf, type Exposition } from '../support/prometheus.ts';
import { startReceiver } from '../support/receiver.ts';
import { importCsv } from '../support/rest.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { settle, until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

const TOKEN = 'metrics-test-token-0123456789';
const POOL_SIZE = 4;

let server: TestServer;
let org: OrgFixture;
const metrics = () => scrape(server.url, TOKEN);

/** Requests answered but for the scrapes themselves. */
const requests = (e: Exposition) =>
  samplesOf(e, 'pulse_http_requests_total')
    .filter((s) => s.labels.route !== '/metrics')
    .reduce((sum, s) => sum + s.value, 0);

beforeAll(async () => {
  ({ server, org } = await startOrgServer({
    METRICS_TOKEN: TOKEN,
    DB_POOL_SIZE: String(POOL_SIZE),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_MAX_ATTEMPTS: '1',
  }));
});
afterAll(() => server?.close());

describe('/metrics on PORT', () => {
  let plain: TestServer;
  beforeAll(async () => (plain = await startTestServer()));
  afterAll(() => plain?.close());

  it('is not there unless METRICS_TOKEN or METRICS_PORT is set (not the web client either)', async () => {
    const response = await fetch(`${plain.url}/metrics`);
    expect(response.status).toBe(404);
    // express's own 404, not the web client's page (its fallback route leaves /metrics alone)
    expect(await response.text()).toMatch(/Cannot GET \/metrics/);
    expect(plain.app.metricsUrl).toBeUndefined();
  });

  it('refuses a missing or wrong token (401), answers the exposition format with it', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
    ]) {
      const response = await fetch(`${server.url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    const exposition = await metrics();
    expect(exposition.types.get('pulse_http_requests_total')).toBe('counter');
    expect(exposition.types.get('pulse_http_request_duration_seconds')).toBe('histogram');
    expect(exposition.types.get('process_cpu_seconds_total')).toBe('counter');
    expect(valueOf(exposition, 'pulse_db_pool_size')).toBe(server.databaseUrl ? POOL_SIZE : 1);
    expect(valueOf(exposition, 'pulse_db_pool_in_use')).toBeLessThanOrEqual(POOL_SIZE);
    expect(valueOf(exposition, 'pulse_live_listener_up')).toBe(1);
    // docs/operations.md lists every metric, and nothing the server does not expose
    const docs = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('## Metrics'), docs.indexOf('## Upgrading'));
    const documented = [...section.matchAll(/^\| `(pulse_[a-z_]+)` \|/gm)].map((m) => m[1]);
    const exposed = [...exposition.types.keys()].filter((name) => name.startsWith('pulse_'));
    expect(documented.sort()).toEqual(exposed.sort());
    const post = await fetch(`${server.url}/metrics`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});

describe('what a sale does to the counters', () => {
  interface Frame {
    leaderboardChanged: { entries: { revenue: string; user: { name: string } }[] };
  }
  const BOARD = `subscription { leaderboardChanged(periodType: DAILY, metric: REVENUE) {
    entries { revenue user { name } } } }`;

  it('counts the mutation, the flush, the change-log rows read and their lag; gauges the subscription', async () => {
    const client = connect(server.url, await server.token(org.admin));
    const frames = subscribe<Frame>(client, BOARD);
    try {
      await frames.waitFor(() => true);
      await settle(server);
      const before = await metrics();
      expect(valueOf(before, 'pulse_ws_connections')).toBe(1);
      expect(valueOf(before, 'pulse_ws_subscriptions', { kind: 'leaderboardChanged' })).toBe(1);
      expect(valueOf(before, 'pulse_ws_subscriptions')).toBe(1);
      const [mark] = await server.sql<{ xid: string }>(
        sql`select coalesce(max(xid::text::numeric), 0)::text as xid from live_changes`,
      );

      await recordActivity(server, { userId: org.reps.east1.id, amount: '123.45' });
      // the fence: the board's frame shows the sale, so the hub has read and flushed it
      await frames.waitFor((f) =>
        f.leaderboardChanged.entries.some((e) => e.user.name === 'Alice Able' && e.revenue === '123.45'),
      );
      await settle(server);
      const mutation = { route: '/graphql', method: 'POST', operation: 'mutation', status: '200' };
      const delta = (e: Exposition, name: string, labels: Record<string, string> = {}) =>
        valueOf(e, name, labels) - valueOf(before, name, labels);
      const after = await until(async () => {
        const e = await metrics();
        return delta(e, 'pulse_http_requests_total', mutation) >= 1 && e;
      }, 'the mutation to be counted');

      expect(delta(after, 'pulse_http_requests_total', mutation)).toBe(1);
      // the idle subscriber's new board went the live fast path; graphql-ws sent the ack at least
      expect(delta(after, 'pulse_ws_frames_total', { path: 'fast' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(before, 'pulse_ws_frames_total', { path: 'graphql_ws' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(after, 'pulse_ws_slow_readers_closed_total')).toBe(0);
      expect(delta(after, 'pulse_http_request_duration_seconds_count', { operation: 'mutation' })).toBe(1);
      expect(delta(after, 'pulse_live_flushes_total', { result: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(delta(after, 'pulse_live_flush_duration_seconds_count')).toBe(
        delta(after, 'pulse_live_flushes_total'),
      );
      const [logged] = await server.sql<{ rows: number; rollups: number }>(
        // a row holds its transaction's messages, joined by chr(30) (live_emit.sql)
        sql`select count(distinct c.ctid)::int as rows,
              (count(*) filter (where m.p::json->>'t' = 'perf' and m.p::json->'r' is not null))::int as rollups
            from live_changes c cross join lateral unnest(string_to_array(c.payload, chr(30))) m(p)
            where c.xid::text::numeric > ${mark!.xid}::numeric`,
      );
      expect(logged!.rollups).toBeGreaterThanOrEqual(1);
      expect(delta(after, 'pulse_live_change_log_rows_total')).toBe(logged!.rows);
      expect(delta(after, 'pulse_live_change_log_reads_total')).toBeGreaterThanOrEqual(1);
      expect(delta(after, 'pulse_live_listener_lag_seconds_count')).toBe(logged!.rollups);
      expect(delta(after, 'pulse_live_listener_reconnects_total')).toBe(0);
    } finally {
      frames.stop();
      await client.dispose();
    }
    await until(
      async () => valueOf(await metrics(), 'pulse_ws_subscriptions') === 0,
      'the subscription to be gone from the gauge',
    );
  });

  it('counts GraphQL errors by code, over HTTP and over the WebSocket', async () => {
    const before = await metrics();
    const refused = await server.gql('{ noSuchField }', {}, org.admin);
    expect(refused.status).toBe(400);
    const client = connect(server.url, await server.token(org.admin));
    const frames = subscribe(client, 'subscription { noSuchField }');
    await frames.waitForError();
    await client.dispose();
    const bad = (transport: string) => ({ transport, code: 'BAD_USER_INPUT' });
    const after = await until(async () => {
      const e = await metrics();
      return (
        valueOf(e, 'pulse_graphql_errors_total', bad('ws')) >
          valueOf(before, 'pulse_graphql_errors_total', bad('ws')) && e
      );
    }, 'the WebSocket error to be counted');
    for (const transport of ['http', 'ws']) {
      expect(
        valueOf(after, 'pulse_graphql_errors_total', bad(transport)) -
          valueOf(before, 'pulse_graphql_errors_total', bad(transport)),
      ).toBe(1);
    }
    expect(
      valueOf(after, 'pulse_http_requests_total', { route: '/graphql', operation: 'none', status: '400' }) -
        valueOf(before, 'pulse_http_requests_total', { route: '/graphql', operation: 'none', status: '400' }),
    ).toBe(1);
  });
});

describe('the database pool', () => {
  it('gauges connections in use and work waiting, and gives the outbox count up when no connection is free', async () => {
    const { db } = server.app.database;
    const size = valueOf(await metrics(), 'pulse_db_pool_size');
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    // every connection held by a transaction that waits for the gate, and two statements queued
    const held = Array.from({ length: size }, () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await gate;
      }),
    );
    // (drizzle runs a statement when it is awaited: then() sends it now)
    const queued = [1, 2].map(() => db.execute(sql`select 1`).then(() => undefined));
    try {
      const during = await metrics();
      expect(valueOf(during, 'pulse_db_pool_in_use')).toBe(size);
      // the listener's heartbeat (Postgres) may queue too
      expect(valueOf(during, 'pulse_db_pool_waiting')).toBeGreaterThanOrEqual(queued.length);
      expect(valueOf(during, 'pulse_webhook_outbox_depth')).toBeNaN();
    } finally {
      open();
      await Promise.all([...held, ...queued]);
    }
    await until(async () => {
      const e = await metrics();
      return valueOf(e, 'pulse_db_pool_waiting') === 0 && valueOf(e, 'pulse_webhook_outbox_depth') >= 0;
    }, 'the pool to be free again');
  });
});

describe('imports and webhooks', () => {
  it('counts an upload and the rows it stored', async () => {
    const before = await metrics();
    const csv = [
      'user_email,kind,amount,occurred_at,external_id',
      `${org.reps.east1.email},ORDER_WON,10.00,2026-01-10T10:00:00Z,metrics-1`,
      `${org.reps.west1.email},CALL,,2026-01-10T11:00:00Z,metrics-2`,
    ].join('\n');
    const upload = await importCsv(server, csv, { as: org.admin });
    expect(upload.status).toBe(200);
    const after = await until(async () => {
      const e = await metrics();
      return valueOf(e, 'pulse_imports_total') > valueOf(before, 'pulse_imports_total') && e;
    }, 'the import to be counted');
    expect(
      valueOf(after, 'pulse_imports_total', { status: 'imported' }) -
        valueOf(before, 'pulse_imports_total', { status: 'imported' }),
    ).toBe(1);
    expect(valueOf(after, 'pulse_imported_rows_total') - valueOf(before, 'pulse_imported_rows_total')).toBe(
      upload.body.imported,
    );
  });

  it('counts deliveries by result and reads the outbox depth from the outbox', async () => {
    const ok = await startReceiver(() => 200);
    const failing = await startReceiver(() => 500);
    try {
      const before = await metrics();
      const hook = async (url: string, paused: boolean) =>
        (
          await server.sql<{ id: number }>(
            sql`insert into webhooks (url, events, secret, paused)
                values (${url}, array['GOAL_ACHIEVED']::webhook_event[], 'metrics-secret', ${paused}) returning id`,
          )
        )[0]!.id;
      const queue = async (webhook: number, keys: string[]) => {
        for (const key of keys)
          await server.sql(sql`insert into webhook_outbox (webhook_id, event, idempotency_key, payload)
            values (${webhook}, 'GOAL_ACHIEVED', ${key}, '{"event":"GOAL_ACHIEVED","data":{}}'::jsonb)`);
      };
      await queue(await hook(ok.url, false), ['ok-1']);
      await queue(await hook(failing.url, false), ['failing-1']);
      const paused = ['paused-1', 'paused-2', 'paused-3'];
      await queue(await hook(`${ok.url}/paused`, true), paused);
      server.app.webhooks.wake();
      const result = (e: Exposition, r: string) =>
        valueOf(e, 'pulse_webhook_deliveries_total', { result: r }) -
        valueOf(before, 'pulse_webhook_deliveries_total', { result: r });
      const after = await until(async () => {
        const e = await metrics();
        return result(e, 'delivered') >= 1 && result(e, 'failed') >= 1 && e;
      }, 'a delivery and a failure to be counted');
      expect([result(after, 'delivered'), result(after, 'failed'), result(after, 'retrying')]).toEqual([
        1, 1, 0,
      ]);
      // both attempts recorded (counted just before): only the paused webhook's rows wait
      const pending = async () =>
        (
          await server.sql<{ n: number }>(
            sql`select count(*)::int as n from webhook_outbox where status = 'PENDING'`,
          )
        )[0]!.n;
      await until(async () => (await pending()) === paused.length, 'both attempts to be recorded');
      expect(valueOf(await metrics(), 'pulse_webhook_outbox_depth')).toBe(await pending());
    } finally {
      await ok.close();
      await failing.close();
    }
  });
});

describe('bounded labels', () => {
  /** Requests to distinct URLs, ids, operation names and methods: 8 per round. */
  async function round(from: number, n: number, admin: string): Promise<number> {
    const auth = { authorization: `Bearer ${admin}` };
    for (let i = from; i < from + n; i += 1) {
      await fetch(`${server.url}/api/performance/goals/${i}`);
      await fetch(`${server.url}/api/performance/goals/${i}`, { headers: auth });
      await fetch(`${server.url}/API/Performance/Goals/${i}?x=${i}`, { headers: auth });
      await fetch(`${server.url}/no/such/path-${i}`);
      await fetch(`${server.url}/assets/missing-${i}.js`);
      await fetch(`${server.url}/graphql?id=${i}`);
      await fetch(`${server.url}/healthz?n=${i}`, { method: i % 2 ? 'PROPFIND' : 'PURGE' });
      await server.gql(`query Named${i} { clock { timeZone } }`, {}, admin);
    }
    return 8 * n;
  }

  it('the number of series does not grow with the URLs, ids and operation names clients send', async () => {
    const admin = await server.token(org.admin);
    const counted = async (before: Exposition, sent: number) =>
      until(async () => {
        const e = await metrics();
        return requests(e) - requests(before) >= sent && e;
      }, `${sent} requests to be counted`);
    const series = (e: Exposition) =>
      e.samples.filter((s) => s.name.startsWith('pulse_')).map((s) => `${s.name}${JSON.stringify(s.labels)}`);

    const start = await metrics();
    const first = await counted(start, await round(0, 10, admin));
    const second = await counted(first, await round(1000, 30, admin));
    expect(series(second).sort()).toEqual(series(first).sort());
    const routes = new Set(samplesOf(second, 'pulse_http_requests_total').map((s) => s.labels.route));
    expect([...routes].filter((r) => /\d/.test(r ?? ''))).toEqual([]);
    expect(routes).toContain('/api/performance/goals/:id');
    expect(routes).toContain('other');
    const methods = new Set(samplesOf(second, 'pulse_http_requests_total').map((s) => s.labels.method));
    expect([...methods].sort()).toEqual(['GET', 'OTHER', 'POST']);
  });
});

describe('METRICS_PORT', () => {
  let open: TestServer;
  let guarded: TestServer;
  beforeAll(async () => (open = await startTestServer({ METRICS_PORT: '0' })));
  beforeAll(async () => (guarded = await startTestServer({ METRICS_PORT: '0', METRICS_TOKEN: TOKEN })));
  afterAll(() => Promise.all([open?.close(), guarded?.close()]));

  it('answers /metrics on a loopback port of its own, and PORT has none', async () => {
    const url = open.app.metricsUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exposition = await scrape(url);
    expect(exposition.types.get('pulse_live_flushes_total')).toBe('counter');
    expect((await fetch(`${open.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/graphql`)).status).toBe(404);
  });

  it('asks for METRICS_TOKEN there too when it is set', async () => {
    const url = guarded.app.metricsUrl!;
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect(valueOf(await scrape(url, TOKEN), 'pulse_db_pool_size')).toBeGreaterThan(0);
  });

  it('refuses settings that would make /metrics public or ambiguous', () => {
    const refused = (env: Record<string, string>) => () => loadConfig({ SEED_DEMO: 'false', ...env });
    expect(refused({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_HOST.*METRICS_TOKEN/);
    expect(refused({ METRICS_HOST: '127.0.0.1' })).toThrow(/METRICS_HOST: needs METRICS_PORT/);
    expect(refused({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(refused({ PORT: '9464', METRICS_PORT: '9464' })).toThrow(/METRICS_PORT: must differ/);
    expect(loadConfig({ SEED_DEMO: 'false' }).metrics).toBeUndefined();
    expect(
      loadConfig({ SEED_DEMO: 'false', METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: TOKEN })
        .metrics,
    ).toEqual({ token: TOKEN, port: 9464, host: '0.0.0.0' });
  });
});

describe('the exposition parser', () => {
  it('reads labels with escapes and refuses a sample without a TYPE', () => {
    const text = '# HELP a_total x\n# TYPE a_total counter\na_total{k="q\\"uote",j="b\\\\s"} 3\n';
    expect(parseExposition(text).samples).toEqual([
      { name: 'a_total', labels: { k: 'q"uote', j: 'b\\s' }, value: 3 },
    ]);
    expect(() => parseExposition('b 1\n')).toThrow(/without a TYPE/);
  });
});
