/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Kinds of sales activity. */
export type ActivityKind =
  | 'CALL'
  | 'EMAIL'
  | 'LEAD_CREATED'
  | 'MEETING'
  | 'OPPORTUNITY_CREATED'
  | 'OPPORTUNITY_LOST'
  | 'ORDER_WON'
  | 'QUOTATION_ACCEPTED'
  | 'QUOTATION_SENT';

/** An icon of the web client’s drawn set for a badge rule; its badges carry the emoji standing for it (TROPHY 🏆, ROCKET 🚀, CHART 📈, HANDSHAKE 🤝, TARGET 🎯, MONEY 💰, USERS 👥, STAR ⭐, FLAME 🔥, CROWN 👑, BADGE 🎖, MEDAL 🏅, PHONE 📞, CALENDAR 📅, CHECK ✅). */
export type BadgeIconName =
  | 'BADGE'
  | 'CALENDAR'
  | 'CHART'
  | 'CHECK'
  | 'CROWN'
  | 'FLAME'
  | 'HANDSHAKE'
  | 'MEDAL'
  | 'MONEY'
  | 'PHONE'
  | 'ROCKET'
  | 'STAR'
  | 'TARGET'
  | 'TROPHY'
  | 'USERS';

/** What interrupts a screen’s rotation with a card: a sale of at least its amount, a goal achieved, a new #1 on a board it shows, a badge. */
export type CelebrationKind = 'BADGE' | 'CONTEST_WON' | 'GOAL_ACHIEVED' | 'KUDOS' | 'NEW_LEADER' | 'SALE';

/** INDIVIDUAL: one ranking of people. TEAM_TOTAL: teams by their members’ sum. TEAM_AVERAGE: teams by their members’ average (unequal teams compete fairly). HEAD_TO_HEAD: each person against an assigned opponent. */
export type ContestFormat = 'HEAD_TO_HEAD' | 'INDIVIDUAL' | 'TEAM_AVERAGE' | 'TEAM_TOTAL';

/** The goals a GOAL_PERCENT contest compares against. */
export type ContestGoalMetric = 'CALLS' | 'LEADS' | 'MEETINGS' | 'OPPORTUNITIES' | 'ORDERS' | 'REVENUE';

/** What a contest ranks by, inside its window: revenue, orders won, calls, meetings, an activity count (every kind, or activityKind), conversion rate (orders won ÷ leads × 100), or GOAL_PERCENT (the participant’s goalMetric in the window as a % of their own goal’s target). */
export type ContestMetric =
  'ACTIVITIES' | 'CALLS' | 'CONVERSION_RATE' | 'GOAL_PERCENT' | 'MEETINGS' | 'ORDERS' | 'REVENUE';

/** Two people to face each other (HEAD_TO_HEAD). */
export type ContestPairInput = {
  opponentId: string | number;
  userId: string | number;
};

/** UPCOMING before its start, RUNNING inside its window, ENDED (results frozen) after it. */
export type ContestStatus = 'ENDED' | 'RUNNING' | 'UPCOMING';

/** A new API token for the caller, or (ADMIN) for a service account. */
export type CreateApiTokenInput = {
  /** When it stops working (future); omit: never. */
  expiresAt?: string | null | undefined;
  /** What it is for, 1–100 characters. */
  name: string;
  /** A service account to create it for (ADMIN); omit: for the caller. */
  userId?: string | number | null | undefined;
};

/** A new badge rule. */
export type CreateBadgeRuleInput = {
  /** true: award now everyone who met it in the periods previewBadgeRule lists (backfill); false (default): only what is reached from now on — nobody for a period that ended, nor for this period (or lifetime) when they met it before the save. */
  backfill?: boolean | null | undefined;
  /** What it is for, at most 2000 characters. */
  description?: string | null | undefined;
  /** Its icon. */
  icon: BadgeIconName;
  /** What the rule watches. */
  metric: RuleMetric;
  /** Once per period of this type; null: once in a lifetime. */
  periodType?: PeriodType | null | undefined;
  /** The value that earns the badge: above 0; a whole number for the counted metrics. */
  threshold: string;
  /** Badge title, 1-200 characters, unique among rules (any case). */
  title: string;
};

/** A new contest. Participants: everyone, or users and/or teams (every current seller of the team), or pairs for HEAD_TO_HEAD. Managers name only their teams and their members; admins anyone. */
export type CreateContestInput = {
  activityKind?: ActivityKind | null | undefined;
  description?: string | null | undefined;
  endsAt: string;
  everyone?: boolean | null | undefined;
  format?: ContestFormat | null | undefined;
  /** GOAL_PERCENT: default REVENUE. */
  goalMetric?: ContestGoalMetric | null | undefined;
  metric: ContestMetric;
  name: string;
  pairs?: Array<ContestPairInput> | null | undefined;
  prize?: string | null | undefined;
  /** An instant (a client converts the organisation’s local time). */
  startsAt: string;
  teamIds?: Array<string | number> | null | undefined;
  userIds?: Array<string | number> | null | undefined;
};

/** A new goal. */
export type CreateGoalInput = {
  /** Only for CUSTOM goals; tracked metrics ignore it. */
  currentValue?: number | null | undefined;
  /** Free text, at most 2000 characters. */
  description?: string | null | undefined;
  /** What the goal measures. */
  metric: GoalMetric;
  /** Must be the first day of a period of periodType; periodEnd follows from it. */
  periodStart: string;
  /** Length of the period. */
  periodType: PeriodType;
  /** Positive. */
  targetValue: number;
  /** Exactly one of userId and teamId. */
  teamId?: string | number | null | undefined;
  /** Exactly one of userId and teamId. */
  userId?: string | number | null | undefined;
};

/** A new team (ADMIN only). */
export type CreateTeamInput = {
  /** The manager; becomes able to set goals for the team. */
  managerId?: string | number | null | undefined;
  /** Team name, 1-200 characters, unique. */
  name: string;
};

/** A new user (ADMIN only). */
export type CreateUserInput = {
  /** Email, unique (case-insensitive). */
  email: string;
  /** Display name, 1-200 characters. */
  name: string;
  /** Role. */
  role: Role;
  /** Team to join. */
  teamId?: string | number | null | undefined;
};

/** A URL to tell about events. */
export type CreateWebhookInput = {
  /** Minutes per digest: one message per interval listing its events instead of one per event; intervals start at the organisation’s midnight. A divisor of 1440 from 5 to 1440 (e.g. 15, 60, 1440); null: one message per event. */
  digestMinutes?: number | null | undefined;
  /** At least one event. */
  events: Array<WebhookEvent>;
  /** How deliveries are written; JSON when omitted. */
  format?: WebhookFormat | null | undefined;
  /** Signing secret, 16-200 characters; a random one is made when omitted. */
  secret?: string | null | undefined;
  /** http(s) URL, at most 2000 characters. */
  url: string;
};

/** Kudos to give a colleague. */
export type GiveKudosInput = {
  /** One of the recipient’s sales (an activity) it thanks for. */
  activityId?: string | number | null | undefined;
  /** The recipient’s or their team’s goal it thanks for. */
  goalId?: string | number | null | undefined;
  /** The message, 1-280 characters. */
  message: string;
  /** Hide the message from screens and from colleagues other than the recipient and their managers. */
  private?: boolean | null | undefined;
  /** Who receives it (not yourself). */
  recipientId: string | number;
};

/** What a goal measures; every metric but CUSTOM is tracked from recorded activity. */
export type GoalMetric =
  | 'CALLS'
  | 'CONVERSION_RATE'
  | 'CUSTOM'
  | 'LEADS'
  | 'MEETINGS'
  | 'OPPORTUNITIES'
  | 'ORDERS'
  | 'REVENUE'
  | 'WIN_RATE';

/** Progress band of a goal. */
export type GoalStatus = 'ACHIEVED' | 'AT_RISK' | 'BEHIND' | 'MISSED' | 'ON_TRACK';

/** What a leaderboard ranks by. */
export type LeaderboardMetric = 'CONVERSION_RATE' | 'ORDERS' | 'REVENUE' | 'WIN_RATE';

/** Medals for ranks 1, 2 and 3. */
export type Medal = 'BRONZE' | 'GOLD' | 'SILVER';

/** What "by now" counts: the period’s real duration (CALENDAR_DAYS) or its Monday–Friday days (WORKING_DAYS). */
export type PaceBasis = 'CALENDAR_DAYS' | 'WORKING_DAYS';

/** A goal against where it should be by now: AHEAD above 105 % of expectedValue, BEHIND_PACE below 95 %, ON_PACE in between. */
export type PaceState = 'AHEAD' | 'BEHIND_PACE' | 'ON_PACE';

/** Claims the code a TV shows. */
export type PairScreenInput = {
  /** The 8 letters and digits on the screen (dash and case do not matter). */
  code: string;
  /** A name for the screen, 1–200 characters. */
  name: string;
  /** Its team (its boards and badges); required for a MANAGER; none: the whole organisation. */
  teamId?: string | number | null | undefined;
};

/** Period lengths; boundaries in the organisation's time zone, weeks start on Monday. */
export type PeriodType = 'DAILY' | 'MONTHLY' | 'QUARTERLY' | 'WEEKLY' | 'YEARLY';

/** A definition to preview, new or for an existing rule. */
export type PreviewBadgeRuleInput = {
  /** What the rule watches. */
  metric: RuleMetric;
  /** Once per period of this type; null: once in a lifetime. */
  periodType?: PeriodType | null | undefined;
  /** The rule being edited: people already holding its badge for a period are marked awarded. */
  ruleId?: string | number | null | undefined;
  /** The value that earns the badge: above 0; a whole number for the counted metrics. */
  threshold: string;
};

/** What a user may do: ADMIN everything; MANAGER their teams; REP their own data; VIEWER screens. */
export type Role = 'ADMIN' | 'MANAGER' | 'REP' | 'VIEWER';

/** What an achievement rule watches: a count or revenue summed over its period. */
export type RuleMetric = 'CALLS' | 'LEADS' | 'MEETINGS' | 'OPPORTUNITIES' | 'ORDERS' | 'REVENUE';

/** Changes to a badge rule; a field left out keeps its value. Never removes a badge. */
export type UpdateBadgeRuleInput = {
  /** true reactivates a deactivated rule. */
  active?: boolean | null | undefined;
  /** As in createBadgeRule, for a changed metric, period, threshold or a reactivation (a change of title, description or icon alone awards nothing unless true). */
  backfill?: boolean | null | undefined;
  /** An empty string removes it. */
  description?: string | null | undefined;
  icon?: BadgeIconName | null | undefined;
  metric?: RuleMetric | null | undefined;
  /** Left out: unchanged; null: once in a lifetime. */
  periodType?: PeriodType | null | undefined;
  threshold?: string | null | undefined;
  title?: string | null | undefined;
};

/** Changes to a contest. Once it started, only name, description and prize may change (a new contest for anything else): CONFLICT naming the field. */
export type UpdateContestInput = {
  activityKind?: ActivityKind | null | undefined;
  description?: string | null | undefined;
  endsAt?: string | null | undefined;
  everyone?: boolean | null | undefined;
  format?: ContestFormat | null | undefined;
  goalMetric?: ContestGoalMetric | null | undefined;
  metric?: ContestMetric | null | undefined;
  name?: string | null | undefined;
  pairs?: Array<ContestPairInput> | null | undefined;
  prize?: string | null | undefined;
  startsAt?: string | null | undefined;
  teamIds?: Array<string | number> | null | undefined;
  userIds?: Array<string | number> | null | undefined;
};

/** Changes to a goal; absent fields keep their value. */
export type UpdateGoalInput = {
  /** Only for CUSTOM goals. */
  currentValue?: number | null | undefined;
  /** Free text, at most 2000 characters. */
  description?: string | null | undefined;
  /** Positive. */
  targetValue?: number | null | undefined;
};

/** Notification choices to change; a field left out stays as it is (null is refused). */
export type UpdateNotificationSettingsInput = {
  badgeEarned?: boolean | null | undefined;
  contests?: boolean | null | undefined;
  goalBehindPace?: boolean | null | undefined;
  goalProgress?: boolean | null | undefined;
  kudos?: boolean | null | undefined;
  teamRank?: boolean | null | undefined;
  /** Managers and admins only: true is FORBIDDEN for a REP or a VIEWER. */
  weeklyDigest?: boolean | null | undefined;
};

/** New organisation settings (ADMIN); a field left out stays as it is. */
export type UpdateOrganisationInput = {
  /** ISO 4217 currency code, three letters. */
  currency?: string | null | undefined;
  /** Goal pace by Monday–Friday days (true) or by the period’s real duration (false). */
  paceWorkingDays?: boolean | null | undefined;
  /** IANA time zone; a change rebuilds every rollup from the activities. */
  timeZone?: string | null | undefined;
};

/** Changes a screen: a field left out stays as it is. */
export type UpdateScreenInput = {
  /** The boards it rotates, in order: at least one, each once. */
  boards?: Array<LeaderboardMetric> | null | undefined;
  /** The events it celebrates, each once; empty: none. */
  celebrations?: Array<CelebrationKind> | null | undefined;
  /** A new name, 1–200 characters. */
  name?: string | null | undefined;
  /** The period of its boards. */
  periodType?: PeriodType | null | undefined;
  /** A board shown alone instead of the rotation; null unpins. */
  pinned?: LeaderboardMetric | null | undefined;
  /** A SALE card from this amount (1–1,000,000,000). */
  saleAmount?: number | null | undefined;
  /** Seconds per board, 5–3600. */
  secondsPerBoard?: number | null | undefined;
  /** Whether its credential reads its team’s contests. */
  showContests?: boolean | null | undefined;
  /** Whether its credential reads its team’s goals. */
  showGoals?: boolean | null | undefined;
  /** A short chime with each card. */
  sound?: boolean | null | undefined;
};

/** Changes to a team (ADMIN only); a field left out stays as it is. */
export type UpdateTeamInput = {
  /** The manager (MANAGER or ADMIN); null: none. */
  managerId?: string | number | null | undefined;
  /** Team name, 1-200 characters, unique. */
  name?: string | null | undefined;
};

/** Changes to a user (ADMIN only); a field left out stays as it is. */
export type UpdateUserInput = {
  /** false deactivates (their sessions and API tokens end at once); true reactivates. */
  active?: boolean | null | undefined;
  /** Display name, 1-200 characters. */
  name?: string | null | undefined;
  /** Role. */
  role?: Role | null | undefined;
  /** Team to move to; null: no team. */
  teamId?: string | number | null | undefined;
};

/** What to change in a webhook; a field left out stays as it is. */
export type UpdateWebhookInput = {
  /** Minutes per digest: one message per interval listing its events instead of one per event; intervals start at the organisation’s midnight. A divisor of 1440 from 5 to 1440 (e.g. 15, 60, 1440); null: one message per event. Null turns the digest off. */
  digestMinutes?: number | null | undefined;
  /** At least one event. */
  events?: Array<WebhookEvent> | null | undefined;
  /** How deliveries are written. */
  format?: WebhookFormat | null | undefined;
};

/** PENDING until a 2xx answer (DELIVERED) or until the attempts run out (FAILED). */
export type WebhookDeliveryStatus = 'DELIVERED' | 'FAILED' | 'PENDING';

/** What a webhook is told about. */
export type WebhookEvent =
  /** A badge was awarded, by a rule or by hand. */
  | 'ACHIEVEMENT_UNLOCKED'
  /** A contest ended: its frozen podium and winners. */
  | 'CONTEST_ENDED'
  /** A contest’s window began. */
  | 'CONTEST_STARTED'
  /** A goal reached 100 % (created so, or moved there). */
  | 'GOAL_ACHIEVED'
  /** A goal fell behind pace by more than PACE_ALERT_PERCENT % of its target: once a day at most, again only after it recovered. */
  | 'GOAL_BEHIND_PACE'
  /** A goal’s period ended below 100 %. */
  | 'GOAL_MISSED'
  /** Who holds ranks 1-3 of this month’s revenue board changed. */
  | 'RANK_CHANGED';

/** How a webhook’s deliveries are written (docs/webhooks.md). */
export type WebhookFormat =
  /** The signed JSON body { id, event, idempotency_key, ..., data }. */
  | 'JSON'
  /** A Slack incoming-webhook message: text and blocks. */
  | 'SLACK'
  /** A Microsoft Teams message with an Adaptive Card (Workflows or Incoming Webhook). */
  | 'TEAMS';

export type AuditLogQueryVariables = Exact<{
  first: number;
  before?: string | number | null | undefined;
}>;

export type AuditLogQuery = {
  __typename: 'Query';
  auditLog: Array<{
    __typename: 'AuditEntry';
    id: string;
    at: string;
    actorName: string;
    action: string;
    targetType: string;
    targetId: string;
    before: string | null;
    after: string | null;
    actor: { __typename: 'User'; id: string; name: string } | null;
  }>;
};

export type PreviewBadgeRuleQueryVariables = Exact<{
  input: PreviewBadgeRuleInput;
}>;

export type PreviewBadgeRuleQuery = {
  __typename: 'Query';
  previewBadgeRule: {
    __typename: 'BadgeRulePreview';
    newCount: number;
    currentCount: number;
    periods: Array<{
      __typename: 'BadgeRulePreviewPeriod';
      periodStart: string | null;
      current: boolean;
      count: number;
      newCount: number;
      people: Array<{
        __typename: 'BadgeRulePreviewPerson';
        awarded: boolean;
        user: { __typename: 'User'; id: string; name: string };
      }>;
    }>;
  };
};

export type CreateBadgeRuleMutationVariables = Exact<{
  input: CreateBadgeRuleInput;
}>;

export type CreateBadgeRuleMutation = {
  __typename: 'Mutation';
  createBadgeRule: { __typename: 'AchievementRule'; id: string };
};

export type UpdateBadgeRuleMutationVariables = Exact<{
  id: string | number;
  input: UpdateBadgeRuleInput;
}>;

export type UpdateBadgeRuleMutation = {
  __typename: 'Mutation';
  updateBadgeRule: { __typename: 'AchievementRule'; id: string };
};

export type BadgeRulesPageQueryVariables = Exact<{ [key: string]: never }>;

export type BadgeRulesPageQuery = {
  __typename: 'Query';
  badgeRules: Array<{
    __typename: 'AchievementRule';
    id: string;
    title: string;
    description: string | null;
    badgeIcon: string;
    icon: BadgeIconName | null;
    metric: RuleMetric;
    periodType: PeriodType | null;
    threshold: number;
    active: boolean;
    awardsFrom: string | null;
  }>;
};

export type DeactivateBadgeRuleMutationVariables = Exact<{
  id: string | number;
}>;

export type DeactivateBadgeRuleMutation = {
  __typename: 'Mutation';
  deactivateBadgeRule: { __typename: 'AchievementRule'; id: string; active: boolean };
};

export type OrganisationSettings_OrganisationFragment = {
  __typename: 'Organisation';
  timeZone: string;
  currency: string;
  timeZonePinned: boolean;
  currencyPinned: boolean;
  paceWorkingDays: boolean;
} & { ' $fragmentName'?: 'OrganisationSettings_OrganisationFragment' };

export type OrganisationQueryVariables = Exact<{ [key: string]: never }>;

export type OrganisationQuery = {
  __typename: 'Query';
  organisation: { __typename: 'Organisation' } & {
    ' $fragmentRefs'?: {
      OrganisationSettings_OrganisationFragment: OrganisationSettings_OrganisationFragment;
    };
  };
};

export type UpdateOrganisationMutationVariables = Exact<{
  input: UpdateOrganisationInput;
}>;

export type UpdateOrganisationMutation = {
  __typename: 'Mutation';
  updateOrganisation: { __typename: 'Organisation' } & {
    ' $fragmentRefs'?: {
      OrganisationSettings_OrganisationFragment: OrganisationSettings_OrganisationFragment;
    };
  };
};

export type PeoplePage_PersonFragment = {
  __typename: 'User';
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  team: { __typename: 'Team'; id: string; name: string } | null;
} & { ' $fragmentName'?: 'PeoplePage_PersonFragment' };

export type PeopleQueryVariables = Exact<{ [key: string]: never }>;

export type PeopleQuery = {
  __typename: 'Query';
  users: Array<
    { __typename: 'User' } & { ' $fragmentRefs'?: { PeoplePage_PersonFragment: PeoplePage_PersonFragment } }
  >;
};

export type IssuedLink_LinkFragment = {
  __typename: 'IssuedLink';
  kind: string;
  link: string | null;
  emailed: boolean;
  expiresAt: string;
  user: { __typename: 'User'; id: string; name: string; email: string };
} & { ' $fragmentName'?: 'IssuedLink_LinkFragment' };

export type InviteUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;

export type InviteUserMutation = {
  __typename: 'Mutation';
  inviteUser: { __typename: 'IssuedLink' } & {
    ' $fragmentRefs'?: { IssuedLink_LinkFragment: IssuedLink_LinkFragment };
  };
};

export type IssuePasswordLinkMutationVariables = Exact<{
  userId: string | number;
}>;

export type IssuePasswordLinkMutation = {
  __typename: 'Mutation';
  issuePasswordLink: { __typename: 'IssuedLink' } & {
    ' $fragmentRefs'?: { IssuedLink_LinkFragment: IssuedLink_LinkFragment };
  };
};

export type AddPersonMutationVariables = Exact<{
  input: CreateUserInput;
}>;

export type AddPersonMutation = {
  __typename: 'Mutation';
  createUser: { __typename: 'User'; id: string; name: string; email: string };
};

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;

export type UpdateUserMutation = {
  __typename: 'Mutation';
  updateUser: { __typename: 'User' } & {
    ' $fragmentRefs'?: { PeoplePage_PersonFragment: PeoplePage_PersonFragment };
  };
};

export type SignOutUserEverywhereMutationVariables = Exact<{
  userId: string | number;
}>;

export type SignOutUserEverywhereMutation = { __typename: 'Mutation'; signOutEverywhere: number };

export type ScreenLayoutDialog_LayoutFragment = {
  __typename: 'ScreenLayout';
  boards: Array<LeaderboardMetric>;
  secondsPerBoard: number;
  periodType: PeriodType;
  pinned: LeaderboardMetric | null;
  showGoals: boolean;
  showContests: boolean;
  celebrations: Array<CelebrationKind>;
  saleAmount: number;
  sound: boolean;
} & { ' $fragmentName'?: 'ScreenLayoutDialog_LayoutFragment' };

export type UpdateScreenMutationVariables = Exact<{
  id: string | number;
  input: UpdateScreenInput;
}>;

export type UpdateScreenMutation = {
  __typename: 'Mutation';
  updateScreen: {
    __typename: 'Screen';
    id: string;
    name: string;
    layout: { __typename: 'ScreenLayout' } & {
      ' $fragmentRefs'?: { ScreenLayoutDialog_LayoutFragment: ScreenLayoutDialog_LayoutFragment };
    };
  };
};

export type ScreensPage_ScreenFragment = {
  __typename: 'Screen';
  id: string;
  name: string;
  active: boolean;
  pairedAt: string;
  lastSeenAt: string | null;
  team: { __typename: 'Team'; id: string; name: string } | null;
} & { ' $fragmentName'?: 'ScreensPage_ScreenFragment' };

export type ScreensQueryVariables = Exact<{ [key: string]: never }>;

export type ScreensQuery = {
  __typename: 'Query';
  screens: Array<
    {
      __typename: 'Screen';
      layout: { __typename: 'ScreenLayout' } & {
        ' $fragmentRefs'?: { ScreenLayoutDialog_LayoutFragment: ScreenLayoutDialog_LayoutFragment };
      };
      health: {
        __typename: 'ScreenHealth';
        online: boolean;
        clientVersion: string | null;
        resolution: string | null;
        reconnects24h: number;
        offlineTooLong: boolean;
      };
    } & { ' $fragmentRefs'?: { ScreensPage_ScreenFragment: ScreensPage_ScreenFragment } }
  >;
};

export type PairScreenMutationVariables = Exact<{
  input: PairScreenInput;
}>;

export type PairScreenMutation = {
  __typename: 'Mutation';
  pairScreen: { __typename: 'Screen' } & {
    ' $fragmentRefs'?: { ScreensPage_ScreenFragment: ScreensPage_ScreenFragment };
  };
};

export type RevokeScreenMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeScreenMutation = {
  __typename: 'Mutation';
  revokeScreen: { __typename: 'Screen'; id: string; active: boolean; lastSeenAt: string | null };
};

export type TeamsPageQueryVariables = Exact<{ [key: string]: never }>;

export type TeamsPageQuery = {
  __typename: 'Query';
  teams: Array<{
    __typename: 'Team';
    id: string;
    name: string;
    manager: { __typename: 'User'; id: string; name: string } | null;
  }>;
  users: Array<{
    __typename: 'User';
    id: string;
    name: string;
    role: Role;
    active: boolean;
    team: { __typename: 'Team'; id: string } | null;
  }>;
};

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;

export type CreateTeamMutation = {
  __typename: 'Mutation';
  createTeam: { __typename: 'Team'; id: string; name: string };
};

export type UpdateTeamMutationVariables = Exact<{
  id: string | number;
  input: UpdateTeamInput;
}>;

export type UpdateTeamMutation = {
  __typename: 'Mutation';
  updateTeam: {
    __typename: 'Team';
    id: string;
    name: string;
    manager: { __typename: 'User'; id: string; name: string } | null;
  };
};

export type MoveMemberMutationVariables = Exact<{
  id: string | number;
  teamId?: string | number | null | undefined;
}>;

export type MoveMemberMutation = {
  __typename: 'Mutation';
  updateUser: { __typename: 'User'; id: string; team: { __typename: 'Team'; id: string } | null };
};

export type WebhooksQueryVariables = Exact<{ [key: string]: never }>;

export type WebhooksQuery = {
  __typename: 'Query';
  webhooks: Array<{
    __typename: 'Webhook';
    id: string;
    url: string;
    events: Array<WebhookEvent>;
    paused: boolean;
    format: WebhookFormat;
    digestMinutes: number | null;
    createdAt: string;
    recentDeliveries: Array<{
      __typename: 'WebhookDelivery';
      id: string;
      event: WebhookEvent;
      status: WebhookDeliveryStatus;
      attempts: number;
      lastStatusCode: number | null;
      lastError: string | null;
      nextAttemptAt: string;
      deliveredAt: string | null;
      createdAt: string;
    }>;
  }>;
};

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;

export type CreateWebhookMutation = {
  __typename: 'Mutation';
  createWebhook: {
    __typename: 'CreatedWebhook';
    secret: string;
    webhook: { __typename: 'Webhook'; id: string; url: string };
  };
};

export type UpdateWebhookMutationVariables = Exact<{
  id: string | number;
  input: UpdateWebhookInput;
}>;

export type UpdateWebhookMutation = {
  __typename: 'Mutation';
  updateWebhook: { __typename: 'Webhook'; id: string; format: WebhookFormat; digestMinutes: number | null };
};

export type PauseWebhookMutationVariables = Exact<{
  id: string | number;
}>;

export type PauseWebhookMutation = {
  __typename: 'Mutation';
  pauseWebhook: { __typename: 'Webhook'; id: string; paused: boolean };
};

export type ResumeWebhookMutationVariables = Exact<{
  id: string | number;
}>;

export type ResumeWebhookMutation = {
  __typename: 'Mutation';
  resumeWebhook: { __typename: 'Webhook'; id: string; paused: boolean };
};

export type DeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteWebhookMutation = { __typename: 'Mutation'; deleteWebhook: string };

export type RedeliverWebhookDeliveryMutationVariables = Exact<{
  id: string | number;
}>;

export type RedeliverWebhookDeliveryMutation = {
  __typename: 'Mutation';
  redeliverWebhookDelivery: {
    __typename: 'WebhookDelivery';
    id: string;
    status: WebhookDeliveryStatus;
    attempts: number;
  };
};

export type CreateContestMutationVariables = Exact<{
  input: CreateContestInput;
}>;

export type CreateContestMutation = {
  __typename: 'Mutation';
  createContest: { __typename: 'Contest'; id: string };
};

export type UpdateContestMutationVariables = Exact<{
  id: string | number;
  input: UpdateContestInput;
}>;

export type UpdateContestMutation = {
  __typename: 'Mutation';
  updateContest: { __typename: 'Contest'; id: string };
};

export type ContestInfoQueryVariables = Exact<{
  id: string | number;
}>;

export type ContestInfoQuery = {
  __typename: 'Query';
  contest: {
    __typename: 'Contest';
    id: string;
    name: string;
    description: string | null;
    prize: string | null;
    startsAt: string;
    endsAt: string;
    metric: ContestMetric;
    activityKind: ActivityKind | null;
    goalMetric: ContestGoalMetric | null;
    format: ContestFormat;
    everyone: boolean;
    status: ContestStatus;
    users: Array<{ __typename: 'User'; id: string }>;
    teams: Array<{ __typename: 'Team'; id: string; name: string }>;
    pairs: Array<{
      __typename: 'ContestPair';
      user: { __typename: 'User'; id: string } | null;
      opponent: { __typename: 'User'; id: string } | null;
    }>;
  } | null;
  organisation: { __typename: 'Organisation'; currency: string };
};

export type ContestLiveSubscriptionVariables = Exact<{
  id: string | number;
}>;

export type ContestLiveSubscription = {
  __typename: 'Subscription';
  contestChanged: {
    __typename: 'ContestStandings';
    contestId: string;
    status: ContestStatus;
    startsAt: string;
    endsAt: string;
    generatedAt: string;
    frozen: boolean;
    closedAt: string | null;
    entries: Array<{
      __typename: 'ContestEntry';
      rank: number | null;
      value: string | null;
      members: number | null;
      opponentValue: string | null;
      leading: boolean | null;
      user: { __typename: 'User'; id: string; name: string } | null;
      team: { __typename: 'Team'; id: string; name: string } | null;
      opponent: { __typename: 'User'; id: string; name: string } | null;
    }>;
    winners: Array<{ __typename: 'User'; id: string; name: string }>;
  };
};

export type ContestsQueryVariables = Exact<{ [key: string]: never }>;

export type ContestsQuery = {
  __typename: 'Query';
  contests: Array<{
    __typename: 'Contest';
    id: string;
    name: string;
    prize: string | null;
    startsAt: string;
    endsAt: string;
    metric: ContestMetric;
    format: ContestFormat;
    status: ContestStatus;
  }>;
};

export type ChangePasswordMutationVariables = Exact<{
  currentPassword?: string | null | undefined;
  newPassword: string;
}>;

export type ChangePasswordMutation = { __typename: 'Mutation'; changePassword: number };

export type SignOutEverywhereMutationVariables = Exact<{
  userId: string | number;
}>;

export type SignOutEverywhereMutation = { __typename: 'Mutation'; signOutEverywhere: number };

export type AchievementCard_AchievementFragment = {
  __typename: 'Achievement';
  id: string;
  badgeIcon: string;
  title: string;
  description: string | null;
  kind: string;
  achievedAt: string;
  value: number | null;
  user: { __typename: 'User'; id: string; name: string };
} & { ' $fragmentName'?: 'AchievementCard_AchievementFragment' };

export type AchievementsTabQueryVariables = Exact<{
  userId?: string | number | null | undefined;
  teamId?: string | number | null | undefined;
  limit: number;
}>;

export type AchievementsTabQuery = {
  __typename: 'Query';
  achievements: Array<
    {
      __typename: 'Achievement';
      id: string;
      achievedAt: string;
      user: { __typename: 'User'; id: string; team: { __typename: 'Team'; id: string } | null };
    } & { ' $fragmentRefs'?: { AchievementCard_AchievementFragment: AchievementCard_AchievementFragment } }
  >;
};

export type AchievementUnlockedSubscriptionVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;

export type AchievementUnlockedSubscription = {
  __typename: 'Subscription';
  achievementUnlocked: {
    __typename: 'Achievement';
    id: string;
    achievedAt: string;
    user: { __typename: 'User'; id: string; team: { __typename: 'Team'; id: string } | null };
  } & { ' $fragmentRefs'?: { AchievementCard_AchievementFragment: AchievementCard_AchievementFragment } };
};

export type AchievementProgressQueryVariables = Exact<{
  userId: string | number;
}>;

export type AchievementProgressQuery = {
  __typename: 'Query';
  achievementProgress: Array<{
    __typename: 'AchievementProgress';
    periodStart: string | null;
    current: number;
    remaining: number;
    earned: boolean;
    rule: {
      __typename: 'AchievementRule';
      id: string;
      title: string;
      badgeIcon: string;
      description: string | null;
      metric: RuleMetric;
      periodType: PeriodType | null;
      threshold: number;
    };
  }>;
};

export type ApiTokensQueryVariables = Exact<{ [key: string]: never }>;

export type ApiTokensQuery = {
  __typename: 'Query';
  apiTokens: Array<{
    __typename: 'ApiToken';
    id: string;
    name: string;
    prefix: string;
    createdAt: string;
    expiresAt: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
    active: boolean;
  }>;
};

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;

export type CreateApiTokenMutation = {
  __typename: 'Mutation';
  createApiToken: { __typename: 'CreatedApiToken'; token: string };
};

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeApiTokenMutation = {
  __typename: 'Mutation';
  revokeApiToken: {
    __typename: 'ApiToken';
    id: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
    active: boolean;
  };
};

export type GoalContributionsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type GoalContributionsQuery = {
  __typename: 'Query';
  goal: {
    __typename: 'Goal';
    id: string;
    contributions: {
      __typename: 'ContributionPage';
      totalCount: number;
      total: number | null;
      pushed: number | null;
      hasNextPage: boolean;
      endCursor: string | null;
      nodes: Array<{
        __typename: 'Contribution';
        id: string;
        kind: ActivityKind;
        amount: string | null;
        occurredAt: string;
        recordedAt: string;
        recordedVia: string;
        user: { __typename: 'User'; id: string; name: string };
      }>;
    } | null;
  } | null;
};

export type EntryContributionsQueryVariables = Exact<{
  metric: LeaderboardMetric;
  periodType: PeriodType;
  date: string;
  teamId?: string | number | null | undefined;
  userId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type EntryContributionsQuery = {
  __typename: 'Query';
  leaderboard: {
    __typename: 'Leaderboard';
    standing: {
      __typename: 'LeaderboardStanding';
      entry: {
        __typename: 'LeaderboardEntry';
        contributions: {
          __typename: 'ContributionPage';
          totalCount: number;
          total: number | null;
          pushed: number | null;
          hasNextPage: boolean;
          endCursor: string | null;
          nodes: Array<{
            __typename: 'Contribution';
            id: string;
            kind: ActivityKind;
            amount: string | null;
            occurredAt: string;
            recordedAt: string;
            recordedVia: string;
          }>;
        } | null;
      } | null;
    } | null;
  };
};

export type GoalsTab_GoalFragment = {
  __typename: 'Goal';
  id: string;
  status: GoalStatus;
  achievementPercentage: number;
  periodStart: string;
  periodEnd: string;
  user: {
    __typename: 'User';
    id: string;
    name: string;
    team: { __typename: 'Team'; id: string } | null;
  } | null;
  team: { __typename: 'Team'; id: string; name: string } | null;
} & { ' $fragmentName'?: 'GoalsTab_GoalFragment' };

export type GoalsTabQueryVariables = Exact<{
  periodType: PeriodType;
  date?: string | null | undefined;
  teamId?: string | number | null | undefined;
  includeMembers?: boolean | null | undefined;
}>;

export type GoalsTabQuery = {
  __typename: 'Query';
  goals: Array<
    { __typename: 'Goal'; id: string } & {
      ' $fragmentRefs'?: {
        GoalsTab_GoalFragment: GoalsTab_GoalFragment;
        GoalCard_GoalFragment: GoalCard_GoalFragment;
      };
    }
  >;
};

export type GoalChangedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type GoalChangedSubscription = {
  __typename: 'Subscription';
  goalChanged: { __typename: 'Goal'; id: string } & {
    ' $fragmentRefs'?: {
      GoalsTab_GoalFragment: GoalsTab_GoalFragment;
      GoalCard_GoalFragment: GoalCard_GoalFragment;
    };
  };
};

export type GoalRemovedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type GoalRemovedSubscription = { __typename: 'Subscription'; goalRemoved: string };

export type GiveKudosMutationVariables = Exact<{
  input: GiveKudosInput;
}>;

export type GiveKudosMutation = {
  __typename: 'Mutation';
  giveKudos: { __typename: 'Kudos'; id: string; recipient: { __typename: 'User'; id: string; name: string } };
};

export type KudosFeedQueryVariables = Exact<{
  userId?: string | number | null | undefined;
  teamId?: string | number | null | undefined;
  first: number;
}>;

export type KudosFeedQuery = {
  __typename: 'Query';
  kudos: {
    __typename: 'KudosPage';
    hasNextPage: boolean;
    nodes: Array<
      { __typename: 'Kudos' } & { ' $fragmentRefs'?: { KudosItem_KudosFragment: KudosItem_KudosFragment } }
    >;
  };
};

export type KudosItem_KudosFragment = {
  __typename: 'Kudos';
  id: string;
  message: string | null;
  private: boolean;
  createdAt: string;
  giver: { __typename: 'User'; id: string; name: string };
  recipient: {
    __typename: 'User';
    id: string;
    name: string;
    team: { __typename: 'Team'; id: string } | null;
  };
} & { ' $fragmentName'?: 'KudosItem_KudosFragment' };

export type KudosGivenSubscriptionVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;

export type KudosGivenSubscription = {
  __typename: 'Subscription';
  kudosGiven: { __typename: 'Kudos' } & {
    ' $fragmentRefs'?: { KudosItem_KudosFragment: KudosItem_KudosFragment };
  };
};

export type BoardRows_BoardFragment = {
  __typename: 'Leaderboard';
  version: string;
  metric: LeaderboardMetric;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  totalEntries: number;
  unrankedCount: number;
  minimumSample: number | null;
  team: { __typename: 'Team'; id: string; name: string } | null;
  entries: Array<{
    __typename: 'LeaderboardEntry';
    rank: number;
    previousRank: number | null;
    medal: Medal | null;
    revenue: string;
    ordersWon: number;
    leadsCreated: number;
    opportunitiesClosed: number;
    conversionRate: number | null;
    winRate: number | null;
    user: {
      __typename: 'User';
      id: string;
      name: string;
      team: { __typename: 'Team'; id: string; name: string } | null;
    };
  }>;
  standing: {
    __typename: 'LeaderboardStanding';
    rank: number | null;
    sample: number | null;
    gap: number | null;
    ahead: { __typename: 'LeaderboardEntry'; user: { __typename: 'User'; id: string; name: string } } | null;
    entry: {
      __typename: 'LeaderboardEntry';
      rank: number;
      previousRank: number | null;
      medal: Medal | null;
      revenue: string;
      ordersWon: number;
      leadsCreated: number;
      opportunitiesClosed: number;
      conversionRate: number | null;
      winRate: number | null;
      user: { __typename: 'User'; id: string; name: string };
    } | null;
  } | null;
} & { ' $fragmentName'?: 'BoardRows_BoardFragment' };

export type LeaderboardTabQueryVariables = Exact<{
  metric: LeaderboardMetric;
  periodType: PeriodType;
  teamId?: string | number | null | undefined;
  date?: string | null | undefined;
  me: string | number;
}>;

export type LeaderboardTabQuery = {
  __typename: 'Query';
  leaderboard: { __typename: 'Leaderboard'; version: string; periodStart: string } & {
    ' $fragmentRefs'?: { BoardRows_BoardFragment: BoardRows_BoardFragment };
  };
};

export type LeaderboardLiveSubscriptionVariables = Exact<{
  metric: LeaderboardMetric;
  periodType: PeriodType;
  teamId?: string | number | null | undefined;
  me: string | number;
}>;

export type LeaderboardLiveSubscription = {
  __typename: 'Subscription';
  leaderboardChanged: { __typename: 'Leaderboard'; version: string; periodStart: string } & {
    ' $fragmentRefs'?: { BoardRows_BoardFragment: BoardRows_BoardFragment };
  };
};

export type NotificationsSection_SettingsFragment = {
  __typename: 'NotificationSettings';
  mailEnabled: boolean;
  goalProgress: boolean;
  goalBehindPace: boolean;
  badgeEarned: boolean;
  contests: boolean;
  teamRank: boolean;
  kudos: boolean;
  weeklyDigest: boolean | null;
} & { ' $fragmentName'?: 'NotificationsSection_SettingsFragment' };

export type MyNotificationSettingsQueryVariables = Exact<{ [key: string]: never }>;

export type MyNotificationSettingsQuery = {
  __typename: 'Query';
  myNotificationSettings:
    | ({ __typename: 'NotificationSettings' } & {
        ' $fragmentRefs'?: { NotificationsSection_SettingsFragment: NotificationsSection_SettingsFragment };
      })
    | null;
};

export type UpdateMyNotificationSettingsMutationVariables = Exact<{
  input: UpdateNotificationSettingsInput;
}>;

export type UpdateMyNotificationSettingsMutation = {
  __typename: 'Mutation';
  updateMyNotificationSettings: { __typename: 'NotificationSettings' } & {
    ' $fragmentRefs'?: { NotificationsSection_SettingsFragment: NotificationsSection_SettingsFragment };
  };
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  __typename: 'Query';
  me: {
    __typename: 'User';
    id: string;
    name: string;
    email: string;
    role: Role;
    team: { __typename: 'Team'; id: string; name: string } | null;
  };
};

export type DirectoryQueryVariables = Exact<{ [key: string]: never }>;

export type DirectoryQuery = {
  __typename: 'Query';
  teams: Array<{
    __typename: 'Team';
    id: string;
    name: string;
    manager: { __typename: 'User'; id: string } | null;
    members: Array<{ __typename: 'User'; id: string; name: string; role: Role; active: boolean }>;
  }>;
};

export type SummaryCardsQueryVariables = Exact<{
  userId: string | number;
  periodType: PeriodType;
  date?: string | null | undefined;
}>;

export type SummaryCardsQuery = {
  __typename: 'Query';
  performance: {
    __typename: 'PerformancePeriod';
    periodStart: string;
    periodEnd: string;
    revenue: string;
    ordersWon: number;
    conversionRate: number | null;
    leadsCreated: number;
    winRate: number | null;
    opportunitiesCreated: number;
    opportunitiesLost: number;
    comparedWith: {
      __typename: 'PerformancePeriod';
      periodStart: string;
      periodEnd: string;
      revenue: string;
      conversionRate: number | null;
      winRate: number | null;
    } | null;
  };
  performanceSummary: Array<{ __typename: 'PerformanceSummary'; achievementCount: number }>;
  leaderboard: {
    __typename: 'Leaderboard';
    metric: LeaderboardMetric;
    periodType: PeriodType;
    minimumSample: number | null;
    standing: {
      __typename: 'LeaderboardStanding';
      rank: number | null;
      sample: number | null;
      gap: number | null;
      ahead: {
        __typename: 'LeaderboardEntry';
        user: { __typename: 'User'; id: string; name: string };
      } | null;
    } | null;
  };
};

export type TeamFigures_TeamFragment = {
  __typename: 'TeamPerformance';
  periodStart: string;
  memberCount: number;
  revenue: string;
  avgRevenuePerMember: string;
  ordersWon: number;
  conversionRate: number | null;
  winRate: number | null;
  team: { __typename: 'Team'; id: string; name: string };
  topPerformer: { __typename: 'User'; id: string; name: string } | null;
  comparedWith: {
    __typename: 'TeamPerformance';
    periodStart: string;
    periodEnd: string;
    revenue: string;
    avgRevenuePerMember: string;
    ordersWon: number;
    conversionRate: number | null;
    winRate: number | null;
  } | null;
} & { ' $fragmentName'?: 'TeamFigures_TeamFragment' };

export type TeamCardsQueryVariables = Exact<{
  periodType: PeriodType;
  date?: string | null | undefined;
  teamId?: string | number | null | undefined;
}>;

export type TeamCardsQuery = {
  __typename: 'Query';
  teamPerformance: Array<
    { __typename: 'TeamPerformance' } & {
      ' $fragmentRefs'?: { TeamFigures_TeamFragment: TeamFigures_TeamFragment };
    }
  >;
};

export type TeamTabQueryVariables = Exact<{
  periodType: PeriodType;
  date?: string | null | undefined;
  teamId?: string | number | null | undefined;
}>;

export type TeamTabQuery = {
  __typename: 'Query';
  teamPerformance: Array<
    {
      __typename: 'TeamPerformance';
      team: { __typename: 'Team'; manager: { __typename: 'User'; id: string; name: string } | null };
      members: Array<{
        __typename: 'PerformancePeriod';
        revenue: string;
        ordersWon: number;
        leadsCreated: number;
        opportunitiesLost: number;
        conversionRate: number | null;
        winRate: number | null;
        user: { __typename: 'User'; id: string; name: string; role: Role };
      }>;
    } & { ' $fragmentRefs'?: { TeamFigures_TeamFragment: TeamFigures_TeamFragment } }
  >;
};

export type TeamBoardQueryVariables = Exact<{
  periodType: PeriodType;
  date?: string | null | undefined;
  teamId: string | number;
}>;

export type TeamBoardQuery = {
  __typename: 'Query';
  leaderboard: {
    __typename: 'Leaderboard';
    periodStart: string;
    entries: Array<{
      __typename: 'LeaderboardEntry';
      revenue: string;
      ordersWon: number;
      leadsCreated: number;
      opportunitiesClosed: number;
      conversionRate: number | null;
      winRate: number | null;
      user: { __typename: 'User'; id: string; name: string; role: Role };
    }>;
  };
};

export type TrendFigures_PeriodFragment = {
  __typename: 'PerformancePeriod';
  revenue: string;
  ordersWon: number;
  leadsCreated: number;
  opportunitiesCreated: number;
  conversionRate: number | null;
  winRate: number | null;
  calls: number;
  meetings: number;
} & { ' $fragmentName'?: 'TrendFigures_PeriodFragment' };

export type TrendsQueryVariables = Exact<{
  userId: string | number;
  periodType: PeriodType;
  date?: string | null | undefined;
}>;

export type TrendsQuery = {
  __typename: 'Query';
  trends: Array<
    {
      __typename: 'PerformancePeriod';
      periodStart: string;
      partial: boolean;
      elapsedDays: number;
      periodDays: number;
      previousToDate:
        | ({ __typename: 'PerformancePeriod'; periodStart: string; periodEnd: string } & {
            ' $fragmentRefs'?: { TrendFigures_PeriodFragment: TrendFigures_PeriodFragment };
          })
        | null;
    } & { ' $fragmentRefs'?: { TrendFigures_PeriodFragment: TrendFigures_PeriodFragment } }
  >;
};

export type TeamPeriodQueryVariables = Exact<{
  periodType: PeriodType;
  date: string;
  teamId: string | number;
}>;

export type TeamPeriodQuery = {
  __typename: 'Query';
  leaderboard: {
    __typename: 'Leaderboard';
    periodStart: string;
    entries: Array<{
      __typename: 'LeaderboardEntry';
      revenue: string;
      ordersWon: number;
      conversionRate: number | null;
      winRate: number | null;
      user: { __typename: 'User'; id: string };
    }>;
  };
};

export type ClockQueryVariables = Exact<{ [key: string]: never }>;

export type ClockQuery = {
  __typename: 'Query';
  clock: {
    __typename: 'OrganisationClock';
    timeZone: string;
    today: string;
    paceBasis: PaceBasis;
    periods: Array<{
      __typename: 'CurrentPeriod';
      periodType: PeriodType;
      periodStart: string;
      periodEnd: string;
      elapsedDays: number;
      periodDays: number;
    }>;
  };
  organisation: { __typename: 'Organisation'; currency: string };
};

export type FiguresChangedSubscriptionVariables = Exact<{
  periodType: PeriodType;
  me: string | number;
}>;

export type FiguresChangedSubscription = {
  __typename: 'Subscription';
  leaderboardChanged: {
    __typename: 'Leaderboard';
    version: string;
    periodType: PeriodType;
    periodStart: string;
    standing: { __typename: 'LeaderboardStanding'; rank: number | null } | null;
  };
};

export type TeamPeriodGoalsQueryVariables = Exact<{
  teamId: string | number;
  periodType: PeriodType;
  date: string;
}>;

export type TeamPeriodGoalsQuery = {
  __typename: 'Query';
  goals: Array<{
    __typename: 'Goal';
    id: string;
    metric: GoalMetric;
    periodType: PeriodType;
    periodStart: string;
    targetValue: number;
    currentValue: number;
    achievementPercentage: number;
    status: GoalStatus;
    description: string | null;
    user: {
      __typename: 'User';
      id: string;
      name: string;
      team: { __typename: 'Team'; id: string; name: string } | null;
    } | null;
    team: { __typename: 'Team'; id: string; name: string } | null;
  }>;
};

export type GoalCard_GoalFragment = {
  __typename: 'Goal';
  id: string;
  metric: GoalMetric;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  targetValue: number;
  currentValue: number;
  achievementPercentage: number;
  status: GoalStatus;
  projectedValue: number;
  description: string | null;
  version: number;
  elapsedDays: number;
  periodDays: number;
  pace: {
    __typename: 'GoalPace';
    state: PaceState;
    expectedValue: number;
    gap: number;
    requiredRate: number | null;
    daysLeft: number;
    basis: PaceBasis;
  };
  user: {
    __typename: 'User';
    id: string;
    name: string;
    team: { __typename: 'Team'; id: string; name: string } | null;
  } | null;
  team: { __typename: 'Team'; id: string; name: string } | null;
} & { ' $fragmentName'?: 'GoalCard_GoalFragment' };

export type CreateGoalMutationVariables = Exact<{
  input: CreateGoalInput;
}>;

export type CreateGoalMutation = {
  __typename: 'Mutation';
  createGoal: { __typename: 'Goal'; id: string } & {
    ' $fragmentRefs'?: { GoalCard_GoalFragment: GoalCard_GoalFragment };
  };
};

export type UpdateGoalMutationVariables = Exact<{
  id: string | number;
  input: UpdateGoalInput;
  expectedVersion?: number | null | undefined;
}>;

export type UpdateGoalMutation = {
  __typename: 'Mutation';
  updateGoal: { __typename: 'Goal'; id: string } & {
    ' $fragmentRefs'?: { GoalCard_GoalFragment: GoalCard_GoalFragment };
  };
};

export type DeleteGoalMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteGoalMutation = { __typename: 'Mutation'; deleteGoal: string };

export type GoalLinkQueryVariables = Exact<{
  id: string | number;
}>;

export type GoalLinkQuery = {
  __typename: 'Query';
  goal: {
    __typename: 'Goal';
    id: string;
    periodType: PeriodType;
    periodStart: string;
    user: {
      __typename: 'User';
      id: string;
      name: string;
      team: { __typename: 'Team'; id: string } | null;
    } | null;
    team: { __typename: 'Team'; id: string; name: string } | null;
  } | null;
};

export type TvAchievementSubscriptionVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;

export type TvAchievementSubscription = {
  __typename: 'Subscription';
  achievementUnlocked: {
    __typename: 'Achievement';
    id: string;
    badgeIcon: string;
    title: string;
    description: string | null;
    kind: string;
    value: number | null;
    user: { __typename: 'User'; id: string; name: string };
  };
};

export type TvKudosSubscriptionVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;

export type TvKudosSubscription = {
  __typename: 'Subscription';
  kudosGiven: {
    __typename: 'Kudos';
    id: string;
    message: string | null;
    giver: { __typename: 'User'; id: string; name: string };
    recipient: { __typename: 'User'; id: string; name: string };
  };
};

export type TvSalesSubscriptionVariables = Exact<{
  periodType: PeriodType;
  teamId?: string | number | null | undefined;
}>;

export type TvSalesSubscription = {
  __typename: 'Subscription';
  leaderboardChanged: {
    __typename: 'Leaderboard';
    version: string;
    metric: LeaderboardMetric;
    periodStart: string;
    entries: Array<{
      __typename: 'LeaderboardEntry';
      rank: number;
      revenue: string;
      ordersWon: number;
      user: { __typename: 'User'; id: string; name: string };
    }>;
  };
};

export type TvGoalAchievedSubscriptionVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;

export type TvGoalAchievedSubscription = {
  __typename: 'Subscription';
  goalChanged: {
    __typename: 'Goal';
    id: string;
    metric: GoalMetric;
    status: GoalStatus;
    user: { __typename: 'User'; id: string; name: string } | null;
    team: { __typename: 'Team'; id: string; name: string } | null;
  };
};

export type TvBoardSubscriptionVariables = Exact<{
  metric: LeaderboardMetric;
  periodType: PeriodType;
  teamId?: string | number | null | undefined;
}>;

export type TvBoardSubscription = {
  __typename: 'Subscription';
  leaderboardChanged: {
    __typename: 'Leaderboard';
    version: string;
    metric: LeaderboardMetric;
    periodType: PeriodType;
    periodStart: string;
    minimumSample: number | null;
    unrankedCount: number;
    team: { __typename: 'Team'; id: string; name: string } | null;
    entries: Array<{
      __typename: 'LeaderboardEntry';
      rank: number;
      previousRank: number | null;
      medal: Medal | null;
      revenue: string;
      ordersWon: number;
      leadsCreated: number;
      opportunitiesClosed: number;
      conversionRate: number | null;
      winRate: number | null;
      user: {
        __typename: 'User';
        id: string;
        name: string;
        team: { __typename: 'Team'; id: string; name: string } | null;
      };
    }>;
  };
};

export type TvContestSubscriptionVariables = Exact<{
  id: string | number;
}>;

export type TvContestSubscription = {
  __typename: 'Subscription';
  contestChanged: {
    __typename: 'ContestStandings';
    contestId: string;
    name: string;
    status: ContestStatus;
    startsAt: string;
    endsAt: string;
    frozen: boolean;
    entries: Array<{
      __typename: 'ContestEntry';
      rank: number | null;
      value: string | null;
      opponentValue: string | null;
      leading: boolean | null;
      user: { __typename: 'User'; id: string; name: string } | null;
      team: { __typename: 'Team'; id: string; name: string } | null;
      opponent: { __typename: 'User'; id: string; name: string } | null;
    }>;
    winners: Array<{ __typename: 'User'; id: string; name: string }>;
  };
};

export type TvContestsSubscriptionVariables = Exact<{ [key: string]: never }>;

export type TvContestsSubscription = {
  __typename: 'Subscription';
  contestsChanged: {
    __typename: 'ContestList';
    generatedAt: string;
    contests: Array<{
      __typename: 'Contest';
      id: string;
      name: string;
      prize: string | null;
      status: ContestStatus;
      startsAt: string;
      endsAt: string;
      metric: ContestMetric;
      format: ContestFormat;
    }>;
  };
};

export type TvGoalChangedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type TvGoalChangedSubscription = {
  __typename: 'Subscription';
  goalChanged: {
    __typename: 'Goal';
    id: string;
    metric: GoalMetric;
    periodType: PeriodType;
    periodStart: string;
    periodEnd: string;
    targetValue: number;
    currentValue: number;
    achievementPercentage: number;
    status: GoalStatus;
    projectedValue: number;
    user: {
      __typename: 'User';
      id: string;
      name: string;
      team: { __typename: 'Team'; id: string } | null;
    } | null;
    team: { __typename: 'Team'; id: string; name: string } | null;
  };
};

export type TvGoalRemovedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type TvGoalRemovedSubscription = { __typename: 'Subscription'; goalRemoved: string };

export type TvMeQueryVariables = Exact<{ [key: string]: never }>;

export type TvMeQuery = {
  __typename: 'Query';
  me: {
    __typename: 'User';
    id: string;
    name: string;
    role: Role;
    team: { __typename: 'Team'; id: string } | null;
  };
  clock: { __typename: 'OrganisationClock'; timeZone: string };
  organisation: { __typename: 'Organisation'; currency: string };
};

export type MyScreenSubscriptionVariables = Exact<{ [key: string]: never }>;

export type MyScreenSubscription = {
  __typename: 'Subscription';
  myScreen: {
    __typename: 'ScreenLayout';
    boards: Array<LeaderboardMetric>;
    secondsPerBoard: number;
    periodType: PeriodType;
    pinned: LeaderboardMetric | null;
    showGoals: boolean;
    showContests: boolean;
    celebrations: Array<CelebrationKind>;
    saleAmount: number;
    sound: boolean;
  };
};

export const OrganisationSettings_OrganisationFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OrganisationSettings_organisation' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Organisation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZonePinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currencyPinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paceWorkingDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganisationSettings_OrganisationFragment, unknown>;
export const PeoplePage_PersonFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PeoplePage_person' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PeoplePage_PersonFragment, unknown>;
export const IssuedLink_LinkFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssuedLink_link' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'IssuedLink' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'link' } },
          { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssuedLink_LinkFragment, unknown>;
export const ScreenLayoutDialog_LayoutFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScreenLayoutDialog_layout' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ScreenLayout' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'boards' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerBoard' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'showGoals' } },
          { kind: 'Field', name: { kind: 'Name', value: 'showContests' } },
          { kind: 'Field', name: { kind: 'Name', value: 'celebrations' } },
          { kind: 'Field', name: { kind: 'Name', value: 'saleAmount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sound' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ScreenLayoutDialog_LayoutFragment, unknown>;
export const ScreensPage_ScreenFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScreensPage_screen' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Screen' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pairedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ScreensPage_ScreenFragment, unknown>;
export const AchievementCard_AchievementFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AchievementCard_achievement' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Achievement' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badgeIcon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'value' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AchievementCard_AchievementFragment, unknown>;
export const GoalsTab_GoalFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalsTab_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GoalsTab_GoalFragment, unknown>;
export const KudosItem_KudosFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'KudosItem_kudos' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Kudos' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'private' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'giver' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recipient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<KudosItem_KudosFragment, unknown>;
export const BoardRows_BoardFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BoardRows_board' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Leaderboard' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'totalEntries' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unrankedCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'minimumSample' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'standing' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sample' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'ahead' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entry' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BoardRows_BoardFragment, unknown>;
export const NotificationsSection_SettingsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NotificationsSection_settings' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'NotificationSettings' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'mailEnabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'goalProgress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'goalBehindPace' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badgeEarned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'contests' } },
          { kind: 'Field', name: { kind: 'Name', value: 'teamRank' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kudos' } },
          { kind: 'Field', name: { kind: 'Name', value: 'weeklyDigest' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NotificationsSection_SettingsFragment, unknown>;
export const TeamFigures_TeamFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TeamFigures_team' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TeamPerformance' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'memberCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avgRevenuePerMember' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'topPerformer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'comparedWith' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'avgRevenuePerMember' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamFigures_TeamFragment, unknown>;
export const TrendFigures_PeriodFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrendFigures_period' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PerformancePeriod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
          { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesCreated' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'calls' } },
          { kind: 'Field', name: { kind: 'Name', value: 'meetings' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrendFigures_PeriodFragment, unknown>;
export const GoalCard_GoalFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalCard_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'projectedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pace' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectedValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiredRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysLeft' } },
                { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GoalCard_GoalFragment, unknown>;
export const AuditLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AuditLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditLog' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorName' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'before' } },
                { kind: 'Field', name: { kind: 'Name', value: 'after' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const PreviewBadgeRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PreviewBadgeRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PreviewBadgeRuleInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'previewBadgeRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'newCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'currentCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'periods' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'current' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'newCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'people' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'awarded' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PreviewBadgeRuleQuery, PreviewBadgeRuleQueryVariables>;
export const CreateBadgeRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateBadgeRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateBadgeRuleInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createBadgeRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateBadgeRuleMutation, CreateBadgeRuleMutationVariables>;
export const UpdateBadgeRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateBadgeRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateBadgeRuleInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateBadgeRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateBadgeRuleMutation, UpdateBadgeRuleMutationVariables>;
export const BadgeRulesPageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BadgeRulesPage' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'badgeRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'badgeIcon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'icon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                { kind: 'Field', name: { kind: 'Name', value: 'awardsFrom' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BadgeRulesPageQuery, BadgeRulesPageQueryVariables>;
export const DeactivateBadgeRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeactivateBadgeRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deactivateBadgeRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeactivateBadgeRuleMutation, DeactivateBadgeRuleMutationVariables>;
export const OrganisationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Organisation' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'OrganisationSettings_organisation' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OrganisationSettings_organisation' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Organisation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZonePinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currencyPinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paceWorkingDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganisationQuery, OrganisationQueryVariables>;
export const UpdateOrganisationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateOrganisation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateOrganisationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateOrganisation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'OrganisationSettings_organisation' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OrganisationSettings_organisation' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Organisation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZonePinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currencyPinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'paceWorkingDays' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateOrganisationMutation, UpdateOrganisationMutationVariables>;
export const PeopleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'People' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'users' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PeoplePage_person' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PeoplePage_person' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PeopleQuery, PeopleQueryVariables>;
export const InviteUserDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'InviteUser' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateUserInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inviteUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'IssuedLink_link' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssuedLink_link' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'IssuedLink' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'link' } },
          { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InviteUserMutation, InviteUserMutationVariables>;
export const IssuePasswordLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'IssuePasswordLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issuePasswordLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'IssuedLink_link' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssuedLink_link' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'IssuedLink' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'link' } },
          { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssuePasswordLinkMutation, IssuePasswordLinkMutationVariables>;
export const AddPersonDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddPerson' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateUserInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddPersonMutation, AddPersonMutationVariables>;
export const UpdateUserDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateUser' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateUserInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PeoplePage_person' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PeoplePage_person' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const SignOutUserEverywhereDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SignOutUserEverywhere' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signOutEverywhere' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SignOutUserEverywhereMutation, SignOutUserEverywhereMutationVariables>;
export const UpdateScreenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateScreen' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateScreenInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateScreen' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'layout' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ScreenLayoutDialog_layout' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScreenLayoutDialog_layout' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ScreenLayout' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'boards' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerBoard' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'showGoals' } },
          { kind: 'Field', name: { kind: 'Name', value: 'showContests' } },
          { kind: 'Field', name: { kind: 'Name', value: 'celebrations' } },
          { kind: 'Field', name: { kind: 'Name', value: 'saleAmount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sound' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateScreenMutation, UpdateScreenMutationVariables>;
export const ScreensDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Screens' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'screens' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ScreensPage_screen' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'layout' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ScreenLayoutDialog_layout' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'health' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'online' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'clientVersion' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'resolution' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reconnects24h' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'offlineTooLong' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScreensPage_screen' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Screen' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pairedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScreenLayoutDialog_layout' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ScreenLayout' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'boards' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerBoard' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pinned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'showGoals' } },
          { kind: 'Field', name: { kind: 'Name', value: 'showContests' } },
          { kind: 'Field', name: { kind: 'Name', value: 'celebrations' } },
          { kind: 'Field', name: { kind: 'Name', value: 'saleAmount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sound' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ScreensQuery, ScreensQueryVariables>;
export const PairScreenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PairScreen' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PairScreenInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pairScreen' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ScreensPage_screen' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScreensPage_screen' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Screen' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pairedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PairScreenMutation, PairScreenMutationVariables>;
export const RevokeScreenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeScreen' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeScreen' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeScreenMutation, RevokeScreenMutationVariables>;
export const TeamsPageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TeamsPage' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'teams' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'manager' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'users' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamsPageQuery, TeamsPageQueryVariables>;
export const CreateTeamDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateTeam' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateTeamInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createTeam' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateTeamMutation, CreateTeamMutationVariables>;
export const UpdateTeamDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateTeam' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateTeamInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateTeam' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'manager' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateTeamMutation, UpdateTeamMutationVariables>;
export const MoveMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'MoveMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'teamId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MoveMemberMutation, MoveMemberMutationVariables>;
export const WebhooksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Webhooks' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhooks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'events' } },
                { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'digestMinutes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recentDeliveries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'event' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastStatusCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateWebhookInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'webhook' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const UpdateWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateWebhookInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'digestMinutes' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const PauseWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PauseWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pauseWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PauseWebhookMutation, PauseWebhookMutationVariables>;
export const ResumeWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResumeWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resumeWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'paused' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResumeWebhookMutation, ResumeWebhookMutationVariables>;
export const DeleteWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const RedeliverWebhookDeliveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RedeliverWebhookDelivery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redeliverWebhookDelivery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RedeliverWebhookDeliveryMutation, RedeliverWebhookDeliveryMutationVariables>;
export const CreateContestDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateContest' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateContestInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createContest' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateContestMutation, CreateContestMutationVariables>;
export const UpdateContestDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateContest' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateContestInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateContest' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateContestMutation, UpdateContestMutationVariables>;
export const ContestInfoDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContestInfo' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contest' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'prize' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'activityKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'goalMetric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'everyone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'users' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'teams' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pairs' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'opponent' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'currency' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContestInfoQuery, ContestInfoQueryVariables>;
export const ContestLiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'ContestLive' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contestChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'contestId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'frozen' } },
                { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'members' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opponentValue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leading' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'opponent' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'winners' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContestLiveSubscription, ContestLiveSubscriptionVariables>;
export const ContestsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Contests' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contests' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '100' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'prize' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContestsQuery, ContestsQueryVariables>;
export const ChangePasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangePassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'currentPassword' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changePassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'currentPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'currentPassword' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'newPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutEverywhereDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SignOutEverywhere' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signOutEverywhere' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const AchievementsTabDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AchievementsTab' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'achievements' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'achievedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                    ],
                  },
                },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'AchievementCard_achievement' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AchievementCard_achievement' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Achievement' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badgeIcon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'value' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AchievementsTabQuery, AchievementsTabQueryVariables>;
export const AchievementUnlockedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'AchievementUnlocked' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'achievementUnlocked' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'achievedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                    ],
                  },
                },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'AchievementCard_achievement' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AchievementCard_achievement' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Achievement' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badgeIcon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'value' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AchievementUnlockedSubscription, AchievementUnlockedSubscriptionVariables>;
export const AchievementProgressDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AchievementProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'achievementProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rule' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'badgeIcon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'current' } },
                { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
                { kind: 'Field', name: { kind: 'Name', value: 'earned' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AchievementProgressQuery, AchievementProgressQueryVariables>;
export const ApiTokensDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ApiTokens' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'apiTokens' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'prefix' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revokedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateApiToken' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateApiTokenInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createApiToken' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'token' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeApiToken' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeApiToken' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revokedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const GoalContributionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'GoalContributions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'contributions' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'pushed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'recordedVia' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GoalContributionsQuery, GoalContributionsQueryVariables>;
export const EntryContributionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EntryContributions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LeaderboardMetric' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboard' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'metric' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'standing' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'userId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'entry' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'contributions' },
                              arguments: [
                                {
                                  kind: 'Argument',
                                  name: { kind: 'Name', value: 'first' },
                                  value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                                },
                                {
                                  kind: 'Argument',
                                  name: { kind: 'Name', value: 'after' },
                                  value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                                },
                              ],
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'pushed' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'nodes' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'recordedVia' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EntryContributionsQuery, EntryContributionsQueryVariables>;
export const GoalsTabDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'GoalsTab' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'includeMembers' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goals' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'includeMembers' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'includeMembers' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'activeOnly' },
                value: { kind: 'BooleanValue', value: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'GoalsTab_goal' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'GoalCard_goal' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalsTab_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalCard_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'projectedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pace' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectedValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiredRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysLeft' } },
                { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GoalsTabQuery, GoalsTabQueryVariables>;
export const GoalChangedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'GoalChanged' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goalChanged' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'GoalsTab_goal' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'GoalCard_goal' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalsTab_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalCard_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'projectedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pace' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectedValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiredRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysLeft' } },
                { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GoalChangedSubscription, GoalChangedSubscriptionVariables>;
export const GoalRemovedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'GoalRemoved' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [{ kind: 'Field', name: { kind: 'Name', value: 'goalRemoved' } }],
      },
    },
  ],
} as unknown as DocumentNode<GoalRemovedSubscription, GoalRemovedSubscriptionVariables>;
export const GiveKudosDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'GiveKudos' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'GiveKudosInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'giveKudos' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recipient' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GiveKudosMutation, GiveKudosMutationVariables>;
export const KudosFeedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'KudosFeed' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'kudos' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'KudosItem_kudos' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'KudosItem_kudos' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Kudos' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'private' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'giver' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recipient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<KudosFeedQuery, KudosFeedQueryVariables>;
export const KudosGivenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'KudosGiven' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'kudosGiven' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'KudosItem_kudos' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'KudosItem_kudos' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Kudos' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'private' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'giver' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recipient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<KudosGivenSubscription, KudosGivenSubscriptionVariables>;
export const LeaderboardTabDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'LeaderboardTab' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LeaderboardMetric' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboard' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'metric' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '25' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'BoardRows_board' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BoardRows_board' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Leaderboard' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'totalEntries' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unrankedCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'minimumSample' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'standing' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sample' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'ahead' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entry' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LeaderboardTabQuery, LeaderboardTabQueryVariables>;
export const LeaderboardLiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'LeaderboardLive' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LeaderboardMetric' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboardChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'metric' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '25' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'BoardRows_board' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BoardRows_board' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Leaderboard' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'totalEntries' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unrankedCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'minimumSample' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'standing' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sample' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'ahead' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entry' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LeaderboardLiveSubscription, LeaderboardLiveSubscriptionVariables>;
export const MyNotificationSettingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyNotificationSettings' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'myNotificationSettings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'NotificationsSection_settings' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NotificationsSection_settings' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'NotificationSettings' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'mailEnabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'goalProgress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'goalBehindPace' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badgeEarned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'contests' } },
          { kind: 'Field', name: { kind: 'Name', value: 'teamRank' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kudos' } },
          { kind: 'Field', name: { kind: 'Name', value: 'weeklyDigest' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyNotificationSettingsQuery, MyNotificationSettingsQueryVariables>;
export const UpdateMyNotificationSettingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateMyNotificationSettings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateNotificationSettingsInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateMyNotificationSettings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'NotificationsSection_settings' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NotificationsSection_settings' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'NotificationSettings' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'mailEnabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'goalProgress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'goalBehindPace' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badgeEarned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'contests' } },
          { kind: 'Field', name: { kind: 'Name', value: 'teamRank' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kudos' } },
          { kind: 'Field', name: { kind: 'Name', value: 'weeklyDigest' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  UpdateMyNotificationSettingsMutation,
  UpdateMyNotificationSettingsMutationVariables
>;
export const MeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Me' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const DirectoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Directory' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'teams' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'manager' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'members' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DirectoryQuery, DirectoryQueryVariables>;
export const SummaryCardsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SummaryCards' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'performance' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesCreated' } },
                { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesLost' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'comparedWith' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'performanceSummary' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'achievementCount' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboard' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'metric' },
                value: { kind: 'EnumValue', value: 'REVENUE' },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minimumSample' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'standing' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'userId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sample' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ahead' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SummaryCardsQuery, SummaryCardsQueryVariables>;
export const TeamCardsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TeamCards' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'teamPerformance' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TeamFigures_team' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TeamFigures_team' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TeamPerformance' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'memberCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avgRevenuePerMember' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'topPerformer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'comparedWith' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'avgRevenuePerMember' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamCardsQuery, TeamCardsQueryVariables>;
export const TeamTabDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TeamTab' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'teamPerformance' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TeamFigures_team' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'manager' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'members' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesLost' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TeamFigures_team' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TeamPerformance' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'memberCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avgRevenuePerMember' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'topPerformer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'comparedWith' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'avgRevenuePerMember' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamTabQuery, TeamTabQueryVariables>;
export const TeamBoardDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TeamBoard' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboard' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '100' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamBoardQuery, TeamBoardQueryVariables>;
export const TrendsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Trends' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'trends' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'userId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'userId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'count' },
                value: { kind: 'IntValue', value: '12' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrendFigures_period' } },
                { kind: 'Field', name: { kind: 'Name', value: 'partial' } },
                { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'previousToDate' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrendFigures_period' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrendFigures_period' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PerformancePeriod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
          { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
          { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesCreated' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'calls' } },
          { kind: 'Field', name: { kind: 'Name', value: 'meetings' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrendsQuery, TrendsQueryVariables>;
export const TeamPeriodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TeamPeriod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboard' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '100' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamPeriodQuery, TeamPeriodQueryVariables>;
export const ClockDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Clock' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'clock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'today' } },
                { kind: 'Field', name: { kind: 'Name', value: 'paceBasis' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'periods' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'currency' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ClockQuery, ClockQueryVariables>;
export const FiguresChangedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'FiguresChanged' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboardChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'standing' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'userId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'me' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'rank' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FiguresChangedSubscription, FiguresChangedSubscriptionVariables>;
export const TeamPeriodGoalsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TeamPeriodGoals' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goals' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'includeMembers' },
                value: { kind: 'BooleanValue', value: true },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'date' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'date' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'activeOnly' },
                value: { kind: 'BooleanValue', value: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TeamPeriodGoalsQuery, TeamPeriodGoalsQueryVariables>;
export const CreateGoalDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateGoal' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateGoalInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createGoal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'GoalCard_goal' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalCard_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'projectedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pace' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectedValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiredRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysLeft' } },
                { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateGoalMutation, CreateGoalMutationVariables>;
export const UpdateGoalDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateGoal' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateGoalInput' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateGoal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'GoalCard_goal' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'GoalCard_goal' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Goal' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'projectedValue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'elapsedDays' } },
          { kind: 'Field', name: { kind: 'Name', value: 'periodDays' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pace' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectedValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiredRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysLeft' } },
                { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'user' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'team' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateGoalMutation, UpdateGoalMutationVariables>;
export const DeleteGoalDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteGoal' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteGoal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteGoalMutation, DeleteGoalMutationVariables>;
export const GoalLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'GoalLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GoalLinkQuery, GoalLinkQueryVariables>;
export const TvAchievementDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvAchievement' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'achievementUnlocked' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'badgeIcon' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvAchievementSubscription, TvAchievementSubscriptionVariables>;
export const TvKudosDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvKudos' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'kudosGiven' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'giver' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recipient' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvKudosSubscription, TvKudosSubscriptionVariables>;
export const TvSalesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvSales' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboardChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'metric' },
                value: { kind: 'EnumValue', value: 'REVENUE' },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '100' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvSalesSubscription, TvSalesSubscriptionVariables>;
export const TvGoalAchievedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvGoalAchieved' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goalChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvGoalAchievedSubscription, TvGoalAchievedSubscriptionVariables>;
export const TvBoardDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvBoard' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LeaderboardMetric' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PeriodType' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leaderboardChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'metric' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'metric' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'periodType' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'periodType' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'teamId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'teamId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'IntValue', value: '10' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minimumSample' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unrankedCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousRank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'medal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'revenue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ordersWon' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leadsCreated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opportunitiesClosed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversionRate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'winRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'team' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvBoardSubscription, TvBoardSubscriptionVariables>;
export const TvContestDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvContest' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contestChanged' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'contestId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'frozen' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rank' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'opponentValue' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leading' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'user' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'opponent' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'winners' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvContestSubscription, TvContestSubscriptionVariables>;
export const TvContestsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvContests' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contestsChanged' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'contests' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'prize' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvContestsSubscription, TvContestsSubscriptionVariables>;
export const TvGoalChangedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvGoalChanged' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'goalChanged' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'currentValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'achievementPercentage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'projectedValue' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'team' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvGoalChangedSubscription, TvGoalChangedSubscriptionVariables>;
export const TvGoalRemovedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TvGoalRemoved' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [{ kind: 'Field', name: { kind: 'Name', value: 'goalRemoved' } }],
      },
    },
  ],
} as unknown as DocumentNode<TvGoalRemovedSubscription, TvGoalRemovedSubscriptionVariables>;
export const TvMeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TvMe' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'team' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'clock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'timeZone' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'currency' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TvMeQuery, TvMeQueryVariables>;
export const MyScreenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'MyScreen' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'myScreen' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'boards' } },
                { kind: 'Field', name: { kind: 'Name', value: 'secondsPerBoard' } },
                { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'pinned' } },
                { kind: 'Field', name: { kind: 'Name', value: 'showGoals' } },
                { kind: 'Field', name: { kind: 'Name', value: 'showContests' } },
                { kind: 'Field', name: { kind: 'Name', value: 'celebrations' } },
                { kind: 'Field', name: { kind: 'Name', value: 'saleAmount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sound' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyScreenSubscription, MyScreenSubscriptionVariables>;
