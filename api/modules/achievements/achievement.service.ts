import { z } from 'zod';
import { LIMITS } from '../../../schema/db/constants.ts';
import type { AchievementRow, AchievementRuleRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../context.ts';
import { BadInputError, NotFoundError } from '../../errors.ts';
import { optionalId, parseId } from '../../graphql/ids.ts';
import { assertCanWriteForUser, assertNotViewer } from '../../permissions.ts';
import { parseInput } from '../../validation.ts';
import { insertAchievement, listAchievements, listRules } from './achievement.queries.ts';
import type { Achievement, AchievementRule, RecordAchievementInput } from './achievement.type.ts';

const MAX_LIST = 1000;

export function toAchievement(row: AchievementRow): Achievement {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    badgeIcon: row.badgeIcon,
    value: row.value === null ? null : Number(row.value),
    achievedAt: row.achievedAt,
    ruleId: row.ruleId,
  };
}

/** Badges are public recognition: every role reads them (TV screens celebrate them). Newest first. */
export async function achievements(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null; limit: number },
): Promise<Achievement[]> {
  requireViewer(ctx);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_LIST) {
    throw BadInputError.one('limit', `must be between 1 and ${MAX_LIST}`);
  }
  const userId = optionalId(args.userId, 'User');
  const teamId = optionalId(args.teamId, 'Team');
  if (userId !== null && !(await ctx.loaders.userById.load(userId))) throw new NotFoundError('User', userId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  return (await listAchievements(ctx.db, { userId, teamId, limit: args.limit })).map(toAchievement);
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
  return (await listRules(ctx.db)).map((r: AchievementRuleRow) => ({ ...r, threshold: Number(r.threshold) }));
}
