import { sql, type SQL } from 'drizzle-orm';
import { SELLER_U } from '../performance/sellers.ts';
import type { LeaderboardMetric, PeriodType } from '../../../schema/db/constants.ts';
import { addPeriods } from '../../domain/periods.ts';
import type { RateMinimums } from '../../domain/ranking.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { columnList, type RawColumns } from '../../db/raw-columns.ts';
import { teams, type SalesPerformanceRow, type TeamRow } from '../../../schema/db/index.ts';
import { rawUserColumns, type RawUserColumns } from '../users/user.queries.ts';

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

/** A seller's team, joined as `t`: its columns prefixed `team_` (its id is the user's team_id). */
const teamColumns = columnList(teams, 't', { prefix: 'team_', omit: ['id'] });

/** A seller of a board with their figures and team (teams columns; null without a team). */
export type SellerRow = RawUserColumns &
  RawColumns<Pick<SalesPerformanceRow, 'revenue' | 'ordersWon' | 'leadsCreated' | 'opportunitiesLost'>> &
  Nullable<RawColumns<Omit<TeamRow, 'id'>, 'team_'>>;

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
          ${teamColumns}
        from (select 1) one
        left join (users u
          left join sales_performance sp
            on sp.user_id = u.id and sp.period_type = ${q.periodType}::period_type and sp.period_start = ${q.periodStart}::date
          left join teams t on t.id = u.team_id)
        on ${SELLER_U} ${q.teamId === null ? sql`` : sql`and u.team_id = ${q.teamId}`}`,
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
export type RankedBoardRow = SellerRow & RankColumns;

interface RankColumns {
  revenue_rank: number;
  orders_rank: number;
  conversion_rank: number;
  win_rank: number;
  /** The rank on the board's metric. */
  rank: number;
  /**
   * The rank on the board's metric at the close of the previous period (the same sellers ranked
   * on that period's figures); null when it did not rank them. The live hub sets it from the
   * previous period's table (previousRanks), not when ranking.
   */
  previous_rank: number | null;
}

export interface RankedBoard {
  /** The board's version (see boardVersion). */
  version: string;
  /** Sellers the board ranks (something in its metric: see domain/ranking.ts boardScore). */
  total: number;
  /** Sellers in scope it does not rank. */
  unranked: number;
  /**
   * The ranked sellers whose rank on the metric is at most the rank of the limit-th, unordered:
   * the top `limit` by (rank, name, id) are among them, and ties at the cut are all there, so the
   * caller orders by name itself (JavaScript's collation, as the full ranking always did).
   */
  rows: RankedBoardRow[];
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

interface BoardScope {
  periodType: PeriodType;
  periodStart: string;
  teamId: number | null;
  metric: LeaderboardMetric;
}

const METRIC_COLUMNS: Record<LeaderboardMetric, { rank: SQL; key: SQL }> = {
  REVENUE: { rank: sql.raw('revenue_rank'), key: sql.raw('revenue_key') },
  ORDERS: { rank: sql.raw('orders_rank'), key: sql.raw('orders_key') },
  CONVERSION_RATE: { rank: sql.raw('conversion_rank'), key: sql.raw('conversion_key') },
  WIN_RATE: { rank: sql.raw('win_rank'), key: sql.raw('win_key') },
};

/**
 * `with s, r, m`: every seller in scope with their figures, a key per metric (null where the
 * metric does not rank them: domain/ranking.ts boardScore) and their four standard competition
 * ranks (`rank()`, unranked sellers tied after the ranked ones), and in m the board's own `key`
 * and `rank`. Keys are integers: revenue in cents, orders won, and rates as whole hundredths of a
 * percent, floor((20000 n + d) / 2d) = round(10000 n / d) half up, exact on integers (what
 * rates.ts returns for counts, rounded to 2 decimals); negative counts count as 0 in rates.
 */
function rankedSellers(q: BoardScope, minimums: RateMinimums): SQL {
  const { rank, key } = METRIC_COLUMNS[q.metric];
  const previousStart = addPeriods(q.periodType, q.periodStart, -1);
  const keyOf = (m: LeaderboardMetric, p: '' | 'p_') => metricKey(m, p, minimums);
  return sql`with s as (
          select u.id,
            coalesce(sp.revenue, 0) as revenue,
            (coalesce(sp.revenue, 0) * 100)::bigint as cents,
            coalesce(sp.orders_won, 0) as orders_won,
            coalesce(sp.leads_created, 0) as leads_created,
            coalesce(sp.opportunities_lost, 0) as opportunities_lost,
            greatest(coalesce(sp.orders_won, 0), 0)::bigint as won,
            greatest(coalesce(sp.leads_created, 0), 0)::bigint as leads,
            greatest(coalesce(sp.orders_won, 0), 0)::bigint + greatest(coalesce(sp.opportunities_lost, 0), 0) as decided,
            (coalesce(pp.revenue, 0) * 100)::bigint as p_cents,
            coalesce(pp.orders_won, 0) as p_orders_won,
            greatest(coalesce(pp.orders_won, 0), 0)::bigint as p_won,
            greatest(coalesce(pp.leads_created, 0), 0)::bigint as p_leads,
            greatest(coalesce(pp.orders_won, 0), 0)::bigint + greatest(coalesce(pp.opportunities_lost, 0), 0) as p_decided
          from users u
          left join sales_performance sp
            on sp.user_id = u.id and sp.period_type = ${q.periodType}::period_type and sp.period_start = ${q.periodStart}::date
          left join sales_performance pp
            on pp.user_id = u.id and pp.period_type = ${q.periodType}::period_type and pp.period_start = ${previousStart}::date
          where ${SELLER_U} ${q.teamId === null ? sql`` : sql`and u.team_id = ${q.teamId}`}
        ), k as (
          select s.*,
            ${keyOf('REVENUE', '')} as revenue_key,
            ${keyOf('ORDERS', '')} as orders_key,
            ${keyOf('CONVERSION_RATE', '')} as conversion_key,
            ${keyOf('WIN_RATE', '')} as win_key,
            ${keyOf(q.metric, 'p_')} as previous_key
          from s
        ), r as (
          select id, revenue, orders_won, leads_created, opportunities_lost,
            revenue_key, orders_key, conversion_key, win_key,
            rank() over (order by revenue_key desc nulls last)::int as revenue_rank,
            rank() over (order by orders_key desc nulls last)::int as orders_rank,
            rank() over (order by conversion_key desc nulls last)::int as conversion_rank,
            rank() over (order by win_key desc nulls last)::int as win_rank,
            case when previous_key is not null then rank() over (order by previous_key desc nulls last) end::int as previous_rank
          from k
        ), m as (
          select r.*, ${rank} as rank, ${key} as key from r
        )`;
}

/**
 * A metric's integer key over the columns of `s` (`p_`: the previous period's), null where the
 * metric does not rank the seller (see rankedSellers).
 */
function metricKey(metric: LeaderboardMetric, p: '' | 'p_', minimums: RateMinimums): SQL {
  const c = (name: string) => sql.raw(p + name);
  switch (metric) {
    case 'REVENUE':
      return sql`case when ${c('cents')} > 0 then ${c('cents')} end`;
    case 'ORDERS':
      return sql`case when ${c('orders_won')} > 0 then ${c('orders_won')}::bigint end`;
    case 'CONVERSION_RATE':
      return sql`case when ${c('leads')} >= ${minimums.leads} and ${c('leads')} > 0 then (${c('won')} * 20000 + ${c('leads')}) / (2 * ${c('leads')}) end`;
    case 'WIN_RATE':
      return sql`case when ${c('decided')} >= ${minimums.closed} and ${c('decided')} > 0 then (${c('won')} * 20000 + ${c('decided')}) / (2 * ${c('decided')}) end`;
  }
}

const rowColumns = sql`${rawUserColumns('u')},
          m.revenue::text as revenue, m.orders_won, m.leads_created, m.opportunities_lost,
          m.revenue_rank, m.orders_rank, m.conversion_rank, m.win_rank, m.rank, m.previous_rank,
          ${teamColumns}`;

/**
 * The board ranked by Postgres in one statement (version and counts included), the way
 * domain/ranking.ts and tests/oracles/ranking.ts define it (see rankedSellers). The users and teams columns are
 * joined for the returned rows only (the board shows team names: no statement of their own).
 * Only the ranked rows that can make the top `limit` are returned.
 */
export async function rankedBoard(
  db: Queryable,
  q: BoardScope & { limit: number },
  minimums: RateMinimums,
): Promise<RankedBoard> {
  // one row even without ranked sellers (left join on a single row): version and counts come back
  const found = await rows<{ v: string; total: number; sellers: number } & Nullable<RankedBoardRow>>(
    db,
    sql`${rankedSellers(q, minimums)}
        select (${versionQuery(q.periodType, q.periodStart, q.teamId)}) as v,
          (select count(*) from m where key is not null)::int as total,
          (select count(*) from m)::int as sellers,
          ${rowColumns}
        from (select 1) one
        left join (m join users u on u.id = m.id left join teams t on t.id = u.team_id)
          on m.key is not null
          and m.rank <= coalesce((select rank from m where key is not null order by rank offset ${q.limit - 1} limit 1), ${2 ** 31 - 1})`,
  );
  const first = found[0];
  const ranked = found.filter(
    (r): r is { v: string; total: number; sellers: number } & RankedBoardRow => r.id !== null,
  );
  const total = Number(first?.total ?? 0);
  return {
    version: String(first?.v ?? '0'),
    total,
    unranked: Number(first?.sellers ?? 0) - total,
    rows: ranked,
  };
}

/** A seller's row for a standing: the ranked row with the board's key (null: not ranked). */
export type StandingRow = RankedBoardRow & StandingKey;

interface StandingKey {
  /** The board's integer key (see rankedSellers) as text; null when not ranked. */
  key: string | null;
}

/**
 * One seller's standing in one statement: their row (rank and key null while not ranked) and the
 * rows of the next better key (the people ahead, tied: the caller picks the last of them in the
 * board's order). Nothing when they are not a seller of the board.
 */
export async function standingRows(
  db: Queryable,
  q: BoardScope,
  minimums: RateMinimums,
  userId: number,
): Promise<{ seller: StandingRow | null; ahead: StandingRow[] }> {
  const found = await rows<StandingRow & { me: boolean }>(
    db,
    sql`${rankedSellers(q, minimums)}
        select ${rowColumns}, m.key::text as key, m.id = ${userId} as me
        from m join users u on u.id = m.id left join teams t on t.id = u.team_id
        where m.id = ${userId}
          or m.key = (select min(b.key) from m b where b.key > (select key from m where id = ${userId}))`,
  );
  return {
    seller: found.find((r) => r.me) ?? null,
    ahead: found.filter((r) => !r.me),
  };
}
