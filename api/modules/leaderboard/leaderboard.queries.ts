import { sql } from 'drizzle-orm';
import type { PeriodType } from '../../../schema/db/constants.ts';
import { rows, type Queryable } from '../../db/client.ts';

export interface BoardRow {
  user_id: number;
  name: string;
  revenue: string;
  orders_won: number;
  leads_created: number;
  opportunities_lost: number;
}

/** Every seller in scope with their figures for the period (zeros when they have no rollup): one statement. */
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
  const [row] = await rows<{ v: string | number }>(
    db,
    sql`select coalesce(floor(extract(epoch from max(sp.updated_at)) * 1000000), 0)::bigint::text as v
        from sales_performance sp
        ${teamId === null ? sql`` : sql`join users u on u.id = sp.user_id and u.team_id = ${teamId}`}
        where sp.period_type = ${periodType}::period_type and sp.period_start = ${periodStart}::date`,
  );
  return String(row?.v ?? '0');
}
