/** Badges, newest first, for me, my team or everyone; new badges arrive live (achievementUnlocked). */
import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { useViewer, type Person } from './viewer.ts';

const AchievementCardFragment = graphql(`
  fragment AchievementCard_achievement on Achievement {
    id
    badgeIcon
    title
    description
    kind
    achievedAt
    value
    user {
      id
      name
    }
  }
`);

const ACHIEVEMENTS = graphql(`
  query AchievementsTab($userId: ID, $teamId: ID, $limit: Int!) {
    achievements(userId: $userId, teamId: $teamId, limit: $limit) {
      id
      achievedAt
      user {
        id
        team {
          id
        }
      }
      ...AchievementCard_achievement
    }
  }
`);

const UNLOCKED = graphql(`
  subscription AchievementUnlocked($teamId: ID) {
    achievementUnlocked(teamId: $teamId) {
      id
      achievedAt
      user {
        id
        team {
          id
        }
      }
      ...AchievementCard_achievement
    }
  }
`);

const LIMIT = 60;
type Scope = 'person' | 'team' | 'all';

export function AchievementsTab({ person }: { person: Person | null }) {
  const viewer = useViewer();
  const [scope, setScope] = useState<Scope>(person ? 'person' : 'all');
  const scopeId = useId();
  const teamId = scope === 'team' ? (person?.teamId ?? null) : null;
  const userId = scope === 'person' ? (person?.id ?? null) : null;
  const { data, error, loading, subscribeToMore } = useQuery(ACHIEVEMENTS, {
    variables: { userId, teamId, limit: LIMIT },
  });

  useEffect(
    () =>
      subscribeToMore({
        document: UNLOCKED,
        variables: { teamId },
        updateQuery: (previous, { subscriptionData }) => {
          if (!previous) return previous;
          const badge = subscriptionData.data?.achievementUnlocked;
          const list = previous.achievements ?? [];
          if (!badge || list.some((a) => a.id === badge.id)) return previous as never;
          if (userId !== null && badge.user.id !== userId) return previous as never;
          // newest first, and never more than the page holds
          return { ...previous, achievements: [badge, ...list].slice(0, LIMIT) } as never;
        },
      }),
    [subscribeToMore, teamId, userId],
  );

  const own = person?.id === viewer.me.id;
  return (
    <div>
      <div className="section-head">
        <h2>Achievements</h2>
        <label className="inline-field" htmlFor={scopeId}>
          <span>Show</span>
          <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {person ? <option value="person">{own ? 'Mine' : person.name}</option> : null}
            {person?.teamId ? <option value="team">Team {person.teamName}</option> : null}
            <option value="all">Everyone</option>
          </select>
        </label>
      </div>
      {error && !data ? (
        <p className="error" role="alert">
          Could not load achievements: {error.message}
        </p>
      ) : null}
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {data && data.achievements.length === 0 ? <p className="empty">No badges yet.</p> : null}
      <ul className="badge-grid">
        {data?.achievements.map((a) => (
          <li key={a.id}>
            <AchievementCard achievement={a} showName={scope !== 'person'} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function AchievementCard({
  achievement: ref,
  showName,
}: {
  achievement: FragmentType<typeof AchievementCardFragment>;
  showName: boolean;
}) {
  const a = getFragmentData(AchievementCardFragment, ref);
  return (
    <article className="card achievement" aria-label={`${a.title}: ${a.user.name}`}>
      <div className="achievement-icon" aria-hidden="true">
        {a.badgeIcon}
      </div>
      <div className="achievement-body">
        <h3>{a.title}</h3>
        {showName ? <p className="achievement-who">{a.user.name}</p> : null}
        {a.description ? <p className="achievement-description">{a.description}</p> : null}
        <p className="achievement-meta">
          <span className="badge kind">{a.kind}</span>
          <time dateTime={a.achievedAt}>{formatDate(a.achievedAt.slice(0, 10))}</time>
          {/* a description already says what was reached, with its unit; the bare value only without one */}
          {a.value !== null && !a.description ? (
            <span className="achievement-value">{formatNumber(a.value)}</span>
          ) : null}
        </p>
      </div>
    </article>
  );
}
