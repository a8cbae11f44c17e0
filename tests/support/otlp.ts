/**
 * An OTLP/HTTP trace receiver on 127.0.0.1, as a collector would be (OTEL_EXPORTER_OTLP_ENDPOINT
 * pointing here, OTEL_EXPORTER_OTLP_PROTOCOL=http/json): it keeps every request body as received
 * (to check what was exported at all) and the spans in it, decoded. `waitFor` resolves when the
 * spans a test needs have arrived (checked on each arrival, no polling).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value: AnyValue };
type Value = string | number | boolean | Value[] | undefined;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** '' for a root span. */
  parentSpanId: string;
  name: string;
  attributes: Record<string, Value>;
  links: { traceId: string; spanId: string; attributes: Record<string, Value> }[];
  status: { code?: number; message?: string };
  resource: Record<string, Value>;
}

export interface OtlpReceiver {
  /** The endpoint (OTEL_EXPORTER_OTLP_ENDPOINT): the exporter posts to `${url}/v1/traces`. */
  readonly url: string;
  /** Every request body, as received. */
  readonly bodies: string[];
  readonly spans: ReceivedSpan[];
  /** Resolves with `find`'s answer once the spans received so far give one (not undefined). */
  waitFor<T>(find: (spans: ReceivedSpan[]) => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

function value(v: AnyValue | undefined): Value {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(value);
  return undefined;
}

const attributesOf = (list: KeyValue[] | undefined): Record<string, Value> =>
  Object.fromEntries((list ?? []).map((kv) => [kv.key, value(kv.value)]));

interface ExportRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: KeyValue[];
        links?: { traceId: string; spanId: string; attributes?: KeyValue[] }[];
        status?: { code?: number; message?: string };
      }[];
    }[];
  }[];
}

function decode(body: string): ReceivedSpan[] {
  const request = JSON.parse(body) as ExportRequest;
  return (request.resourceSpans ?? []).flatMap((rs) => {
    const resource = attributesOf(rs.resource?.attributes);
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId ?? '',
        name: s.name,
        attributes: attributesOf(s.attributes),
        links: (s.links ?? []).map((l) => ({
          traceId: l.traceId,
          spanId: l.spanId,
          attributes: attributesOf(l.attributes),
        })),
        status: s.status ?? {},
        resource,
      })),
    );
  });
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const bodies: string[] = [];
  const spans: ReceivedSpan[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (
        req.method !== 'POST' ||
        req.url !== '/v1/traces' ||
        !/json/.test(req.headers['content-type'] ?? '')
      ) {
        res.writeHead(404).end();
        return;
      }
      bodies.push(body);
      spans.push(...decode(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      for (const check of [...waiters]) check();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    spans,
    waitFor<T>(find: (spans: ReceivedSpan[]) => T | undefined, what: string, timeoutMs = 20_000) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = find(spans);
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what}; spans: ${spans.map((s) => s.name).join(', ')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
