/**
 * What the Webhooks page says about webhooks and their deliveries (issue 15), pure so it is tested
 * without a server: the events in words, a delivery's state in a sentence (delivered, waiting for
 * its next attempt, held by a pause, failed for good), and which deliveries may be sent again —
 * the server's rule (redeliverWebhookDelivery: a finished one, DELIVERED or FAILED; a PENDING one
 * is attempted anyway), so the button never offers what it would refuse.
 */
import type { WebhookDeliveryStatus as DeliveryStatus, WebhookEvent } from '../gql/graphql.ts';

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = [
  'GOAL_ACHIEVED',
  'GOAL_MISSED',
  'ACHIEVEMENT_UNLOCKED',
  'RANK_CHANGED',
  'GOAL_BEHIND_PACE',
];

export const EVENT_NAMES: Record<WebhookEvent, string> = {
  GOAL_ACHIEVED: 'Goal achieved',
  GOAL_MISSED: 'Goal missed',
  ACHIEVEMENT_UNLOCKED: 'Badge unlocked',
  RANK_CHANGED: 'Top 3 changed',
  GOAL_BEHIND_PACE: 'Goal behind pace',
};

export interface DeliveryState {
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

export const canRedeliver = (delivery: { status: DeliveryStatus }): boolean => delivery.status !== 'PENDING';

/** "Delivered", "Failed after 12 attempts", "Waiting: paused", "Retrying (2 attempts so far)"… */
export function deliveryInWords(delivery: DeliveryState, webhookPaused: boolean): string {
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  switch (delivery.status) {
    case 'DELIVERED':
      return delivery.attempts > 1 ? `Delivered after ${attempts}` : 'Delivered';
    case 'FAILED':
      return `Failed after ${attempts}`;
  }
  if (webhookPaused) return 'Waiting: the webhook is paused';
  return delivery.attempts === 0 ? 'Pending' : `Retrying (${attempts} so far)`;
}

/** The receiver's answer: "HTTP 503", or the reason none came ("ECONNREFUSED", a timeout), or "—". */
export function answerInWords(delivery: Pick<DeliveryState, 'lastStatusCode' | 'lastError'>): string {
  if (delivery.lastError) return delivery.lastError;
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  return '—';
}
