/**
 * The contests' rows, in SQL: one contest or a list with their participants and results (one
 * round trip each), the readers' scope as a condition, and the writes of a definition. The
 * figures, the freeze and the scheduler's statements are in contest.results.ts.
 * Invariant: a list's scope (scopeCondition) is the rule canRead applies in memory
 * (contest.reads.ts), so a list and a single read never disagree; instants are passed as
 * timestamptz text (ts), the same on both drivers, never in an implicit zone.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ActivityKind, ContestStatus, GoalMetric } from '../../../schema/db/constants.ts';
import type { ContestParticipantRow, ContestResultRow, ContestRow } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';

export interface ContestWithParts extends ContestRow {
  participants: ContestParticipantRow[];
  result: ContestResultRow | null;
}

const CONTEST_COLUMNS = sql`c.id, c.name, c.description, c.prize, c.starts_at as "startsAt", c.ends_at as "endsAt",
  c.metric, c.activity_kind as "activityKind", c.goal_metric as "goalMetric", c.format, c.everyone,
  c.created_by as "createdBy", c.created_at as "createdAt", c.updated_at as "updatedAt",
  c.started_announced_at as "startedAnnouncedAt"`;

interface RawContest extends Omit<
  ContestRow,
  'startsAt' | 'endsAt' | 'createdAt' | 'updatedAt' | 'startedAnnouncedAt'
> {
  startsAt: Date | string;
  endsAt: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string;
  startedAnnouncedAt: Date | string | null;
}

/** An instant as a parameter (both drivers, no implicit zone). */
export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

export const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

function contestRow(r: RawContest): ContestRow {
  return {
    ...r,
    startsAt: toDate(r.startsAt),
    endsAt: toDate(r.endsAt),
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    startedAnnouncedAt: r.startedAnnouncedAt === null ? null : toDate(r.startedAnnouncedAt),
  };
}

/** Contests with their participants and results, in one round trip each. */
async function withParts(db: Queryable, list: ContestRow[]): Promise<ContestWithParts[]> {
  if (list.length === 0) return [];
  const ids = sql.join(
    list.map((c) => sql`${c.id}`),
    sql`, `,
  );
  const parts = await rows<ContestParticipantRow>(
    db,
    sql`select id, contest_id as "contestId", user_id as "userId", team_id as "teamId", opponent_id as "opponentId"
        from contest_participants where contest_id in (${ids}) order by id`,
  );
  const results = await rows<ContestResultRow & { closedAt: Date | string; frozenAt: Date | string }>(
    db,
    sql`select contest_id as "contestId", closed_at as "closedAt", frozen_at as "frozenAt", standings,
               winner_ids as "winnerIds"
        from contest_results where contest_id in (${ids})`,
  );
  return list.map((c) => {
    const result = results.find((r) => r.contestId === c.id);
    return {
      ...c,
      participants: parts.filter((p) => p.contestId === c.id),
      result: result
        ? { ...result, closedAt: toDate(result.closedAt), frozenAt: toDate(result.frozenAt) }
        : null,
    };
  });
}

export async function findContest(db: Queryable, id: number): Promise<ContestWithParts | undefined> {
  const found = await rows<RawContest>(db, sql`select ${CONTEST_COLUMNS} from contests c where c.id = ${id}`);
  const [one] = await withParts(db, found.map(contestRow));
  return one;
}

export interface ContestScope {
  /** A REP: contests for everyone, naming them, their opponent slot or their team. */
  person?: { userId: number; teamId: number | null };
  /** A screen of a team: contests for everyone or naming the team or one of its members. */
  team?: number;
}

function scopeCondition(scope: ContestScope): SQL {
  if (scope.person) {
    const { userId, teamId } = scope.person;
    return sql`(c.everyone or exists (select 1 from contest_participants p where p.contest_id = c.id
      and (p.user_id = ${userId} or p.opponent_id = ${userId}
           ${teamId === null ? sql`` : sql`or p.team_id = ${teamId}`})))`;
  }
  if (scope.team !== undefined) {
    const team = scope.team;
    return sql`(c.everyone or exists (select 1 from contest_participants p where p.contest_id = c.id
      and (p.team_id = ${team}
           or p.user_id in (select id from users where team_id = ${team})
           or p.opponent_id in (select id from users where team_id = ${team}))))`;
  }
  return sql`true`;
}

function statusCondition(status: ContestStatus | null | undefined, now: Date): SQL {
  const frozen = sql`exists (select 1 from contest_results r where r.contest_id = c.id)`;
  switch (status) {
    case null:
    case undefined:
      return sql`true`;
    case 'UPCOMING':
      return sql`(c.starts_at > ${ts(now)} and not ${frozen})`;
    case 'RUNNING':
      return sql`(c.starts_at <= ${ts(now)} and c.ends_at > ${ts(now)} and not ${frozen})`;
    case 'ENDED':
      return sql`(c.ends_at <= ${ts(now)} or ${frozen})`;
  }
}

export async function listContests(
  db: Queryable,
  filter: { scope: ContestScope; status: ContestStatus | null; now: Date; limit: number },
): Promise<ContestWithParts[]> {
  const found = await rows<RawContest>(
    db,
    sql`select ${CONTEST_COLUMNS} from contests c
        where ${scopeCondition(filter.scope)} and ${statusCondition(filter.status, filter.now)}
        order by c.starts_at desc, c.id desc limit ${filter.limit}`,
  );
  return withParts(db, found.map(contestRow));
}

/** Contests not ended before `since` (upcoming, running, ended since), soonest start first. */
export async function currentContests(
  db: Queryable,
  since: Date,
  limit: number,
): Promise<ContestWithParts[]> {
  const found = await rows<RawContest>(
    db,
    sql`select ${CONTEST_COLUMNS} from contests c where c.ends_at > ${ts(since)}
        order by c.starts_at, c.id limit ${limit}`,
  );
  return withParts(db, found.map(contestRow));
}

export interface ContestValues {
  name: string;
  description: string | null;
  prize: string | null;
  startsAt: Date;
  endsAt: Date;
  metric: string;
  activityKind: ActivityKind | null;
  goalMetric: GoalMetric | null;
  format: string;
  everyone: boolean;
}

export interface ParticipantValues {
  userId: number | null;
  teamId: number | null;
  opponentId: number | null;
}

export async function insertContest(
  db: Queryable,
  v: ContestValues,
  participants: readonly ParticipantValues[],
  createdBy: number,
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`insert into contests (name, description, prize, starts_at, ends_at, metric, activity_kind, goal_metric,
                              format, everyone, created_by)
        values (${v.name}, ${v.description}, ${v.prize}, ${ts(v.startsAt)}, ${ts(v.endsAt)}, ${v.metric},
                ${v.activityKind}::activity_kind, ${v.goalMetric}::goal_metric, ${v.format}, ${v.everyone},
                ${createdBy})
        returning id`,
  );
  if (!row) throw new Error('insert into contests returned nothing');
  await insertParticipants(db, row.id, participants);
  return row.id;
}

async function insertParticipants(db: Queryable, contestId: number, list: readonly ParticipantValues[]) {
  if (list.length === 0) return;
  const values = sql.join(
    list.map((p) => sql`(${contestId}, ${p.userId}::int, ${p.teamId}::int, ${p.opponentId}::int)`),
    sql`, `,
  );
  await rows(
    db,
    sql`insert into contest_participants (contest_id, user_id, team_id, opponent_id) values ${values}`,
  );
}

/** Rewrites a contest's definition; participants only when given. False when it is gone. */
export async function updateContestRow(
  db: Queryable,
  id: number,
  v: ContestValues,
  participants: readonly ParticipantValues[] | null,
): Promise<boolean> {
  const updated = await rows<{ id: number }>(
    db,
    sql`update contests set name = ${v.name}, description = ${v.description}, prize = ${v.prize},
          starts_at = ${ts(v.startsAt)}, ends_at = ${ts(v.endsAt)}, metric = ${v.metric},
          activity_kind = ${v.activityKind}::activity_kind, goal_metric = ${v.goalMetric}::goal_metric,
          format = ${v.format}, everyone = ${v.everyone}, updated_at = now()
        where id = ${id} returning id`,
  );
  if (updated.length === 0) return false;
  if (participants !== null) {
    await rows(db, sql`delete from contest_participants where contest_id = ${id}`);
    await insertParticipants(db, id, participants);
  }
  return true;
}

export async function deleteContestRow(db: Queryable, id: number): Promise<boolean> {
  return (await rows(db, sql`delete from contests where id = ${id} returning id`)).length > 0;
}
