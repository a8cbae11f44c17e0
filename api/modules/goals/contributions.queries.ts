/**
 * The SQL behind "why is my number that?": the activities a figure counts, a page at a time, and
 * their count and sum, for many figures in one statement each (a board's entries, a list's goals).
 *
 * Invariant: an activity is listed exactly when the rollups count it in the figure. The period
 * test is the rollups' own (rollup_apply: the activity's day, `occurred_at AT TIME ZONE
 * org_time_zone()`, within the period's days), so a period edge, a DST day or a time-zone change
 * cannot make the list and the figure disagree; a team's figure is its current members' (as
 * goal_tracked_values), and the kinds are the metric's (contributions.service.ts). The instant
 * bounds a day wider than the period on each side only let the index find the rows; the day test
 * decides. Paging is keyset on (occurred_at, id) descending: per member, an index scan backwards
 * on activities_user_occurred_id_idx (user_id, occurred_at, id; migration 0012) from the cursor,
 * stopped after `take` rows, no sort; the members' rows merged. A page reads about `first` rows per
 * member whatever the history (the plan: tests/api/contributions.test.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ActivityKind } from '../../../schema/db/constants.ts';
import { rows, type Queryable } from '../../db/client.ts';

/** The activities of one figure: whose, which kinds, which days (the organisation's, both included). */
export interface Subject {
  /** A seller's figure; or, with teamId, null. */
  userId: number | null;
  /** A team's figure: its current members'. */
  teamId: number | null;
  kinds: readonly ActivityKind[];
  from: string;
  to: string;
}

/** Where a page starts: after this (occurredAt as an exact UTC text, id); null: the newest. */
export interface Cursor {
  at: string;
  id: string;
}

export interface PageRequest {
  subject: Subject;
  /** Rows to read: the page's size plus one, to know whether another page follows. */
  take: number;
  after: Cursor | null;
}

export interface ContributionRow {
  ord: number;
  id: string;
  user_id: number;
  kind: ActivityKind;
  amount: string | null;
  /** occurred_at in UTC to the microsecond: the cursor's exact value. */
  at: string;
  recorded_at: string | Date;
  source: string;
  external_id: string;
}

export interface SummaryRow {
  ord: number;
  count: number;
  amount: string;
}

/** The subjects as a relation `k` (one JSON parameter: the statement's text never varies). */
function subjects(list: readonly (PageRequest | { subject: Subject })[]): SQL {
  const json = JSON.stringify(
    list.map((r, ord) => ({
      ord,
      user_id: r.subject.userId,
      team_id: r.subject.teamId,
      kinds: r.subject.kinds,
      ds: r.subject.from,
      de: r.subject.to,
      take: 'take' in r ? r.take : 0,
      cur_at: 'after' in r && r.after ? r.after.at : null,
      cur_id: 'after' in r && r.after ? r.after.id : null,
    })),
  );
  return sql`(select k.ord, k.kinds::activity_kind[] as kinds, k.ds, k.de, k.take,
                coalesce(k.cur_at, 'infinity') as cur_at, coalesce(k.cur_id, 0) as cur_id,
                case when k.user_id is not null then array[k.user_id]
                  else array(select u.id from users u where u.team_id = k.team_id order by u.id) end as members
              from jsonb_to_recordset(${json}::jsonb)
                as k(ord int, user_id int, team_id int, kinds text[], ds date, de date, take int,
                     cur_at timestamptz, cur_id bigint)) k`;
}

/** The rollups' test that an activity `a` of member `m` counts in subject `k` (zone `z.tz`). */
const COUNTED = sql`a.user_id = m.uid and a.kind = any(k.kinds)
  and a.occurred_at >= (k.ds::timestamp at time zone z.tz) - interval '1 day'
  and a.occurred_at < ((k.de + 1)::timestamp at time zone z.tz) + interval '1 day'
  and (a.occurred_at at time zone z.tz)::date between k.ds and k.de`;

/** One page per request, newest first: `take` rows after the cursor (ord: the request's index). */
export function pagesQuery(requests: readonly PageRequest[]): SQL {
  return sql`with z as materialized (select org_time_zone() as tz)
    select k.ord, p.id::text as id, p.user_id, p.kind, p.amount::text as amount, p.at,
      p.created_at as recorded_at, p.source, p.external_id
    from ${subjects(requests)}
    cross join z
    cross join lateral (
      select a.* from unnest(k.members) as m(uid)
      cross join lateral (
        select a.id, a.user_id, a.kind, a.amount, a.occurred_at, a.created_at, a.source, a.external_id,
          to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
        from activities a
        where ${COUNTED}
          and a.occurred_at <= k.cur_at and (a.occurred_at, a.id) < (k.cur_at, k.cur_id)
        order by a.occurred_at desc, a.id desc
        limit k.take
      ) a
      order by a.occurred_at desc, a.id desc
      limit k.take
    ) p
    order by k.ord, p.occurred_at desc, p.id desc`;
}

export function readPages(db: Queryable, requests: readonly PageRequest[]): Promise<ContributionRow[]> {
  return requests.length ? rows<ContributionRow>(db, pagesQuery(requests)) : Promise.resolve([]);
}

/** How many activities each subject counts, and what their amounts add up to. */
export function readSummaries(db: Queryable, list: readonly Subject[]): Promise<SummaryRow[]> {
  if (list.length === 0) return Promise.resolve([]);
  return rows<SummaryRow>(
    db,
    sql`with z as materialized (select org_time_zone() as tz)
      select k.ord, count(a.id)::int as count, coalesce(sum(a.amount), 0)::text as amount
      from ${subjects(list.map((subject) => ({ subject })))}
      cross join z
      cross join lateral unnest(k.members) as m(uid)
      join activities a on ${COUNTED}
      group by k.ord`,
  );
}
