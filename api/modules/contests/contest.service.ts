/**
 * Contests: create, update, delete, list, standings. Rules and scope live here; the figures and
 * the freeze in contest.standings.ts, the SQL in contest.queries.ts.
 *
 * Invariants:
 * - Admins create contests for anyone; managers only over their teams and those teams' people
 *   (never "everyone"); reps and screens never write. The same check guards update and delete.
 * - Reads: admins and managers see every contest; a rep those for everyone, naming them or their
 *   team; a screen those of its team (a screen of no team: all), read-only.
 * - Once a contest started, its window, metric, format and participants are fixed (CONFLICT naming
 *   the field): changing them would rewrite a race already run. Name, description, prize may change.
 * - Limits (README, docs/contests.md): name, description and prize lengths, the window's length
 *   (CONTEST_MAX_DAYS), and the people it ranks (CONTEST_MAX_PARTICIPANTS, teams resolved).
 * - Every write is audited in its own transaction (contest.create / update / delete).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CONTEST_FORMATS,
  CONTEST_GOAL_METRICS,
  CONTEST_METRICS,
  LIMITS,
  type ContestStatus,
} from '../../../schema/db/constants.ts';
import { audit, type AuditSnapshot } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import {
  BadInputError,
  ConflictError,
  FieldErrors,
  ForbiddenError,
  NotFoundError,
} from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { type Viewer } from '../../core/permissions.ts';
import { collectInput } from '../../core/validation.ts';
import { rows } from '../../db/client.ts';
import { SUMMED_METRICS } from '../../domain/contests.ts';
import { SELLER_U } from '../performance/sellers.ts';
import { toContest } from './contest.mapping.ts';
import {
  deleteContestRow,
  findContest,
  insertContest,
  listContests,
  updateContestRow,
  type ContestScope,
  type ContestValues,
  type ContestWithParts,
  type ParticipantValues,
} from './contest.queries.ts';
import { standingsOf, type StandingsView } from './contest.standings.ts';
import type { Contest, CreateContestInput, UpdateContestInput } from './contest.type.ts';

/** Most contests one `contests` read returns. */
export const CONTEST_LIST_MAX = 200;
/** Most ids in one of userIds, teamIds, pairs (before teams are resolved to people). */
const ID_LIST_MAX = 1000;

const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .nullish()
    .transform((d) => (d === undefined ? undefined : d === null || d.trim() === '' ? null : d.trim()));

const ids = z.array(z.string()).max(ID_LIST_MAX, `at most ${ID_LIST_MAX}`).nullish();

const fields = {
  name: z.string().trim().min(1, 'is required').max(LIMITS.name, `at most ${LIMITS.name} characters`),
  description: text(LIMITS.description),
  prize: text(LIMITS.name),
  startsAt: z.date(),
  endsAt: z.date(),
  metric: z.enum(CONTEST_METRICS),
  activityKind: z.enum(ACTIVITY_KINDS).nullish(),
  goalMetric: z.enum(CONTEST_GOAL_METRICS).nullish(),
  format: z.enum(CONTEST_FORMATS).nullish(),
  everyone: z.boolean().nullish(),
  userIds: ids,
  teamIds: ids,
  pairs: z
    .array(z.object({ userId: z.string(), opponentId: z.string() }))
    .max(ID_LIST_MAX, `at most ${ID_LIST_MAX}`)
    .nullish(),
};
const createSchema = z.object(fields);
const updateSchema = z.object({
  ...fields,
  name: fields.name.nullish(),
  startsAt: z.date().nullish(),
  endsAt: z.date().nullish(),
  metric: z.enum(CONTEST_METRICS).nullish(),
});

interface Definition {
  values: ContestValues;
  participants: ParticipantValues[];
}

function idList(list: readonly string[] | null | undefined, what: string): number[] {
  return [...new Set((list ?? []).map((v) => parseId(v, what)))];
}

/** Checks a whole definition (create, or update merged with the stored one); throws BAD_USER_INPUT. */
async function checkDefinition(
  ctx: AppContext,
  viewer: Viewer,
  d: Omit<ContestValues, 'name'> & { name: string },
  who: { userIds: number[]; teamIds: number[]; pairs: [number, number][] },
): Promise<Definition> {
  const errors = new FieldErrors();
  const lengthMs = d.endsAt.getTime() - d.startsAt.getTime();
  const maxDays = ctx.org.contestLimits.days;
  if (lengthMs <= 0) errors.add('endsAt', 'must be after startsAt');
  else if (lengthMs > maxDays * 86_400_000)
    errors.add('endsAt', `the window may last at most ${maxDays} days`);
  if (d.format === 'TEAM_TOTAL' && !SUMMED_METRICS.includes(d.metric as never))
    errors.add('format', `a ${d.metric} contest has no team total: use TEAM_AVERAGE`);
  if (d.activityKind !== null && d.metric !== 'ACTIVITIES') errors.add('activityKind', 'only for ACTIVITIES');
  if (d.goalMetric !== null && d.metric !== 'GOAL_PERCENT') errors.add('goalMetric', 'only for GOAL_PERCENT');
  const h2h = d.format === 'HEAD_TO_HEAD';
  if (h2h) {
    if (who.pairs.length === 0) errors.add('pairs', 'HEAD_TO_HEAD needs at least one pair');
    if (d.everyone || who.userIds.length || who.teamIds.length)
      errors.add('pairs', 'HEAD_TO_HEAD takes pairs only (no everyone, userIds or teamIds)');
    const seen = new Set<number>();
    who.pairs.forEach(([a, b], i) => {
      if (a === b) errors.add(`pairs.${i}.opponentId`, 'must be someone else');
      if (seen.has(a) || seen.has(b)) errors.add(`pairs.${i}`, 'each person is in one pair only');
      seen.add(a).add(b);
    });
  } else {
    if (who.pairs.length) errors.add('pairs', 'only for HEAD_TO_HEAD');
    if (d.everyone && (who.userIds.length || who.teamIds.length))
      errors.add('everyone', 'give everyone, or userIds and teamIds, not both');
    if (!d.everyone && !who.userIds.length && !who.teamIds.length)
      errors.add('userIds', 'name participants: everyone, userIds or teamIds');
  }
  errors.throwIfAny();

  const people = [...who.userIds, ...who.pairs.flat()];
  const users = await Promise.all(people.map((id) => ctx.loaders.userById.load(id)));
  users.forEach((u, i) => {
    if (!u) throw new NotFoundError('User', people[i] ?? 0);
  });
  const teams = await Promise.all(who.teamIds.map((id) => ctx.loaders.teamById.load(id)));
  teams.forEach((t, i) => {
    if (!t) throw new NotFoundError('Team', who.teamIds[i] ?? 0);
  });
  if (viewer.role === 'MANAGER') {
    if (d.everyone) throw new ForbiddenError('Only admins create contests for everyone.');
    for (const u of users)
      if (u && (u.teamId === null || !viewer.managedTeamIds.includes(u.teamId)))
        throw new ForbiddenError(`User ${u.id} is not in a team you manage.`);
    for (const t of who.teamIds)
      if (!viewer.managedTeamIds.includes(t)) throw new ForbiddenError(`Team ${t} is not a team you manage.`);
  }
  const count = await participantCount(ctx, d.everyone, who.userIds, who.teamIds, who.pairs.length * 2);
  const max = ctx.org.contestLimits.participants;
  if (count > max)
    throw BadInputError.one(
      d.everyone ? 'everyone' : who.teamIds.length ? 'teamIds' : 'userIds',
      `a contest ranks at most ${max} people (CONTEST_MAX_PARTICIPANTS); this one would rank ${count}`,
    );
  return {
    values: d,
    participants: [
      ...who.userIds.map((userId) => ({ userId, teamId: null, opponentId: null })),
      ...who.teamIds.map((teamId) => ({ userId: null, teamId, opponentId: null })),
      ...who.pairs.map(([userId, opponentId]) => ({ userId, teamId: null, opponentId })),
    ],
  };
}

/** The sellers a contest would rank, teams resolved (one statement). */
async function participantCount(
  ctx: AppContext,
  everyone: boolean,
  userIds: number[],
  teamIds: number[],
  paired: number,
): Promise<number> {
  const list = (l: number[]) =>
    l.length
      ? sql.join(
          l.map((i) => sql`${i}`),
          sql`, `,
        )
      : sql`null`;
  const [row] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from users u where ${SELLER_U}
          and (${everyone} or u.id in (${list(userIds)}) or u.team_id in (${list(teamIds)}))`,
  );
  return (row?.n ?? 0) + paired;
}

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
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')
    throw new ForbiddenError('Only managers and admins run contests.');
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

const FIXED_ONCE_STARTED = [
  'startsAt',
  'endsAt',
  'metric',
  'activityKind',
  'goalMetric',
  'format',
  'everyone',
  'userIds',
  'teamIds',
  'pairs',
] as const;

export async function updateContest(
  ctx: AppContext,
  idArg: string,
  input: UpdateContestInput,
): Promise<Contest> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')
    throw new ForbiddenError('Only managers and admins run contests.');
  const id = parseId(idArg, 'Contest');
  const existing = await findContest(ctx.db, id);
  if (!existing) throw new NotFoundError('Contest', id);
  await assertCanWrite(ctx, viewer, existing);
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
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')
    throw new ForbiddenError('Only managers and admins run contests.');
  const id = parseId(idArg, 'Contest');
  const existing = await findContest(ctx.db, id);
  if (!existing) throw new NotFoundError('Contest', id);
  await assertCanWrite(ctx, viewer, existing);
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

/** Which contests the viewer reads (module header). */
export function readScope(viewer: Viewer): ContestScope {
  if (viewer.role === 'ADMIN' || viewer.role === 'MANAGER') return {};
  if (viewer.role === 'REP') return { person: { userId: viewer.id, teamId: viewer.teamId } };
  return viewer.teamId === null ? {} : { team: viewer.teamId };
}

/** Whether the viewer reads this contest (in memory, but a screen's team members: one statement). */
export async function canRead(ctx: AppContext, viewer: Viewer, c: ContestWithParts): Promise<boolean> {
  const scope = readScope(viewer);
  if (c.everyone) return true;
  if (scope.person) {
    const { userId, teamId } = scope.person;
    return c.participants.some(
      (p) => p.userId === userId || p.opponentId === userId || (teamId !== null && p.teamId === teamId),
    );
  }
  if (scope.team !== undefined) {
    const team = scope.team;
    if (c.participants.some((p) => p.teamId === team)) return true;
    const people = c.participants
      .flatMap((p) => [p.userId, p.opponentId])
      .filter((x): x is number => x !== null);
    const users = await Promise.all(people.map((id) => ctx.loaders.userById.load(id)));
    return users.some((u) => u?.teamId === team);
  }
  return true;
}

/** The contest, when the viewer may read it; FORBIDDEN when it exists but is not theirs. */
export async function readableContest(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<ContestWithParts | null> {
  const c = await findContest(ctx.db, id);
  if (!c) return null;
  if (!(await canRead(ctx, viewer, c)))
    throw new ForbiddenError(`Contest ${id} is not one you take part in.`);
  return c;
}

export async function contests(
  ctx: AppContext,
  args: { status: ContestStatus | null; limit: number },
): Promise<Contest[]> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > CONTEST_LIST_MAX)
    throw BadInputError.one('limit', `must be between 1 and ${CONTEST_LIST_MAX}`);
  const list = await listContests(ctx.db, {
    scope: readScope(viewer),
    status: args.status,
    now: ctx.now,
    limit: args.limit,
  });
  return list.map((c) => toContest(c, ctx.now));
}

export async function contest(ctx: AppContext, idArg: string): Promise<Contest | null> {
  const viewer = requireViewer(ctx);
  const c = await readableContest(ctx, viewer, parseId(idArg, 'Contest'));
  return c ? toContest(c, ctx.now) : null;
}

/** A contest's standings for a Contest.standings field (already scoped by its parent). */
export async function standings(ctx: AppContext, id: number): Promise<StandingsView> {
  const c = await findContest(ctx.db, id);
  if (!c) throw new NotFoundError('Contest', id);
  return standingsOf(ctx.db, ctx.org, c, ctx.now);
}

async function getOrThrow(ctx: AppContext, id: number): Promise<Contest> {
  const c = await findContest(ctx.db, id);
  if (!c) throw new NotFoundError('Contest', id);
  return toContest(c, ctx.now);
}
