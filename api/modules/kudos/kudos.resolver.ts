import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { User } from '../users/user.type.ts';
import * as service from './kudos.service.ts';
import { GiveKudosInput, Kudos, KudosPage, UpdateKudosInput } from './kudos.type.ts';

@Resolver(() => Kudos)
export class KudosResolver {
  @Query(() => KudosPage, {
    description:
      'Kudos, newest first: of one person (received or given) or of the recipients in one team when given (a screen: its team’s). Every role reads them.',
  })
  kudos(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true, description: 'Kudos this person received or gave.' })
    userId: string | null,
    @Arg('teamId', () => ID, { nullable: true, description: 'Kudos received by this team’s members.' })
    teamId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1-100.' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before.' })
    after: string | null,
  ): Promise<KudosPage> {
    return service.kudosFeed(ctx, { userId, teamId, first: first ?? 20, after });
  }

  @Mutation(() => Kudos, {
    description:
      'Gives a colleague kudos (any signed-in person, not to themselves; at most KUDOS_PER_HOUR an hour, else FORBIDDEN with extensions.retryAt).',
  })
  giveKudos(
    @Ctx() ctx: AppContext,
    @Arg('input', () => GiveKudosInput) input: GiveKudosInput,
  ): Promise<Kudos> {
    return service.giveKudos(ctx, input);
  }

  @Mutation(() => Kudos, { description: 'Edits kudos you gave, within a minute of giving it.' })
  updateKudos(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateKudosInput) input: UpdateKudosInput,
  ): Promise<Kudos> {
    return service.updateKudos(ctx, id, input);
  }

  @Mutation(() => ID, {
    description: 'Removes kudos (its giver, a MANAGER of the recipient’s team, or an ADMIN); answers its id.',
  })
  removeKudos(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<string> {
    return service.removeKudos(ctx, id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The message; null when it is private and the caller is neither its giver, its recipient, an ADMIN nor a MANAGER of the recipient’s team (and on every screen).',
  })
  message(@Root() kudos: Kudos, @Ctx() ctx: AppContext): string | null {
    if (!kudos.private) return kudos.text;
    return service.canReadMessage(requireViewer(ctx), kudos) ? kudos.text : null;
  }

  @FieldResolver(() => User, { description: 'Who gave it.' })
  giver(@Root() kudos: Kudos, @Ctx() ctx: AppContext): Promise<UserRow> {
    return userOf(ctx, kudos.giverId);
  }

  @FieldResolver(() => User, { description: 'Who received it.' })
  recipient(@Root() kudos: Kudos, @Ctx() ctx: AppContext): Promise<UserRow> {
    return userOf(ctx, kudos.recipientId);
  }
}

async function userOf(ctx: AppContext, id: number): Promise<UserRow> {
  const user = await ctx.loaders.userById.load(id);
  if (!user) throw new NotFoundError('User', id);
  return user;
}
