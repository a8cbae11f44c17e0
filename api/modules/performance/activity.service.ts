/**
 * Activity ingestion: the one set of rules for a recorded activity, shared by the recordActivities
 * mutation and the CSV import (api/import/). `checkActivities` reports every problem by row instead
 * of throwing, so the import can skip or report bad rows; `recordActivities` throws them the
 * contract's way.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, LIMITS } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../context.ts';
import { BadInputError, ForbiddenError, NotFoundError, type ErrorCode } from '../../errors.ts';
import { assertCanWriteForUser, assertRole, type Viewer } from '../../permissions.ts';
import { insertActivities, type NewActivity } from './performance.queries.ts';
import type { ActivityInput, RecordActivitiesResult } from './performance.type.ts';

const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

const activitySchema = (now: Date) =>
  z
    .object({
      userId: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      amount: z.string().nullish(),
      occurredAt: z
        .date({ message: 'must be an ISO 8601 instant' })
        .refine((d) => d.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS, 'is more than a day in the future')
        .refine((d) => d.getUTCFullYear() >= 1970, 'is before 1970'),
      externalId: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(LIMITS.externalId, `at most ${LIMITS.externalId} characters`),
    })
    .superRefine((a, issue) => {
      if (a.kind === 'ORDER_WON' && (a.amount === null || a.amount === undefined)) {
        issue.addIssue({ code: 'custom', path: ['amount'], message: 'is required for ORDER_WON' });
      }
      if (a.kind !== 'ORDER_WON' && a.amount !== null && a.amount !== undefined) {
        issue.addIssue({ code: 'custom', path: ['amount'], message: `must be empty for ${a.kind}` });
      }
      if (a.amount?.startsWith('-'))
        issue.addIssue({ code: 'custom', path: ['amount'], message: 'must not be negative' });
    });

/** One reason an activity cannot be stored; `field` is the ActivityInput field name. */
export interface ActivityProblem {
  index: number;
  field: keyof ActivityInput;
  message: string;
  code: Extract<ErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN'>;
  /** NOT_FOUND: the user id that does not exist. */
  userId?: number;
}

export interface CheckedActivities {
  /** The storable activity for each input index, or null when it has a problem. */
  rows: (NewActivity | null)[];
  problems: ActivityProblem[];
}

function userIdOf(text: string): number | null {
  const id = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/**
 * Validates activities as recordActivities does (fields, user exists, the viewer may write for
 * them) without writing. Users are read through ctx.loaders.
 */
export async function checkActivities(
  ctx: AppContext,
  viewer: Viewer,
  input: readonly ActivityInput[],
): Promise<CheckedActivities> {
  const schema = activitySchema(ctx.now);
  const problems: ActivityProblem[] = [];
  const parsed = input.map((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'userId') as keyof ActivityInput;
        problems.push({ index, field, message: issue.message, code: 'BAD_USER_INPUT' });
      }
      return null;
    }
    const userId = userIdOf(result.data.userId);
    if (userId === null) {
      problems.push({ index, field: 'userId', message: 'is not a user id', code: 'BAD_USER_INPUT' });
      return null;
    }
    return { ...result.data, userId };
  });
  const ids = [...new Set(parsed.flatMap((p) => (p ? [p.userId] : [])))];
  const people = await ctx.loaders.userById.loadMany(ids);
  // per user: missing (null), or the reason the viewer may not write for them
  const refusal = new Map<number, string | null>();
  people.forEach((person, i) => {
    const id = ids[i] as number;
    if (!person || person instanceof Error) refusal.set(id, null);
    else {
      try {
        assertCanWriteForUser(viewer, person);
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        refusal.set(id, error.message);
      }
    }
  });
  const rows = parsed.map((a, index): NewActivity | null => {
    if (!a) return null;
    const refused = refusal.get(a.userId);
    if (refused === null) {
      const message = `user ${a.userId} does not exist`;
      problems.push({ index, field: 'userId', message, code: 'NOT_FOUND', userId: a.userId });
      return null;
    }
    if (refused !== undefined) {
      problems.push({ index, field: 'userId', message: refused, code: 'FORBIDDEN' });
      return null;
    }
    const { userId, kind, amount, occurredAt, externalId } = a;
    return { userId, kind, amount: amount ?? null, occurredAt, externalId };
  });
  return { rows, problems };
}

export async function recordActivities(
  ctx: AppContext,
  input: ActivityInput[],
  source = 'api',
): Promise<RecordActivitiesResult> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN', 'MANAGER'], 'Only managers and admins record activities.');
  if (input.length > LIMITS.activityBatch) {
    throw BadInputError.one('activities', `at most ${LIMITS.activityBatch} activities per call`);
  }
  const { rows, problems } = await checkActivities(ctx, viewer, input);
  // the contract's order: every bad field first, then an unknown user, then a forbidden one
  const bad = problems.filter((p) => p.code === 'BAD_USER_INPUT');
  if (bad.length) {
    throw new BadInputError(
      bad.map((p) => ({ field: `activities.${p.index}.${p.field}`, message: p.message })),
    );
  }
  const missing = problems.find((p) => p.code === 'NOT_FOUND');
  if (missing) throw new NotFoundError('User', missing.userId ?? '?');
  const forbidden = problems.find((p) => p.code === 'FORBIDDEN');
  if (forbidden) throw new ForbiddenError(forbidden.message);
  const batch = rows.filter((r): r is NewActivity => r !== null);
  const recorded = await insertActivities(ctx.db, batch, source);
  return { recorded, duplicates: batch.length - recorded };
}
