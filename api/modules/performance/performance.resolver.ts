import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DEFAULT_PERIOD_TYPE, LIMITS, type PeriodType } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { existing } from '../../core/loaders.ts';
import { previousStretch } from '../../domain/periods.ts';
import { PeriodTypeEnum } from '../../core/graphql/enums.ts';
import { DateScalar } from '../../core/graphql/scalars.ts';
import { Team } from '../teams/team.type.ts';
import { User } from '../users/user.type.ts';
import { recordActivities } from './activity.service.ts';
import { OrganisationClock, organisationClock, orgToday, periodProgress } from './clock.ts';
import { comparedPeriod, comparedTeam, userStretch } from './comparison.service.ts';
import * as service from './performance.service.ts';
import { recordPerformance } from './record-performance.service.ts';
import { teamPerformance } from './team-performance.service.ts';
import {
  ActivityInput,
  PerformancePeriod,
  PerformanceSummary,
  RecordActivitiesResult,
  RecordPerformanceInput,
  TeamPerformance,
} from './performance.type.ts';

/** The user, at once when the operation already has the row (see RowLoader). */
function userOf(ctx: AppContext, id: number): UserRow | Promise<UserRow> {
  return existing(ctx.loaders.userById.now(id), () => new NotFoundError('User', id));
}

@Resolver()
export class PerformanceResolver {
  @Query(() => OrganisationClock, {
    description:
      'The organisation’s today and current periods, in its time zone: a client shows "the current week" from this, not from its own clock.',
  })
  clock(@Ctx() ctx: AppContext): OrganisationClock {
    requireViewer(ctx);
    return organisationClock(ctx);
  }

  @Query(() => [PerformanceSummary], {
    description: 'Lifetime summaries; all visible users when userId is omitted.',
  })
  performanceSummary(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
  ): Promise<PerformanceSummary[]> {
    return service.performanceSummary(ctx, userId);
  }

  @Query(() => [PerformancePeriod], {
    description: 'The current period of periodType (default MONTHLY) for every visible user, or one.',
  })
  currentPerformance(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('periodType', () => PeriodTypeEnum, { nullable: true, defaultValue: DEFAULT_PERIOD_TYPE })
    periodType: PeriodType,
  ): Promise<PerformancePeriod[]> {
    return service.currentPerformance(ctx, userId, periodType ?? DEFAULT_PERIOD_TYPE);
  }

  @Query(() => PerformancePeriod, {
    description: 'The period of periodType that contains date (default today).',
  })
  performance(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID) userId: string,
    @Arg('periodType', () => PeriodTypeEnum) periodType: PeriodType,
    @Arg('date', () => DateScalar, { nullable: true }) date: string | null,
  ): Promise<PerformancePeriod> {
    return service.performance(ctx, userId, periodType, date);
  }

  @Query(() => [PerformancePeriod], {
    description:
      'The last `count` periods ending with the one that contains date, oldest first; periods without activity are present with zeros.',
  })
  trends(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID) userId: string,
    @Arg('periodType', () => PeriodTypeEnum) periodType: PeriodType,
    @Arg('count', () => Int, { nullable: true, defaultValue: 12 }) count: number | null,
    @Arg('date', () => DateScalar, { nullable: true }) date: string | null,
  ): Promise<PerformancePeriod[]> {
    return service.trends(ctx, userId, periodType, count ?? 12, date);
  }

  @Query(() => [TeamPerformance], {
    description: 'Team aggregates for the period containing date (default today).',
  })
  teamPerformance(
    @Ctx() ctx: AppContext,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Arg('periodType', () => PeriodTypeEnum, { nullable: true, defaultValue: DEFAULT_PERIOD_TYPE })
    periodType: PeriodType | null,
    @Arg('date', () => DateScalar, { nullable: true }) date: string | null,
  ): Promise<TeamPerformance[]> {
    return teamPerformance(ctx, teamId, periodType ?? DEFAULT_PERIOD_TYPE, date);
  }

  @Mutation(() => RecordActivitiesResult, {
    description:
      `Stores a batch of at most ${LIMITS.activityBatch} activities atomically (a larger batch is rejected ` +
      'with BAD_USER_INPUT). A replay of a stored activity (same externalId, user, kind, amount and ' +
      'occurredAt) is skipped as a duplicate; a different activity under a stored externalId, or under ' +
      'one the batch already used, fails the whole batch with CONFLICT naming activities.N.externalId.',
  })
  recordActivities(
    @Ctx() ctx: AppContext,
    @Arg('activities', () => [ActivityInput]) activities: ActivityInput[],
  ): Promise<RecordActivitiesResult> {
    return recordActivities(ctx, activities);
  }

  @Mutation(() => PerformancePeriod, {
    description: 'Upserts aggregates pushed by a system that computes them itself.',
  })
  recordPerformance(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RecordPerformanceInput) input: RecordPerformanceInput,
  ): Promise<PerformancePeriod> {
    return recordPerformance(ctx, input);
  }
}

@Resolver(() => PerformancePeriod)
export class PerformancePeriodResolver {
  @FieldResolver(() => User, { description: 'Whose metrics.' })
  user(@Root() period: PerformancePeriod, @Ctx() ctx: AppContext): UserRow | Promise<UserRow> {
    return userOf(ctx, period.userId);
  }

  @FieldResolver(() => Boolean, {
    description:
      'The period contains the organisation’s today: its figures are so far, not final (see elapsedDays).',
  })
  partial(@Root() period: PerformancePeriod, @Ctx() ctx: AppContext): boolean {
    return periodProgress(period.periodType, period.periodStart, orgToday(ctx)).partial;
  }

  @FieldResolver(() => Int, {
    description:
      'Days of the period begun by the organisation’s today, today included: 0 before it starts, periodDays once it has ended.',
  })
  elapsedDays(@Root() period: PerformancePeriod, @Ctx() ctx: AppContext): number {
    return periodProgress(period.periodType, period.periodStart, orgToday(ctx)).elapsedDays;
  }

  @FieldResolver(() => Int, { description: 'Days in the period.' })
  periodDays(@Root() period: PerformancePeriod): number {
    return periodProgress(period.periodType, period.periodStart, period.periodStart).periodDays;
  }

  @FieldResolver(() => PerformancePeriod, {
    nullable: true,
    description:
      'For a partial period, the like-for-like comparison: the previous period over as many of its first days as ' +
      'this one has begun (elapsedDays, today counted whole; all of it when shorter), added up from daily figures. ' +
      'Its periodEnd is the last day counted. Null when this period is not partial.',
  })
  async previousToDate(
    @Root() period: PerformancePeriod,
    @Ctx() ctx: AppContext,
  ): Promise<PerformancePeriod | null> {
    const { partial, elapsedDays } = periodProgress(period.periodType, period.periodStart, orgToday(ctx));
    if (!partial) return null;
    const span = previousStretch(period.periodType, period.periodStart, elapsedDays);
    return userStretch(ctx, period.userId, period.periodType, span);
  }

  @FieldResolver(() => PerformancePeriod, {
    nullable: true,
    description:
      'What this period is compared with: the previous period of the same type, like for like. For a partial ' +
      'period, previousToDate (its first elapsedDays days, periodEnd the last day counted); for an ended period, ' +
      'the whole previous period as stored; null for a period not begun. A client shows the change from it ' +
      '("▲ 12 % vs the first 6 days of November"); its periodStart and periodEnd say which days.',
  })
  comparedWith(@Root() period: PerformancePeriod, @Ctx() ctx: AppContext): Promise<PerformancePeriod | null> {
    return comparedPeriod(ctx, period);
  }
}

@Resolver(() => PerformanceSummary)
export class PerformanceSummaryResolver {
  @FieldResolver(() => User, { description: 'Whose totals.' })
  user(@Root() summary: PerformanceSummary, @Ctx() ctx: AppContext): UserRow | Promise<UserRow> {
    return userOf(ctx, summary.userId);
  }
}

@Resolver(() => TeamPerformance)
export class TeamPerformanceResolver {
  @FieldResolver(() => Team, { description: 'The team.' })
  team(@Root() figures: TeamPerformance, @Ctx() ctx: AppContext): TeamRow | Promise<TeamRow> {
    return existing(
      ctx.loaders.teamById.now(figures.teamId),
      () => new NotFoundError('Team', figures.teamId),
    );
  }

  @FieldResolver(() => TeamPerformance, {
    nullable: true,
    description:
      'What these figures are compared with: the same members over the previous period of the same type, like ' +
      'for like (see PerformancePeriod.comparedWith: the same days while this period is partial, periodEnd the ' +
      'last day counted; the whole previous period once it has ended; null before it begins).',
  })
  comparedWith(@Root() figures: TeamPerformance, @Ctx() ctx: AppContext): Promise<TeamPerformance | null> {
    return comparedTeam(ctx, figures);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The member with the highest revenue (then orders); null when nobody sold.',
  })
  topPerformer(@Root() figures: TeamPerformance, @Ctx() ctx: AppContext): UserRow | Promise<UserRow> | null {
    return figures.topPerformerId === null ? null : userOf(ctx, figures.topPerformerId);
  }
}
