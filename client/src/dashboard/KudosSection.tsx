/**
 * Kudos in the achievements tab (issue 19): the newest kudos of the tab's scope (one person's,
 * received or given; their team's; everyone's), arriving live (kudosGiven), with "Give kudos" for every
 * signed-in person (not a screen). A private kudos' message comes back null for those who may
 * not read it: it says "Private message" instead.
 */
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import { useClock } from './clock.ts';
import { KudosDialog } from './KudosDialog.tsx';
import { useViewer } from './viewer.ts';

const KUDOS_FEED = graphql(`
  query KudosFeed($userId: ID, $teamId: ID, $first: Int!) {
    kudos(userId: $userId, teamId: $teamId, first: $first) {
      hasNextPage
      nodes {
        ...KudosItem_kudos
      }
    }
  }
`);

const KudosItemFragment = graphql(`
  fragment KudosItem_kudos on Kudos {
    id
    message
    private
    createdAt
    giver {
      id
      name
    }
    recipient {
      id
      name
      team {
        id
      }
    }
  }
`);

const KUDOS_GIVEN = graphql(`
  subscription KudosGiven($teamId: ID) {
    kudosGiven(teamId: $teamId) {
      ...KudosItem_kudos
    }
  }
`);

const getKudos = (ref: FragmentType<typeof KudosItemFragment>) => getFragmentData(KudosItemFragment, ref);

const SHOWN = 20;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function whenIn(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
    });
    timeFormats.set(timeZone, format);
  }
  return format;
}

export function KudosSection({
  userId,
  teamId,
  recipientId,
}: {
  userId: string | null;
  teamId: string | null;
  /** Who "Give kudos" offers first (the person the dashboard shows, when not you). */
  recipientId: string | null;
}) {
  const viewer = useViewer();
  const { timeZone } = useClock();
  const [giving, setGiving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const { data, error, subscribeToMore } = useQuery(KUDOS_FEED, {
    variables: { userId, teamId, first: SHOWN },
  });

  useEffect(
    () =>
      subscribeToMore({
        document: KUDOS_GIVEN,
        variables: { teamId },
        updateQuery: (previous, { subscriptionData }) => {
          const given = subscriptionData.data?.kudosGiven;
          if (!previous?.kudos || !given) return previous as never;
          const k = getKudos(given);
          if (userId !== null && k.recipient.id !== userId && k.giver.id !== userId) return previous as never;
          // the cache's page as Apollo types it (deep-partial): the nodes are whole fragments
          const list = (previous.kudos.nodes ?? []) as FragmentType<typeof KudosItemFragment>[];
          if (list.some((n) => getKudos(n).id === k.id)) return previous as never;
          const nodes = [given, ...list].slice(0, SHOWN);
          return { ...previous, kudos: { ...previous.kudos, nodes } } as never;
        },
      }),
    [subscribeToMore, teamId, userId],
  );

  const canGive = viewer.me.role !== 'VIEWER';
  const items = (data?.kudos.nodes ?? []).map(getKudos);
  return (
    <section className="kudos" aria-label="Kudos">
      <div className="section-head">
        <h3>Kudos</h3>
        {canGive ? (
          <button type="button" className="primary" onClick={() => setGiving(true)}>
            Give kudos
          </button>
        ) : null}
      </div>
      {status ? (
        <p className="muted" role="status">
          {status}
        </p>
      ) : null}
      {error && !data ? (
        <p className="error" role="alert">
          Could not load kudos: {error.message}
        </p>
      ) : null}
      {data && items.length === 0 ? <p className="empty">No kudos yet.</p> : null}
      <ul className="kudos-list">
        {items.map((k) => (
          <li key={k.id} className="card kudos-item" data-kudos={k.id}>
            <p className="kudos-who">
              <strong>{k.giver.name}</strong> thanked <strong>{k.recipient.name}</strong>
            </p>
            {k.message !== null ? (
              <p className="kudos-message">“{k.message}”</p>
            ) : (
              <p className="kudos-message muted">Private message</p>
            )}
            <p className="achievement-meta">
              {k.private && k.message !== null ? <span className="badge kind">Private</span> : null}
              <time dateTime={k.createdAt}>{whenIn(timeZone).format(new Date(k.createdAt))}</time>
            </p>
          </li>
        ))}
      </ul>
      {giving ? (
        <KudosDialog
          recipientId={recipientId}
          onDone={(message) => {
            setGiving(false);
            if (message) setStatus(message);
          }}
        />
      ) : null}
    </section>
  );
}
