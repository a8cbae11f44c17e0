/**
 * TEAM_RANK mails: a person took or lost #1 on their team's monthly revenue board (sellers with
 * revenue above zero, ties share #1: api/modules/performance/sellers.ts). Checked when the change
 * log says a team's monthly figures changed (batched: a burst of sales is one check), from
 * committed figures, never inside the writer's transaction.
 *
 * Exactly once across processes: each team's last leaders are kept in team_rank_leaders; the
 * check locks the teams' rows first and only then reads the board, so two processes checking the
 * same change serialize and the second finds nothing new. At start (sync()) every team's leaders
 * are recorded without a mail: changes made while mail was off, or before this release, are not
 * news. A new month starts from no leader. At most once a day per person: key rank:<day>.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { OrgSettings } from '../../config.ts';
import { rows, type Database, type Queryable } from '../../db/client.ts';
import { localDate, periodEnd, periodStart } from '../../domain/periods.ts';
import { intArray } from '../../modules/performance/performance.queries.ts';
import { SELLER_U } from '../../modules/performance/sellers.ts';
import { batchedQueue } from '../batched-queue.ts';
import { enqueueMail, mailEnabled } from './outbox.ts';

/** How long team changes are gathered before one check. */
const BATCH_MS = 50;

export interface TeamRankCheck {
  /** Records every team's leaders as they are, mailing nothing (at start). */
  sync(): Promise<void>;
  /** These teams' monthly figures changed (null: any team may have). */
  teamsChanged(teams: readonly number[] | null): void;
  /** Resolves once the checks asked for so far have run. */
  settled(): Promise<void>;
  dispose(): Promise<void>;
}

interface Board {
  team_id: number;
  team_name: string;
  leaders: number[];
  names: string[];
  revenue: string;
}

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** Each team's #1 (all of them when tied) this month, read after the teams' rows are locked. */
function boards(db: Queryable, teams: number[], month: string): Promise<Board[]> {
  return rows<Board>(
    db,
    sql`with perf as (
          select u.team_id, u.id, u.name, sp.revenue from users u
          join sales_performance sp on sp.user_id = u.id and sp.period_type = 'MONTHLY' and sp.period_start = ${month}
          where u.team_id = any(${intArray(teams)}::int[]) and ${SELLER_U} and sp.revenue > 0),
        top as (select team_id, max(revenue) as revenue from perf group by team_id)
        select p.team_id, t2.name as team_name, array_agg(p.id order by p.id) as leaders,
          array_agg(p.name order by p.id) as names, top.revenue::text as revenue
        from perf p join top on top.team_id = p.team_id and p.revenue = top.revenue
        join teams t2 on t2.id = p.team_id
        group by p.team_id, t2.name, top.revenue`,
  );
}

async function check(
  db: Database,
  timeZone: string,
  at: Date,
  only: readonly number[] | null,
  silent: boolean,
): Promise<void> {
  if (!(await mailEnabled(db))) return;
  const today = localDate(at, timeZone);
  const month = periodStart('MONTHLY', today);
  await db.transaction(async (tx) => {
    const teams = (
      await rows<{ id: number }>(
        tx,
        only === null
          ? sql`select id from teams order by id`
          : sql`select id from teams where id = any(${intArray([...only])}::int[]) order by id`,
      )
    ).map((t) => t.id);
    if (teams.length === 0) return;
    const held = await rows<{ team_id: number; period_start: string; leaders: number[] }>(
      tx,
      sql`select team_id, period_start::text, leaders from team_rank_leaders
          where team_id = any(${intArray(teams)}::int[]) order by team_id for update`,
    );
    const state = new Map(held.map((h) => [h.team_id, h]));
    const current = new Map((await boards(tx, teams, month)).map((b) => [b.team_id, b]));
    for (const teamId of teams) {
      const board = current.get(teamId);
      const leaders = board?.leaders ?? [];
      const before = state.get(teamId);
      if (before && before.period_start === month && same(before.leaders, leaders)) continue;
      await rows(
        tx,
        sql`insert into team_rank_leaders (team_id, period_start, leaders) values (${teamId}, ${month}, ${intArray(leaders)}::int[])
            on conflict (team_id) do update set period_start = excluded.period_start, leaders = excluded.leaders, updated_at = now()`,
      );
      if (!before || silent) continue; // first sight, or the start's resync: recorded, nothing told
      const previous = before.period_start === month ? before.leaders : [];
      const took = leaders.filter((id) => !previous.includes(id));
      const lost = previous.filter((id) => !leaders.includes(id));
      const base = {
        team_id: teamId,
        team_name: board?.team_name ?? null,
        period_start: month,
        period_end: periodEnd('MONTHLY', month),
        revenue: board?.revenue ?? '0',
        leaders: (board?.leaders ?? []).map((id, i) => ({ user_id: id, user_name: board?.names[i] ?? null })),
      };
      if (took.length > 0)
        await enqueueMail(
          tx,
          { kind: 'TEAM_RANK', key: `rank:${today}`, payload: { ...base, change: 'TOOK' } },
          sql`select unnest(${intArray(took)}::int[])`,
        );
      if (lost.length > 0)
        await enqueueMail(
          tx,
          { kind: 'TEAM_RANK', key: `rank:${today}`, payload: { ...base, change: 'LOST' } },
          sql`select unnest(${intArray(lost)}::int[])`,
        );
    }
  });
}

export function createTeamRankCheck(options: {
  db: Database;
  org: Pick<OrgSettings, 'timeZone'>;
  logger: Logger;
  clock: { now(): number };
}): TeamRankCheck {
  const { db, org, logger, clock } = options;
  const queue = batchedQueue(
    BATCH_MS,
    (teams) => check(db, org.timeZone, new Date(clock.now()), teams, false),
    (error) => logger.error({ err: error }, 'notifications: team rank check failed'),
  );

  return {
    sync: () => queue.run(() => check(db, org.timeZone, new Date(clock.now()), null, true)),
    teamsChanged: (teams) => queue.add(teams),
    settled: () => queue.settled(),
    dispose: () => queue.dispose(),
  };
}
