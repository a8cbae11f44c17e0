/** One live board on the TV: top 10 of a metric, big enough to read across the room. */
import { Medal } from '../components/Medal.tsx';
import { RankChange } from '../components/RankChange.tsx';
import type {
  LeaderboardMetric,
  PeriodType,
  TvBoardSubscription,
  TvBoardSubscriptionVariables,
} from '../gql/graphql.ts';
import { medalClass, useBoardMotion, useLatest } from '../lib/boards.ts';
import { formatCount, formatMoney, formatPercent } from '../lib/format.ts';
import { periodLabel } from '../lib/periods.ts';
import { useSubscription, operation } from './live.ts';

/** What a TV row shows of a board (the dashboard's table shows more: its own fragment). */
const TV_BOARD = operation<TvBoardSubscription, TvBoardSubscriptionVariables>(/* GraphQL */ `
  subscription TvBoard($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {
    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 10) {
      version
      periodStart
      team {
        id
        name
      }
      entries {
        rank
        medal
        revenue
        ordersWon
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

type Entry = {
  revenue: string;
  ordersWon: number;
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

export function TvBoardFeed({
  metric,
  periodType,
  teamId,
  active,
  clock,
}: {
  metric: LeaderboardMetric;
  periodType: PeriodType;
  teamId: string | null;
  active: boolean;
  clock: string;
}) {
  // each frame replaces the last: nothing accumulates over weeks
  const { data, error } = useSubscription(TV_BOARD, { metric, periodType, teamId });
  const key = `${metric}|${periodType}|${teamId}`;
  const board = useLatest(key, data?.leaderboardChanged);
  const { container: list, previous } = useBoardMotion<HTMLOListElement>(key, board, active);

  const top = board?.entries[0] ? primary(metric, board.entries[0]).value : 0;
  return (
    <section
      className="tv-screen tv-board"
      hidden={!active}
      aria-label={`${TITLES[metric]} leaderboard`}
      data-metric={metric}
      data-version={board?.version}
    >
      <header className="tv-head">
        <h1>
          {TITLES[metric]}
          {board?.team ? <span className="tv-team"> · {board.team.name}</span> : null}
        </h1>
        <p className="tv-sub">
          {board ? periodLabel(periodType, board.periodStart) : ''}
          <span className="tv-clock">{clock}</span>
        </p>
      </header>
      {!board ? (
        <p className="tv-wait">
          {error ? `Waiting for the server… (${error.message})` : 'Loading the board…'}
        </p>
      ) : board.entries.length === 0 ? (
        <p className="tv-wait">Nobody on this board yet.</p>
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
                  <RankChange previous={previous?.get(e.user.id)} current={e.rank} />
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
                <span className="tv-secondary">
                  {metric !== 'REVENUE' ? <span>{formatMoney(e.revenue, { compact: true })}</span> : null}
                  {metric !== 'ORDERS' ? (
                    <span>
                      {formatCount(e.ordersWon)} {e.ordersWon === 1 ? 'order' : 'orders'}
                    </span>
                  ) : null}
                  {metric !== 'CONVERSION_RATE' ? <span>{formatPercent(e.conversionRate)} conv.</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
