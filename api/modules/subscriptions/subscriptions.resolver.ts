import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Args, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { AppContext } from '../../core/context.ts';
import { Achievement } from '../achievements/achievement.type.ts';
import { Goal } from '../goals/goal.type.ts';
import { Kudos } from '../kudos/kudos.type.ts';
import { toStandings } from '../contests/contest.mapping.ts';
import { ContestList, ContestStandings } from '../contests/contest.type.ts';
import { contestListStream, contestStream } from '../contests/contest.streams.ts';
import type { ContestEvent } from '../../live/hub/types.ts';
import { BoardArgs, boardArgsOf } from '../leaderboard/leaderboard.args.ts';
import { Leaderboard } from '../leaderboard/leaderboard.type.ts';
import { GoalFilterArgs, goalFilterOf, TeamFilterArgs, teamFilterOf } from './subscriptions.args.ts';
import { leaderboardStream, type AudienceBoardEvent } from './subscriptions.boards.ts';
import { goalChangedStream, goalRemovedStream, paceAlertStream } from './subscriptions.goals.ts';
import { achievementStream, kudosStream } from './subscriptions.recognition.ts';
import type { WithLoaders } from './subscriptions.streams.ts';

const ctxOf = (context: unknown): AppContext => context as AppContext;

/** An event's loaders become the request's: fresh per event, shared by its subscribers. */
function valueOf<T>(ctx: AppContext, event: WithLoaders<T>): T {
  ctx.loaders = event.loaders;
  return event.value;
}

/** The `subscribe` of a stream of goals (or goal ids) under the goal filter. */
const byGoalFilter =
  <T>(stream: (ctx: AppContext, filter: ReturnType<typeof goalFilterOf>) => AsyncIterableIterator<T>) =>
  ({ args, context }: SubscribeResolverData<unknown, GoalFilterArgs>) =>
    stream(ctxOf(context), goalFilterOf(args));

/** Whether the operation selects `name` on the subscription's result (through fragments too). */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    set !== undefined &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const fragment = selection.name.value;
      if (seen.has(fragment)) return false;
      seen.add(fragment);
      return visit(info.fragments[fragment]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** Subscriptions over graphql-ws on /graphql. The streams live in live.streams.ts. */
@Resolver()
export class LiveResolver {
  @Subscription(() => Leaderboard, {
    description: 'Sends the current leaderboard at once, then a new one after every change that alters it.',
    subscribe: ({ args, context, info }: SubscribeResolverData<unknown, BoardArgs>) =>
      leaderboardStream(ctxOf(context), {
        ...boardArgsOf(args),
        // a standing can show any seller: such boards are published when anyone's figures change
        standings: selectsField(info, 'standing'),
      }),
  })
  leaderboardChanged(
    @Root() event: AudienceBoardEvent,
    @Ctx() ctx: AppContext,
    @Args(() => BoardArgs) _args: BoardArgs,
  ): Leaderboard {
    ctx.loaders = event.loaders; // fresh per event, shared by every subscriber of this version
    ctx.audience = event.audience; // the shared execution has no viewer (core/graphql/visibility.ts)
    return event.board;
  }

  @Subscription(() => Goal, {
    description:
      'First every active goal matching the filter (and the caller’s scope), then each goal that is created or whose value, status, target or description changes.',
    subscribe: byGoalFilter(goalChangedStream),
  })
  goalChanged(
    @Root() event: WithLoaders<Goal>,
    @Ctx() ctx: AppContext,
    @Args(() => GoalFilterArgs) _args: GoalFilterArgs,
  ): Goal {
    return valueOf(ctx, event);
  }

  @Subscription(() => Goal, {
    description:
      'Each goal, matching the filter and the caller’s scope, as it falls BEHIND_PACE by more than its pace.alertPercent % of the target: at most once per goal per organisation day, and again only after it was back on pace (docs/goals-pace.md). No snapshot.',
    subscribe: byGoalFilter(paceAlertStream),
  })
  goalBehindPace(
    @Root() event: WithLoaders<Goal>,
    @Ctx() ctx: AppContext,
    @Args(() => GoalFilterArgs) _args: GoalFilterArgs,
  ): Goal {
    return valueOf(ctx, event);
  }

  @Subscription(() => ID, {
    description: 'The id of a goal that was deleted.',
    subscribe: byGoalFilter(goalRemovedStream),
  })
  goalRemoved(@Root() id: string, @Args(() => GoalFilterArgs) _args: GoalFilterArgs): string {
    return id;
  }

  @Subscription(() => Achievement, {
    description:
      'Each badge as it is awarded (only new ones: a reconnecting screen does not celebrate old badges again).',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, TeamFilterArgs>) =>
      achievementStream(ctxOf(context), teamFilterOf(args)),
  })
  achievementUnlocked(
    @Root() event: WithLoaders<Achievement>,
    @Ctx() ctx: AppContext,
    @Args(() => TeamFilterArgs) _args: TeamFilterArgs,
  ): Achievement {
    return valueOf(ctx, event);
  }

  @Subscription(() => Kudos, {
    description:
      'Kudos as they are given (only new ones), of everyone or of the recipients in one team (a screen: its own team’s); a private one’s message is null on a screen.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, TeamFilterArgs>) =>
      kudosStream(ctxOf(context), teamFilterOf(args)),
  })
  kudosGiven(
    @Root() event: WithLoaders<Kudos>,
    @Ctx() ctx: AppContext,
    @Args(() => TeamFilterArgs) _args: TeamFilterArgs,
  ): Kudos {
    ctx.loaders = event.loaders;
    return event.value;
  }

  @Subscription(() => ContestStandings, {
    description:
      'A contest’s standings at once, then after each change that moves them: before its start the countdown’s target (status UPCOMING, startsAt), while it runs the live standings, after its end the frozen results (then no more changes). One recomputation per change for all viewers.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id: string }>) =>
      contestStream(ctxOf(context), args),
  })
  contestChanged(
    @Root() event: WithLoaders<ContestEvent>,
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) _id: string,
  ): ContestStandings {
    return toStandings(valueOf(ctx, event).standings);
  }

  @Subscription(() => ContestList, {
    description:
      'The contests the caller may read (as `contests`) that are upcoming, running or ended within the last hour, at once and after each change: one created, changed or deleted, started or ended. Read once per change for all subscribers; `generatedAt` is the server’s clock. A screen: while its admin leaves showContests on.',
    subscribe: ({ context }: SubscribeResolverData) => contestListStream(ctxOf(context)),
  })
  contestsChanged(@Root() event: WithLoaders<ContestList>, @Ctx() ctx: AppContext): ContestList {
    return valueOf(ctx, event);
  }
}
