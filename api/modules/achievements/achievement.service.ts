import { z } from 'zod';
import { LIMITS } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, NotFoundError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { periodEnd } from '../../domain/periods.ts';
import {
  assertCanReadUser,
  assertCanWriteForUser,
  assertNotViewer,
  assertScreenReads,
} from '../../core/permissions.ts';
import { orgToday } from '../performance/clock.ts';
import { parseInput } from '../../core/validation.ts';
import { toAchievement, toRule } from './achievement.mapping.ts';
import { insertAchievement, listAchievements, listRules, ruleProgress } from './achievement.queries.ts';
import {
  AchievementProgress,
  type Achievement,
  type AchievementRule,
  type RecordAchievementInput,
} from './achievement.type.ts';

const MAX_LIST = 1000;

/** Badges are public recognition: every role reads them (TV screens celebrate them). Newest first. */
export async function achievements(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null; limit: number; earned?: { from: Date; to: Date } },
): Promise<Achievement[]> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_LIST) {
    throw BadInputError.one('limit', `must be between 1 and ${MAX_LIST}`);
  }
  const userId = optionalId(args.userId, 'User');
  const teamId = optionalId(args.teamId, 'Team');
  assertScreenReads(viewer, teamId, userId);
  if (userId !== null && !(await ctx.loaders.userById.load(userId))) throw new NotFoundError('User', userId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  return (await listAchievements(ctx.db, { userId, teamId, limit: args.limit, earned: args.earned })).map(
    toAchievement,
  );
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const recordSchema = (now: Date) =>
  z.object({
    userId: z.string(),
    kind: text(LIMITS.achievementText),
    title: text(LIMITS.achievementText),
    description: z
      .string()
      .max(LIMITS.description, `at most ${LIMITS.description} characters`)
      .nullish()
      .transform((d) => (d == null || d.trim() === '' ? null : d.trim())),
    badgeIcon: text(LIMITS.badgeIcon),
    value: z
      .number()
      .refine(Number.isFinite, 'must be a finite number')
      .refine((v) => v >= 0, 'must not be negative')
      .refine((v) => v < 1e14, 'is too large')
      .nullish(),
    achievedAt: z
      .date()
      .refine((d) => d.getTime() <= now.getTime() + 24 * 3600_000, 'is in the future')
      .nullish(),
  });

export async function recordAchievement(
  ctx: AppContext,
  input: RecordAchievementInput,
): Promise<Achievement> {
  const viewer = requireViewer(ctx);
  const values = parseInput(recordSchema(ctx.now), input);
  const userId = parseId(values.userId, 'User');
  const user = await ctx.loaders.userById.load(userId);
  if (!user) throw new NotFoundError('User', userId);
  assertCanWriteForUser(viewer, user);
  const row = await insertAchievement(ctx.db, {
    userId,
    kind: values.kind,
    title: values.title,
    description: values.description,
    badgeIcon: values.badgeIcon,
    value: values.value == null ? null : String(Math.round(values.value * 100) / 100),
    achievedAt: values.achievedAt ?? ctx.now,
    awardedBy: viewer.id,
  });
  return toAchievement(row);
}

export async function achievementRules(ctx: AppContext): Promise<AchievementRule[]> {
  assertNotViewer(requireViewer(ctx));
  return (await listRules(ctx.db)).map(toRule);
}

/**
 * Progress toward each active rule's badge for one user ("2 of 3 deals this month"): the figures
 * a client shows beside a rule, computed here as the rule computes them (achievement.queries.ts).
 * Whoever may read the user's figures may read this (a REP: their own).
 */
export async function achievementProgress(
  ctx: AppContext,
  userIdArg: string,
): Promise<AchievementProgress[]> {
  const viewer = requireViewer(ctx);
  const userId = parseId(userIdArg, 'User');
  assertCanReadUser(viewer, userId);
  if (!(await ctx.loaders.userById.load(userId))) throw new NotFoundError('User', userId);
  const found = await ruleProgress(ctx.db, userId, orgToday(ctx));
  return found.map((r) => {
    const threshold = Number(r.threshold);
    const current = Number(r.current);
    return Object.assign(new AchievementProgress(), {
      rule: toRule({
        ...r,
        badgeIcon: r.badge_icon,
        periodType: r.period_type,
        awardsFrom: r.awards_from,
      }),
      periodStart: r.period_start,
      periodEnd: r.period_type && r.period_start ? periodEnd(r.period_type, r.period_start) : null,
      current,
      // cents: revenue thresholds and sums have two decimals, a float difference more
      remaining: Math.max(0, Math.round((threshold - current) * 100) / 100),
      earned: r.achieved_at !== null,
      achievedAt: r.achieved_at === null ? null : new Date(r.achieved_at),
    });
  });
}
