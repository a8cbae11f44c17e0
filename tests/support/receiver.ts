/** A local webhook receiver: an HTTP server on 127.0.0.1 that records every POST it gets. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookBody {
  id: string;
  event: string;
  idempotency_key: string;
  created_at: string;
  timestamp: number;
  attempt: number;
  data: Record<string, unknown>;
}

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookBody;
}

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** Waits until `count` deliveries matched `filter`; returns them. */
  waitFor(count: number, filter?: (r: Received) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** What a receiver checks: the HMAC of the raw body with the shared secret, in constant time. */
export function validSignature(secret: string, r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(r.raw).digest('hex')}`);
  const given = Buffer.from(String(r.headers['x-pulse-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `answer(n)` gives the status for the n-th request (from 1) and may delay it; 200 by default. */
export async function startReceiver(
  answer: (n: number, body: WebhookBody) => number | Promise<number> = () => 200,
): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as WebhookBody;
      received.push({ headers: req.headers, raw, body });
      void Promise.resolve(answer(received.length, body)).then((status) => res.writeHead(status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    async waitFor(count, filter = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(filter);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} deliveries, got ${matching.length}: ${JSON.stringify(received.map((r) => r.body.event))}`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
