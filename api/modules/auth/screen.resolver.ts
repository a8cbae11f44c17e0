import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { TeamRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { Team } from '../teams/team.type.ts';
import { PairScreenInput, Screen, ScreenLayout, UpdateScreenInput } from './screen.type.ts';
import { listScreens } from './screen-list.ts';
import { myScreenStream, updateScreen } from './screen-layout.ts';
import { pairScreen, revokeScreen } from './screens.ts';

@Resolver(() => Screen)
export class ScreenResolver {
  @Query(() => [Screen], { description: 'Paired screens: ADMIN all, a MANAGER those of their teams.' })
  screens(@Ctx() ctx: AppContext): Promise<Screen[]> {
    return listScreens(ctx);
  }

  @Mutation(() => Screen, {
    description:
      'Pairs the TV showing `code` as a screen of a team (ADMIN; a MANAGER for a team they manage); the TV gets its own token at its next poll.',
  })
  pairScreen(
    @Ctx() ctx: AppContext,
    @Arg('input', () => PairScreenInput) input: PairScreenInput,
  ): Promise<Screen> {
    return pairScreen(ctx, input);
  }

  @Mutation(() => Screen, {
    description:
      'Changes a screen’s name or layout (ADMIN; a MANAGER for a team they manage); its TV follows at once.',
  })
  updateScreen(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateScreenInput) input: UpdateScreenInput,
  ): Promise<Screen> {
    return updateScreen(ctx, id, input);
  }

  @Subscription(() => ScreenLayout, {
    description:
      'A paired screen’s own layout, at once and after each change (its screen credential only; anyone else: FORBIDDEN).',
    subscribe: ({ context }: SubscribeResolverData<unknown, object>) => myScreenStream(context as AppContext),
  })
  myScreen(@Root() layout: ScreenLayout): ScreenLayout {
    return layout;
  }

  @Mutation(() => Screen, {
    description:
      'Revokes a screen at once: its token ends, its socket closes, its TV shows a new pairing code.',
  })
  revokeScreen(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<Screen> {
    return revokeScreen(ctx, id);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'Its team; null: the whole organisation.' })
  team(@Root() screen: Screen, @Ctx() ctx: AppContext): Promise<TeamRow | null> | null {
    return screen.teamId === null ? null : ctx.loaders.teamById.load(screen.teamId);
  }
}
