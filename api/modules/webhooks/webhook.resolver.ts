import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.ts';
import * as service from './webhook.service.ts';
import { CreatedWebhook, CreateWebhookInput, Webhook } from './webhook.type.ts';

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

  @Mutation(() => ID, {
    description: 'Deletes a webhook and its undelivered events; returns its id (ADMIN).',
  })
  deleteWebhook(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<string> {
    return service.deleteWebhook(ctx, id);
  }
}
