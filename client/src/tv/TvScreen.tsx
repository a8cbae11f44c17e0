/**
 * The office screen. Everything on it is pushed: each board in rotation and the goals hold one
 * subscription each on the shared socket, kept open while other screens show, so switching is
 * instant and every board is current. Runs for weeks: one rotation timer and one clock timer, both
 * cleared on unmount; feeds are remounted (fresh snapshots) when the organisation’s date changes
 * (by its time zone, not the screen’s); all state is bounded (boards are replaced, goals are keyed
 * by id and pruned, celebrations are capped).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ReconnectIndicator } from '../components/ReconnectIndicator.tsx';
import type { TvMeQuery, TvMeQueryVariables } from '../gql/graphql.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { setDisplayCurrency } from '../lib/format.ts';
import { today, todayIn } from '../lib/periods.ts';
import { CelebrationQueue, LeaderWatch, type BoardFrame } from './celebrations.ts';
import { contestsToShow, ContestWinWatch, type ListedContest } from './contests.ts';
import { ServerClock } from './serverClock.ts';
import { TvContestFeed, TvContestList, type ContestStandingsFrame } from './TvContest.tsx';
import { Celebrations } from './Celebrations.tsx';
import { useQuery, operation } from './live.ts';
import { screensFor, URL_CELEBRATIONS, type Screen, type TvOptions } from './options.ts';
import { TITLES, TvBoardFeed } from './TvBoard.tsx';
import { pagesTime, TvGoalsFeed } from './TvGoals.tsx';

const TV_ME = operation<TvMeQuery, TvMeQueryVariables>(/* GraphQL */ `
  query TvMe {
    me {
      id
      name
      role
      team {
        id
      }
    }
    clock {
      timeZone
    }
    organisation {
      currency
    }
  }
`);

/** While the server is unreachable at start-up, ask again at this pace. */
const ME_RETRY_MS = 10_000;

/**
 * The wall clock shown (this screen's own time) and the organisation's date, by its time zone
 * once the server has said it (until then, the screen's own date): boards and goals are the
 * organisation's periods, so the feeds start again at its midnight, not the screen's.
 * `day` counts the organisation's midnights this page has lived through: it changes when the date
 * moves on in a zone, not when the zone first becomes known (the feeds already show the server's
 * periods, so remounting them then would only blank every board for a moment).
 */
interface Clock {
  time: string;
  date: string;
  zone: string | null;
  day: number;
}

function useClock(timeZone: string | null): Clock {
  const [clock, setClock] = useState<Clock>(() => ({ ...readClock(timeZone), zone: timeZone, day: 0 }));
  useEffect(() => {
    const tick = () => {
      const next = readClock(timeZone);
      setClock((c) => {
        if (c.time === next.time && c.date === next.date && c.zone === timeZone) return c;
        const day = c.zone === timeZone && c.date !== next.date ? c.day + 1 : c.day;
        return { ...next, zone: timeZone, day };
      });
    };
    tick();
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  return clock;
}

function readClock(timeZone: string | null): { time: string; date: string } {
  const now = new Date();
  return {
    time: now.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' }),
    date: timeZone ? todayIn(timeZone, now) : today(now),
  };
}

export function TvScreen({
  options,
  connection,
  onRefused,
  ownTeam = false,
}: {
  options: TvOptions;
  connection: ConnectionStore;
  /** A paired screen's: the server refused its token (revoked), so it pairs again. */
  onRefused?: () => void;
  /** A paired screen's: without ?team=, its account's team (set when it was paired) is shown. */
  ownTeam?: boolean;
}) {
  const me = useQuery(TV_ME, {});
  const meError = me.error?.code ?? null;
  const refetchMe = me.refetch;
  useEffect(() => {
    if (!me.error || meError === 'UNAUTHENTICATED') return undefined;
    const timer = setTimeout(refetchMe, ME_RETRY_MS);
    return () => clearTimeout(timer);
  }, [me.error, meError, refetchMe]);
  const phase = useSyncExternalStore(connection.subscribe, () => connection.getState().phase);

  const role = me.data?.me.role;
  // a paired screen reads its team's goals when its admin allows it (its layout says so)
  const canReadGoals = options.goals ?? (role !== undefined && role !== 'VIEWER');
  const screens = screensFor(options, canReadGoals);
  // its contests (a paired screen whose admin shows them) after its boards, by the server's clock
  const [serverClock] = useState(() => new ServerClock());
  const [contestList, setContestList] = useState<readonly ListedContest[]>([]);
  const showContests = options.contests === true && options.rotateSeconds > 0;
  const contests = showContests ? contestsToShow(contestList, serverClock.now()) : [];
  const rotating: string[] = [...screens, ...contests.map((c) => `contest:${c.id}`)];
  const screensKey = rotating.join(',');
  const count = rotating.length;
  // the rotation starts over when the set of screens changes (e.g. goals join once the role is known)
  const [rotation, setRotation] = useState({ key: screensKey, index: 0 });
  if (rotation.key !== screensKey) setRotation({ key: screensKey, index: 0 });
  const index = rotation.key === screensKey ? rotation.index : 0;
  const active: string = rotating[index % count] ?? 'REVENUE';
  const [goalCount, setGoalCount] = useState(0);
  // the goals screen stays until every page of goals has shown
  const dwell =
    active === 'GOALS' ? Math.max(options.rotateSeconds, pagesTime(goalCount)) : options.rotateSeconds;
  useEffect(() => {
    if (options.rotateSeconds === 0 || count < 2) return undefined;
    const timer = setTimeout(
      () => setRotation((r) => ({ key: r.key, index: (r.index + 1) % count })),
      dwell * 1000,
    );
    return () => clearTimeout(timer);
  }, [options.rotateSeconds, count, screensKey, index, dwell]);
  const clock = useClock(me.data?.clock.timeZone ?? null);
  // every amount on the boards below is in the organisation's currency, once the server has said it
  if (me.data) setDisplayCurrency(me.data.organisation.currency);
  const refused = meError === 'UNAUTHENTICATED' || phase === 'failed';
  // a paired screen's team is known once `me` answers: its feeds wait for it rather than start
  // with the whole organisation's boards and badges and switch
  const teamKnown = options.teamId !== null || !ownTeam || me.data !== undefined;
  const teamId = options.teamId ?? (ownTeam ? (me.data?.me.team?.id ?? null) : null);
  useEffect(() => {
    if (refused) onRefused?.();
  }, [refused, onRefused]);

  // celebrations: one queue for the page's life; a new #1 is watched on the boards it rotates
  const celebrate = options.celebrate ?? URL_CELEBRATIONS;
  const [queue] = useState(() => new CelebrationQueue());
  const [leaders] = useState(() => new LeaderWatch(TITLES));
  const leaderCards = celebrate.kinds.includes('NEW_LEADER');
  const [wins] = useState(() => new ContestWinWatch());
  const winCards = celebrate.kinds.includes('CONTEST_WON');
  const prizes = new Map(contestList.map((c) => [c.id, c.prize ?? null]));
  const onContest = (frame: ContestStandingsFrame) => {
    // watched whether celebrated or not; a contest is celebrated once, by its id
    const found = wins.observe(frame, prizes.get(frame.contestId) ?? null);
    if (winCards) for (const card of found) queue.push(card);
  };
  const onBoard = useCallback(
    (board: BoardFrame) => {
      // watched whether celebrated or not, so switching it on starts from what is on screen
      const found = leaders.observe(board, connection.getState().epoch);
      if (leaderCards) for (const card of found) queue.push(card);
    },
    [leaders, connection, leaderCards, queue],
  );

  if (refused && onRefused) {
    return (
      <main className="tv tv-message">
        <h1>Pulse TV</h1>
        <p role="status">This screen was removed from Pulse: getting a new pairing code…</p>
      </main>
    );
  }
  if (refused) {
    return (
      <main className="tv tv-message">
        <h1>Pulse TV</h1>
        <p role="alert">
          The server refused this screen’s token: it has expired, names no active user, or was signed with
          another server’s secret.
        </p>
        <p>
          Open <code>/tv?token=…</code> with a new one, made on the server’s machine with its data folder or{' '}
          <code>JWT_SECRET</code> (e.g. in the folder the server runs from, with the same{' '}
          <code>DATA_DIR</code>): <code>npm run --silent token -- tv@example.com</code>. The command says
          which secret it signed with, and refuses when it cannot find the server’s.
        </p>
      </main>
    );
  }

  return (
    <main className={`tv${phase === 'connected' ? '' : ' tv-offline'}`} data-screen={active}>
      {teamKnown ? (
        <Celebrations
          key={`c-${clock.day}`}
          queue={queue}
          teamId={teamId}
          periodType={options.periodType}
          settings={celebrate}
          goals={canReadGoals}
          connection={connection}
        />
      ) : null}
      {/* remounted every day: each subscription starts again with a snapshot of the new period */}
      <div className="tv-stage" key={clock.day} data-date={clock.date} data-day={clock.day}>
        {screens
          .filter(() => teamKnown)
          .filter((s): s is Exclude<Screen, 'GOALS'> => s !== 'GOALS')
          .map((metric) => (
            <TvBoardFeed
              key={metric}
              metric={metric}
              periodType={options.periodType}
              teamId={teamId}
              active={active === metric}
              clock={clock.time}
              onBoard={onBoard}
            />
          ))}
        {screens.includes('GOALS') ? (
          <TvGoalsFeed
            // a screen without ?team= shows the goals of the signed-in person's own team
            teamId={options.teamId ?? me.data?.me.team?.id ?? null}
            active={active === 'GOALS'}
            clock={clock.time}
            today={clock.date}
            connection={connection}
            onCount={setGoalCount}
          />
        ) : null}
        {showContests && teamKnown ? (
          <TvContestList serverClock={serverClock} onList={setContestList} />
        ) : null}
        {contests.map((c) => (
          <TvContestFeed
            key={c.id}
            contest={c}
            active={active === `contest:${c.id}`}
            clock={clock.time}
            serverClock={serverClock}
            onFrame={onContest}
          />
        ))}
      </div>
      <footer className="tv-footer">
        <span className="tv-brand">
          <span className="brand-mark" aria-hidden="true" /> Pulse
        </span>
        {count > 1 ? (
          <ol className="tv-dots" aria-label="Screens">
            {rotating.map((s, i) => (
              <li
                key={s}
                className={i === index % count ? 'on' : ''}
                aria-current={i === index % count || undefined}
              >
                <span className="visually-hidden">{s}</span>
              </li>
            ))}
          </ol>
        ) : null}
        <ReconnectIndicator connection={connection} />
        {me.data ? <span className="tv-account">{me.data.me.name}</span> : null}
      </footer>
    </main>
  );
}
