/**
 * The leaderboard: live (leaderboardChanged: a snapshot, then each change) for the current period,
 * a plain query for past periods. A metric switch (the team is the dashboard's); medals for the
 * top 3; arrows and a slide for rank changes, and each seller's move since the previous period's
 * close (the server's previousRank). Only sellers with something in the metric are
 * ranked (the server decides): an empty board says so ("No sales yet today — be the first"), a
 * rate board says from what sample it ranks. The signed-in seller's own row is marked "You" and
 * pinned below the top rows when they are further down, and their standing ("You: #7 — $1,000
 * behind David Kim") is the server's (Leaderboard.standing), as is every rank, gap and minimum.
 */
import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Medal } from '../components/Medal.tsx';
import { RankChange } from '../components/RankChange.tsx';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import type { BoardRows_BoardFragment, LeaderboardMetric } from '../gql/graphql.ts';
import { medalClass, useBoardMotion, useLatest } from '../lib/boards.ts';
import { countOf, formatCount, formatMoney, formatPercent, NOUNS } from '../lib/format.ts';
import { periodLabel, periodTick, shiftPeriod } from '../lib/periods.ts';
import { emptyBoardText, minimumText, rateBase, rateDefinition, standingText } from '../lib/standing.ts';
import { ContributionsDialog, type ContributionsSource } from './ContributionsDialog.tsx';
import { entryExplanation } from './explainEntry.ts';
import { LiveChip, LivePending } from './LiveChip.tsx';
import { selectionDate } from './PeriodPicker.tsx';
import { useViewer, type PeriodSelection } from './viewer.ts';

/**
 * What the table shows of a board. One fragment for the whole board, not one per entry: the
 * server's depth limit (MAX_DEPTH 8) counts each fragment spread as two levels, and a spread
 * inside this one would take the dashboard's board past it. `$me`: whose standing (the signed-in
 * user; null for someone who is no seller of the board).
 */
const BoardRowsFragment = graphql(`
  fragment BoardRows_board on Leaderboard {
    version
    metric
    periodType
    periodStart
    periodEnd
    totalEntries
    unrankedCount
    minimumSample
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
    standing(userId: $me) {
      rank
      sample
      gap
      ahead {
        user {
          id
          name
        }
      }
      entry {
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
        }
      }
    }
  }
`);

const BOARD_QUERY = graphql(`
  query LeaderboardTab(
    $metric: LeaderboardMetric!
    $periodType: PeriodType!
    $teamId: ID
    $date: Date
    $me: ID!
  ) {
    leaderboard(metric: $metric, periodType: $periodType, teamId: $teamId, date: $date, limit: 25) {
      version
      periodStart
      ...BoardRows_board
    }
  }
`);

const BOARD_LIVE = graphql(`
  subscription LeaderboardLive($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID, $me: ID!) {
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
  const variables = { metric, periodType: period.periodType, teamId, me: viewer.me.id };
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
        <LeaderboardTable board={board} boardKey={key} me={viewer.me.id} current={live} />
      ) : error ? null : live ? (
        <LivePending what="the leaderboard" />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}

type Board = BoardRows_BoardFragment;
type Row = Board['entries'][number] | NonNullable<NonNullable<Board['standing']>['entry']>;

export function LeaderboardTable({
  board: ref,
  boardKey,
  me,
  current,
}: {
  board: FragmentType<typeof BoardRowsFragment>;
  boardKey: string;
  /** The signed-in user: their row is marked and pinned. */
  me: string;
  /** The current period (wording: "yet today" rather than "in November 2025"). */
  current: boolean;
}) {
  const board = getFragmentData(BoardRowsFragment, ref);
  const viewer = useViewer();
  const [explaining, setExplaining] = useState<ContributionsSource | null>(null);
  const { container: body, previous } = useBoardMotion<HTMLTableSectionElement>(boardKey, board);
  const sortedBy = board.metric;
  const label = periodLabel(board.periodType, board.periodStart);
  const before = periodLabel(board.periodType, shiftPeriod(board.periodType, board.periodStart, -1));
  const standing = board.standing;
  const minimum = minimumText(board.metric, board.minimumSample);
  const definition = rateDefinition(board.metric);
  // the seller's own row below the top ones when the server ranks them further down
  const pinned = standing?.entry && !board.entries.some((e) => e.user.id === me) ? standing.entry : null;
  const row = (e: Row, pinnedRow = false) => {
    const why = entryExplanation(viewer, board, e);
    return (
      <tr
        key={e.user.id}
        data-flip-key={e.user.id}
        className={[
          e.medal ? `top ${medalClass(e.medal)}` : '',
          e.user.id === me ? 'me' : '',
          pinnedRow ? 'pinned' : '',
        ]
          .filter(Boolean)
          .join(' ')}
        aria-current={e.user.id === me ? 'true' : undefined}
      >
        <td className="rank">
          <span className="rank-number">{e.rank}</span>
          <Medal medal={e.medal} />
          {/* the pinned row's earlier rank is not on the earlier board: no arrow for it */}
          <RankChange
            previous={pinnedRow ? undefined : previous?.get(e.user.id)}
            current={e.rank}
            showNew={!pinnedRow && previous !== undefined}
          />
        </td>
        <td className="move">
          <RankChange previous={e.previousRank ?? undefined} current={e.rank} since={before} />
        </td>
        <th scope="row" className="name">
          <span className="name-text">{e.user.name}</span>
          {e.user.id === me ? <span className="you-chip">You</span> : null}
          {'team' in e.user && e.user.team ? (
            <span className="muted small"> · {e.user.team.name}</span>
          ) : null}
          {why ? (
            <button
              type="button"
              className="link why"
              aria-label={`Why? ${e.user.name}: ${why.figure}`}
              onClick={() => setExplaining(why)}
            >
              Why?
            </button>
          ) : null}
        </th>
        <td className="num">{formatMoney(e.revenue)}</td>
        <td className="num">{formatCount(e.ordersWon)}</td>
        <td className="num">
          {formatPercent(e.conversionRate)}
          <span className="rate-base">{rateBase('CONVERSION_RATE', e, true)}</span>
        </td>
        <td className="num hide-narrow">
          {formatPercent(e.winRate)}
          <span className="rate-base">{rateBase('WIN_RATE', e, true)}</span>
        </td>
      </tr>
    );
  };

  return (
    <div className="table-wrap">
      {standing ? (
        <p className="standing" role="status">
          {standingText('You', standing, board, current, label)}
        </p>
      ) : null}
      {minimum ? (
        <p className="board-rule">
          <strong>{minimum}</strong>
          {board.unrankedCount > 0 ? (
            <span> · {countOf(board.unrankedCount, NOUNS.seller)} not ranked yet</span>
          ) : null}
          {definition ? <span className="muted small"> · {definition}</span> : null}
        </p>
      ) : null}
      {board.entries.length === 0 ? (
        <p className="empty board-empty" data-empty-board>
          {emptyBoardText(board, current, label)}
        </p>
      ) : (
        <table className="board" aria-label={`Leaderboard by ${sortedBy.toLowerCase().replace('_', ' ')}`}>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col" className="move" title={`Move since the close of ${before}`}>
                Since {periodTick(board.periodType, shiftPeriod(board.periodType, board.periodStart, -1))}
              </th>
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
            {board.entries.map((e) => row(e))}
            {pinned ? (
              <tr className="pinned-gap" aria-hidden="true">
                <td colSpan={7}>⋯</td>
              </tr>
            ) : null}
            {pinned ? row(pinned, true) : null}
          </tbody>
        </table>
      )}
      {explaining ? <ContributionsDialog source={explaining} onClose={() => setExplaining(null)} /> : null}
      {board.totalEntries > board.entries.length ? (
        <p className="muted small">
          Top {formatCount(board.entries.length)} of {countOf(board.totalEntries, NOUNS.seller)} ranked.
        </p>
      ) : null}
    </div>
  );
}
