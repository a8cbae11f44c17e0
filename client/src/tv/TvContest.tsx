/**
 * A contest on the TV (issue 17): its name and prize, then, by its state, a countdown to its start,
 * its live standings in the format's shape (people, teams, or head-to-head pairs: the top that fit)
 * with the time left, or its frozen winners. The standings come from contestChanged (recomputed
 * once per change for every screen); countdowns and time left are measured on the server's clock
 * (serverClock.ts, set by each contestsChanged frame, stamped as sent), ticking once a second only
 * while the contest is on screen.
 */
import { useEffect, useState } from 'react';
import { Medal } from '../components/Medal.tsx';
import type {
  Medal as MedalName,
  TvContestsSubscription,
  TvContestsSubscriptionVariables,
  TvContestSubscription,
  TvContestSubscriptionVariables,
} from '../gql/graphql.ts';
import { countdown, FORMAT_NAMES, formatValue, METRIC_NAMES } from '../contests/contests.ts';
import { medalClass } from '../lib/boards.ts';
import { displayCurrencyCode } from '../lib/format.ts';
import { namesOf, type ListedContest } from './contests.ts';
import { operation, useSubscription } from './live.ts';
import type { ServerClock } from './serverClock.ts';

const TV_CONTEST = operation<TvContestSubscription, TvContestSubscriptionVariables>(/* GraphQL */ `
  subscription TvContest($id: ID!) {
    contestChanged(id: $id) {
      contestId
      name
      status
      startsAt
      endsAt
      frozen
      entries {
        rank
        value
        opponentValue
        leading
        user {
          id
          name
        }
        team {
          id
          name
        }
        opponent {
          id
          name
        }
      }
      winners {
        id
        name
      }
    }
  }
`);

const TV_CONTESTS = operation<TvContestsSubscription, TvContestsSubscriptionVariables>(/* GraphQL */ `
  subscription TvContests {
    contestsChanged {
      generatedAt
      contests {
        id
        name
        prize
        status
        startsAt
        endsAt
        metric
        format
      }
    }
  }
`);

/**
 * The contests the screen reads (upcoming, running, just ended), at once and after each change:
 * created, changed, started or ended (contestsChanged). Renders nothing; tells `onList`.
 */
export function TvContestList({
  serverClock,
  onList,
}: {
  serverClock: ServerClock;
  onList: (list: readonly ListedContest[]) => void;
}) {
  useSubscription(TV_CONTESTS, {}, ({ contestsChanged: list }) => {
    serverClock.observe(list.generatedAt);
    onList(list.contests);
  });
  return null;
}

export type ContestStandingsFrame = TvContestSubscription['contestChanged'];

/** Rows that fit the screen (as the boards: 10). */
export const CONTEST_ROWS = 10;

const MEDALS: Record<number, MedalName> = { 1: 'GOLD', 2: 'SILVER', 3: 'BRONZE' };

/** The server's time, re-read every second while `ticking` (and at every render). */
function useServerNow(clock: ServerClock, ticking: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return clock.now();
}

type Entry = ContestStandingsFrame['entries'][number];

function nameOf(e: Entry): string {
  return e.team && !e.user ? e.team.name : (e.user?.name ?? e.team?.name ?? '—');
}

function Standings({ contest, frame }: { contest: ListedContest; frame: ContestStandingsFrame }) {
  const value = (v: string | null) => formatValue(v, contest.metric, displayCurrencyCode());
  const ranked = frame.entries.slice(0, CONTEST_ROWS);
  if (ranked.length === 0)
    return (
      <div className="tv-empty">
        <p className="tv-empty-title">
          No one has scored yet: the first {METRIC_NAMES[contest.metric].toLowerCase()} leads.
        </p>
      </div>
    );
  if (contest.format === 'HEAD_TO_HEAD')
    return (
      <ol className="tv-rows tv-contest-pairs">
        {ranked.map((e) => (
          <li key={e.user?.id} className="tv-row tv-pair" data-user={e.user?.name}>
            <span className={`tv-pair-side${e.leading ? ' leading' : ''}`}>
              <span className="tv-name">{e.user?.name}</span>
              <span className="tv-value">{value(e.value)}</span>
            </span>
            <span className="tv-pair-vs" aria-label="against">
              vs
            </span>
            <span
              className={`tv-pair-side opponent${e.leading === false && e.value !== e.opponentValue ? ' leading' : ''}`}
            >
              <span className="tv-value">{value(e.opponentValue)}</span>
              <span className="tv-name">{e.opponent?.name}</span>
            </span>
          </li>
        ))}
      </ol>
    );
  const top = Number(ranked[0]?.value ?? 0);
  // a contest of one team: its name beside every person says nothing
  const oneTeam = new Set(ranked.map((e) => e.team?.id)).size === 1;
  return (
    <ol className="tv-rows">
      {ranked.map((e, i) => {
        const scored = Number(e.value ?? 0) > 0;
        // a medal and a bar for those who scored: nobody wins silver with nothing
        const medal = e.rank !== null && scored ? (MEDALS[e.rank] ?? null) : null;
        const width = top > 0 && scored ? Math.max(2, (Number(e.value) / top) * 100) : 0;
        return (
          <li
            key={e.user?.id ?? e.team?.id ?? i}
            className={`tv-row tv-contest-row ${medalClass(medal)}`.trim()}
            data-user={nameOf(e)}
          >
            <span className="tv-rank">
              {medal ? <Medal medal={medal} /> : <span className="tv-rank-number">{e.rank ?? '–'}</span>}
            </span>
            <span className="tv-name">
              {nameOf(e)}
              {e.user && e.team && !oneTeam ? <span className="tv-name-team">{e.team.name}</span> : null}
            </span>
            <span className="tv-bar" aria-hidden="true">
              <span style={{ width: `${width}%` }} />
            </span>
            <span className="tv-value">{value(e.value)}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function TvContestFeed({
  contest,
  active,
  clock,
  serverClock,
  onFrame,
}: {
  contest: ListedContest;
  active: boolean;
  clock: string;
  serverClock: ServerClock;
  /** Told of every frame (the winners' card). */
  onFrame?: (frame: ContestStandingsFrame) => void;
}) {
  // the clock is set by the list's frames, stamped as sent: a contest frame's generatedAt is when
  // its standings were computed, which for a screen that just subscribed may be long before
  const { data, error } = useSubscription(TV_CONTEST, { id: contest.id }, ({ contestChanged: frame }) =>
    onFrame?.(frame),
  );
  const frame = data?.contestChanged;
  const now = useServerNow(serverClock, active);
  const status = frame?.status ?? contest.status;
  const startsIn = Date.parse(contest.startsAt) - now;
  const endsIn = Date.parse(contest.endsAt) - now;
  const what = `${METRIC_NAMES[contest.metric]} · ${FORMAT_NAMES[contest.format]}`;
  return (
    <section
      className="tv-screen tv-contest"
      hidden={!active}
      aria-label={`Contest: ${contest.name}`}
      data-contest={contest.id}
      data-status={frame?.frozen ? 'FROZEN' : status}
    >
      <header className="tv-head">
        <h1 title={contest.name}>
          <span className="tv-contest-kicker">Contest · </span>
          {contest.name}
        </h1>
        <p className="tv-sub">
          {status === 'UPCOMING' ? (
            <span className="tv-contest-time">starts in {countdown(startsIn)}</span>
          ) : status === 'RUNNING' ? (
            <span className="tv-contest-time" data-left={Math.max(0, Math.ceil(endsIn / 1000))}>
              {countdown(endsIn)} left
            </span>
          ) : (
            <span className="tv-contest-time">final results</span>
          )}
          <span className="tv-clock">{clock}</span>
        </p>
      </header>
      <p className="tv-contest-line">
        {contest.prize ? <span className="tv-contest-prize">Prize: {contest.prize}</span> : null}
        <span className="tv-contest-what">{what}</span>
      </p>
      {!frame ? (
        <p className="tv-wait">
          {error ? `Waiting for the server… (${error.message})` : 'Loading the contest…'}
        </p>
      ) : status === 'UPCOMING' ? (
        <div className="tv-empty tv-contest-countdown">
          <p className="tv-empty-sub">Starts in</p>
          <p className="tv-contest-big" data-countdown>
            {countdown(startsIn)}
          </p>
        </div>
      ) : frame.frozen ? (
        <div className="tv-contest-final">
          <p className="tv-contest-winners" data-winners={frame.winners.length}>
            {frame.winners.length
              ? `${frame.winners.length === 1 ? 'Winner' : 'Winners'}: ${namesOf(frame.winners.map((w) => w.name))}`
              : 'Nobody won: no one scored.'}
          </p>
          <Standings contest={contest} frame={frame} />
        </div>
      ) : (
        <Standings contest={contest} frame={frame} />
      )}
    </section>
  );
}
