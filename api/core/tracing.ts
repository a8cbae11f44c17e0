/**
 * OpenTelemetry traces, on when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
 *
 * Invariant: off, tracing costs nothing. `tracing` stays undefined, no OpenTelemetry module is
 * loaded (the SDK comes in by the dynamic import below, only when on), the database drivers are
 * not wrapped (db/client.ts decides once, when it opens them), no Apollo plugin is registered, and
 * the hub's hooks are one `?.` on undefined: nothing is allocated per request, statement or flush.
 * On, main.ts starts it before it imports the server's modules, so the HTTP instrumentation hooks
 * node:http as express requires it; each hook point then makes one call into tracing/.
 * What spans there are, their attributes and links: docs/operations.md#traces.
 */
import type { Logger } from 'pino';
import type { TracingSettings } from '../config.ts';
import type { Tracing } from './tracing/types.ts';

export type { HubTracing, Tracing } from './tracing/types.ts';

/** The tracing hooks while tracing is on; undefined (the one check of every hook point) while off. */
export let tracing: Tracing | undefined;

/** Loads the SDK and starts exporting (settings undefined: stays off). Call before opening the database. */
export async function startTracing(
  settings: TracingSettings | undefined,
  logger: Logger,
): Promise<Tracing | undefined> {
  if (settings && !tracing) {
    const { createTracing } = await import('./tracing/sdk.ts');
    tracing = createTracing(settings, logger);
  }
  return tracing;
}
