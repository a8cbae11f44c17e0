/**
 * Goal.pace: where a goal should be by now, read at the operation's instant (a subscription event's
 * own, clock.ts nowOf) from the goal's period, the organisation's zone and its pace basis
 * (Organisation.paceWorkingDays). Nothing of it is stored: pace changes with time alone, so a
 * stored figure would be stale a minute later; the rule itself is api/domain/pace.ts, which the
 * pace alerts (api/jobs/pace) and the web client share.
 * Invariant: a caller reads a goal's pace exactly where it reads the goal (a field of Goal, under
 * the same scope checks), and the thresholds it was judged by come with it.
 */
import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PaceBasis } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { PaceBasisEnum } from '../../core/graphql/enums.ts';
import { goalPace, ON_PACE_TOLERANCE_PERCENT, type Pace } from '../../domain/pace.ts';
import { nowOf, OrganisationClock } from '../performance/clock.ts';
import { GoalPace } from './goal-pace.type.ts';
import { Goal } from './goal.type.ts';

/** The pace of `goal` at the operation's instant, by the organisation's settings. */
export function paceOf(goal: Goal, ctx: AppContext): Pace {
  return goalPace(
    goal,
    {
      now: nowOf(ctx),
      timeZone: ctx.org.timeZone,
      basis: ctx.org.paceWorkingDays ? 'WORKING_DAYS' : 'CALENDAR_DAYS',
    },
    ctx.org.paceAlertPercent,
  );
}

@Resolver(() => Goal)
export class GoalPaceResolver {
  @FieldResolver(() => GoalPace, {
    description:
      'Expected by now, pace band, gap to pace and the rate still required, at this operation’s instant (docs/goals-pace.md).',
  })
  pace(@Root() goal: Goal, @Ctx() ctx: AppContext): GoalPace {
    return Object.assign(new GoalPace(), paceOf(goal, ctx), {
      tolerancePercent: ON_PACE_TOLERANCE_PERCENT,
      alertPercent: ctx.org.paceAlertPercent,
    });
  }
}

@Resolver(() => OrganisationClock)
export class ClockPaceResolver {
  @FieldResolver(() => PaceBasisEnum, {
    description: 'What goal pace counts now (Organisation.paceWorkingDays), for clients that pre-compute it.',
  })
  paceBasis(@Ctx() ctx: AppContext): PaceBasis {
    return ctx.org.paceWorkingDays ? 'WORKING_DAYS' : 'CALENDAR_DAYS';
  }
}
