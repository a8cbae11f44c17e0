/**
 * Contest input rules: the shape of create and update inputs, and the check of a whole
 * definition (create, or update merged with the stored one) before anything is written.
 *
 * Invariants:
 * - Bad input is BAD_USER_INPUT naming the field; unknown people and teams NOT_FOUND; a manager
 *   naming "everyone", or people and teams not theirs, FORBIDDEN (the same check as for writes).
 * - Limits (README, docs/contests.md): name, description and prize lengths, the window's length
 *   (CONTEST_MAX_DAYS), and the people it ranks (CONTEST_MAX_PARTICIPANTS, teams resolved).
 * - FIXED_ONCE_STARTED: what a started contest keeps (changing it would rewrite a race already run).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CONTEST_FORMATS,
  CONTEST_GOAL_METRICS,
  CONTEST_METRICS,
  LIMITS,
} from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { BadInputError, FieldErrors, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import type { Viewer } from '../../core/permissions.ts';
import { rows } from '../../db/client.ts';
import { SUMMED_METRICS } from '../../domain/contests.ts';
import { SELLER_U } from '../performance/sellers.ts';
import type { ContestValues, ParticipantValues } from './contest.queries.ts';

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
export const createSchema = z.object(fields);
export const updateSchema = z.object({
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

export function idList(list: readonly string[] | null | undefined, what: string): number[] {
  return [...new Set((list ?? []).map((v) => parseId(v, what)))];
}

/** Checks a whole definition (create, or update merged with the stored one); throws BAD_USER_INPUT. */
export async function checkDefinition(
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

export const FIXED_ONCE_STARTED = [
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
