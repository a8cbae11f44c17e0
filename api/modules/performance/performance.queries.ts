/**
 * SQL of the performance domain: rollup reads, lifetime summaries, activity ingestion. Over 300
 * lines because every statement of the domain is here, each with the row shape it returns: one
 * place to read what the domain asks of Postgres (the services hold no SQL).
 */
import { and, asc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PeriodType } from '../../../schema/db/constants.ts';
import {
  activities,
  salesPerformance,
  users,
  type SalesPerformanceRow,
  type UserRow,
} from '../../../schema/db/index.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { type RawColumns } from '../../db/raw-columns.ts';
import { BadInputError } from '../../core/errors.ts';
import { isUniqueViolation, pgErrorOf } from '../../core/validation.ts';
import { rawUserColumns, type RawUserColumns } from '../users/user.queries.ts';
import { ZERO_COUNTS } from './performance.mapping.ts';
import { SELLER_U, sellerCondition } from './sellers.ts';
import { COUNT_KEYS, type PerformanceCounts } from './performance.type.ts';

export function listSellers(
  db: Queryable,
  filter: { teamId?: number | null; userIds?: number[] },
): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(
        sellerCondition(),
        filter.teamId != null ? eq(users.teamId, filter.teamId) : undefined,
        filter.userIds ? inArray(users.id, filter.userIds) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

export function rollupsForPeriod(
  db: Queryable,
  periodType: PeriodType,
  periodStarts: string[],
  userIds: number[] | 'all',
): Promise<SalesPerformanceRow[]> {
  if (periodStarts.length === 0 || (userIds !== 'all' && userIds.length === 0)) return Promise.resolve([]);
  // one array parameter each, not one parameter per id: 500 sellers were 500 bound parameters
  return db
    .select()
    .from(salesPerformance)
    .where(
      and(
        eq(salesPerformance.periodType, periodType),
        sql`${salesPerformance.periodStart} = any(${dateArray(periodStarts)}::date[])`,
        userIds === 'all' ? undefined : sql`${salesPerformance.userId} = any(${intArray(userIds)}::int[])`,
      ),
    );
}

/** A Postgres array literal of integers, bound as one parameter. */
export const intArray = (ids: readonly number[]): string => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;
/** A Postgres array literal of ISO dates (YYYY-MM-DD, checked by the callers), bound as one parameter. */
const dateArray = (dates: readonly string[]): string => `{${dates.join(',')}}`;

/** The counts of a rollup row next to users columns; all null when the user has no row. */
export type RawRollupColumns = { period_start: string | null } & {
  [K in keyof RawColumns<PerformanceCounts>]: RawColumns<PerformanceCounts>[K] | null;
};

const COLUMNS = getTableColumns(salesPerformance);
/** A count's column name (leadsCreated: leads_created). */
const columnOf = (key: (typeof COUNT_KEYS)[number]): string => COLUMNS[key].name;

const rollupColumns = sql.raw(['sp.period_start', ...COUNT_KEYS.map((k) => `sp.${columnOf(k)}`)].join(', '));

/** The counts of a raw row (database column names), a missing one as zero. */
function countsOf(raw: Readonly<Record<string, unknown>>): PerformanceCounts {
  const counts: Record<string, unknown> = {};
  for (const key of COUNT_KEYS) counts[key] = raw[columnOf(key)] ?? ZERO_COUNTS[key];
  return counts as PerformanceCounts;
}

/** The counts of a joined rollup row, or undefined when there was none. */
export function toCounts(raw: RawRollupColumns): PerformanceCounts | undefined {
  return raw.period_start === null ? undefined : countsOf(raw);
}

/**
 * One user (as a users row, for the DataLoaders) with their rollups of these periods, in one
 * statement: no rows when the user does not exist, one row with null counts when they have none.
 */
export function userWithRollups(
  db: Queryable,
  userId: number,
  periodType: PeriodType,
  periodStarts: string[],
): Promise<(RawUserColumns & RawRollupColumns)[]> {
  return rows(
    db,
    sql`select ${rawUserColumns('u')}, ${rollupColumns}
        from users u
        left join sales_performance sp
          on sp.user_id = u.id and sp.period_type = ${periodType}::period_type
          and sp.period_start = any(${dateArray(periodStarts)}::date[])
        where u.id = ${userId}`,
  );
}

/**
 * Sellers with a team (one team, or all) with their rollup of one period, in one statement, in
 * the order team figures list members: highest revenue first, then most orders won, then name
 * and id.
 */
export function teamSellersWithRollups(
  db: Queryable,
  teamId: number | null,
  periodType: PeriodType,
  periodStart: string,
): Promise<(RawUserColumns & RawRollupColumns)[]> {
  return rows(
    db,
    sql`select ${rawUserColumns('u')}, ${rollupColumns}
        from users u
        left join sales_performance sp
          on sp.user_id = u.id and sp.period_type = ${periodType}::period_type and sp.period_start = ${periodStart}::date
        where ${SELLER_U}
          and ${teamId === null ? sql`u.team_id is not null` : sql`u.team_id = ${teamId}`}
        order by coalesce(sp.revenue, 0) desc, coalesce(sp.orders_won, 0) desc, u.name, u.id`,
  );
}

export type SummaryRow = RawUserColumns &
  RawColumns<
    Pick<
      PerformanceCounts,
      'leadsCreated' | 'opportunitiesCreated' | 'ordersWon' | 'opportunitiesLost' | 'revenue'
    >
  > & {
    user_id: number;
    achievement_count: number;
    first_activity_at: string | null;
    last_activity_at: string | null;
  };

/**
 * Lifetime totals (sum of YEARLY rollups, which include pushed figures) per user, with the users
 * row itself (for the DataLoaders), in one statement.
 */
export function lifetimeSummaries(db: Queryable, userIds: number[] | 'all'): Promise<SummaryRow[]> {
  const filter = userIds === 'all' ? SELLER_U : sql`u.id = any(${intArray(userIds)}::int[])`;
  return rows<SummaryRow>(
    db,
    sql`select u.id as user_id, ${rawUserColumns('u')},
          coalesce(sum(sp.leads_created), 0)::int as leads_created,
          coalesce(sum(sp.opportunities_created), 0)::int as opportunities_created,
          coalesce(sum(sp.orders_won), 0)::int as orders_won,
          coalesce(sum(sp.opportunities_lost), 0)::int as opportunities_lost,
          coalesce(sum(sp.revenue), 0)::text as revenue,
          (select count(*)::int from achievements a where a.user_id = u.id) as achievement_count,
          (select min(occurred_at)::text from activities x where x.user_id = u.id) as first_activity_at,
          (select max(occurred_at)::text from activities x where x.user_id = u.id) as last_activity_at
        from users u
        left join sales_performance sp on sp.user_id = u.id and sp.period_type = 'YEARLY'
        where ${filter}
        group by u.id
        order by u.name, u.id`,
  );
}

export interface NewActivity {
  userId: number;
  kind: (typeof activities.$inferInsert)['kind'];
  amount: string | null;
  occurredAt: Date;
  externalId: string;
}

/** What makes two rows under one external_id the same activity (a replay) rather than a conflict. */
const differs = (stored: string, proposed: string): SQL =>
  sql.raw(
    `(${stored}.user_id, ${stored}.kind, ${stored}.amount, ${stored}.occurred_at)
     is distinct from (${proposed}.user_id, ${proposed}.kind, ${proposed}.amount, ${proposed}.occurred_at)`,
  );

/** A batch named an external_id stored for a different activity; the statement stored nothing. */
export class StoredKeyConflict extends Error {
  constructor() {
    super('an external_id of the batch is stored for a different activity');
  }
}

/**
 * One statement, so the batch is atomic (migration 0014): a replay of a
 * stored activity is skipped (not counted), a different activity under a stored external_id
 * refuses the whole statement with StoredKeyConflict, decided on the row as committed even by a
 * concurrent writer. The batch must not name one external_id twice (see foldBatch).
 */
export async function insertActivities(db: Queryable, batch: NewActivity[], source: string): Promise<number> {
  if (batch.length === 0) return 0;
  try {
    const inserted = await db
      .insert(activities)
      .values(batch.map((a) => ({ ...a, source })))
      .onConflictDoUpdate({
        target: activities.externalId,
        set: { externalId: sql`activity_key_conflict(excluded.external_id)` },
        setWhere: differs('activities', 'excluded'),
      })
      .returning({ id: activities.id });
    return inserted.length;
  } catch (error) {
    if (isUniqueViolation(error, 'activities_external_id_key')) throw new StoredKeyConflict();
    // numeric_value_out_of_range from the rollup triggers: a period total would leave its column
    if (pgErrorOf(error)?.code === '22003') {
      throw BadInputError.one(
        'activities',
        `would take a period total out of range (counts up to ${INT_MAX}, revenue up to ${TOTAL_REVENUE_MAX})`,
      );
    }
    throw error;
  }
}

/** The rollup columns' ranges: integer counts, numeric(16,2) revenue. */
export const INT_MAX = 2_147_483_647;
export const TOTAL_REVENUE_MAX = '99999999999999.99';

/**
 * Indexes of the batch whose external_id is stored for a different activity, compared by the
 * database as insertActivities compares (one statement, the batch as one JSON parameter).
 */
export async function storedKeyConflicts(db: Queryable, batch: readonly NewActivity[]): Promise<number[]> {
  if (batch.length === 0) return [];
  const proposed = JSON.stringify(
    batch.map((a, i) => ({
      i,
      user_id: a.userId,
      kind: a.kind,
      amount: a.amount,
      occurred_at: a.occurredAt.toISOString(),
      external_id: a.externalId,
    })),
  );
  const found = await rows<{ i: number }>(
    db,
    sql`select p.i from jsonb_to_recordset(${proposed}::jsonb)
          as p(i int, user_id int, kind activity_kind, amount numeric, occurred_at timestamptz, external_id text)
        join activities on activities.external_id = p.external_id
        where ${differs('activities', 'p')}
        order by p.i`,
  );
  return found.map((r) => r.i);
}

/** One user's rollup rows of these periods, in one statement. */
export function rollupRows(
  db: Queryable,
  userId: number,
  periods: { periodType: PeriodType; periodStart: string }[],
): Promise<SalesPerformanceRow[]> {
  return db
    .select()
    .from(salesPerformance)
    .where(
      and(
        eq(salesPerformance.userId, userId),
        or(
          ...periods.map((p) =>
            and(
              eq(salesPerformance.periodType, p.periodType),
              eq(salesPerformance.periodStart, p.periodStart),
            ),
          ),
        ),
      ),
    );
}

export async function recordPerformanceRow(
  db: Queryable,
  key: { userId: number; periodType: PeriodType; periodStart: string },
  values: Record<string, number | string>,
): Promise<SalesPerformanceRow> {
  await rows(
    db,
    sql`select 1 from record_performance(${key.userId}, ${key.periodType}::period_type, ${key.periodStart}::date,
        ${JSON.stringify(values)}::jsonb)`,
  );
  const [row] = await rollupRows(db, key.userId, [key]);
  if (!row) throw new Error('record_performance left no row');
  return row;
}

/** A user's days [from, to] (inclusive), added up from their DAILY rollups. */
export interface DaySpan {
  userId: number;
  from: string;
  to: string;
}

/**
 * The DAILY rollups of each span added up, in one statement for every span, in the order given.
 * Sums are capped at the stored types' bounds (a pushed day could exceed what a period holds).
 */
export async function dailyTotals(db: Queryable, spans: readonly DaySpan[]): Promise<PerformanceCounts[]> {
  if (spans.length === 0) return [];
  const sums = COUNT_KEYS.map((key) => {
    const column = columnOf(key);
    return key === 'revenue'
      ? `least(coalesce(sum(sp.${column}), 0), ${TOTAL_REVENUE_MAX})::numeric(16, 2)::text as ${column}`
      : `least(coalesce(sum(sp.${column}), 0), ${INT_MAX})::int as ${column}`;
  });
  const found = await rows<RawColumns<PerformanceCounts>>(
    db,
    sql`select ${sql.raw(sums.join(', '))}
        from unnest(${intArray(spans.map((s) => s.userId))}::int[],
                    ${dateArray(spans.map((s) => s.from))}::date[],
                    ${dateArray(spans.map((s) => s.to))}::date[]) with ordinality as k(user_id, f, t, i)
        left join sales_performance sp
          on sp.user_id = k.user_id and sp.period_type = 'DAILY' and sp.period_start between k.f and k.t
        group by k.i
        order by k.i`,
  );
  return found.map(countsOf);
}
