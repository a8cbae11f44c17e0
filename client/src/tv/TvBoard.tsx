/**
 * One live board on the TV: top 10 of a metric, big enough to read across the room. Only sellers
 * with something in the metric are ranked (the server decides): an empty board invites the first
 * sale, a rate board says from what sample it ranks (Leaderboard.minimumSample) and shows each
 * rate with its base, never "300 % conv." alone.
 * Beside each rank, the seller's move since the previous period's close (the server's
 * previousRank, as the dashboard's "Since" column): up 2, down 1, "new" when that board did not
 * rank them, nothing when unchanged; a line under the date says since when. It takes the place of
 * an arrow for the move since the board's last version: across a room two arrows meaning
 * different things cannot be told apart, and rows still slide to their new places as each
 * version comes.
 */
import { Medal } from '../components/Medal.tsx';
import { RankChange } from '../components/RankChange.tsx';
import type {
  LeaderboardMetric,
  PeriodType,
  TvBoardSubscription,
  TvBoardSubscriptionVariables,
} from '../gql/graphql.ts';
import { medalClass, useBoardMotion, useLatest } from '../lib/boards.ts';
import { countOf, formatCount, formatMoney, formatPercent, NOUNS } from '../lib/format.ts';
import { periodLabel, periodTick, shiftPeriod } from '../lib/periods.ts';
import { emptyBoardText, minimumText, rateBase, type RateFigures } from '../lib/standing.ts';
import { useSubscription, operation } from './live.ts';

/** What a TV row shows of a board (the dashboard's table shows more: its own fragment). */
const TV_BOARD = operation<TvBoardSubscription, TvBoardSubscriptionVariables>(/* GraphQL */ `
  subscription TvBoard($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {
    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 10) {
      version
      metric
      periodType
      periodStart
      minimumSample
      unrankedCount
      team {
        id
        name
      }
      entries {
        rank
        previousRank
        medal
        revenue
        ordersWon
        leadsCreated
        opportunitiesClosed
        conversionRate
        winRate
        user {
          id
          name
          team {
            id
            name
          }
        }
      }
    }
  }
`);

export const TITLES: Record<LeaderboardMetric, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders won',
  CONVERSION_RATE: 'Conversion rate',
  WIN_RATE: 'Win rate',
};

type Entry = RateFigures & {
  revenue: string;
  conversionRate: number | null;
  winRate: number | null;
};

function primary(metric: LeaderboardMetric, e: Entry): { text: string; value: number } {
  switch (metric) {
    case 'REVENUE':
      return { text: formatMoney(e.revenue), value: Number(e.revenue) };
    case 'ORDERS':
      return { text: formatCount(e.ordersWon), value: e.ordersWon };
    case 'CONVERSION_RATE':
      return { text: formatPercent(e.conversionRate), value: e.conversionRate ?? 0 };
    case 'WIN_RATE':
      return { text: formatPercent(e.winRate), value: e.winRate ?? 0 };
  }
}

/** The figure beside the main one: the other count, or the rate's base. */
function secondary(metric: LeaderboardMetric, e: Entry): string {
  switch (metric) {
    case 'REVENUE':
      return countOf(e.ordersWon, NOUNS.order);
    case 'ORDERS':
      return formatMoney(e.revenue, { compact: true });
    case 'CONVERSION_RATE':
      return rateBase('CONVERSION_RATE', e);
    case 'WIN_RATE':
      return `${formatCount(e.ordersWon)} won of ${formatCount(e.opportunitiesClosed)} closed`;
  }
}

export function TvBoardFeed({
  metric,
  periodType,
  teamId,
  active,
  clock,
  onBoard,
}: {
  metric: LeaderboardMetric;
  periodType: PeriodType;
  teamId: string | null;
  active: boolean;
  clock: string;
  /** Told of every frame (the celebrations watch for a new #1). */
  onBoard?: (board: TvBoardSubscription['leaderboardChanged']) => void;
}) {
  // each frame replaces the last: nothing accumulates over weeks
  const { data, error } = useSubscription(TV_BOARD, { metric, periodType, teamId }, (frame) =>
    onBoard?.(frame.leaderboardChanged),
  );
  const key = `${metric}|${periodType}|${teamId}`;
  const board = useLatest(key, data?.leaderboardChanged);
  const { container: list } = useBoardMotion<HTMLOListElement>(key, board, active);

  const top = board?.entries[0] ? primary(metric, board.entries[0]).value : 0;
  const label = board ? periodLabel(periodType, board.periodStart) : '';
  // the period whose close each move is counted from (previousRank)
  const closed = board ? shiftPeriod(periodType, board.periodStart, -1) : null;
  const since = closed ? periodLabel(periodType, closed) : '';
  const minimum = board ? minimumText(metric, board.minimumSample) : null;
  return (
    <section
      className="tv-screen tv-board"
      hidden={!active}
      aria-label={`${TITLES[metric]} leaderboard`}
      data-metric={metric}
      data-version={board?.version}
    >
      <header className="tv-head">
        <h1 title={board?.team ? `${TITLES[metric]} · ${board.team.name}` : TITLES[metric]}>
          {TITLES[metric]}
          {board?.team ? <span className="tv-team"> · {board.team.name}</span> : null}
        </h1>
        <p className="tv-sub">
          {label}
          {minimum ? <span className="tv-minimum"> · {minimum}</span> : null}
          <span className="tv-clock">{clock}</span>
          {/* a line of its own: the title keeps its width at 1280x720, a rate board's minimum too */}
          {closed && board?.entries.length ? (
            <span className="tv-since" title={`Moves since the close of ${since}`}>
              Moves since {periodTick(periodType, closed)}
            </span>
          ) : null}
        </p>
      </header>
      {!board ? (
        <p className="tv-wait">
          {error ? `Waiting for the server… (${error.message})` : 'Loading the board…'}
        </p>
      ) : board.entries.length === 0 ? (
        <div className="tv-empty" data-empty-board>
          <p className="tv-empty-title">{emptyBoardText(board, true, label)}</p>
          {minimum ? <p className="tv-empty-sub">{minimum}</p> : null}
        </div>
      ) : (
        <ol className="tv-rows" ref={list}>
          {board.entries.map((e) => {
            const main = primary(metric, e);
            const width = top > 0 ? Math.max(2, (main.value / top) * 100) : 0;
            return (
              <li
                key={e.user.id}
                data-flip-key={e.user.id}
                className={`tv-row ${medalClass(e.medal)}`.trim()}
                data-user={e.user.name}
              >
                <span className="tv-rank">
                  {e.medal ? <Medal medal={e.medal} /> : <span className="tv-rank-number">{e.rank}</span>}
                </span>
                <span className="tv-move">
                  {e.previousRank === e.rank ? null : (
                    <RankChange previous={e.previousRank ?? undefined} current={e.rank} since={since} />
                  )}
                </span>
                <span className="tv-name">
                  {e.user.name}
                  {e.user.team && !board.team ? (
                    <span className="tv-name-team">{e.user.team.name}</span>
                  ) : null}
                </span>
                <span className="tv-bar" aria-hidden="true">
                  <span style={{ width: `${width}%` }} />
                </span>
                <span className="tv-value">{main.text}</span>
                <span className="tv-secondary">{secondary(metric, e)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
