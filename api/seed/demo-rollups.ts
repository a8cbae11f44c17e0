/**
 * Reads back what the rollup triggers computed from the demo activities, so goal targets and
 * manual badges are chosen from the real figures (which depend on `now`).
 */
import { sql } from 'drizzle-orm';
import type { PeriodType } from '../../schema/db/constants.ts';
import { rows, type Queryable } from '../db/client.ts';
import type { SeededPerson, SeededTeam } from './demo-people.ts';

export interface Figures {
  readonly revenue: number;
  readonly orders: number;
  readonly leads: number;
  readonly opportunities: number;
  readonly calls: number;
  readonly meetings: number;
}

export const NO_FIGURES: Figures = {
  revenue: 0,
  orders: 0,
  leads: 0,
  opportunities: 0,
  calls: 0,
  meetings: 0,
};

export interface Rollups {
  /** One user's figures for a period (zeros when the user has no rollup there). */
  of(userId: number, type: PeriodType, start: string): Figures;
  /** Period starts of the given type that have rollups, ascending. */
  starts(type: PeriodType): string[];
}

/** What the seed knows once people, teams and their rollups are in: awards and goals are chosen from it. */
export interface SeededFigures {
  readonly people: readonly SeededPerson[];
  readonly teams: readonly SeededTeam[];
  /** The spec's sample user (John Smith). */
  readonly john: SeededPerson;
  readonly rollups: Rollups;
  /** The current month's and quarter's starts. */
  readonly month: string;
  readonly quarter: string;
}

interface RollupRow {
  user_id: number;
  period_type: PeriodType;
  period_start: string;
  revenue: string;
  orders_won: number;
  leads_created: number;
  opportunities_created: number;
  calls: number;
  meetings: number;
}

export async function readRollups(db: Queryable): Promise<Rollups> {
  const result = await rows<RollupRow>(
    db,
    sql`SELECT user_id, period_type, period_start::text AS period_start, revenue::text AS revenue, orders_won,
          leads_created, opportunities_created, calls, meetings
        FROM sales_performance WHERE period_type IN ('MONTHLY', 'QUARTERLY')`,
  );
  const map = new Map<string, Figures>();
  const starts = new Map<PeriodType, Set<string>>();
  for (const row of result) {
    map.set(`${row.user_id}|${row.period_type}|${row.period_start}`, {
      revenue: Number(row.revenue),
      orders: Number(row.orders_won),
      leads: Number(row.leads_created),
      opportunities: Number(row.opportunities_created),
      calls: Number(row.calls),
      meetings: Number(row.meetings),
    });
    const set = starts.get(row.period_type) ?? new Set<string>();
    set.add(row.period_start);
    starts.set(row.period_type, set);
  }
  return {
    of: (userId, type, start) => map.get(`${userId}|${type}|${start}`) ?? NO_FIGURES,
    starts: (type) => [...(starts.get(type) ?? [])].sort(),
  };
}

export function sumFigures(list: readonly Figures[]): Figures {
  return list.reduce(
    (a, b) => ({
      revenue: Math.round((a.revenue + b.revenue) * 100) / 100,
      orders: a.orders + b.orders,
      leads: a.leads + b.leads,
      opportunities: a.opportunities + b.opportunities,
      calls: a.calls + b.calls,
      meetings: a.meetings + b.meetings,
    }),
    NO_FIGURES,
  );
}
