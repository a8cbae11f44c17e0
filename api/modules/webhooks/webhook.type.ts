import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { DeliveryStatus, WebhookEvent } from '../../../schema/db/constants.ts';
import type { WebhookOutboxRow, WebhookRow } from '../../../schema/db/index.ts';
import { DeliveryStatusEnum, WebhookEventEnum } from '../../core/graphql/enums.ts';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';

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
export class Webhook implements Pick<WebhookRow, 'url' | 'events' | 'paused' | 'createdAt'> {
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
}
