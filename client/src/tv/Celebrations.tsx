/**
 * A banner for each badge as it is awarded (achievementUnlocked sends only new ones, so a
 * reconnecting screen does not celebrate old badges again). Shown one at a time for SHOW_MS; at
 * most MAX_QUEUED wait, older ones are dropped: a burst never builds an unbounded queue.
 */
import { useEffect, useState } from 'react';
import type { TvAchievementSubscription, TvAchievementSubscriptionVariables } from '../gql/graphql.ts';
import { useSubscription, operation } from './live.ts';

const TV_ACHIEVEMENT = operation<TvAchievementSubscription, TvAchievementSubscriptionVariables>(
  /* GraphQL */ `
    subscription TvAchievement($teamId: ID) {
      achievementUnlocked(teamId: $teamId) {
        id
        badgeIcon
        title
        description
        kind
        value
        user {
          id
          name
        }
      }
    }
  `,
);

type Badge = TvAchievementSubscription['achievementUnlocked'];

export const SHOW_MS = 8_000;
export const MAX_QUEUED = 5;

export function enqueue(queue: readonly Badge[], badge: Badge): Badge[] {
  if (queue.some((b) => b.id === badge.id)) return [...queue];
  const next = [...queue, badge];
  // keep the one on screen (index 0) and the newest arrivals
  return next.length > MAX_QUEUED ? [next[0]!, ...next.slice(next.length - MAX_QUEUED + 1)] : next;
}

export function Celebrations({ teamId }: { teamId: string | null }) {
  const [queue, setQueue] = useState<Badge[]>([]);
  useSubscription(TV_ACHIEVEMENT, { teamId }, (data) =>
    setQueue((q) => enqueue(q, data.achievementUnlocked)),
  );
  const current = queue[0];
  useEffect(() => {
    if (!current) return undefined;
    const timer = setTimeout(() => setQueue((q) => q.slice(1)), SHOW_MS);
    return () => clearTimeout(timer);
  }, [current]);
  if (!current) return null;
  return (
    <div className="tv-celebration" role="status" aria-live="assertive" key={current.id}>
      <div className="tv-celebration-icon" aria-hidden="true">
        {current.badgeIcon}
      </div>
      <div className="tv-celebration-text">
        <p className="tv-celebration-kicker">New badge · {current.kind}</p>
        <p className="tv-celebration-title">
          {current.user.name} earned <strong>{current.title}</strong>
        </p>
        {/* the description says what was reached ("Reached $10,000 in revenue"): the bare value
            beside it ("(10,000)") only repeated it without its unit */}
        {current.description ? <p className="tv-celebration-description">{current.description}</p> : null}
      </div>
    </div>
  );
}
