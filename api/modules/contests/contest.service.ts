/**
 * Contest writes: create, update, delete. The input rules live in contest.rules.ts, the reads and
 * their scope in contest.reads.ts, the figures and the freeze in contest.standings.ts.
 *
 * Invariants:
 * - Admins create contests for anyone; managers only over their teams and those teams' people
 *   (never "everyone"); reps and screens never write. The same check guards update and delete.
 * - Once a contest started, its window, metric, format and participants are fixed (CONFLICT naming
 *   the field): changing them would rewrite a race already run. Name, description, prize may change.
 * - Every write is audited in its own transaction (contest.create / update / delete).
 */
import { audit, type AuditSnapshot } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { ConflictError, FieldErrors, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import type { Viewer } from '../../core/permissions.ts';
import { collectInput } from '../../core/validation.ts';
import { toContest } from './contest.mapping.ts';
import {
  deleteContestRow,
  findContest,
  insertContest,
  updateContestRow,
  type ContestValues,
  type ContestWithParts,
  type ParticipantValues,
} from './contest.queries.ts';
import { checkDefinition, createSchema, FIXED_ONCE_STARTED, idList, updateSchema } from './contest.rules.ts';
import type { Contest, CreateContestInput, UpdateContestInput } from './contest.type.ts';

/** Whether a manager may write this stored contest: every team and person it names is theirs. */
async function assertCanWrite(ctx: AppContext, viewer: Viewer, c: ContestWithParts): Promise<void> {
  if (viewer.role === 'ADMIN') return;
  if (viewer.role !== 'MANAGER') throw new ForbiddenError('Only managers and admins run contests.');
  if (c.everyone) throw new ForbiddenError('Only admins change contests for everyone.');
  for (const p of c.participants) {
    if (p.teamId !== null && !viewer.managedTeamIds.includes(p.teamId))
      throw new ForbiddenError(`Contest ${c.id} names team ${p.teamId}, not a team you manage.`);
    for (const userId of [p.userId, p.opponentId]) {
      if (userId === null) continue;
      const u = await ctx.loaders.userById.load(userId);
      if (!u || u.teamId === null || !viewer.managedTeamIds.includes(u.teamId))
        throw new ForbiddenError(`Contest ${c.id} names user ${userId}, not in a team you manage.`);
    }
  }
}

/** The caller, when they may run contests at all (managers and admins). */
function contestWriter(ctx: AppContext): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')
    throw new ForbiddenError('Only managers and admins run contests.');
  return viewer;
}

/** A stored contest the caller may change or delete (update and delete check the same). */
async function writableContest(ctx: AppContext, idArg: string) {
  const viewer = contestWriter(ctx);
  const id = parseId(idArg, 'Contest');
  const existing = await findContest(ctx.db, id);
  if (!existing) throw new NotFoundError('Contest', id);
  await assertCanWrite(ctx, viewer, existing);
  return { viewer, id, existing };
}

function snapshot(c: ContestValues & { participants: readonly ParticipantValues[] }): AuditSnapshot {
  return {
    name: c.name,
    description: c.description,
    prize: c.prize,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    metric: c.metric,
    format: c.format,
    everyone: c.everyone,
    participants: c.participants.map((p) =>
      p.teamId !== null
        ? `team ${p.teamId}`
        : p.opponentId !== null
          ? `user ${p.userId} vs ${p.opponentId}`
          : `user ${p.userId}`,
    ),
  };
}

export async function createContest(ctx: AppContext, input: CreateContestInput): Promise<Contest> {
  const viewer = contestWriter(ctx);
  const errors = new FieldErrors();
  const v = errors.done(collectInput(createSchema, input, errors));
  const def = await checkDefinition(
    ctx,
    viewer,
    {
      name: v.name,
      description: v.description ?? null,
      prize: v.prize ?? null,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      metric: v.metric,
      activityKind: v.activityKind ?? null,
      goalMetric: v.metric === 'GOAL_PERCENT' ? (v.goalMetric ?? 'REVENUE') : (v.goalMetric ?? null),
      format: v.format ?? 'INDIVIDUAL',
      everyone: v.everyone ?? false,
    },
    {
      userIds: idList(v.userIds, 'User'),
      teamIds: idList(v.teamIds, 'Team'),
      pairs: (v.pairs ?? []).map((p) => [parseId(p.userId, 'User'), parseId(p.opponentId, 'User')]),
    },
  );
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertContest(tx, def.values, def.participants, viewer.id);
    await audit(tx, viewer, {
      action: 'contest.create',
      targetType: 'Contest',
      targetId: created,
      after: snapshot({ ...def.values, participants: def.participants }),
    });
    return created;
  });
  return getOrThrow(ctx, id);
}

export async function updateContest(
  ctx: AppContext,
  idArg: string,
  input: UpdateContestInput,
): Promise<Contest> {
  const { viewer, id, existing } = await writableContest(ctx, idArg);
  const errors = new FieldErrors();
  const v = errors.done(collectInput(updateSchema, input, errors));
  const started = existing.result !== null || existing.startsAt.getTime() <= ctx.now.getTime();
  if (started) {
    const field = FIXED_ONCE_STARTED.find((f) => input[f] !== undefined && input[f] !== null);
    if (field)
      throw new ConflictError(
        `Contest ${id} has ${existing.result || existing.endsAt <= ctx.now ? 'ended' : 'started'}: its ${field} can no longer change (create a new contest); name, description and prize can.`,
        { field, fields: [{ field, message: 'is fixed once the contest started' }] },
      );
  }
  const participantsGiven =
    v.userIds != null || v.teamIds != null || v.pairs != null || v.everyone != null || v.format != null;
  const stored = {
    userIds: existing.participants.flatMap((p) =>
      p.userId !== null && p.opponentId === null ? [p.userId] : [],
    ),
    teamIds: existing.participants.flatMap((p) => (p.teamId !== null ? [p.teamId] : [])),
    pairs: existing.participants.flatMap((p): [number, number][] =>
      p.userId !== null && p.opponentId !== null ? [[p.userId, p.opponentId]] : [],
    ),
  };
  const metric = v.metric ?? existing.metric;
  const def = await checkDefinition(
    ctx,
    viewer,
    {
      name: v.name ?? existing.name,
      description: v.description !== undefined ? v.description : existing.description,
      prize: v.prize !== undefined ? v.prize : existing.prize,
      startsAt: v.startsAt ?? existing.startsAt,
      endsAt: v.endsAt ?? existing.endsAt,
      metric,
      activityKind:
        metric === 'ACTIVITIES' ? (v.activityKind ?? existing.activityKind) : (v.activityKind ?? null),
      goalMetric:
        metric === 'GOAL_PERCENT'
          ? (v.goalMetric ?? existing.goalMetric ?? 'REVENUE')
          : (v.goalMetric ?? null),
      format: v.format ?? existing.format,
      everyone: v.everyone ?? existing.everyone,
    },
    {
      userIds: v.userIds != null ? idList(v.userIds, 'User') : v.everyone || v.pairs ? [] : stored.userIds,
      teamIds: v.teamIds != null ? idList(v.teamIds, 'Team') : v.everyone || v.pairs ? [] : stored.teamIds,
      pairs:
        v.pairs != null
          ? v.pairs.map((p) => [parseId(p.userId, 'User'), parseId(p.opponentId, 'User')])
          : v.everyone || v.userIds || v.teamIds
            ? []
            : stored.pairs,
    },
  );
  await ctx.db.transaction(async (tx) => {
    if (!(await updateContestRow(tx, id, def.values, participantsGiven ? def.participants : null)))
      throw new NotFoundError('Contest', id);
    await audit(tx, viewer, {
      action: 'contest.update',
      targetType: 'Contest',
      targetId: id,
      before: snapshot({ ...existing, participants: existing.participants }),
      after: snapshot({
        ...def.values,
        participants: participantsGiven ? def.participants : existing.participants,
      }),
    });
  });
  return getOrThrow(ctx, id);
}

export async function deleteContest(ctx: AppContext, idArg: string): Promise<string> {
  const { viewer, id, existing } = await writableContest(ctx, idArg);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteContestRow(tx, id))) throw new NotFoundError('Contest', id);
    await audit(tx, viewer, {
      action: 'contest.delete',
      targetType: 'Contest',
      targetId: id,
      before: snapshot({ ...existing, participants: existing.participants }),
    });
  });
  return String(id);
}

async function getOrThrow(ctx: AppContext, id: number): Promise<Contest> {
  const c = await findContest(ctx.db, id);
  if (!c) throw new NotFoundError('Contest', id);
  return toContest(c, ctx.now);
}
