/**
 * The Prometheus metrics of one API process (prom-client): every metric, in one registry per App,
 * plus Node's default process metrics once per process. The list, with types, labels and meaning:
 * docs/operations.md#metrics; exposed by transport/http/metrics-endpoint.ts.
 *
 * Invariants: every label value comes from a fixed set (route patterns of the code, operation
 * types, the contract's error codes, the schema's subscription fields, outcomes) and never from
 * what a client sends (no id, e-mail, query or raw URL), so the number of series is bounded
 * whatever the traffic. An event costs O(1): one increment or observation, no I/O, and nothing per
 * subscriber (the hub reports once per flush). What has a current value (open sockets,
 * subscriptions, the pool, the listener, the outbox) is read from its owner when scraped; the
 * outbox with one bounded query (at most OUTBOX_CAP rows counted, given up after SCRAPE_QUERY_MS).
 */
import { sql } from 'drizzle-orm';
import {
  Kind,
  type DocumentNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { rows, type DatabaseHandle } from '../db/client.ts';
import { ERROR_CODES } from './errors.ts';

/** The outbox depth counts at most this many pending rows (the scrape's query stays bounded). */
export const OUTBOX_CAP = 10_000;
/** A scrape-time query slower than this is given up: its gauge reads NaN for that scrape. */
export const SCRAPE_QUERY_MS = 2_000;

/** What the scrape reads current values from (set once the parts exist: Metrics.attach). */
export interface MetricsSources {
  database: DatabaseHandle;
  /** Open WebSockets. */
  sockets(): number;
  /** Active subscriptions by root field (subscriptionKind). */
  subscriptions(): ReadonlyMap<string, number>;
  /** The listener hears every change (Bridge.current). */
  listening(): boolean;
  /** WebSocket frames sent since start: by the live fast path, by graphql-ws (transport/ws). */
  frames(): { fast: number; graphqlWs: number };
  /** Sockets closed as slow readers since start. */
  slowClosed(): number;
}

export type DeliveryResult = 'delivered' | 'retrying' | 'failed';
export type HttpLabels = Record<'method' | 'route' | 'operation' | 'status', string>;

const FLUSH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

let processRegistry: Registry | undefined;

export class Metrics {
  private readonly registry = new Registry();
  private sources: MetricsSources | undefined;
  /** The schema's subscription fields: the `kind` label's values (anything else: other). */
  private readonly kinds: ReadonlySet<string>;

  private readonly httpRequests = this.counter('pulse_http_requests_total', 'HTTP requests answered', [
    'method',
    'route',
    'operation',
    'status',
  ]);
  private readonly httpDuration = new Histogram({
    name: 'pulse_http_request_duration_seconds',
    help: 'HTTP requests: from arrival to the end of the answer',
    labelNames: ['method', 'route', 'operation'],
    registers: [this.registry],
  });
  private readonly graphqlErrors = this.counter(
    'pulse_graphql_errors_total',
    'GraphQL errors sent to clients, by contract code',
    ['transport', 'code'],
  );
  private readonly flushes = this.counter('pulse_live_flushes_total', 'Live hub flushes (recomputations)', [
    'result',
  ]);
  private readonly flushDuration = new Histogram({
    name: 'pulse_live_flush_duration_seconds',
    help: 'Live hub flushes: boards, goals, badges and contests recomputed and published',
    buckets: FLUSH_BUCKETS,
    registers: [this.registry],
  });
  private readonly lag = new Histogram({
    name: 'pulse_live_listener_lag_seconds',
    help: "From a rollup change's write to the listener's read of it",
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });
  private readonly reconnects = this.counter(
    'pulse_live_listener_reconnects_total',
    'Listener gaps recovered (reconnect or lapsed registration): everything recomputed',
  );
  private readonly logReads = this.counter('pulse_live_change_log_reads_total', 'Reads of the change log');
  private readonly logRows = this.counter('pulse_live_change_log_rows_total', 'Change-log rows read');
  private readonly deliveries = this.counter(
    'pulse_webhook_deliveries_total',
    'Webhook delivery attempts by result',
    ['result'],
  );
  private readonly imports = this.counter('pulse_imports_total', 'CSV uploads imported, by outcome', [
    'status',
  ]);
  private readonly importedRows = this.counter(
    'pulse_imported_rows_total',
    'Activities stored by CSV uploads',
  );

  constructor(options: { subscriptionFields: readonly string[]; processMetrics: boolean; logger: Logger }) {
    this.kinds = new Set(options.subscriptionFields);
    if (options.processMetrics && !processRegistry) {
      processRegistry = new Registry();
      collectDefaultMetrics({ register: processRegistry });
    }
    const gauge = (name: string, help: string, read: (g: Gauge) => void | Promise<void>, labels?: string[]) =>
      new Gauge({
        name,
        help,
        labelNames: labels ?? [],
        registers: [this.registry],
        collect() {
          return read(this);
        },
      });
    // the outcomes' series exist from the start (a rate over them needs a first sample)
    for (const result of ['ok', 'failed']) this.flushes.inc({ result }, 0);
    for (const result of ['delivered', 'retrying', 'failed']) this.deliveries.inc({ result }, 0);
    for (const status of ['imported', 'rejected', 'incomplete']) this.imports.inc({ status }, 0);
    const source = () => this.sources;
    gauge('pulse_ws_connections', 'Open WebSockets', (g) => g.set(source()?.sockets() ?? 0));
    const kinds = [...this.kinds, 'other'];
    gauge(
      'pulse_ws_subscriptions',
      'Active subscriptions by root field',
      (g) => {
        const counts = source()?.subscriptions();
        for (const kind of kinds) g.set({ kind }, counts?.get(kind) ?? 0);
      },
      ['kind'],
    );
    // totals the transport keeps (no work per frame here): what grew since the last scrape
    const totals = (
      name: string,
      help: string,
      read: () => Record<string, number>,
      labels: string[] = [],
    ) => {
      const seen = new Map<string, number>();
      return new Counter({
        name,
        help,
        labelNames: labels,
        registers: [this.registry],
        collect() {
          for (const [key, value] of Object.entries(read())) {
            const grown = value - (seen.get(key) ?? 0);
            seen.set(key, value);
            if (labels.length) this.inc({ [labels[0]!]: key }, Math.max(0, grown));
            else this.inc(Math.max(0, grown));
          }
        },
      });
    };
    totals(
      'pulse_ws_frames_total',
      'WebSocket frames sent, by who wrote them: the live fast path or graphql-ws',
      () => {
        const frames = source()?.frames();
        return { fast: frames?.fast ?? 0, graphql_ws: frames?.graphqlWs ?? 0 };
      },
      ['path'],
    );
    totals('pulse_ws_slow_readers_closed_total', 'Sockets closed for reading too slowly', () => ({
      all: source()?.slowClosed() ?? 0,
    }));
    gauge('pulse_live_listener_up', '1 while the listener hears every change', (g) =>
      g.set(source()?.listening() ? 1 : 0),
    );
    gauge('pulse_db_pool_size', 'Connections the pool may open (PGlite: 1)', (g) =>
      g.set(source()?.database.pool.size ?? 0),
    );
    gauge('pulse_db_pool_in_use', 'Connections running a statement or holding a transaction', (g) => {
      const pool = source()?.database.pool;
      g.set(pool ? Math.min(pool.busy, pool.size) : 0);
    });
    gauge('pulse_db_pool_waiting', 'Statements or transactions waiting for a connection', (g) => {
      const pool = source()?.database.pool;
      g.set(pool ? Math.max(0, pool.busy - pool.size) : 0);
    });
    gauge(
      'pulse_webhook_outbox_depth',
      `Pending webhook deliveries (counted up to ${OUTBOX_CAP})`,
      async (g) => {
        const database = source()?.database;
        if (!database) return;
        try {
          g.set(await pendingDeliveries(database));
        } catch (error) {
          options.logger.warn({ err: error }, 'metrics: the webhook outbox could not be counted');
          g.set(NaN);
        }
      },
    );
  }

  /** Where the scrape reads current values (app.ts, once the hub, bridge and sockets exist). */
  attach(sources: MetricsSources): void {
    this.sources = sources;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text: the process's default metrics, then this App's. */
  async scrape(): Promise<string> {
    const own = await this.registry.metrics();
    return processRegistry ? `${await processRegistry.metrics()}\n${own}` : own;
  }

  httpRequest(labels: HttpLabels, seconds: number): void {
    this.httpRequests.inc(labels);
    this.httpDuration.observe(
      { method: labels.method, route: labels.route, operation: labels.operation },
      seconds,
    );
  }

  /** `format` (core/errors.ts createFormatError) counting each error it formats by its code. */
  countingErrors<F extends (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError>(
    transport: 'http' | 'ws',
    format: F,
  ): F {
    const counted = (formatted: GraphQLFormattedError, error: unknown) => {
      const out = format(formatted, error);
      const code = out.extensions?.code;
      this.graphqlErrors.inc({
        transport,
        code: typeof code === 'string' && CODES.has(code) ? code : 'other',
      });
      return out;
    };
    return counted as F;
  }

  flushed(seconds: number, ok: boolean): void {
    this.flushes.inc({ result: ok ? 'ok' : 'failed' });
    this.flushDuration.observe(seconds);
  }

  /** One read of the change log, `found` rows. */
  changeLogRead(found: number): void {
    this.logReads.inc();
    this.logRows.inc(found);
  }

  /** A rollup change read from the log: `updatedAt` is its rows' write time (µs since the epoch). */
  rollupRead(rows: readonly { updatedAt: bigint }[] | undefined): void {
    const first = rows?.[0];
    if (!first) return;
    // the database's clock against this host's: skew shows as lag, never below zero
    this.lag.observe(Math.max(0, Date.now() / 1000 - Number(first.updatedAt) / 1e6));
  }

  listenerReconnected(): void {
    this.reconnects.inc();
  }

  webhookDelivery(result: DeliveryResult): void {
    this.deliveries.inc({ result });
  }

  imported(status: 'imported' | 'rejected' | 'incomplete', stored: number): void {
    this.imports.inc({ status });
    this.importedRows.inc(stored);
  }

  /** A subscription's root field (aliases and fragments seen through); a bounded label value. */
  subscriptionKind(operation: OperationDefinitionNode, document: DocumentNode): string {
    const field = rootField(operation.selectionSet.selections, document);
    return field !== undefined && this.kinds.has(field) ? field : 'other';
  }

  private counter(name: string, help: string, labelNames: string[] = []): Counter {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}

function rootField(
  selections: readonly SelectionNode[],
  document: DocumentNode,
  depth = 0,
): string | undefined {
  const first = selections[0];
  if (!first || depth > 3) return undefined;
  if (first.kind === Kind.FIELD) return first.name.value;
  if (first.kind === Kind.INLINE_FRAGMENT)
    return rootField(first.selectionSet.selections, document, depth + 1);
  const fragment = document.definitions.find(
    (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === first.name.value,
  );
  return fragment?.kind === Kind.FRAGMENT_DEFINITION
    ? rootField(fragment.selectionSet.selections, document, depth + 1)
    : undefined;
}

/** Pending outbox rows, up to OUTBOX_CAP (the partial index of pending rows), within SCRAPE_QUERY_MS. */
async function pendingDeliveries(database: DatabaseHandle): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${SCRAPE_QUERY_MS} ms`)), SCRAPE_QUERY_MS);
  });
  try {
    const count = rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from (select 1 from webhook_outbox where status = 'PENDING' limit ${OUTBOX_CAP}) p`,
    );
    count.catch(() => undefined); // given up on: its late failure is nobody's
    const [row] = await Promise.race([count, timeout]);
    return row?.n ?? 0;
  } finally {
    clearTimeout(timer);
  }
}
