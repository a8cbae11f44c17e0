/**
 * What the Webhooks page says about webhooks and their deliveries (issue 15), pure so it is tested
 * without a server: the events in words, a delivery's state in a sentence (delivered, waiting for
 * its next attempt, held by a pause, failed for good), and which deliveries may be sent again —
 * the server's rule (redeliverWebhookDelivery: a finished one, DELIVERED or FAILED; a PENDING one
 * is attempted anyway), so the button never offers what it would refuse. Also each webhook's
 * format (signed JSON, Slack, Teams) and digest (one message per event, or per interval) in words,
 * and the digest intervals the page offers: the server's rule is any divisor of a day from 5 to
 * 1440 minutes, and an interval set over the API that is not in the list still reads.
 */
import type { WebhookDeliveryStatus as DeliveryStatus, WebhookEvent, WebhookFormat } from '../gql/graphql.ts';
import {
  WEBHOOK_EVENTS as ALL_WEBHOOK_EVENTS,
  WEBHOOK_FORMATS as ALL_WEBHOOK_FORMATS,
} from '../../../schema/db/constants.ts';

/** Every event, in the server's order (schema/db/constants.ts, the one list of them). */
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ALL_WEBHOOK_EVENTS;

export const EVENT_NAMES: Record<WebhookEvent, string> = {
  GOAL_ACHIEVED: 'Goal achieved',
  GOAL_MISSED: 'Goal missed',
  ACHIEVEMENT_UNLOCKED: 'Badge unlocked',
  RANK_CHANGED: 'Top 3 changed',
  GOAL_BEHIND_PACE: 'Goal behind pace',
  CONTEST_STARTED: 'Contest started',
  CONTEST_ENDED: 'Contest ended',
};

export interface DeliveryState {
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

export const canRedeliver = (delivery: { status: DeliveryStatus }): boolean => delivery.status !== 'PENDING';

/**
 * "Delivered", "Failed after 12 attempts", "Waiting: paused", "Waiting for the next digest",
 * "Retrying (2 attempts so far)"…
 */
export function deliveryInWords(delivery: DeliveryState, webhookPaused: boolean, digest = false): string {
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  switch (delivery.status) {
    case 'DELIVERED':
      return delivery.attempts > 1 ? `Delivered after ${attempts}` : 'Delivered';
    case 'FAILED':
      return `Failed after ${attempts}`;
  }
  if (webhookPaused) return 'Waiting: the webhook is paused';
  if (delivery.attempts === 0) return digest ? 'Waiting for the next digest' : 'Pending';
  return `Retrying (${attempts} so far)`;
}

/** The receiver's answer: "HTTP 503", or the reason none came ("ECONNREFUSED", a timeout), or "—". */
export function answerInWords(delivery: Pick<DeliveryState, 'lastStatusCode' | 'lastError'>): string {
  if (delivery.lastError) return delivery.lastError;
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  return '—';
}

export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ALL_WEBHOOK_FORMATS;

export const FORMAT_NAMES: Record<WebhookFormat, string> = {
  JSON: 'Signed JSON',
  SLACK: 'Slack',
  TEAMS: 'Microsoft Teams',
};

/** The digest intervals offered, in minutes; null: one message per event. */
export const DIGEST_CHOICES: readonly (number | null)[] = [null, 15, 30, 60, 240, 1440];

/** "Each event", "Every 15 minutes", "Hourly", "Every 4 hours", "Daily". */
export function digestInWords(minutes: number | null): string {
  if (minutes === null) return 'Each event';
  if (minutes === 60) return 'Hourly digest';
  if (minutes === 1440) return 'Daily digest';
  if (minutes % 60 === 0) return `Digest every ${minutes / 60} hours`;
  return `Digest every ${minutes} minutes`;
}

/** The choices for a select: the list, plus the webhook's own interval when it is not in it. */
export function digestChoices(current: number | null): (number | null)[] {
  return DIGEST_CHOICES.includes(current)
    ? [...DIGEST_CHOICES]
    : [...DIGEST_CHOICES, current].sort((a, b) => (a ?? 0) - (b ?? 0));
}

/** A select's value for a digest ('' for none) and back. */
export const digestValue = (minutes: number | null): string => (minutes === null ? '' : String(minutes));
export const digestFromValue = (value: string): number | null => (value === '' ? null : Number(value));
