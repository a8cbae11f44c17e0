/**
 * The explorer's ready operations: the README's and docs/api.md's examples, and every
 * subscription (docs/live-updates.md). One operation each, written as GraphQL the explorer opens
 * in a tab; values a shell example takes from `date` are variables computed when opened (this
 * browser's clock: the server reads dates in the organisation's zone). examples.test.ts checks
 * each against schema/schema.graphql (parses, validates, its variables coerce), that every root
 * field the docs' examples use and every subscription has one here, so they cannot rot.
 */

export interface Example {
  title: string;
  /** What it shows, one line (docs/api.md's comment). */
  note: string;
  query: string;
  /** The variables, computed when the example is opened. */
  variables?: () => Record<string, unknown>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const today = (now: Date) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const monthStart = (now: Date) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-01`;

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Leaderboard',
    note: "This month's revenue board (the README's first call).",
    query: `query Leaderboard {
  leaderboard {
    entries { rank user { name } revenue }
  }
}`,
  },
  {
    title: "John's month",
    note: 'Performance with rates derived from counts.',
    query: `query JohnsMonth {
  performance(userId: 1, periodType: MONTHLY) {
    periodStart revenue ordersWon conversionRate winRate avgDealSize
  }
}`,
  },
  {
    title: 'Last 12 months',
    note: 'A trend, zero-filled.',
    query: `query Trends {
  trends(userId: 1, periodType: MONTHLY) { periodStart revenue ordersWon }
}`,
  },
  {
    title: 'Trend, like for like',
    note: 'The current period compared with the previous one over the same days.',
    query: `query TrendLikeForLike {
  trends(userId: 1, periodType: MONTHLY, count: 3) {
    periodStart revenue partial
    previousToDate { periodStart periodEnd revenue }
  }
}`,
  },
  {
    title: 'Goals',
    note: 'Goals with status, projection and version.',
    query: `query Goals {
  goals {
    user { name } team { name }
    metric targetValue currentValue achievementPercentage status projectedValue version
  }
}`,
  },
  {
    title: 'Goal pace',
    note: 'Expected by now, ahead/on/behind, the gap and what is needed per day left.',
    query: `query GoalPace {
  goals {
    metric targetValue currentValue status
    pace { state expectedValue gap requiredRate daysLeft basis }
  }
}`,
  },
  {
    title: "A team's goals in a period",
    note: 'Goals running in a chosen period, ended ones included, of a team and its members.',
    query: `query TeamGoalsInPeriod($date: Date!) {
  goals(teamId: 1, includeMembers: true, periodType: MONTHLY, date: $date) {
    user { name } metric status elapsedDays periodDays
  }
}`,
    variables: () => ({ date: today(new Date()) }),
  },
  {
    title: 'Team aggregates',
    note: 'Each team: members, revenue, conversion and top performer.',
    query: `query TeamPerformance {
  teamPerformance {
    team { name } memberCount revenue avgRevenuePerMember conversionRate topPerformer { name }
  }
}`,
  },
  {
    title: 'Clock',
    note: "The organisation's today and current periods, in its time zone.",
    query: `query Clock {
  clock { timeZone today periods { periodType periodStart elapsedDays periodDays } }
}`,
  },
  {
    title: 'Badge progress',
    note: "How far a user is from each rule's badge.",
    query: `query AchievementProgress {
  achievementProgress(userId: 1) {
    rule { title periodType threshold } current remaining earned
  }
}`,
  },
  {
    title: 'Why is my number that?',
    note: "The activities a goal's value counts, newest first.",
    query: `query GoalContributions {
  goal(id: 1) {
    currentValue
    contributions(first: 20) {
      totalCount total pushed hasNextPage endCursor
      nodes { kind amount occurredAt recordedAt recordedVia user { name } }
    }
  }
}`,
  },
  {
    title: 'Record a sale',
    note: 'Stored all or nothing, idempotent on externalId (run it twice: duplicates 1).',
    query: `mutation RecordSale($occurredAt: DateTime!) {
  recordActivities(activities: [
    { userId: 1, kind: ORDER_WON, amount: "1250.00", occurredAt: $occurredAt, externalId: "crm-88121" }
  ]) { recorded duplicates }
}`,
    variables: () => ({ occurredAt: new Date().toISOString() }),
  },
  {
    title: 'Set a goal',
    note: 'A calls goal for this month (a second one for the same owner, metric and period: CONFLICT).',
    query: `mutation CreateGoal($periodStart: Date!) {
  createGoal(input: { userId: 1, metric: CALLS, periodType: MONTHLY, periodStart: $periodStart, targetValue: 40 }) {
    id status version
  }
}`,
    variables: () => ({ periodStart: monthStart(new Date()) }),
  },
  {
    title: "A goal's version",
    note: 'Read it before changing the goal.',
    query: `query GoalVersion {
  goal(id: 1) { version }
}`,
  },
  {
    title: 'Change a goal safely',
    note: 'CONFLICT (current values in extensions) when the goal changed since you read its version.',
    query: `mutation UpdateGoal($expectedVersion: Int!) {
  updateGoal(id: 1, input: { targetValue: 22000 }, expectedVersion: $expectedVersion) {
    targetValue status version
  }
}`,
    variables: () => ({ expectedVersion: 1 }),
  },
  {
    title: 'Organisation settings',
    note: 'Time zone, currency, whether the environment pins them, the pace basis.',
    query: `query Organisation {
  organisation { timeZone currency timeZonePinned currencyPinned paceWorkingDays }
}`,
  },
  {
    title: 'Change the time zone and currency',
    note: 'ADMIN; a new zone rebuilds every rollup in the same transaction.',
    query: `mutation UpdateOrganisation {
  updateOrganisation(input: { timeZone: "Europe/Paris", currency: "EUR" }) { timeZone currency }
}`,
  },
  {
    title: 'Pace on working days',
    note: 'Goal pace counts Monday to Friday.',
    query: `mutation PaceWorkingDays {
  updateOrganisation(input: { paceWorkingDays: true }) { paceWorkingDays }
}`,
  },
  {
    title: 'Live leaderboard',
    note: 'Subscription: the board at once, then each new version.',
    query: `subscription LeaderboardChanged {
  leaderboardChanged(metric: REVENUE) {
    version
    entries { rank medal user { name } revenue }
  }
}`,
  },
  {
    title: 'Live goals',
    note: 'Subscription: every active goal in scope, then each goal created or changed.',
    query: `subscription GoalChanged {
  goalChanged { id user { name } metric currentValue achievementPercentage status version }
}`,
  },
  {
    title: 'Deleted goals',
    note: 'Subscription: the id of each goal deleted.',
    query: `subscription GoalRemoved {
  goalRemoved
}`,
  },
  {
    title: 'Goals falling behind pace',
    note: 'Subscription: each goal as it falls behind pace past its alert threshold.',
    query: `subscription GoalBehindPace {
  goalBehindPace { id user { name } metric pace { state gap requiredRate } }
}`,
  },
  {
    title: 'New badges',
    note: 'Subscription: each badge as it is awarded.',
    query: `subscription AchievementUnlocked {
  achievementUnlocked { id user { name } title badgeIcon achievedAt }
}`,
  },
  {
    title: 'Give kudos',
    note: 'Thank a colleague (not yourself), at most KUDOS_PER_HOUR an hour; editable for a minute.',
    query: `mutation GiveKudos($recipientId: ID!) {
  giveKudos(input: { recipientId: $recipientId, message: "Great demo today!", private: false }) {
    id message editableUntil recipient { name }
  }
}`,
    variables: () => ({ recipientId: '2' }),
  },
  {
    title: 'Kudos feed',
    note: 'Newest first, a page at a time; a private message is null unless you may read it.',
    query: `query KudosFeed($after: String) {
  kudos(first: 20, after: $after) {
    nodes { id message private createdAt giver { name } recipient { name } }
    hasNextPage endCursor
  }
}`,
  },
  {
    title: 'New kudos',
    note: 'Subscription: kudos as they are given (what the TVs celebrate).',
    query: `subscription KudosGiven {
  kudosGiven { id message private giver { name } recipient { name } }
}`,
  },
  {
    title: 'Live contest',
    note: "Subscription: a contest's standings at once, then after each change.",
    query: `subscription ContestChanged($id: ID!) {
  contestChanged(id: $id) {
    name status startsAt endsAt
    entries { rank user { name } team { name } value }
  }
}`,
    variables: () => ({ id: '1' }),
  },
  {
    title: 'Contests, live',
    note: 'Subscription: the contests you may read (upcoming, running, just ended), again on every change.',
    query: `subscription ContestsChanged {
  contestsChanged {
    generatedAt
    contests { id name status startsAt endsAt prize }
  }
}`,
  },
  {
    title: "A screen's layout",
    note: "Subscription: a paired screen's own layout (its screen credential only).",
    query: `subscription MyScreen {
  myScreen { boards periodType secondsPerBoard showGoals celebrations }
}`,
  },
];
