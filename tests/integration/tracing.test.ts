/**
 * OpenTelemetry traces (docs/operations.md#traces), end to end: the server process as `npm start`
 * runs it (tracing starts before the server's modules load, which the HTTP instrumentation needs),
 * exporting OTLP/HTTP JSON to a receiver the test runs. A sale recorded by a GraphQL mutation gives
 * the operation's span under the caller's HTTP span, the INSERT's span under the operation, and a
 * live flush span linked to the operation; nothing exported holds a parameter's value. Runs on
 * embedded PGlite (a data directory) and on Postgres (a database of its own).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/core/auth.ts';
import { loadConfig } from '../../api/config.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp.ts';
import { copyTemplateDatabase, TEST_JWT_SECRET } from '../support/server.ts';
import { connect } from '../support/ws.ts';

const root = new URL('../..', import.meta.url).pathname;
const ADMIN = 'admin@example.com';
/** A deadline for runs that broke: a server process starting (migrating PGlite) on a loaded machine. */
const PROCESS_MS = 180_000;

interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** `node api/main.ts` with `env`; resolves once it logged where it listens. */
async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_') && key !== 'DATABASE_URL'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'Pulse is running' && entry.url) resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr.slice(-2000)}`)));
  });
  return { url, child, exited };
}

const attribute = (span: ReceivedSpan, key: string) => span.attributes[key];

interface Traced {
  receiver: OtlpReceiver;
  server: ServerProcess;
  /** SIGTERM, as a deployment stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** The process stopped: the receiver and the database go too. */
  dispose(): Promise<void>;
}

/** A server process exporting to a receiver of its own; `batchDelayMs`: OTEL_BSP_SCHEDULE_DELAY. */
async function startTraced(batchDelayMs: number): Promise<Traced> {
  const receiver = await startOtlpReceiver();
  const { databaseUrl, dropDatabase } = await copyTemplateDatabase();
  const server = await startServerProcess({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pulse-tracing-')),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: String(batchDelayMs),
  });
  const stop = async () => {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    return server.exited;
  };
  return {
    receiver,
    server,
    stop,
    async dispose() {
      await stop();
      await receiver.close();
      await dropDatabase?.();
    },
  };
}

const graphql = (url: string, token: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

describe('traces (OpenTelemetry, OTLP/HTTP)', () => {
  let traced: Traced;
  let receiver: OtlpReceiver;
  let server: ServerProcess;

  beforeAll(async () => {
    // the batch goes out 20 ms after its first span: the test waits for arrivals, not for time
    traced = await startTraced(20);
    ({ receiver, server } = traced);
  }, PROCESS_MS);
  afterAll(() => traced?.dispose(), PROCESS_MS);

  it('links a sale: operation -> its INSERT, and the live flush that applied it -> the operation', async () => {
    const token = await signToken(TEST_JWT_SECRET, ADMIN);
    // a subscriber, so that the flush recomputes a board (and its subscription has a span)
    const socket = connect(server.url, token);
    const first = new Promise<void>((resolve, reject) => {
      socket.subscribe(
        {
          query:
            'subscription Board { leaderboardChanged(metric: REVENUE, periodType: MONTHLY) { entries { rank } } }',
        },
        { next: () => resolve(), error: reject, complete: () => {} },
      );
    });
    await first;

    // the caller's own trace: the server continues it (W3C traceparent)
    const callerTrace = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const secret = `trace-secret-${randomBytes(6).toString('hex')}`;
    const sale = {
      userId: '1',
      kind: 'ORDER_WON',
      amount: '1234.56',
      occurredAt: new Date().toISOString(),
    };
    const response = await graphql(
      server.url,
      token,
      {
        query: 'mutation RecordSale($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
        variables: { a: [{ ...sale, externalId: secret }] },
      },
      { traceparent: `00-${callerTrace}-${callerSpan}-01` },
    );
    expect(await response.json()).toEqual({ data: { recordActivities: { recorded: 1 } } });

    const operation = await receiver.waitFor(
      (spans) => spans.find((s) => s.name === 'mutation RecordSale'),
      'the operation span',
    );
    expect(operation.traceId).toBe(callerTrace);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'mutation',
      'graphql.operation.name': 'RecordSale',
      'pulse.graphql.root_fields': ['recordActivities'],
    });
    expect(operation.resource['service.name']).toBe('pulse');
    // its parent: the HTTP server span, itself a child of the caller's span
    const http = receiver.spans.find((s) => s.spanId === operation.parentSpanId);
    expect(http?.parentSpanId).toBe(callerSpan);
    expect(http?.traceId).toBe(callerTrace);

    const insert = await receiver.waitFor(
      (spans) =>
        spans.find(
          (s) =>
            s.parentSpanId === operation.spanId &&
            String(attribute(s, 'db.query.text')).startsWith('insert into "activities"'),
        ),
      'the INSERT span under the operation',
    );
    expect(insert).toMatchObject({
      traceId: callerTrace,
      name: 'INSERT',
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': 'INSERT',
        'db.response.returned_rows': 1,
      },
    });
    expect(String(attribute(insert, 'db.query.text'))).toContain('$1');

    const flush = await receiver.waitFor(
      (spans) =>
        spans.find((s) => s.name === 'live flush' && s.links.some((l) => l.spanId === operation.spanId)),
      'a flush span linked to the mutation',
    );
    expect(flush.parentSpanId).toBe('');
    expect(flush.traceId).not.toBe(callerTrace);
    const link = flush.links.find((l) => l.spanId === operation.spanId);
    expect(link?.traceId).toBe(callerTrace);
    expect(link?.attributes['pulse.txid']).toMatch(/^\d+$/);
    expect(attribute(flush, 'pulse.live.writes_linked')).toBeGreaterThanOrEqual(1);
    expect(attribute(flush, 'pulse.live.recomputations')).toBeGreaterThanOrEqual(1);
    // a write in a transaction of the service's own (figures pushed: recordPerformance)
    const pushed = await graphql(server.url, token, {
      query:
        'mutation PushFigures { recordPerformance(input: { userId: "1", periodType: DAILY, periodStart: "2025-01-15", calls: 3 }) { periodStart } }',
    });
    expect(await pushed.json()).toEqual({ data: { recordPerformance: { periodStart: '2025-01-15' } } });
    const push = await receiver.waitFor(
      (spans) => spans.find((s) => s.name === 'mutation PushFigures'),
      'the second operation span',
    );
    await receiver.waitFor(
      (spans) => spans.find((s) => s.name === 'live flush' && s.links.some((l) => l.spanId === push.spanId)),
      'a flush span linked to the second mutation',
    );
    const pushStatements = receiver.spans.filter((s) => s.parentSpanId === push.spanId);
    expect(pushStatements.map((s) => s.name)).toContain('SELECT');
    // the listener's reads of the change log are nobody's request (embedded PGlite wakes the
    // listener inside the committing writer's call): no span
    const drains = receiver.spans.filter((s) => String(attribute(s, 'db.query.text')).includes('live_drain'));
    expect(drains).toEqual([]);

    const subscription = receiver.spans.find((s) => s.name === 'subscription Board');
    expect(subscription?.attributes).toMatchObject({
      'graphql.operation.type': 'subscription',
      'pulse.graphql.root_fields': ['leaderboardChanged'],
    });
    await socket.dispose();

    // nothing exported holds a parameter's value: not the externalId, not the amount
    expect(receiver.bodies.length).toBeGreaterThan(0);
    for (const body of receiver.bodies) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain('1234.56');
    }
  });
});

describe('traces when the server stops', () => {
  it(
    'exports on SIGTERM the spans its batch still held',
    async () => {
      // a batch delay far longer than the test: only the shutdown sends them
      const traced = await startTraced(600_000);
      try {
        const token = await signToken(TEST_JWT_SECRET, ADMIN);
        const response = await graphql(traced.server.url, token, {
          query: 'query LastWords { clock { timeZone } }',
        });
        expect(response.status).toBe(200);
        expect(traced.receiver.bodies).toEqual([]);
        expect(await traced.stop()).toBe(0);
        expect(traced.receiver.spans.map((s) => s.name)).toContain('query LastWords');
      } finally {
        await traced.dispose();
      }
    },
    PROCESS_MS,
  );
});

describe('tracing configuration', () => {
  it('is off without an OTLP endpoint', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).tracing).toBeUndefined();
  });

  it('defaults to http/protobuf and the service name pulse, and refuses gRPC and a bad URL', () => {
    const endpoint = 'http://127.0.0.1:4318';
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).tracing).toEqual({
      protocol: 'http/protobuf',
      serviceName: 'pulse',
    });
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'pulse-eu',
      }).tracing,
    ).toEqual({ protocol: 'http/json', serviceName: 'pulse-eu' });
    expect(() =>
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'the collector' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
