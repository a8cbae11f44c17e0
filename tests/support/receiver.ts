/**
 * A local webhook receiver: an HTTP server on 127.0.0.1 that records every POST it gets. Told a
 * chat format, it checks each body as that service would and answers 400 to one it would refuse
 * (recording why in `refused`): Slack's incoming webhooks need a `text` string and, when sent,
 * `blocks` an array of objects with a `type`; Teams (Workflows or Incoming Webhook) a `message`
 * whose attachments hold an Adaptive Card (contentType application/vnd.microsoft.card.adaptive,
 * content.type AdaptiveCard, a version, a `body` array of elements with a `type`).
 */
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
  /** Bodies the chat format's checks refused (answered 400), with the reasons. */
  readonly refused: { raw: string; problems: string[] }[];
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What Slack's incoming webhook would refuse in a body (empty: accepted). */
export function slackProblems(body: unknown): string[] {
  if (!isObject(body)) return ['not a JSON object'];
  const problems: string[] = [];
  if (typeof body.text !== 'string' || body.text === '') problems.push('text is not a non-empty string');
  if (body.blocks !== undefined) {
    if (!Array.isArray(body.blocks)) problems.push('blocks is not an array');
    else {
      if (body.blocks.length > 50) problems.push('more than 50 blocks');
      body.blocks.forEach((block, i) => {
        if (!isObject(block) || typeof block.type !== 'string') problems.push(`blocks[${i}] has no type`);
        else if (block.type === 'section' && !(isObject(block.text) && typeof block.text.text === 'string'))
          problems.push(`blocks[${i}] is a section without text`);
      });
    }
  }
  return problems;
}

/** What a Teams webhook would refuse: a message with an Adaptive Card attachment (empty: accepted). */
export function teamsProblems(body: unknown): string[] {
  if (!isObject(body)) return ['not a JSON object'];
  if (body.type !== 'message') return ['type is not "message"'];
  if (!Array.isArray(body.attachments) || body.attachments.length === 0) return ['no attachments'];
  const problems: string[] = [];
  body.attachments.forEach((attachment, i) => {
    if (!isObject(attachment) || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') {
      problems.push(`attachments[${i}] is not an Adaptive Card`);
      return;
    }
    const card = attachment.content;
    if (!isObject(card) || card.type !== 'AdaptiveCard')
      problems.push(`attachments[${i}].content is not an AdaptiveCard`);
    else {
      if (typeof card.version !== 'string') problems.push(`attachments[${i}] card has no version`);
      if (!Array.isArray(card.body) || card.body.some((e) => !isObject(e) || typeof e.type !== 'string'))
        problems.push(`attachments[${i}] card body is not an array of typed elements`);
    }
  });
  return problems;
}

/**
 * `answer(n)` gives the status for the n-th request (from 1) and may delay it; 200 by default.
 * With `format`, a body that format's service would refuse is answered 400 (see the header).
 */
export async function startReceiver(
  answer: (n: number, body: WebhookBody) => number | Promise<number> = () => 200,
  options: { format?: 'SLACK' | 'TEAMS' } = {},
): Promise<Receiver> {
  const received: Received[] = [];
  const refused: { raw: string; problems: string[] }[] = [];
  const check =
    options.format === 'SLACK' ? slackProblems : options.format === 'TEAMS' ? teamsProblems : null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as WebhookBody;
      const problems = check?.(body) ?? [];
      if (problems.length > 0) {
        refused.push({ raw, problems });
        res.writeHead(400).end(problems.join('; '));
        return;
      }
      received.push({ headers: req.headers, raw, body });
      void Promise.resolve(answer(received.length, body)).then((status) => res.writeHead(status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    refused,
    async waitFor(count, filter = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(filter);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} deliveries, got ${matching.length}: ${JSON.stringify(received.map((r) => r.body.event))}; refused: ${JSON.stringify(refused.map((r) => r.problems))}`,
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
