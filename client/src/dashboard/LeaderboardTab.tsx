/**
 * The leaderboard: live (leaderboardChanged: a snapshot, then each change) for the current period,
 * a plain query for past periods. A metric switch (the team is the dashboard's); medals for the
 * top 3; arrows and a slide for rank changes.
 */
import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Medal } from '../components/Medal.tsx';
import { RankChange } from '../components/RankChange.tsx';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import type { LeaderboardMetric } from '../gql/graphql.ts';
import { medalClass, useBoardMotion, useLatest } from '../lib/boards.ts';
import { formatCount, formatMoney, formatPercent } from '../lib/format.ts';
import { periodLabel } from '../lib/periods.ts';
import { LiveChip, LivePending } from './LiveChip.tsx';
import { selectionDate } from './PeriodPicker.tsx';
import { useViewer, type PeriodSelection } from './viewer.ts';

/**
 * What the table shows of a board. One fragment for the whole board,
 * not one per entry: the server's depth limit (MAX_DEPTH 8) counts each fragment spread as two
 * levels, and a spread inside this one would take the dashboard's board past it.
 */
const BoardRowsFragment = graphql(`
  fragment BoardRows_board on Leaderboard {
    version
    metric
    periodType
    periodStart
    periodEnd
    totalEntries
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
`);

const BOARD_QUERY = graphql(`
  query LeaderboardTab($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID, $date: Date) {
    leaderboard(metric: $metric, periodType: $periodType, teamId: $teamId, date: $date, limit: 25) {
      version
      periodStart
      ...BoardRows_board
    }
  }
`);

const BOARD_LIVE = graphql(`
  subscription LeaderboardLive($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {
    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 25) {
      version
      periodStart
      ...BoardRows_board
    }
  }
`);

export const BOARD_METRICS: { value: LeaderboardMetric; label: string }[] = [
  { value: 'REVENUE', label: 'Revenue' },
  { value: 'ORDERS', label: 'Orders' },
  { value: 'CONVERSION_RATE', label: 'Conversion' },
  { value: 'WIN_RATE', label: 'Win rate' },
];

export function LeaderboardTab({ period, teamId }: { period: PeriodSelection; teamId: string | null }) {
  const viewer = useViewer();
  const [metric, setMetric] = useState<LeaderboardMetric>('REVENUE');
  const live = period.offset === 0;
  const variables = { metric, periodType: period.periodType, teamId };
  const sub = useSubscription(BOARD_LIVE, { variables, skip: !live });
  const query = useQuery(BOARD_QUERY, {
    variables: { ...variables, date: selectionDate(period) },
    skip: live,
  });
  const incoming = live ? sub.data?.leaderboardChanged : query.data?.leaderboard;
  const key = `${metric}|${period.periodType}|${period.offset}|${teamId ?? ''}`;
  const board = useLatest(key, incoming);
  const error = live ? sub.error : query.error;

  return (
    <div className="leaderboard-tab">
      <div className="section-head">
        <h2>
          Top performers
          {board ? (
            <span className="muted"> · {periodLabel(period.periodType, board.periodStart)}</span>
          ) : null}
        </h2>
        {live ? <LiveChip /> : null}
      </div>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Rank by">
          {BOARD_METRICS.map((m) => (
            <button
              key={m.value}
              type="button"
              aria-pressed={metric === m.value}
              className={metric === m.value ? 'selected' : ''}
              onClick={() => setMetric(m.value)}
            >
              {m.label}
            </button>
          ))}
        </div>
      </div>
      {error && !board ? (
        <p className="error" role="alert">
          Could not load the leaderboard: {error.message}
        </p>
      ) : null}
      {board ? (
        <LeaderboardTable board={board} boardKey={key} highlight={viewer.me.id} />
      ) : error ? null : live ? (
        <LivePending what="the leaderboard" />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}

export function LeaderboardTable({
  board: ref,
  boardKey,
  highlight,
}: {
  board: FragmentType<typeof BoardRowsFragment>;
  boardKey: string;
  highlight?: string;
}) {
  const board = getFragmentData(BoardRowsFragment, ref);
  const { container: body, previous } = useBoardMotion<HTMLTableSectionElement>(boardKey, board);
  if (board.entries.length === 0) return <p className="empty">Nobody on this board yet.</p>;
  const sortedBy = board.metric;
  return (
    <div className="table-wrap">
      <table className="board" aria-label={`Leaderboard by ${sortedBy.toLowerCase().replace('_', ' ')}`}>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Name</th>
            <th scope="col" className="num" aria-sort={sortedBy === 'REVENUE' ? 'descending' : undefined}>
              Revenue
            </th>
            <th scope="col" className="num" aria-sort={sortedBy === 'ORDERS' ? 'descending' : undefined}>
              Orders
            </th>
            <th
              scope="col"
              className="num"
              aria-sort={sortedBy === 'CONVERSION_RATE' ? 'descending' : undefined}
            >
              Conversion
            </th>
            <th
              scope="col"
              className="num hide-narrow"
              aria-sort={sortedBy === 'WIN_RATE' ? 'descending' : undefined}
            >
              Win rate
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {board.entries.map((e) => (
            <tr
              key={e.user.id}
              data-flip-key={e.user.id}
              className={`${e.medal ? `top ${medalClass(e.medal)}` : ''}${e.user.id === highlight ? ' me' : ''}`}
            >
              <td className="rank">
                <span className="rank-number">{e.rank}</span>
                <Medal medal={e.medal} />
                <RankChange
                  previous={previous?.get(e.user.id)}
                  current={e.rank}
                  showNew={previous !== undefined}
                />
              </td>
              <th scope="row" className="name">
                {e.user.name}
                {e.user.team ? <span className="muted small"> · {e.user.team.name}</span> : null}
              </th>
              <td className="num">{formatMoney(e.revenue)}</td>
              <td className="num">{formatCount(e.ordersWon)}</td>
              <td className="num">{formatPercent(e.conversionRate)}</td>
              <td className="num hide-narrow">{formatPercent(e.winRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.totalEntries > board.entries.length ? (
        <p className="muted small">
          Top {board.entries.length} of {board.totalEntries}.
        </p>
      ) : null}
    </div>
  );
}
