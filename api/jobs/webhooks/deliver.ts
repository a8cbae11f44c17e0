/**
 * One HTTP attempt of one delivery. The body is signed with the webhook's secret:
 *   X-Pulse-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>
 *   X-Pulse-Timestamp: <unix seconds>, also inside the signed body as "timestamp", so a receiver
 *     that checks the signature can trust the time and refuse old (replayed) deliveries
 *   X-Pulse-Idempotency-Key: the same on every attempt of the event; drop repeats by it
 *   X-Pulse-Event, X-Pulse-Delivery (outbox id), X-Pulse-Attempt
 * Success is any 2xx answer; redirects are not followed (a moved endpoint must be re-registered).
 * The body is the webhook's format (formats/render.ts): this JSON, or a Slack or Teams message, of
 * one event or of a digest; the headers are the same for all (a digest's X-Pulse-Event is DIGEST,
 * its X-Pulse-Delivery and idempotency key its digest key).
 * Unless WEBHOOK_ALLOW_PRIVATE is set, the connection is refused when the host is, or resolves to,
 * a private, loopback or link-local address (url-policy.ts): checked on the address connected to.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FormatContext } from './formats/messages.ts';
import { chatBody, chatDigestBody, jsonDigestBody } from './formats/render.ts';
import type { ClaimedDigest } from './outbox-digests.ts';
import type { ClaimedDelivery } from './outbox.ts';
import { guardedLookup, literalRefused, PrivateAddressError, type UrlPolicy } from './url-policy.ts';

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function deliveryBody(delivery: ClaimedDelivery, timestamp: number): string {
  return JSON.stringify({
    id: String(delivery.id),
    event: delivery.event,
    idempotency_key: delivery.idempotencyKey,
    created_at: delivery.createdAt.toISOString(),
    timestamp,
    attempt: delivery.attempts,
    data: delivery.payload,
  });
}

/** One request to make: where, signed with what, and its body for a given timestamp. */
export interface Outgoing {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  attempt: number;
  idempotencyKey: string;
  body(timestamp: number): string;
}

/** One event, in its webhook's format (JSON: deliveryBody, unchanged). */
export function outgoingDelivery(delivery: ClaimedDelivery, ctx: FormatContext): Outgoing {
  const { format } = delivery;
  return {
    url: delivery.url,
    secret: delivery.secret,
    event: delivery.event,
    deliveryId: String(delivery.id),
    attempt: delivery.attempts,
    idempotencyKey: delivery.idempotencyKey,
    body: (timestamp) =>
      format === 'JSON' ? deliveryBody(delivery, timestamp) : chatBody(format, delivery, ctx),
  };
}

/** A digest's events as one request, in its webhook's format. */
export function outgoingDigest(digest: ClaimedDigest, ctx: FormatContext): Outgoing {
  const { format } = digest;
  return {
    url: digest.url,
    secret: digest.secret,
    event: 'DIGEST',
    deliveryId: digest.key,
    attempt: digest.attempts,
    idempotencyKey: digest.key,
    body: (timestamp) =>
      format === 'JSON'
        ? jsonDigestBody(
            { key: digest.key, until: digest.until, attempt: digest.attempts },
            digest.rows,
            timestamp,
          )
        : chatDigestBody(format, digest.rows, digest.until, ctx),
  };
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  policy: UrlPolicy,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal,
        ...(policy.allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (response: IncomingMessage) => {
        response.resume(); // the answer's content is not used; free the connection
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function attempt(
  delivery: Outgoing,
  options: { timeoutMs: number; signal: AbortSignal; policy: UrlPolicy },
): Promise<AttemptResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const body = delivery.body(timestamp);
  try {
    const url = new URL(delivery.url);
    if (!options.policy.allowPrivate && literalRefused(url)) {
      throw new PrivateAddressError(`${url.hostname} is a private address`);
    }
    const status = await post(
      url,
      {
        'content-type': 'application/json',
        'user-agent': 'Pulse-Webhooks/1',
        'x-pulse-event': delivery.event,
        'x-pulse-delivery': delivery.deliveryId,
        'x-pulse-attempt': String(delivery.attempt),
        'x-pulse-idempotency-key': delivery.idempotencyKey,
        'x-pulse-timestamp': String(timestamp),
        'x-pulse-signature': sign(delivery.secret, body),
      },
      body,
      AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
      options.policy,
    );
    const ok = status >= 200 && status < 300;
    return { ok, statusCode: status, error: ok ? null : `HTTP ${status}` };
  } catch (error) {
    if (error instanceof PrivateAddressError) return { ok: false, statusCode: null, error: error.message };
    if (!options.signal.aborted && (error as { name?: string }).name === 'AbortError') {
      return { ok: false, statusCode: null, error: `timeout after ${options.timeoutMs} ms` };
    }
    const e = error as { code?: string; message?: string };
    return { ok: false, statusCode: null, error: e.code ?? e.message ?? String(error) };
  }
}
