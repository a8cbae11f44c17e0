import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  WEBHOOK_FORMATS,
  type DeliveryStatus,
  type WebhookEvent,
  type WebhookFormat,
} from '../../../schema/db/constants.ts';
import type { WebhookOutboxRow, WebhookRow } from '../../../schema/db/index.ts';
import { DeliveryStatusEnum, WebhookEventEnum } from '../../core/graphql/enums.ts';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

export const WebhookFormatEnum = Object.fromEntries(WEBHOOK_FORMATS.map((f) => [f, f])) as {
  [K in WebhookFormat]: K;
};
registerEnumType(WebhookFormatEnum, {
  name: 'WebhookFormat',
  description: 'How a webhook’s deliveries are written (docs/webhooks.md).',
  valuesConfig: {
    JSON: { description: 'The signed JSON body { id, event, idempotency_key, ..., data }.' },
    SLACK: { description: 'A Slack incoming-webhook message: text and blocks.' },
    TEAMS: {
      description: 'A Microsoft Teams message with an Adaptive Card (Workflows or Incoming Webhook).',
    },
  },
});

const DIGEST_DESCRIPTION =
  'Minutes per digest: one message per interval listing its events instead of one per event; intervals start at the organisation’s midnight. A divisor of 1440 from 5 to 1440 (e.g. 15, 60, 1440); null: one message per event.';

@ObjectType({ description: 'One event for one webhook, and how its delivery went.' })
export class WebhookDelivery implements Pick<
  WebhookOutboxRow,
  | 'event'
  | 'idempotencyKey'
  | 'status'
  | 'attempts'
  | 'nextAttemptAt'
  | 'lastStatusCode'
  | 'lastError'
  | 'deliveredAt'
  | 'createdAt'
> {
  @Field(() => ID, { description: 'Stable id; sent as X-Pulse-Delivery.' })
  id!: number;

  @Field(() => WebhookEventEnum, { description: 'What happened.' })
  event!: WebhookEvent;

  @Field(() => String, {
    description:
      'Sent as X-Pulse-Idempotency-Key on every attempt: a receiver that saw it already ignores it.',
  })
  idempotencyKey!: string;

  @Field(() => DeliveryStatusEnum, { description: 'PENDING, DELIVERED or FAILED.' })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => DateTimeScalar, { description: 'When the next attempt is due (PENDING).' })
  nextAttemptAt!: Date;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer; null when none came.' })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a 2xx answer came.' })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the event happened (was enqueued).' })
  createdAt!: Date;
}

@ObjectType({ description: 'A URL told about events, with signed HTTP POSTs (ADMIN only).' })
export class Webhook implements Pick<
  WebhookRow,
  'url' | 'events' | 'paused' | 'createdAt' | 'format' | 'digestMinutes'
> {
  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => String, { description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'The events it receives.' })
  events!: WebhookEvent[];

  @Field(() => Boolean, {
    description: 'Paused: its events wait in the outbox, undelivered, until it is resumed.',
  })
  paused!: boolean;

  @Field(() => WebhookFormatEnum, { description: 'How its deliveries are written.' })
  format!: WebhookFormat;

  @Field(() => Int, { nullable: true, description: DIGEST_DESCRIPTION })
  digestMinutes!: number | null;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => [WebhookDelivery], { description: 'The latest deliveries (at most 20), newest first.' })
  recentDeliveries!: WebhookDelivery[];
}

@ObjectType({ description: 'A new webhook and its signing secret, shown only this once.' })
export class CreatedWebhook {
  @Field(() => Webhook, { description: 'The webhook.' })
  webhook!: Webhook;

  @Field(() => String, {
    description:
      'HMAC-SHA256 key of X-Pulse-Signature (sha256=<hex of HMAC(secret, body)>). Not readable later.',
  })
  secret!: string;
}

@InputType({ description: 'A URL to tell about events.' })
export class CreateWebhookInput {
  @Field(() => String, { description: 'http(s) URL, at most 2000 characters.' })
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'At least one event.' })
  events!: WebhookEvent[];

  @Field(() => String, {
    nullable: true,
    description: 'Signing secret, 16-200 characters; a random one is made when omitted.',
  })
  secret?: string | null;

  @Field(() => WebhookFormatEnum, {
    nullable: true,
    description: 'How deliveries are written; JSON when omitted.',
  })
  format?: WebhookFormat | null;

  @Field(() => Int, { nullable: true, description: DIGEST_DESCRIPTION })
  digestMinutes?: number | null;
}

@InputType({ description: 'What to change in a webhook; a field left out stays as it is.' })
export class UpdateWebhookInput {
  @Field(() => [WebhookEventEnum], { nullable: true, description: 'At least one event.' })
  events?: WebhookEvent[] | null;

  @Field(() => WebhookFormatEnum, { nullable: true, description: 'How deliveries are written.' })
  format?: WebhookFormat | null;

  @Field(() => Int, { nullable: true, description: `${DIGEST_DESCRIPTION} Null turns the digest off.` })
  digestMinutes?: number | null;
}
