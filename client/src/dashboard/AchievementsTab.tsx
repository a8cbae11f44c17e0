/**
 * Badges, newest first, for me, my team or everyone; new badges arrive live (achievementUnlocked).
 * Below them the same scope's kudos, and "Give kudos" (KudosSection.tsx).
 * Above them, for one person, how far they are from each rule's badge ("2 of 3 deals won this
 * month"): the figures are the server's (achievementProgress, summed as the rule sums them).
 */
import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { BadgeIcon } from '../components/icons/BadgeIcon.tsx';
import { Icon } from '../components/icons/Icon.tsx';
import { progressText, remainingText, WHEN } from '../lib/badges.ts';
import { formatNumber } from '../lib/format.ts';
import { useClock } from './clock.ts';
import { KudosSection } from './KudosSection.tsx';
import { useLiveFigures, useRefetchOnChange } from './liveFigures.ts';
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

const PROGRESS = graphql(`
  query AchievementProgress($userId: ID!) {
    achievementProgress(userId: $userId) {
      rule {
        id
        title
        badgeIcon
        description
        metric
        periodType
        threshold
      }
      periodStart
      current
      remaining
      earned
    }
  }
`);

const LIMIT = 60;

function BadgeProgress({ person }: { person: Person }) {
  const live = useLiveFigures();
  const { data, error, refetch } = useQuery(PROGRESS, {
    variables: { userId: person.id },
    pollInterval: live.pollInterval,
  });
  useRefetchOnChange(live.version, refetch);
  if (error && !data)
    return (
      <p className="error" role="alert">
        Could not load the progress toward badges: {error.message}
      </p>
    );
  const rules = data?.achievementProgress ?? [];
  if (rules.length === 0) return null;
  return (
    <section className="badge-progress" aria-label="Progress toward badges">
      <h3>Badges to earn</h3>
      <ul>
        {rules.map((p) => {
          const text = progressText(p.rule.metric, p.rule.periodType, p.current, p.rule.threshold);
          return (
            <li key={p.rule.id} className={`card rule${p.earned ? ' earned' : ''}`} data-rule={p.rule.title}>
              <span className="achievement-icon" aria-hidden="true">
                <BadgeIcon icon={p.rule.badgeIcon} />
              </span>
              <div className="rule-body">
                <h4>{p.rule.title}</h4>
                {p.earned ? (
                  <p className="rule-progress">
                    Earned {p.rule.periodType ? WHEN[p.rule.periodType] : ''} <Icon name="check" /> · {text}
                  </p>
                ) : (
                  <>
                    <ProgressBar
                      value={p.rule.threshold > 0 ? (p.current / p.rule.threshold) * 100 : 0}
                      label={`${p.rule.title}: progress`}
                    />
                    <p className="rule-progress">
                      {text} · {remainingText(p.rule.metric, p.remaining)}
                    </p>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
type Scope = 'person' | 'team' | 'all';

/** `teamId`: the dashboard's team, whose badges are shown when no one person is chosen. */
export function AchievementsTab({
  person,
  teamId: chosenTeam,
}: {
  person: Person | null;
  teamId: string | null;
}) {
  const viewer = useViewer();
  const [scope, setScope] = useState<Scope>(person ? 'person' : chosenTeam ? 'team' : 'all');
  const scopeId = useId();
  const scopeTeam = person?.teamId ?? chosenTeam;
  const scopeTeamName = person ? person.teamName : viewer.teams.find((t) => t.id === chosenTeam)?.name;
  const teamId = scope === 'team' ? scopeTeam : null;
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
            {scopeTeam ? <option value="team">Team {scopeTeamName}</option> : null}
            <option value="all">Everyone</option>
          </select>
        </label>
      </div>
      {person && scope === 'person' && viewer.me.role !== 'VIEWER' ? <BadgeProgress person={person} /> : null}
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
      <KudosSection
        userId={userId}
        teamId={teamId}
        recipientId={person && person.id !== viewer.me.id ? person.id : null}
      />
    </div>
  );
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The day of an instant in the organisation's zone (a badge of 9 pm in New York is not "tomorrow"). */
function dayIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone });
    dayFormats.set(timeZone, format);
  }
  return format;
}

function AchievementCard({
  achievement: ref,
  showName,
}: {
  achievement: FragmentType<typeof AchievementCardFragment>;
  showName: boolean;
}) {
  const a = getFragmentData(AchievementCardFragment, ref);
  const { timeZone } = useClock();
  return (
    <article className="card achievement" aria-label={`${a.title}: ${a.user.name}`}>
      <div className="achievement-icon" aria-hidden="true">
        <BadgeIcon icon={a.badgeIcon} />
      </div>
      <div className="achievement-body">
        <h3>{a.title}</h3>
        {showName ? <p className="achievement-who">{a.user.name}</p> : null}
        {a.description ? <p className="achievement-description">{a.description}</p> : null}
        <p className="achievement-meta">
          <span className="badge kind">{a.kind}</span>
          <time dateTime={a.achievedAt}>{dayIn(timeZone).format(new Date(a.achievedAt))}</time>
          {/* a description already says what was reached, with its unit; the bare value only without one */}
          {a.value !== null && !a.description ? (
            <span className="achievement-value">{formatNumber(a.value)}</span>
          ) : null}
        </p>
      </div>
    </article>
  );
}
