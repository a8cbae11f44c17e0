/**
 * The OpenTelemetry SDK, loaded only when tracing is on (core/tracing.ts imports this dynamically):
 * a Node tracer provider (AsyncLocalStorage context, W3C trace context propagation, the sampler
 * from OTEL_TRACES_SAMPLER) exporting over OTLP/HTTP in the configured encoding through a batch
 * processor (OTEL_BSP_*), the HTTP server and client instrumentation, and Pulse's own spans:
 * GraphQL operations (graphql.ts), SQL statements (sql.ts), live flushes (flush.ts).
 * The endpoint, headers, timeouts, limits and resource attributes are the SDK's standard
 * environment variables, read by the SDK itself (config.ts: OTEL_SERVICE_NAME defaults to `pulse`).
 * The SDK's own warnings (an export that failed) go to the server's log.
 */
import { diag, DiagLogLevel, type DiagLogFunction } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Logger } from 'pino';
import type { TracingSettings } from '../../config.ts';
import { hubTracing, WriteLog } from './flush.ts';
import { operationPlugin, traceSubscribe } from './graphql.ts';
import { statementSpans, tracePglite, tracePostgres } from './sql.ts';
import type { Tracing } from './types.ts';
import { traceRequests } from './work.ts';

/** Probes every few seconds from a load balancer: no trace of their own. */
const PROBES = new Set(['/healthz', '/readyz']);

export function createTracing(settings: TracingSettings, logger: Logger): Tracing {
  const log =
    (level: 'error' | 'warn'): DiagLogFunction =>
    (message, ...args) =>
      logger[level]({ args }, `opentelemetry: ${message}`);
  diag.setLogger(
    { error: log('error'), warn: log('warn'), info: () => {}, debug: () => {}, verbose: () => {} },
    DiagLogLevel.WARN,
  );

  // OTEL_RESOURCE_ATTRIBUTES, with OTEL_SERVICE_NAME (default pulse) as service.name
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(resourceFromAttributes({ 'service.name': settings.serviceName }));
  const exporter = settings.protocol === 'http/json' ? new JsonExporter() : new ProtobufExporter();
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register();
  // HTTP requests in OpenTelemetry's context (work.ts inRequest): its statements find their operation
  traceRequests(true);
  const stopInstrumentation = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => PROBES.has(req.url ?? '') }),
    ],
  });

  const tracer = provider.getTracer('pulse');
  const writes = new WriteLog();
  const statements = statementSpans(tracer, (xid, writer) => writes.remember(xid, writer));
  return {
    postgres: (sql) => tracePostgres(sql, statements),
    pglite: (client) => tracePglite(client, statements),
    apolloPlugin: operationPlugin(tracer),
    subscribe: (subscribe) => traceSubscribe(tracer, subscribe),
    hub: (stats) => hubTracing(tracer, writes, stats),
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      stopInstrumentation();
      traceRequests(false);
      await provider.shutdown();
    },
  };
}
