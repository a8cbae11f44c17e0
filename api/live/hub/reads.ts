/**
 * The HTTP read path: a `leaderboard` query answered from the seller tables in memory.
 *
 * Invariant: an answer from memory is as fresh as the query it replaces. It is given only when
 * the table's read starts now, or when the listener is known to have delivered every change
 * committed before the read began (`caughtUp`: one cheap statement over the change log); a table
 * that meanwhile needs a new read, a failed read or a missing `caughtUp` answer undefined, and
 * the caller ranks in SQL. Why: a query must never show less than a committed write, while most
 * reads of a busy board cost no statement at all.
 * A read also keeps its table alive for later reads (SellerTables' cache of unwatched tables).
 */
import type { Logger } from 'pino';
import type { OrgSettings } from '../../config.ts';
import type { Queryable } from '../../db/client.ts';
import type { BoardQuery, BoardWithStandings } from '../../modules/leaderboard/leaderboard.mapping.ts';
import { addPeriods } from '../../domain/periods.ts';
import { withPreviousRanks } from '../../modules/leaderboard/leaderboard.mapping.ts';
import { ranked, ranksOf, type SellerTables, type Sellers } from './tables.ts';
import type { HubStats } from './types.ts';

export interface BoardReaderOptions {
  tables: SellerTables;
  /** Whether every change committed before the call has been delivered to the hub, asked in `db`. */
  caughtUp: (db?: Queryable) => Promise<boolean>;
  /** Its rate minimums rank the sellers. */
  org: OrgSettings;
  logger: Logger;
  stats: Pick<HubStats, 'memoryReads'>;
}

/** `db`: the request's database: the statements a read runs for it are counted there. */
export type BoardReader = (q: BoardQuery, db?: Queryable) => Promise<BoardWithStandings | undefined>;

export function createBoardReader(options: BoardReaderOptions): BoardReader {
  const { tables, caughtUp, org, logger, stats } = options;
  return async (q, db) => {
    const table = tables.tableFor(q.periodType, q.periodStart, q.teamId);
    // the previous period's sellers: their ranks are the entries' previousRank
    const before = tables.tableFor(q.periodType, addPeriods(q.periodType, q.periodStart, -1), q.teamId);
    table.usedAt = before.usedAt = performance.now();
    // a read started now is as fresh as a query; otherwise every change committed so far must have
    // been delivered (a read already under way may have begun before this request)
    const readsNow = tables.readsNow(table) && tables.readsNow(before);
    let sellers: Sellers;
    let previous: Sellers;
    try {
      if (!readsNow && !(await caughtUp(db))) return undefined;
      [sellers, previous] = await Promise.all([tables.current(table, db), tables.current(before, db)]);
    } catch (error) {
      // the query's own statement will tell the caller what is wrong with the database
      logger.warn({ err: error }, 'live: could not read a board for a query');
      return undefined;
    }
    // meanwhile changed in a way only a new read shows
    if (table.reload || before.reload) return undefined;
    stats.memoryReads += 1;
    return {
      ...withPreviousRanks(
        ranked(sellers, q.metric, q.limit, org.rateMinimums),
        ranksOf(previous, q.metric, org.rateMinimums),
      ),
      dbVersion: sellers.clock.toString(),
    };
  };
}
