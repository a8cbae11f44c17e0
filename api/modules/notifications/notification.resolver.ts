import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.ts';
import * as service from './notification.service.ts';
import { NotificationSettings, UpdateNotificationSettingsInput } from './notification.type.ts';

@Resolver(() => NotificationSettings)
export class NotificationResolver {
  @Query(() => NotificationSettings, {
    nullable: true,
    description:
      'The signed-in person’s e-mail notification choices; null for a service account or a screen, which get no mail.',
  })
  myNotificationSettings(@Ctx() ctx: AppContext): Promise<NotificationSettings | null> {
    return service.myNotificationSettings(ctx);
  }

  @Mutation(() => NotificationSettings, {
    description:
      'Changes the signed-in person’s own notification choices (FORBIDDEN for a service account or a screen).',
  })
  updateMyNotificationSettings(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateNotificationSettingsInput) input: UpdateNotificationSettingsInput,
  ): Promise<NotificationSettings> {
    return service.updateMyNotificationSettings(ctx, input);
  }
}
