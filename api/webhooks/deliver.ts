/**
 * One HTTP attempt of one delivery. The body is signed with the webhook's secret:
 *   X-Pulse-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>
 *   X-Pulse-Timestamp: <unix seconds>, also inside the signed body as "timestamp", so a receiver
 *     that checks the signature can trust the time and refuse old (replayed) deliveries
 *   X-Pulse-Idempotency-Key: the same on every attempt of the event; drop repeats by it
 *   X-Pulse-Event, X-Pulse-Delivery (outbox id), X-Pulse-Attempt
 * Success is any 2xx answer; redirects are not followed (a moved endpoint must be re-registered).
 */
import { createHmac } from 'node:crypto';
import type { ClaimedDelivery } from './outbox.ts';

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

export async function attempt(
  delivery: ClaimedDelivery,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<AttemptResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const body = deliveryBody(delivery, timestamp);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Pulse-Webhooks/1',
        'x-pulse-event': delivery.event,
        'x-pulse-delivery': String(delivery.id),
        'x-pulse-attempt': String(delivery.attempts),
        'x-pulse-idempotency-key': delivery.idempotencyKey,
        'x-pulse-timestamp': String(timestamp),
        'x-pulse-signature': sign(delivery.secret, body),
      },
      body,
    });
    await response.body?.cancel(); // the answer's content is not used; free the connection
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, statusCode: null, error: reason };
  }
}
