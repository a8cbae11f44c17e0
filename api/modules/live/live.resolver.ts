import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Ctx, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../context.ts';
import { LeaderboardMetricEnum, PeriodTypeEnum } from '../../graphql/enums.ts';
import { Achievement } from '../achievements/achievement.type.ts';
import { Goal } from '../goals/goal.type.ts';
import { Leaderboard } from '../leaderboard/leaderboard.type.ts';
import {
  achievementStream,
  goalChangedStream,
  goalRemovedStream,
  leaderboardStream,
  type AudienceBoardEvent,
  type WithLoaders,
} from './live.streams.ts';

interface Args {
  periodType?: PeriodType | null;
  metric?: LeaderboardMetric | null;
  teamId?: string | null;
  userId?: string | null;
  limit?: number | null;
}

const ctxOf = (context: unknown): AppContext => context as AppContext;

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
    subscribe: ({ args, context, info }) => {
      const a = args as Args;
      return leaderboardStream(ctxOf(context), {
        periodType: a.periodType ?? 'MONTHLY',
        metric: a.metric ?? 'REVENUE',
        teamId: a.teamId ?? null,
        limit: a.limit ?? 10,
        // a standing can show any seller: such boards are published when anyone's figures change
        standings: selectsField(info, 'standing'),
      });
    },
  })
  leaderboardChanged(
    @Root() event: AudienceBoardEvent,
    @Ctx() ctx: AppContext,
    @Arg('periodType', () => PeriodTypeEnum, { nullable: true, defaultValue: 'MONTHLY' })
    _periodType: PeriodType,
    @Arg('metric', () => LeaderboardMetricEnum, { nullable: true, defaultValue: 'REVENUE' })
    _metric: LeaderboardMetric,
    @Arg('teamId', () => ID, { nullable: true }) _teamId: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 10 }) _limit: number,
  ): Leaderboard {
    ctx.loaders = event.loaders; // fresh per event, shared by every subscriber of this version
    ctx.audience = event.audience; // the shared execution has no viewer (graphql/visibility.ts)
    return event.board;
  }

  @Subscription(() => Goal, {
    description:
      'First every active goal matching the filter (and the caller’s scope), then each goal that is created or whose value, status, target or description changes.',
    subscribe: ({ args, context }) => {
      const a = args as Args;
      return goalChangedStream(ctxOf(context), { userId: a.userId ?? null, teamId: a.teamId ?? null });
    },
  })
  goalChanged(
    @Root() event: WithLoaders<Goal>,
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) _userId: string | null,
    @Arg('teamId', () => ID, { nullable: true }) _teamId: string | null,
  ): Goal {
    ctx.loaders = event.loaders;
    return event.value;
  }

  @Subscription(() => ID, {
    description: 'The id of a goal that was deleted.',
    subscribe: ({ args, context }) => {
      const a = args as Args;
      return goalRemovedStream(ctxOf(context), { userId: a.userId ?? null, teamId: a.teamId ?? null });
    },
  })
  goalRemoved(
    @Root() id: string,
    @Arg('userId', () => ID, { nullable: true }) _userId: string | null,
    @Arg('teamId', () => ID, { nullable: true }) _teamId: string | null,
  ): string {
    return id;
  }

  @Subscription(() => Achievement, {
    description:
      'Each badge as it is awarded (only new ones: a reconnecting screen does not celebrate old badges again).',
    subscribe: ({ args, context }) =>
      achievementStream(ctxOf(context), { teamId: (args as Args).teamId ?? null }),
  })
  achievementUnlocked(
    @Root() event: WithLoaders<Achievement>,
    @Ctx() ctx: AppContext,
    @Arg('teamId', () => ID, { nullable: true }) _teamId: string | null,
  ): Achievement {
    ctx.loaders = event.loaders;
    return event.value;
  }
}
