/**
 * Celebration cards on the TV (issue 17): a full-screen card over the rotation for a few seconds,
 * one at a time, from the queue and watchers of celebrations.ts. Each kind the screen celebrates
 * keeps one feed while on: badges (achievementUnlocked sends only new ones), kudos (kudosGiven,
 * likewise; a private one's message never reaches a screen), sales (the revenue
 * board of the screen's team and period: a seller's orders and revenue rising between frames),
 * goals achieved (goalChanged, when the screen may read its team's goals); a new #1 comes from
 * the rotation's own boards (TvScreen hands their frames to the LeaderWatch). Nothing here asks
 * the server anything per event: every feed is a subscription the hub already serves. A chime
 * plays with each new card when the screen's sound is on (chime.ts).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BadgeIcon } from '../components/icons/BadgeIcon.tsx';
import { Icon } from '../components/icons/Icon.tsx';
import type {
  PeriodType,
  TvAchievementSubscription,
  TvAchievementSubscriptionVariables,
  TvGoalAchievedSubscription,
  TvGoalAchievedSubscriptionVariables,
  TvKudosSubscription,
  TvKudosSubscriptionVariables,
  TvSalesSubscription,
  TvSalesSubscriptionVariables,
} from '../gql/graphql.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { METRIC_NAMES } from '../lib/goals.ts';
import { GoalWatch, SaleWatch, type CelebrationQueue } from './celebrations.ts';
import { playChime } from './chime.ts';
import { useSubscription, operation } from './live.ts';
import type { CelebrationSettings } from './options.ts';

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

const TV_KUDOS = operation<TvKudosSubscription, TvKudosSubscriptionVariables>(/* GraphQL */ `
  subscription TvKudos($teamId: ID) {
    kudosGiven(teamId: $teamId) {
      id
      message
      giver {
        id
        name
      }
      recipient {
        id
        name
      }
    }
  }
`);

/** The sellers a sale is seen on: the top SALES_LIMIT of the screen's team's revenue board (the `limit` below). */
export const SALES_LIMIT = 100;

const TV_SALES = operation<TvSalesSubscription, TvSalesSubscriptionVariables>(/* GraphQL */ `
  subscription TvSales($periodType: PeriodType!, $teamId: ID) {
    leaderboardChanged(metric: REVENUE, periodType: $periodType, teamId: $teamId, limit: 100) {
      version
      metric
      periodStart
      entries {
        rank
        revenue
        ordersWon
        user {
          id
          name
        }
      }
    }
  }
`);

const TV_GOAL_ACHIEVED = operation<TvGoalAchievedSubscription, TvGoalAchievedSubscriptionVariables>(
  /* GraphQL */ `
    subscription TvGoalAchieved($teamId: ID) {
      goalChanged(teamId: $teamId) {
        id
        metric
        status
        user {
          id
          name
        }
        team {
          id
          name
        }
      }
    }
  `,
);

function BadgeFeed({ teamId, queue }: { teamId: string | null; queue: CelebrationQueue }) {
  useSubscription(TV_ACHIEVEMENT, { teamId }, ({ achievementUnlocked: a }) =>
    queue.push({
      kind: 'BADGE',
      id: `badge:${a.id}`,
      who: a.user.name,
      title: `${a.user.name} earned`,
      strong: a.title,
      // the description says what was reached ("Reached $10,000 in revenue"): the bare value
      // beside it ("(10,000)") only repeated it without its unit
      detail: a.description,
      badgeIcon: a.badgeIcon,
    }),
  );
  return null;
}

/** Kudos as they are given (kudosGiven sends only new ones); a private one's message is null here. */
function KudosFeed({ teamId, queue }: { teamId: string | null; queue: CelebrationQueue }) {
  useSubscription(TV_KUDOS, { teamId }, ({ kudosGiven: k }) =>
    queue.push({
      kind: 'KUDOS',
      id: `kudos:${k.id}`,
      who: k.recipient.name,
      title: `${k.giver.name} thanks`,
      strong: k.recipient.name,
      detail: k.message,
    }),
  );
  return null;
}

function SalesFeed({
  teamId,
  periodType,
  amount,
  queue,
  connection,
}: {
  teamId: string | null;
  periodType: PeriodType;
  amount: number;
  queue: CelebrationQueue;
  connection: ConnectionStore;
}) {
  const [watch] = useState(() => new SaleWatch(SALES_LIMIT));
  const { data } = useSubscription(TV_SALES, { periodType, teamId }, ({ leaderboardChanged: board }) => {
    for (const sale of watch.observe(board, connection.getState().epoch, amount)) queue.push(sale);
  });
  // the version sales are counted from (as boards show theirs): a sale after it gets its card
  return <span hidden className="tv-sales-watch" data-version={data?.leaderboardChanged.version} />;
}

function GoalFeed({
  teamId,
  queue,
  connection,
}: {
  teamId: string | null;
  queue: CelebrationQueue;
  connection: ConnectionStore;
}) {
  const [watch] = useState(() => new GoalWatch());
  useSubscription(TV_GOAL_ACHIEVED, { teamId }, ({ goalChanged: g }) => {
    const owner = g.user?.name ?? `Team ${g.team?.name ?? ''}`;
    const goal = { id: g.id, status: g.status, metricName: METRIC_NAMES[g.metric], owner };
    for (const achieved of watch.observe(goal, connection.getState().epoch)) queue.push(achieved);
  });
  return null;
}

export function Celebrations({
  queue,
  teamId,
  periodType,
  settings,
  goals,
  connection,
}: {
  queue: CelebrationQueue;
  teamId: string | null;
  periodType: PeriodType;
  settings: CelebrationSettings;
  /** Whether this screen may read its team's goals (GOAL_ACHIEVED needs it). */
  goals: boolean;
  connection: ConnectionStore;
}) {
  const card = useSyncExternalStore(queue.subscribe, () => queue.current());
  // one timer: the card on screen ends at its time, and the next (if any) shows
  useEffect(() => {
    const at = queue.nextChangeAt();
    if (at === null) return undefined;
    const timer = setTimeout(() => queue.tick(), Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [queue, card]);
  const sound = settings.sound;
  useEffect(() => {
    if (card && sound) playChime();
  }, [card, sound]);

  const on = (kind: CelebrationSettings['kinds'][number]) => settings.kinds.includes(kind);
  return (
    <>
      {on('BADGE') ? <BadgeFeed teamId={teamId} queue={queue} /> : null}
      {on('KUDOS') ? <KudosFeed teamId={teamId} queue={queue} /> : null}
      {on('SALE') ? (
        <SalesFeed
          teamId={teamId}
          periodType={periodType}
          amount={settings.saleAmount}
          queue={queue}
          connection={connection}
        />
      ) : null}
      {on('GOAL_ACHIEVED') && goals ? (
        <GoalFeed teamId={teamId} queue={queue} connection={connection} />
      ) : null}
      {card ? (
        <div className="tv-celebration-backdrop" data-kind={card.kind}>
          <div
            className="tv-celebration"
            role="status"
            aria-live="assertive"
            key={card.id}
            data-kind={card.kind}
            data-count={card.count}
          >
            <div className="tv-celebration-icon" aria-hidden="true">
              {card.badgeIcon ? <BadgeIcon icon={card.badgeIcon} /> : <Icon name={card.icon} />}
            </div>
            <div className="tv-celebration-text">
              <p className="tv-celebration-kicker">{card.kicker}</p>
              <p className="tv-celebration-title">
                {card.title}
                {card.strong ? (
                  <>
                    {' '}
                    <strong>{card.strong}</strong>
                  </>
                ) : null}
              </p>
              {card.detail ? <p className="tv-celebration-description">{card.detail}</p> : null}
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
