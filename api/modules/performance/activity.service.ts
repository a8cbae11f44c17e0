/**
 * Activity ingestion: the one set of rules for a recorded activity, shared by the recordActivities
 * mutation and the CSV import (api/transport/import/). `checkActivities` reports every problem by row instead
 * of throwing, so the import can skip or report bad rows; `recordActivities` throws them the
 * contract's way.
 *
 * externalId is an idempotency key, not a licence to drop data: a replay of the same activity (same
 * user, kind, amount and occurredAt) is a duplicate and skipped, a different activity under a key
 * that is stored, or that the same batch already used, is a conflict the caller hears about
 * (`storeActivities`). The stored comparison is the database's, in the insert statement itself
 * (performance.queries.ts), so a concurrent writer of the same key is compared as committed.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, LIMITS } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type ErrorCode,
} from '../../core/errors.ts';
import { normaliseDecimal } from '../../core/graphql/scalars.ts';
import { assertCanWriteForUser, assertRole, type Viewer } from '../../core/permissions.ts';
import {
  insertActivities,
  StoredKeyConflict,
  storedKeyConflicts,
  type NewActivity,
} from './performance.queries.ts';
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

/** An activity that cannot be stored: its externalId names a different activity. */
export interface KeyConflict {
  /** Its index in the batch. */
  index: number;
  /** The earlier index of the batch that used the key first, or null when the key is stored. */
  firstIndex: number | null;
}

const sameActivity = (a: NewActivity, b: NewActivity): boolean =>
  a.userId === b.userId &&
  a.kind === b.kind &&
  a.occurredAt.getTime() === b.occurredAt.getTime() &&
  (a.amount === null || b.amount === null
    ? a.amount === b.amount
    : normaliseDecimal(a.amount) === normaliseDecimal(b.amount));

/**
 * A batch by externalId: the first activity of each key is kept, a later replay of it is a
 * duplicate, a later different one a conflict. (One statement may not name a key twice.)
 */
export function foldBatch(batch: readonly NewActivity[]): { kept: number[]; conflicts: KeyConflict[] } {
  const first = new Map<string, number>();
  const kept: number[] = [];
  const conflicts: KeyConflict[] = [];
  batch.forEach((activity, index) => {
    const earlier = first.get(activity.externalId);
    if (earlier === undefined) {
      first.set(activity.externalId, index);
      kept.push(index);
    } else if (!sameActivity(batch[earlier] as NewActivity, activity)) {
      conflicts.push({ index, firstIndex: earlier });
    }
  });
  return { kept, conflicts };
}

export interface StoredBatch {
  recorded: number;
  /** Replays of stored activities, or of one earlier in the batch. */
  duplicates: number;
  /** By index; nothing is stored when there is one and the batch was not `partial`. */
  conflicts: KeyConflict[];
}

/** A refused statement that races with deletions of the rows it conflicted with is tried again this often. */
const STORE_ATTEMPTS = 3;

/**
 * Stores a checked batch, all or nothing (`partial` false: recordActivities, the reject import) or
 * leaving the conflicting activities out (`partial` true: the skip import). A conflict with a stored
 * row refuses the one insert statement; which activities conflict is then read, and with `partial`
 * the rest is inserted again. Inside a transaction the insert runs in a savepoint, so a refused
 * statement leaves the caller's transaction usable.
 */
export async function storeActivities(
  db: Queryable,
  batch: readonly NewActivity[],
  source: string,
  partial: boolean,
): Promise<StoredBatch> {
  const { kept, conflicts } = foldBatch(batch);
  const outcome = (recorded: number): StoredBatch => ({
    recorded,
    duplicates: conflicts.length > 0 && !partial ? 0 : batch.length - conflicts.length - recorded,
    conflicts: conflicts.sort((a, b) => a.index - b.index),
  });
  // nothing will be written: the stored conflicts too, so that all are named at once
  if (conflicts.length > 0 && !partial)
    return { recorded: 0, duplicates: 0, conflicts: await findKeyConflicts(db, batch) };
  let pending = kept;
  for (let attempt = 1; ; attempt += 1) {
    const rows = pending.map((i) => batch[i] as NewActivity);
    try {
      const recorded =
        db instanceof PgTransaction
          ? await db.transaction((savepoint) => insertActivities(savepoint, rows, source))
          : await insertActivities(db, rows, source);
      return outcome(recorded);
    } catch (error) {
      if (!(error instanceof StoredKeyConflict) || attempt === STORE_ATTEMPTS) throw error;
    }
    const stored = new Set((await storedKeyConflicts(db, rows)).map((j) => pending[j] as number));
    for (const index of stored) conflicts.push({ index, firstIndex: null });
    if (stored.size > 0 && !partial) return outcome(0);
    pending = pending.filter((i) => !stored.has(i));
  }
}

/** The conflicts storeActivities would meet, found without writing (a reject import already lost). */
export async function findKeyConflicts(db: Queryable, batch: readonly NewActivity[]): Promise<KeyConflict[]> {
  const { kept, conflicts } = foldBatch(batch);
  const stored = await storedKeyConflicts(
    db,
    kept.map((i) => batch[i] as NewActivity),
  );
  for (const j of stored) conflicts.push({ index: kept[j] as number, firstIndex: null });
  return conflicts.sort((a, b) => a.index - b.index);
}

/** CONFLICT naming each activity whose externalId is taken, by its path in the mutation's argument. */
function keyConflictError(conflicts: KeyConflict[], batch: readonly NewActivity[]): ConflictError {
  const fields = conflicts.map((c) => ({
    field: `activities.${c.index}.externalId`,
    message:
      c.firstIndex === null
        ? 'is already stored for a different activity (another user, kind, amount or occurredAt)'
        : `is used by activities.${c.firstIndex} of this batch for a different activity`,
  }));
  const [only] = conflicts;
  const message =
    conflicts.length === 1 && only
      ? `externalId "${batch[only.index]?.externalId ?? ''}" names a different activity; nothing was stored.`
      : `${conflicts.length} externalIds name different activities; nothing was stored.`;
  return new ConflictError(message, { fields });
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
  // every problem was thrown above: the batch is the input, index for index
  const batch = rows.filter((r): r is NewActivity => r !== null);
  let stored: StoredBatch;
  try {
    stored = await storeActivities(ctx.db, batch, source, false);
  } catch (error) {
    if (!(error instanceof StoredKeyConflict)) throw error;
    throw new ConflictError('An externalId of the batch names a different activity; nothing was stored.', {
      fields: [{ field: 'activities', message: 'an externalId is stored for a different activity' }],
    });
  }
  if (stored.conflicts.length) throw keyConflictError(stored.conflicts, batch);
  return { recorded: stored.recorded, duplicates: stored.duplicates };
}
