import { sql, type SQL } from 'drizzle-orm';
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { rawUserColumns, type RawUserColumns } from '../users/user.queries.ts';

export interface BoardRow {
  user_id: number;
  name: string;
  revenue: string;
  orders_won: number;
  leads_created: number;
  opportunities_lost: number;
}

/**
 * Every seller in scope with their figures for the period (zeros when they have no rollup): one
 * statement. The reference the ranked statement below is tested against (with rankBoard).
 */
export function boardRows(
  db: Queryable,
  periodType: PeriodType,
  periodStart: string,
  teamId: number | null,
): Promise<BoardRow[]> {
  return rows<BoardRow>(
    db,
    sql`select u.id as user_id, u.name,
          coalesce(sp.revenue, 0)::text as revenue,
          coalesce(sp.orders_won, 0)::int as orders_won,
          coalesce(sp.leads_created, 0)::int as leads_created,
          coalesce(sp.opportunities_lost, 0)::int as opportunities_lost
        from users u
        left join sales_performance sp
          on sp.user_id = u.id and sp.period_type = ${periodType}::period_type and sp.period_start = ${periodStart}::date
        where u.active and u.role in ('REP', 'MANAGER') ${teamId === null ? sql`` : sql`and u.team_id = ${teamId}`}`,
  );
}

/** Version of a board: the latest change to any rollup it reads, in microseconds (monotonic per clock). */
export async function boardVersion(
  db: Queryable,
  periodType: PeriodType,
  periodStart: string,
  teamId: number | null,
): Promise<string> {
  const [row] = await rows<{ v: string | number }>(db, versionQuery(periodType, periodStart, teamId));
  return String(row?.v ?? '0');
}

function versionQuery(periodType: PeriodType, periodStart: string, teamId: number | null): SQL {
  return sql`select coalesce(floor(extract(epoch from max(sp.updated_at)) * 1000000), 0)::bigint::text as v
        from sales_performance sp
        ${teamId === null ? sql`` : sql`join users u on u.id = sp.user_id and u.team_id = ${teamId}`}
        where sp.period_type = ${periodType}::period_type and sp.period_start = ${periodStart}::date`;
}

/** A seller of a board with their figures and team (teams columns; null without a team). */
export interface SellerRow extends RawUserColumns {
  revenue: string;
  orders_won: number;
  leads_created: number;
  opportunities_lost: number;
  team_name: string | null;
  team_manager_id: number | null;
  team_created_at: string | Date | null;
}

export interface BoardSellers {
  /** The statement's snapshot (pg_snapshot text): which transactions' changes the rows include. */
  snapshot: string;
  /** The board's version (see boardVersion). */
  version: string;
  sellers: SellerRow[];
}

/**
 * Every seller of a board, whole (users and teams columns) with their figures, and the snapshot
 * they were read in: what the live hub keeps in memory and applies logged rollup rows to (the
 * rows of transactions visible in `snapshot` are in it already). One statement.
 */
export async function boardSellers(
  db: Queryable,
  q: { periodType: PeriodType; periodStart: string; teamId: number | null },
): Promise<BoardSellers> {
  // one row even without sellers (left join on a single row), so snapshot and version come back
  const found = await rows<{ snap: string; v: string } & Nullable<SellerRow>>(
    db,
    sql`select pg_current_snapshot()::text as snap, (${versionQuery(q.periodType, q.periodStart, q.teamId)}) as v,
          ${rawUserColumns('u')},
          coalesce(sp.revenue, 0)::text as revenue,
          coalesce(sp.orders_won, 0)::int as orders_won,
          coalesce(sp.leads_created, 0)::int as leads_created,
          coalesce(sp.opportunities_lost, 0)::int as opportunities_lost,
          t.name as team_name, t.manager_id as team_manager_id, t.created_at as team_created_at
        from (select 1) one
        left join (users u
          left join sales_performance sp
            on sp.user_id = u.id and sp.period_type = ${q.periodType}::period_type and sp.period_start = ${q.periodStart}::date
          left join teams t on t.id = u.team_id)
        on u.active and u.role in ('REP', 'MANAGER') ${q.teamId === null ? sql`` : sql`and u.team_id = ${q.teamId}`}`,
  );
  const first = found[0];
  if (!first) throw new Error('boardSellers returned nothing');
  return {
    snapshot: first.snap,
    version: String(first.v ?? '0'),
    sellers: found.filter((r): r is { snap: string; v: string } & SellerRow => r.id !== null),
  };
}

/** A row of the ranked board: the seller (users and teams columns), their figures and their four ranks. */
export interface RankedBoardRow extends SellerRow {
  revenue_rank: number;
  orders_rank: number;
  conversion_rank: number;
  win_rank: number;
  /** The rank on the board's metric. */
  rank: number;
}

export interface RankedBoard {
  /** The board's version (see boardVersion). */
  version: string;
  /** Sellers on the whole board. */
  total: number;
  /**
   * The sellers whose rank on the metric is at most the rank of the limit-th seller, unordered:
   * the top `limit` by (rank, name, id) are among them, and ties at the cut are all there, so the
   * caller orders by name itself (JavaScript's collation, as the full ranking always did).
   */
  rows: RankedBoardRow[];
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

const METRIC_RANK: Record<LeaderboardMetric, SQL> = {
  REVENUE: sql.raw('revenue_rank'),
  ORDERS: sql.raw('orders_rank'),
  CONVERSION_RATE: sql.raw('conversion_rank'),
  WIN_RATE: sql.raw('win_rank'),
};

/**
 * The board ranked by Postgres in one statement (version included): standard competition ranks
 * (`rank()`) on the four metrics, the way domain/ranking.ts and rankBoard define them: revenue and
 * orders won, higher first; conversion and win rate as percentages rounded half up to 2 decimals,
 * compared as whole hundredths of a percent, floor((20000 n + d) / 2d) = round(10000 n / d), exact
 * on integers (what rates.ts returns for counts), sellers without a rate (no leads, no decided
 * deals) tied last; negative counts count as 0 in rates. Keys are integers (revenue in cents) and
 * the sorted rows carry only them: the users and teams columns are joined for the returned rows
 * only (the board shows team names: no statement of their own).
 * Only the rows that can make the top `limit` are returned.
 */
export async function rankedBoard(
  db: Queryable,
  q: {
    periodType: PeriodType;
    periodStart: string;
    teamId: number | null;
    metric: LeaderboardMetric;
    limit: number;
  },
): Promise<RankedBoard> {
  const rank = METRIC_RANK[q.metric];
  // one row even without sellers (left join on a single row), so the version always comes back
  const found = await rows<{ v: string; total: number | null } & Nullable<RankedBoardRow>>(
    db,
    sql`with s as (
          select u.id,
            coalesce(sp.revenue, 0) as revenue,
            (coalesce(sp.revenue, 0) * 100)::bigint as cents,
            coalesce(sp.orders_won, 0) as orders_won,
            coalesce(sp.leads_created, 0) as leads_created,
            coalesce(sp.opportunities_lost, 0) as opportunities_lost,
            greatest(coalesce(sp.orders_won, 0), 0)::bigint as won,
            greatest(coalesce(sp.leads_created, 0), 0)::bigint as leads,
            greatest(coalesce(sp.orders_won, 0), 0)::bigint + greatest(coalesce(sp.opportunities_lost, 0), 0) as decided
          from users u
          left join sales_performance sp
            on sp.user_id = u.id and sp.period_type = ${q.periodType}::period_type and sp.period_start = ${q.periodStart}::date
          where u.active and u.role in ('REP', 'MANAGER') ${q.teamId === null ? sql`` : sql`and u.team_id = ${q.teamId}`}
        ), r as (
          select id, revenue, orders_won, leads_created, opportunities_lost,
            rank() over (order by cents desc)::int as revenue_rank,
            rank() over (order by orders_won desc)::int as orders_rank,
            rank() over (order by case when leads > 0 then (won * 20000 + leads) / (2 * leads) end desc nulls last)::int
              as conversion_rank,
            rank() over (order by case when decided > 0 then (won * 20000 + decided) / (2 * decided) end desc nulls last)::int
              as win_rank,
            count(*) over ()::int as total
          from s
        ), m as (
          select r.*, ${rank} as rank from r
        )
        select (${versionQuery(q.periodType, q.periodStart, q.teamId)}) as v,
          ${rawUserColumns('u')},
          m.revenue::text as revenue, m.orders_won, m.leads_created, m.opportunities_lost,
          m.revenue_rank, m.orders_rank, m.conversion_rank, m.win_rank, m.rank, m.total,
          t.name as team_name, t.manager_id as team_manager_id, t.created_at as team_created_at
        from (select 1) one
        left join (m join users u on u.id = m.id left join teams t on t.id = u.team_id)
          on m.rank <= coalesce((select rank from m order by rank offset ${q.limit - 1} limit 1), ${2 ** 31 - 1})`,
  );
  const ranked = found.filter((r): r is { v: string; total: number } & RankedBoardRow => r.id !== null);
  return { version: String(found[0]?.v ?? '0'), total: ranked[0]?.total ?? 0, rows: ranked };
}
