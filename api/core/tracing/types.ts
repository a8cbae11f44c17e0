/**
 * What the rest of the server sees of tracing: one object, present only while tracing is on
 * (OTEL_EXPORTER_OTLP_ENDPOINT set), with one hook per place that makes spans. The code behind it
 * (sdk.ts and its parts) is loaded by a dynamic import when tracing starts, so with tracing off
 * no OpenTelemetry module is loaded and each hook point costs one check of `tracing` (core/tracing.ts).
 * Structural types only: core/ imports nothing of the live layer (api/live imports core/).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { PGlite } from '@electric-sql/pglite';
import type { ExecutionArgs } from 'graphql';
import type postgres from 'postgres';

/** What the flush span reads of a live message (api/live/feed/messages.ts). */
export interface TracedMessage {
  readonly t: string;
  /** The writer's transaction id, on rollup changes the change log carries whole. */
  readonly xid?: bigint;
}

/** The hub's counters the flush span reports (api/live/hub/types.ts HubStats). */
export type TracedHubStats = Readonly<
  Record<'recomputations' | 'published' | 'contestRecomputations' | 'reloads', number>
>;

/** One live hub's flush spans: the changes since the last flush, linked to the spans that wrote them. */
export interface HubTracing {
  /** A message reached the hub: its write is linked from the next flush's span. */
  arrived(message: TracedMessage): void;
  /** Runs one flush inside its span (`ok` false: the flush failed and will be tried again). */
  flush(run: () => Promise<boolean>): Promise<boolean>;
}

export interface Tracing {
  /** The postgres.js client drizzle runs on, with a span per statement (tracing/sql.ts). */
  postgres<T extends postgres.Sql>(sql: T): T;
  /** The PGlite instance drizzle runs on, likewise. */
  pglite(client: PGlite): PGlite;
  /** A span per GraphQL operation over HTTP (tracing/graphql.ts). */
  readonly apolloPlugin: ApolloServerPlugin<BaseContext>;
  /** A span per WebSocket subscription: the `subscribe` graphql-ws calls, wrapped. */
  subscribe<R>(subscribe: (args: ExecutionArgs) => Promise<R>): (args: ExecutionArgs) => Promise<R>;
  /** Flush spans for one live hub (api/live/hub.ts). */
  hub(stats: TracedHubStats): HubTracing;
  /** Exports every span ended so far. */
  forceFlush(): Promise<void>;
  /** Exports what is left and stops (main.ts, after the server stopped). */
  shutdown(): Promise<void>;
}
