import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.ts';
import * as service from './webhook.service.ts';
import {
  CreatedWebhook,
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
} from './webhook.type.ts';

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Registered webhooks with their latest deliveries (ADMIN).' })
  webhooks(@Ctx() ctx: AppContext): Promise<Webhook[]> {
    return service.webhooks(ctx);
  }

  @Mutation(() => CreatedWebhook, {
    description: 'Registers a URL for events; the answer holds the signing secret, shown only once (ADMIN).',
  })
  createWebhook(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput,
  ): Promise<CreatedWebhook> {
    return service.createWebhook(ctx, input);
  }

  @Mutation(() => Webhook, {
    description:
      'Changes a webhook’s events, format or digest; a field left out stays, digestMinutes: null turns the digest off (ADMIN).',
  })
  updateWebhook(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookInput) input: UpdateWebhookInput,
  ): Promise<Webhook> {
    return service.updateWebhook(ctx, id, input);
  }

  @Mutation(() => ID, {
    description: 'Deletes a webhook and its undelivered events; returns its id (ADMIN).',
  })
  deleteWebhook(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<string> {
    return service.deleteWebhook(ctx, id);
  }

  @Mutation(() => Webhook, {
    description: 'Pauses a webhook: its events wait in the outbox until resumeWebhook (ADMIN).',
  })
  pauseWebhook(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<Webhook> {
    return service.setPaused(ctx, id, true);
  }

  @Mutation(() => Webhook, {
    description: 'Resumes a paused webhook: the events that waited go out, oldest first (ADMIN).',
  })
  resumeWebhook(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<Webhook> {
    return service.setPaused(ctx, id, false);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a DELIVERED or FAILED delivery again, now, with the same idempotency key and a fresh count of attempts; CONFLICT while it is PENDING (ADMIN).',
  })
  redeliverWebhookDelivery(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
  ): Promise<WebhookDelivery> {
    return service.redeliver(ctx, id);
  }
}
