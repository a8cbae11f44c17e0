/**
 * Wake-ups for the webhook worker: migration 0009 NOTIFYs 'pulse_webhooks' when a
 * statement inserts outbox rows ('outbox') or changes the webhooks ('webhooks'). The worker LISTENs
 * through the driver of its own database handle (postgres.js opens one dedicated, self-reconnecting
 * connection for it; PGlite listens on its single connection). The mail worker listens the same
 * way on its own channel, 'pulse_mail' (mail_outbox_wake.sql). A NOTIFY sent while the connection
 * was down is lost, so every (re)connect counts as a wake-up; a connection that dies silently is
 * covered by the worker's slow fallback poll.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../db/client.ts';

export const WEBHOOK_CHANNEL = 'pulse_webhooks';

export type WakeReason = 'outbox' | 'webhooks' | 'connected';

interface PostgresJsListen {
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ): Promise<{ unlisten(): Promise<void> }>;
}

/** Starts listening; resolves to a function that stops. Null when the driver cannot listen. */
export async function listenForWakeups(
  db: Database,
  onWake: (reason: WakeReason) => void,
  channel = WEBHOOK_CHANNEL,
): Promise<(() => Promise<void>) | null> {
  const client = (db as unknown as { $client?: unknown }).$client;
  const reason = (payload: string): WakeReason => (payload === 'webhooks' ? 'webhooks' : 'outbox');
  if (client instanceof PGlite) {
    return client.listen(channel, (payload) => onWake(reason(payload)));
  }
  if (typeof (client as Partial<PostgresJsListen> | undefined)?.listen === 'function') {
    const meta = await (client as PostgresJsListen).listen(
      channel,
      (payload) => onWake(reason(payload)),
      () => onWake('connected'),
    );
    return () => meta.unlisten();
  }
  return null;
}
