/**
 * Goals: create, update (compare-and-set on version), delete, list. The database derives
 * current value, percentage, status, period end and version (goals_derive trigger); this module
 * validates, authorises and maps errors.
 */
import { z } from 'zod';
import {
  GOAL_METRICS,
  LIMITS,
  PERIOD_TYPES,
  type GoalMetric,
  type GoalStatus,
  type PeriodType,
} from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { goalValueProblem } from '../../domain/goal-rules.ts';
import { isPeriodStart, localDate, periodEnd, periodStart } from '../../domain/periods.ts';
import {
  BadInputError,
  ConflictError,
  FieldErrors,
  ForbiddenError,
  NotFoundError,
} from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import {
  assertCanWriteForTeam,
  assertCanWriteForUser,
  assertScreenGoalReads,
  screenSeesGoal,
  type Viewer,
} from '../../core/permissions.ts';
import { collectInput, isUniqueViolation } from '../../core/validation.ts';
import { toGoal } from './goal.mapping.ts';
import {
  deleteGoalRow,
  findGoal,
  findGoalId,
  insertGoal,
  listGoals,
  updateGoalRow,
  type GoalWithProjection,
} from './goal.queries.ts';
import type { CreateGoalInput, Goal, UpdateGoalInput } from './goal.type.ts';

/** Checks a goal value for a metric (domain/goal-rules.ts); adds field errors rather than throwing. */
function checkValue(
  errors: FieldErrors,
  field: string,
  value: number,
  metric: GoalMetric,
  positive: boolean,
): void {
  const problem = goalValueProblem(value, metric, positive);
  if (problem !== null) errors.add(field, problem);
}

const description = z
  .string()
  .max(LIMITS.description, `at most ${LIMITS.description} characters`)
  .nullish()
  .transform((d) => (d === undefined ? undefined : d === null || d.trim() === '' ? null : d.trim()));

const createSchema = z.object({
  userId: z.string().nullish(),
  teamId: z.string().nullish(),
  metric: z.enum(GOAL_METRICS),
  periodType: z.enum(PERIOD_TYPES),
  periodStart: z.string(),
  targetValue: z.number(),
  currentValue: z.number().nullish(),
  description,
});

async function assertCanWriteGoal(
  ctx: AppContext,
  viewer: Viewer,
  owner: { userId: number | null; teamId: number | null },
) {
  if (owner.userId !== null) {
    const user = await ctx.loaders.userById.load(owner.userId);
    if (!user) throw new NotFoundError('User', owner.userId);
    assertCanWriteForUser(viewer, user);
  } else if (owner.teamId !== null) {
    if (!(await ctx.loaders.teamById.load(owner.teamId))) throw new NotFoundError('Team', owner.teamId);
    assertCanWriteForTeam(viewer, owner.teamId);
  }
}

export async function createGoal(ctx: AppContext, input: CreateGoalInput): Promise<Goal> {
  const viewer = requireViewer(ctx);
  const errors = new FieldErrors();
  const parsed = collectInput(createSchema, input, errors);
  const hasUser = input.userId != null;
  if (hasUser === (input.teamId != null))
    errors.add(hasUser ? 'teamId' : 'userId', 'give exactly one of userId and teamId');
  if (!isPeriodStart(input.periodType, input.periodStart)) {
    errors.add(
      'periodStart',
      `must be the first day of a ${input.periodType} period, e.g. ${periodStart(input.periodType, input.periodStart)}`,
    );
  }
  checkValue(errors, 'targetValue', input.targetValue, input.metric, true);
  const custom = input.metric === 'CUSTOM';
  if (custom && input.currentValue != null)
    checkValue(errors, 'currentValue', input.currentValue, input.metric, false);
  const values = errors.done(parsed);
  const owner = { userId: optionalId(values.userId, 'User'), teamId: optionalId(values.teamId, 'Team') };
  await assertCanWriteGoal(ctx, viewer, owner);
  try {
    const id = await insertGoal(ctx.db, {
      ...owner,
      metric: values.metric,
      periodType: values.periodType,
      periodStart: values.periodStart,
      periodEnd: values.periodStart, // derived by goals_derive
      targetValue: String(values.targetValue),
      currentValue: custom ? String(values.currentValue ?? 0) : '0',
      description: values.description ?? null,
      createdBy: viewer.id,
      updatedBy: viewer.id,
    });
    return await getGoalOrThrow(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) {
      // the goal that is in the way, so a client can lead to it rather than only say it exists
      const existingId = await findGoalId(ctx.db, {
        ...owner,
        metric: values.metric,
        periodType: values.periodType,
        periodStart: values.periodStart,
      });
      throw new ConflictError(
        `A ${values.metric} goal for this ${hasUser ? 'user' : 'team'} and ${values.periodType} period already exists${existingId === null ? '' : ` (goal ${existingId})`}.`,
        existingId === null ? {} : { existingGoalId: String(existingId) },
      );
    }
    throw error;
  }
}

async function getGoalOrThrow(ctx: AppContext, id: number): Promise<Goal> {
  const row = await findGoal(ctx.db, id);
  if (!row) throw new NotFoundError('Goal', id);
  return toGoal(row);
}

const updateSchema = z.object({
  targetValue: z.number().nullish(),
  currentValue: z.number().nullish(),
  description,
});

export async function updateGoal(
  ctx: AppContext,
  idArg: string,
  input: UpdateGoalInput,
  expectedVersion: number | null,
): Promise<Goal> {
  const viewer = requireViewer(ctx);
  const id = parseId(idArg, 'Goal');
  const existing = await findGoal(ctx.db, id);
  if (!existing) throw new NotFoundError('Goal', id);
  await assertCanWriteGoal(ctx, viewer, existing);
  const errors = new FieldErrors();
  const parsed = collectInput(updateSchema, input, errors);
  if (input.targetValue != null) checkValue(errors, 'targetValue', input.targetValue, existing.metric, true);
  const custom = existing.metric === 'CUSTOM';
  if (custom && input.currentValue != null)
    checkValue(errors, 'currentValue', input.currentValue, existing.metric, false);
  const values = errors.done(parsed);
  if (expectedVersion !== null && existing.version !== expectedVersion)
    throw conflict(existing, expectedVersion);
  const written = await updateGoalRow(
    ctx.db,
    id,
    {
      ...(values.targetValue != null ? { targetValue: String(values.targetValue) } : {}),
      // tracked metrics ignore a current value: the database derives it
      ...(custom && values.currentValue != null ? { currentValue: String(values.currentValue) } : {}),
      ...(values.description !== undefined ? { description: values.description } : {}),
      updatedBy: viewer.id,
    },
    expectedVersion,
  );
  const now = await findGoal(ctx.db, id);
  if (!now) throw new NotFoundError('Goal', id);
  if (!written && expectedVersion !== null && now.version !== expectedVersion)
    throw conflict(now, expectedVersion);
  return toGoal(now);
}

function conflict(current: GoalWithProjection, expectedVersion: number): ConflictError {
  const goal = toGoal(current);
  return new ConflictError(
    `Goal ${goal.id} was changed by someone else (version ${goal.version}, you expected ${expectedVersion}).`,
    {
      currentVersion: goal.version,
      current: {
        version: goal.version,
        targetValue: goal.targetValue,
        currentValue: goal.currentValue,
        description: goal.description,
        status: goal.status,
      },
    },
  );
}

export async function deleteGoal(ctx: AppContext, idArg: string): Promise<string> {
  const viewer = requireViewer(ctx);
  const id = parseId(idArg, 'Goal');
  const existing = await findGoal(ctx.db, id);
  if (!existing) throw new NotFoundError('Goal', id);
  await assertCanWriteGoal(ctx, viewer, existing);
  if (!(await deleteGoalRow(ctx.db, id))) throw new NotFoundError('Goal', id);
  return String(id);
}

export interface GoalsArgs {
  userId: string | null;
  teamId: string | null;
  status: GoalStatus | null;
  activeOnly: boolean;
  /** With teamId: also the goals of the team's members (REST API and exports). */
  includeMembers?: boolean;
  /** Only goals of the period of this type containing date (REST API and exports). */
  period?: { periodType: PeriodType; date: string | null } | null;
  /**
   * Only goals whose period overlaps the period of this type containing date (default today),
   * ended or not (activeOnly does not apply). periodType null: date was given without it.
   */
  during?: { periodType: PeriodType | null; date: string | null } | null;
}

export async function goals(ctx: AppContext, args: GoalsArgs): Promise<Goal[]> {
  const viewer = requireViewer(ctx);
  const userId = optionalId(args.userId, 'User');
  const teamId = optionalId(args.teamId, 'Team');
  // a screen: its team's own goals when its admin allows it, else FORBIDDEN as any VIEWER
  assertScreenGoalReads(viewer, userId, teamId);
  const screen = viewer.role === 'VIEWER';
  // its members' goals are people's goals (and REST and exports ask for them): refused
  if (screen && args.includeMembers)
    throw new ForbiddenError('A screen reads its team’s own goals, not its members’.');
  if (userId !== null && !(await ctx.loaders.userById.load(userId))) throw new NotFoundError('User', userId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const rep = viewer.role === 'REP';
  if (rep && userId !== null && userId !== viewer.id)
    throw new ForbiddenError('You may only read your own goals.');
  if (rep && teamId !== null && teamId !== viewer.teamId)
    throw new ForbiddenError('You may only read your own team’s goals.');
  const during = args.during ?? null;
  if (during && during.periodType === null) throw BadInputError.one('periodType', 'is needed with date');
  const today = localDate(ctx.now, ctx.org.timeZone);
  const overlapping =
    during?.periodType != null
      ? (() => {
          const start = periodStart(during.periodType, during.date ?? today);
          return { from: start, to: periodEnd(during.periodType, start) };
        })()
      : null;
  const rows = await listGoals(ctx.db, {
    userId,
    // a screen of a team reads that team's goals whatever it asked for (it may ask for no team)
    teamId: screen ? (teamId ?? viewer.teamId) : teamId,
    status: args.status,
    activeOn: args.activeOnly && !overlapping ? today : null,
    overlapping,
    includeMembers: args.includeMembers ?? false,
    period: args.period
      ? {
          periodType: args.period.periodType,
          periodStart: periodStart(
            args.period.periodType,
            args.period.date ?? localDate(ctx.now, ctx.org.timeZone),
          ),
        }
      : null,
    ...(rep ? { ownedBy: { userId: viewer.id, teamId: viewer.teamId } } : {}),
  });
  return (screen ? rows.filter((row) => screenSeesGoal(viewer, row)) : rows).map(toGoal);
}

export async function goal(ctx: AppContext, idArg: string): Promise<Goal | null> {
  const viewer = requireViewer(ctx);
  assertScreenGoalReads(viewer, null, null);
  const row = await findGoal(ctx.db, parseId(idArg, 'Goal'));
  if (!row) return null;
  if (viewer.role === 'VIEWER' && !screenSeesGoal(viewer, row))
    throw new ForbiddenError('A screen reads its team’s own goals only.');
  if (
    viewer.role === 'REP' &&
    row.userId !== viewer.id &&
    (row.teamId === null || row.teamId !== viewer.teamId)
  ) {
    throw new ForbiddenError('You may only read your own goals.');
  }
  return toGoal(row);
}
