/**
 * One contest, live (/contests/<id>): contestChanged sends the standings at once and after each
 * change. Before the start a countdown to startsAt (ticking here; the server sends the standings
 * when the window opens); while it runs the standings; after the end the winners and the frozen results,
 * which say they are final. A writer of the contest edits it from here.
 */
import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { FormError } from '../components/Actions.tsx';
import { useClock } from '../dashboard/clock.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { graphql } from '../gql/index.ts';
import { apiError } from '../lib/errors.ts';
import { linkClick } from '../lib/router.ts';
import { ContestDialog } from './ContestDialog.tsx';
import { countdown, FORMAT_NAMES, formatValue, METRIC_NAMES, STATUS_NAMES, windowText } from './contests.ts';

const CONTEST_INFO = graphql(`
  query ContestInfo($id: ID!) {
    contest(id: $id) {
      id
      name
      description
      prize
      startsAt
      endsAt
      metric
      activityKind
      goalMetric
      format
      everyone
      status
      users {
        id
      }
      teams {
        id
        name
      }
      pairs {
        user {
          id
        }
        opponent {
          id
        }
      }
    }
    organisation {
      currency
    }
  }
`);

const CONTEST_LIVE = graphql(`
  subscription ContestLive($id: ID!) {
    contestChanged(id: $id) {
      contestId
      status
      startsAt
      endsAt
      generatedAt
      frozen
      closedAt
      entries {
        rank
        value
        members
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

/** This browser's clock, ticking every second while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

export function ContestPage({ id, viewer }: { id: string; viewer: ViewerInfo }) {
  const { timeZone } = useClock();
  const info = useQuery(CONTEST_INFO, { variables: { id } });
  const live = useSubscription(CONTEST_LIVE, { variables: { id } });
  const [editing, setEditing] = useState(false);
  const standings = live.data?.contestChanged;
  const now = useNow(standings?.status === 'UPCOMING');
  const contest = info.data?.contest;
  const currency = info.data?.organisation.currency ?? 'USD';
  const error = info.error ?? live.error;
  if (error && !contest)
    return <FormError message={apiError(error)?.message ?? 'Could not load the contest.'} />;
  if (info.data && !contest) return <p className="muted">No such contest.</p>;
  if (!contest) return <p className="muted">Loading the contest…</p>;
  const writer =
    viewer.me.role === 'ADMIN' ||
    (viewer.me.role === 'MANAGER' && !contest.everyone && viewer.writableTeamIds.size > 0);
  const status = standings?.status ?? contest.status;
  const teamFormat = contest.format === 'TEAM_TOTAL' || contest.format === 'TEAM_AVERAGE';
  const h2h = contest.format === 'HEAD_TO_HEAD';
  const left = Date.parse(contest.startsAt) - now;

  return (
    <section className="contest-page" aria-labelledby="contest-title">
      <a className="back-link" href="/contests" onClick={linkClick}>
        ← Contests
      </a>
      <div className="section-head">
        <h1 id="contest-title">{contest.name}</h1>
        <span className={`contest-status ${status.toLowerCase()}`}>{STATUS_NAMES[status]}</span>
        {writer && status !== 'ENDED' ? (
          <button type="button" className="ghost" onClick={() => setEditing(true)}>
            Edit
          </button>
        ) : null}
      </div>
      <p className="muted">
        {windowText(contest.startsAt, contest.endsAt, timeZone)} ({timeZone}) · {METRIC_NAMES[contest.metric]}{' '}
        · {FORMAT_NAMES[contest.format]}
      </p>
      {contest.prize ? <p className="contest-prize">Prize: {contest.prize}</p> : null}
      {contest.description ? <p>{contest.description}</p> : null}

      {status === 'UPCOMING' ? (
        <div className="card contest-countdown" role="timer" aria-live="off">
          <span className="muted">Starts in</span>
          <strong>{countdown(left)}</strong>
        </div>
      ) : null}

      {standings?.frozen ? (
        <div className="card contest-winners" role="status">
          <strong>
            {standings.winners.length
              ? `Winner${standings.winners.length > 1 ? 's' : ''}: ${standings.winners.map((w) => w.name).join(', ')}`
              : 'No winner: nobody scored.'}
          </strong>
          <span className="muted small">
            Final results, frozen at the close
            {standings.closedAt
              ? ` (${new Date(standings.closedAt).toLocaleString('en-GB', { timeZone })})`
              : ''}
            : activities changed later inside the window do not count.
          </span>
        </div>
      ) : null}

      {standings && status !== 'UPCOMING' ? (
        <table className="contest-standings">
          <caption className="visually-hidden">Standings</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{teamFormat ? 'Team' : 'Name'}</th>
              {h2h ? <th scope="col">Opponent</th> : null}
              <th scope="col" className="num">
                {METRIC_NAMES[contest.metric]}
              </th>
              {h2h ? (
                <th scope="col" className="num">
                  Theirs
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {standings.entries.map((e) => (
              <tr
                key={e.user?.id ?? `team-${e.team?.id ?? ''}`}
                className={e.leading || e.rank === 1 ? 'leader' : ''}
              >
                <td>{e.rank ?? '–'}</td>
                <td>
                  {teamFormat ? `${e.team?.name ?? ''} (${e.members ?? 0})` : (e.user?.name ?? '')}
                  {!teamFormat && e.team ? <span className="muted small"> {e.team.name}</span> : null}
                </td>
                {h2h ? <td>{e.opponent?.name ?? '—'}</td> : null}
                <td className="num">{formatValue(e.value, contest.metric, currency)}</td>
                {h2h ? (
                  <td className="num">{formatValue(e.opponentValue, contest.metric, currency)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!standings && !live.error ? <p className="muted">Connecting…</p> : null}
      {live.error ? (
        <FormError message={apiError(live.error)?.message ?? 'The live standings stopped.'} />
      ) : null}
      {editing ? (
        <ContestDialog
          viewer={viewer}
          contest={contest}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </section>
  );
}
