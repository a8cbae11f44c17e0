/**
 * The contests list (/contests): running, upcoming and ended, each leading to its live page; a
 * manager or admin creates one ("New contest") and edits those they run. The server scopes the
 * list (a rep: theirs and their team's; a screen: its team's).
 */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { LoadState, queryState } from '../components/Actions.tsx';
import { useClock } from '../dashboard/clock.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { graphql } from '../gql/index.ts';
import type { ContestStatus } from '../gql/graphql.ts';
import { linkClick, navigate } from '../lib/router.ts';
import { ContestDialog } from './ContestDialog.tsx';
import { bySection, FORMAT_NAMES, METRIC_NAMES, STATUS_NAMES, windowText } from './contests.ts';

const CONTESTS = graphql(`
  query Contests {
    contests(limit: 100) {
      id
      name
      prize
      startsAt
      endsAt
      metric
      format
      status
    }
  }
`);

const SECTIONS: ContestStatus[] = ['RUNNING', 'UPCOMING', 'ENDED'];

export function ContestsPage({ viewer }: { viewer: ViewerInfo }) {
  const { timeZone } = useClock();
  const result = useQuery(CONTESTS, { fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const canCreate =
    viewer.me.role === 'ADMIN' || (viewer.me.role === 'MANAGER' && viewer.writableTeamIds.size > 0);
  const sections = bySection(result.data?.contests ?? []);
  return (
    <section className="contests-page" aria-labelledby="contests-title">
      <div className="section-head">
        <h1 id="contests-title">Contests</h1>
        {canCreate ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New contest
          </button>
        ) : null}
      </div>
      <LoadState what="contests" {...queryState(result)}>
        {SECTIONS.map((status) => (
          <div key={status} className="contest-section">
            <h2>{STATUS_NAMES[status]}</h2>
            {sections[status].length === 0 ? (
              <p className="muted">No {STATUS_NAMES[status].toLowerCase()} contests.</p>
            ) : (
              <ul className="contest-list">
                {sections[status].map((c) => (
                  <li key={c.id} className={`card contest-card ${c.status.toLowerCase()}`}>
                    <a href={`/contests/${c.id}`} onClick={linkClick} className="contest-name">
                      {c.name}
                    </a>
                    <span className="muted small">
                      {windowText(c.startsAt, c.endsAt, timeZone)} · {METRIC_NAMES[c.metric]} ·{' '}
                      {FORMAT_NAMES[c.format]}
                    </span>
                    {c.prize ? <span className="contest-prize">Prize: {c.prize}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </LoadState>
      {creating ? (
        <ContestDialog
          viewer={viewer}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            if (id) navigate(`/contests/${id}`);
          }}
        />
      ) : null}
    </section>
  );
}
