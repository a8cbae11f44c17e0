/**
 * The contests' figures and their end, in SQL: each participant's sums inside the window, the
 * frozen results, the scheduler's boundaries and announcements, the winners' badges and webhooks.
 * Invariants: a contest's figures are sums over `activities` with occurred_at in [starts_at,
 * ends_at) (instants, so a window crossing midnight or a DST change counts exactly its real
 * hours), of the sellers it names now (active REPs and MANAGERs: sellers.ts), in one statement.
 * contest_results is written by INSERT ... ON CONFLICT DO NOTHING only, and a start is announced by
 * the one conditional UPDATE that took: the first writer wins, on any process.
 */
import { sql } from 'drizzle-orm';
import type { ActivityKind } from '../../../schema/db/constants.ts';
import type { ContestRow } from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import type { ContestFigures } from '../../domain/contests.ts';
import { SELLER_U } from '../performance/sellers.ts';
import { toDate, ts } from './contest.queries.ts';

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
