/**
 * The body of a delivery in each webhook format, from outbox rows (pure; deliver.ts signs and
 * POSTs it):
 * - JSON: one event is the signed body of deliver.ts deliveryBody, byte for byte as before
 *   formats existed; a digest is `{ id, event: "DIGEST", idempotency_key, created_at, timestamp,
 *   attempt, data: { until, events: [{ id, event, idempotency_key, created_at, data }] } }`.
 * - SLACK: an incoming-webhook payload, `text` (the notification's line) and `blocks` (a mrkdwn
 *   section per message, details in a context block); Slack's limits (50 blocks, 3000 characters a
 *   text) are kept by listing at most DIGEST_LISTED events and cutting long texts.
 * - TEAMS: an Adaptive Card (1.4) as the attachment of a `message`, the payload both Teams'
 *   Workflows webhooks ("When a Teams webhook request is received") and the older Incoming Webhook
 *   connector take; the legacy MessageCard is refused by Workflows, which replace connectors.
 * Invariant: a digest lists its events oldest first and says how many there are, all of them.
 */
import { messageFor, instant, type ChatMessage, type FormatContext } from './messages.ts';

export interface OutboxEvent {
  id: number;
  event: string;
  idempotencyKey: string;
  createdAt: Date;
  payload: unknown;
}

export type ChatFormat = 'SLACK' | 'TEAMS';

/** Events listed one by one in a chat digest; the rest are counted ("…and 12 more"). */
export const DIGEST_LISTED = 40;
const SLACK_TEXT_MAX = 3000;

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/** Slack's mrkdwn control characters (its docs: escape &, < and >). */
const slackEscape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const slackText = (s: string) => cut(slackEscape(s), SLACK_TEXT_MAX);

interface SlackBlock {
  type: 'section' | 'context';
  text?: { type: 'mrkdwn'; text: string };
  elements?: { type: 'mrkdwn'; text: string }[];
}

function slackBlocks(message: ChatMessage): SlackBlock[] {
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: slackText(message.text) } }];
  if (message.details.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: slackText(message.details.join(' · ')) }],
    });
  }
  return blocks;
}

interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  isSubtle?: true;
  spacing?: 'None' | 'Medium';
  separator?: true;
}

function teamsBlocks(message: ChatMessage, first: boolean): TextBlock[] {
  return [
    {
      type: 'TextBlock',
      text: message.text,
      wrap: true,
      ...(first ? {} : { separator: true, spacing: 'Medium' }),
    },
    ...message.details.map((d): TextBlock => ({
      type: 'TextBlock',
      text: d,
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    })),
  ];
}

function teamsCard(body: TextBlock[]) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
        },
      },
    ],
  };
}

/** One event as a chat message body. */
export function chatBody(format: ChatFormat, event: OutboxEvent, ctx: FormatContext): string {
  const message = messageFor(event.event, event.payload, ctx);
  if (format === 'SLACK')
    return JSON.stringify({ text: slackText(message.text), blocks: slackBlocks(message) });
  return JSON.stringify(teamsCard(teamsBlocks(message, true)));
}

/** The headline of a digest: "📬 Pulse: 3 events up to Dec 7, 2026, 10:15". */
export function digestTitle(count: number, until: Date, ctx: FormatContext): string {
  const noun = count === 1 ? 'event' : 'events';
  return `📬 Pulse: ${count} ${noun} up to ${instant(until.getTime(), ctx.timeZone) ?? until.toISOString()}`;
}

/** Several events (oldest first) as one chat message. */
export function chatDigestBody(
  format: ChatFormat,
  events: OutboxEvent[],
  until: Date,
  ctx: FormatContext,
): string {
  const title = digestTitle(events.length, until, ctx);
  const listed = events.slice(0, DIGEST_LISTED).map((e) => messageFor(e.event, e.payload, ctx));
  const rest = events.length - listed.length;
  const more = rest > 0 ? `…and ${rest} more` : null;
  if (format === 'SLACK') {
    const blocks: SlackBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: slackText(`*${title}*`) } },
      ...listed.map((m): SlackBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: slackText(m.text) },
      })),
    ];
    if (more) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
    return JSON.stringify({ text: slackText(title), blocks });
  }
  const body: TextBlock[] = [
    { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder', size: 'Medium' },
    ...listed.flatMap((m) => teamsBlocks({ text: m.text, details: [] }, false)),
  ];
  if (more) body.push({ type: 'TextBlock', text: more, wrap: true, isSubtle: true });
  return JSON.stringify(teamsCard(body));
}

/** A digest in the JSON format (signed like a single event; see the header). */
export function jsonDigestBody(
  digest: { key: string; until: Date; attempt: number },
  events: OutboxEvent[],
  timestamp: number,
): string {
  return JSON.stringify({
    id: digest.key,
    event: 'DIGEST',
    idempotency_key: digest.key,
    created_at: digest.until.toISOString(),
    timestamp,
    attempt: digest.attempt,
    data: {
      until: digest.until.toISOString(),
      events: events.map((e) => ({
        id: String(e.id),
        event: e.event,
        idempotency_key: e.idempotencyKey,
        created_at: e.createdAt.toISOString(),
        data: e.payload,
      })),
    },
  });
}
