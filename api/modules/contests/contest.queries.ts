/**
 * The contests' SQL: rows, participants, the figures inside a window, and the frozen results.
 * Invariant: a contest's figures are sums over `activities` with occurred_at in [starts_at,
 * ends_at) (instants, so a window crossing midnight or a DST change counts exactly its real
 * hours), of the sellers it names now (active REPs and MANAGERs: sellers.ts), in one statement.
 * contest_results is written by INSERT ... ON CONFLICT DO NOTHING only: the first writer wins.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ActivityKind, ContestStatus, GoalMetric } from '../../../schema/db/constants.ts';
import type { ContestParticipantRow, ContestResultRow, ContestRow } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import type { ContestFigures } from '../../domain/contests.ts';
import { SELLER_U } from '../performance/sellers.ts';

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
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

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

/** Goal metric -> the activity kind it counts (REVENUE: the amounts of ORDER_WON). */
const GOAL_KIND: Record<string, ActivityKind> = {
  REVENUE: 'ORDER_WON',
  ORDERS: 'ORDER_WON',
  LEADS: 'LEAD_CREATED',
  OPPORTUNITIES: 'OPPORTUNITY_CREATED',
  CALLS: 'CALL',
  MEETINGS: 'MEETING',
};

/**
 * Each participant's figures inside the window, in one statement: the sellers the contest names
 * (people, their opponents, members of its teams, or everyone), left-joined to their activities
 * of the window. `goalDay`: the organisation's date of the window's start (GOAL_PERCENT looks up
 * the shortest goal of the person running on that day).
 */
export async function contestFigures(
  db: Queryable,
  c: Pick<ContestRow, 'id' | 'startsAt' | 'endsAt' | 'everyone' | 'activityKind' | 'goalMetric'>,
  goalDay: string,
): Promise<ContestFigures[]> {
  const goalKind = c.goalMetric ? (GOAL_KIND[c.goalMetric] ?? 'ORDER_WON') : 'ORDER_WON';
  const goalValue =
    c.goalMetric === 'REVENUE'
      ? sql`coalesce(sum(a.amount) filter (where a.kind = 'ORDER_WON'), 0)::text`
      : sql`(count(a.id) filter (where a.kind = ${goalKind}::activity_kind))::text`;
  const goalTarget = c.goalMetric
    ? sql`(select g.target_value::text from goals g
           where g.user_id = p.id and g.metric = ${c.goalMetric}::goal_metric
             and g.period_start <= ${goalDay}::date and g.period_end >= ${goalDay}::date
           order by g.period_end - g.period_start, g.id limit 1)`
    : sql`null::text`;
  const named = c.everyone
    ? sql`true`
    : sql`exists (select 1 from contest_participants cp where cp.contest_id = ${c.id}
            and (cp.user_id = u.id or cp.opponent_id = u.id or cp.team_id = u.team_id))`;
  return rows<ContestFigures>(
    db,
    sql`with p as (select u.id, u.team_id from users u where ${SELLER_U} and ${named})
        select p.id as "userId", p.team_id as "teamId",
          coalesce(sum(a.amount) filter (where a.kind = 'ORDER_WON'), 0)::text as revenue,
          (count(a.id) filter (where a.kind = 'ORDER_WON'))::int as orders,
          (count(a.id) filter (where a.kind = 'LEAD_CREATED'))::int as leads,
          (count(a.id) filter (where a.kind = 'CALL'))::int as calls,
          (count(a.id) filter (where a.kind = 'MEETING'))::int as meetings,
          (count(a.id) filter (where ${c.activityKind}::activity_kind is null
                                  or a.kind = ${c.activityKind}::activity_kind))::int as activities,
          ${goalValue} as "goalValue",
          ${goalTarget} as "goalTarget"
        from p left join activities a
          on a.user_id = p.id and a.occurred_at >= ${ts(c.startsAt)} and a.occurred_at < ${ts(c.endsAt)}
        group by p.id, p.team_id
        order by p.id`,
  );
}

/**
 * Stores the final standings once: true for the one caller whose insert took (the others, on any
 * process, find the row and store nothing).
 */
export async function insertResult(
  db: Queryable,
  contestId: number,
  closedAt: Date,
  standings: unknown,
  winnerIds: readonly number[],
): Promise<boolean> {
  const ids = winnerIds.length
    ? sql`array[${sql.join(
        winnerIds.map((w) => sql`${w}`),
        sql`, `,
      )}]::int[]`
    : sql`'{}'::int[]`;
  const inserted = await rows(
    db,
    sql`insert into contest_results (contest_id, closed_at, standings, winner_ids)
        values (${contestId}, ${ts(closedAt)}, ${JSON.stringify(standings)}::jsonb, ${ids})
        on conflict (contest_id) do nothing returning contest_id`,
  );
  return inserted.length > 0;
}

/** Ended contests not frozen yet, as of `now` (the scheduler's catch-up). */
export async function endedUnfrozen(db: Queryable, now: Date): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`select c.id from contests c where c.ends_at <= ${ts(now)}
          and not exists (select 1 from contest_results r where r.contest_id = c.id) order by c.ends_at, c.id`,
  );
  return found.map((r) => r.id);
}

/** Running contests whose start was not announced yet. */
export async function startedUnannounced(db: Queryable, now: Date): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`select c.id from contests c where c.starts_at <= ${ts(now)} and c.ends_at > ${ts(now)}
          and c.started_announced_at is null order by c.starts_at, c.id`,
  );
  return found.map((r) => r.id);
}

/** The next start or end after `now` among contests still to announce or freeze. */
export async function nextBoundary(db: Queryable, now: Date): Promise<Date | null> {
  const [row] = await rows<{ at: Date | string | null }>(
    db,
    sql`select least(
          (select min(starts_at) from contests where starts_at > ${ts(now)} and started_announced_at is null),
          (select min(c.ends_at) from contests c where c.ends_at > ${ts(now)}
             and not exists (select 1 from contest_results r where r.contest_id = c.id))) as at`,
  );
  return row?.at ? toDate(row.at) : null;
}

/** The one process whose update took announces the start (CONTEST_STARTED). */
export async function claimStartAnnouncement(db: Queryable, id: number, now: Date): Promise<boolean> {
  const claimed = await rows(
    db,
    sql`update contests set started_announced_at = ${ts(now)}
        where id = ${id} and started_announced_at is null and starts_at <= ${ts(now)} returning id`,
  );
  return claimed.length > 0;
}

/** A webhook event for every webhook that asked for it, in the caller's transaction (the outbox). */
export async function enqueueWebhook(
  db: Queryable,
  event: 'CONTEST_STARTED' | 'CONTEST_ENDED',
  key: string,
  payload: unknown,
): Promise<void> {
  await rows(
    db,
    sql`insert into webhook_outbox (webhook_id, event, idempotency_key, payload)
        select w.id, ${event}::webhook_event, ${key}, ${JSON.stringify(payload)}::jsonb
        from webhooks w where ${event}::webhook_event = any (w.events) order by w.id
        on conflict (webhook_id, idempotency_key) do nothing`,
  );
}

/** Badges for the winners (achievements: the badge and ACHIEVEMENT_UNLOCKED triggers follow). */
export async function awardWinners(
  db: Queryable,
  winnerIds: readonly number[],
  title: string,
  description: string | null,
): Promise<void> {
  if (winnerIds.length === 0) return;
  const values = sql.join(
    winnerIds.map((id) => sql`(${id}, 'contest_winner', ${title}, ${description}, '🏆')`),
    sql`, `,
  );
  await rows(
    db,
    sql`insert into achievements (user_id, kind, title, description, badge_icon) values ${values}`,
  );
}

/** Names of users and teams for webhook payloads. */
export async function namesOf(
  db: Queryable,
  userIds: readonly number[],
  teamIds: readonly number[],
): Promise<{ users: Map<number, string>; teams: Map<number, string> }> {
  const list = (ids: readonly number[]) =>
    ids.length
      ? sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )
      : sql`null`;
  const u = await rows<{ id: number; name: string }>(
    db,
    sql`select id, name from users where id in (${list(userIds)})`,
  );
  const t = await rows<{ id: number; name: string }>(
    db,
    sql`select id, name from teams where id in (${list(teamIds)})`,
  );
  return { users: new Map(u.map((r) => [r.id, r.name])), teams: new Map(t.map((r) => [r.id, r.name])) };
}
