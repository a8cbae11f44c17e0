/**
 * Every fixed set of values in the product, written once. The Postgres enums (./enums.ts), the
 * GraphQL enums (api/modules/*) and input validation are all built from these lists.
 */
export const ROLES = ['ADMIN', 'MANAGER', 'REP', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const PERIOD_TYPES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
/** The period a board, team figures or current figures are of when the caller names none. */
export const DEFAULT_PERIOD_TYPE: PeriodType = 'MONTHLY';

export const ACTIVITY_KINDS = [
  'LEAD_CREATED',
  'OPPORTUNITY_CREATED',
  'QUOTATION_SENT',
  'QUOTATION_ACCEPTED',
  'ORDER_WON',
  'OPPORTUNITY_LOST',
  'CALL',
  'EMAIL',
  'MEETING',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const GOAL_METRICS = [
  'REVENUE',
  'ORDERS',
  'LEADS',
  'OPPORTUNITIES',
  'CONVERSION_RATE',
  'WIN_RATE',
  'CALLS',
  'MEETINGS',
  'CUSTOM',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];
/** Goal metrics that are percentages: they are not summed over time, so they project as themselves. */
export const RATE_METRICS: readonly GoalMetric[] = ['CONVERSION_RATE', 'WIN_RATE'];

export const GOAL_STATUSES = ['ACHIEVED', 'ON_TRACK', 'BEHIND', 'AT_RISK', 'MISSED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const LEADERBOARD_METRICS = ['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'WIN_RATE'] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];
/** A paired screen's rotation (issue 15): seconds per board, and how many boards it rotates. */
export const SCREEN_SECONDS = { min: 5, max: 3600, default: 20 } as const;
export const SCREEN_DEFAULT_BOARDS: readonly LeaderboardMetric[] = ['REVENUE', 'ORDERS', 'CONVERSION_RATE'];
/**
 * What interrupts a paired screen's rotation with a full-screen card (issue 17), each on or off per
 * screen. A new kind (a contest won) is one more value here and one entry in the TV's card table
 * (client/src/tv/celebrations.ts); stored as text, so adding one needs no migration.
 */
export const CELEBRATION_KINDS = [
  'SALE',
  'GOAL_ACHIEVED',
  'NEW_LEADER',
  'BADGE',
  'CONTEST_WON',
  'KUDOS',
] as const;
export type CelebrationKind = (typeof CELEBRATION_KINDS)[number];
/** A sale celebrated on a screen: at least this amount, in the organisation's currency (whole units). */
export const SCREEN_SALE_AMOUNT = { min: 1, max: 1_000_000_000, default: 10_000 } as const;

export const MEDALS = ['GOLD', 'SILVER', 'BRONZE'] as const;
export type Medal = (typeof MEDALS)[number];

/** Metrics an achievement rule can watch: counts and money, summed over the rule's period. */
export const RULE_METRICS = ['REVENUE', 'ORDERS', 'LEADS', 'OPPORTUNITIES', 'CALLS', 'MEETINGS'] as const;
export type RuleMetric = (typeof RULE_METRICS)[number];

/** Icons a badge rule may show: the web client draws each as an SVG (client/src/components/icons). */
export const BADGE_ICON_NAMES = [
  'TROPHY',
  'ROCKET',
  'CHART',
  'HANDSHAKE',
  'TARGET',
  'MONEY',
  'USERS',
  'STAR',
  'FLAME',
  'CROWN',
  'BADGE',
  'MEDAL',
  'PHONE',
  'CALENDAR',
  'CHECK',
] as const;
export type BadgeIconName = (typeof BADGE_ICON_NAMES)[number];
/** Past periods a badge rule's preview shows and its backfill awards: the current one and 11 before. */
export const BADGE_RULE_PREVIEW_PERIODS = 12;
/** Most people a badge rule's preview names per period (its count is always whole). */
export const BADGE_RULE_PREVIEW_PEOPLE = 50;

/** Limits shared by validation and the database's CHECK constraints. */
export const LIMITS = {
  name: 200,
  email: 320,
  externalId: 200,
  description: 2000,
  achievementText: 200,
  badgeIcon: 32,
  /** Most activities one recordActivities call accepts. */
  activityBatch: 5000,
  /** Largest money amount: numeric(14,2). */
  moneyIntegerDigits: 12,
  trendsCount: 60,
  leaderboardLimit: 500,
  /** Live (not revoked, not expired) API tokens one person may hold. */
  apiTokensPerUser: 20,
  apiTokenName: 100,
  /** The highest CONTRIBUTIONS_MAX may be set: a page of a figure's activities (query cost sizes it). */
  contributionsCeiling: 1000,
  /** A kudos message, in characters (docs/kudos.md). */
  kudosMessage: 280,
  /** The largest page of the kudos feed (`first`). */
  kudosPage: 100,
} as const;

/** How long after giving it the giver may still edit a kudos (docs/kudos.md). */
export const KUDOS_EDIT_WINDOW_MS = 60_000;

/** What a webhook can be told about (api/jobs/webhooks/, drizzle/*_webhook_triggers.sql). */
export const WEBHOOK_EVENTS = [
  'GOAL_ACHIEVED',
  'GOAL_MISSED',
  'ACHIEVEMENT_UNLOCKED',
  'RANK_CHANGED',
  'GOAL_BEHIND_PACE',
  'CONTEST_STARTED',
  'CONTEST_ENDED',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** How a webhook's deliveries are written (api/jobs/webhooks/formats/): signed JSON, Slack, Teams. */
export const WEBHOOK_FORMATS = ['JSON', 'SLACK', 'TEAMS'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
/** A digest's interval in minutes: divides a day, so intervals start at the organisation's midnight. */
export const WEBHOOK_DIGEST_MINUTES = { min: 5, max: 1440 } as const;

/** A delivery is PENDING until a 2xx answer (DELIVERED) or until its attempts run out (FAILED). */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A goal against where it should be by now (api/domain/pace.ts, docs/goals-pace.md). */
export const PACE_STATES = ['AHEAD', 'ON_PACE', 'BEHIND_PACE'] as const;
export type PaceState = (typeof PACE_STATES)[number];

/** What "by now" counts: the period's real duration, or its Monday–Friday days (organisation setting). */
export const PACE_BASES = ['CALENDAR_DAYS', 'WORKING_DAYS'] as const;
export type PaceBasis = (typeof PACE_BASES)[number];
/**
 * Contests (docs/contests.md): what one ranks by, how participants are grouped, where it stands.
 * ACTIVITIES counts every activity kind, or one (activityKind); GOAL_PERCENT is the metric of the
 * participant's own goal reached in the window, as a share of that goal's target.
 */
export const CONTEST_METRICS = [
  'REVENUE',
  'ORDERS',
  'CALLS',
  'MEETINGS',
  'ACTIVITIES',
  'CONVERSION_RATE',
  'GOAL_PERCENT',
] as const;
export type ContestMetric = (typeof CONTEST_METRICS)[number];
/** Goal metrics a GOAL_PERCENT contest may compare against (tracked and summed over time). */
export const CONTEST_GOAL_METRICS = [
  'REVENUE',
  'ORDERS',
  'LEADS',
  'OPPORTUNITIES',
  'CALLS',
  'MEETINGS',
] as const;
export type ContestGoalMetric = (typeof CONTEST_GOAL_METRICS)[number];
export const CONTEST_FORMATS = ['INDIVIDUAL', 'TEAM_TOTAL', 'TEAM_AVERAGE', 'HEAD_TO_HEAD'] as const;
export type ContestFormat = (typeof CONTEST_FORMATS)[number];
export const CONTEST_STATUSES = ['UPCOMING', 'RUNNING', 'ENDED'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

/**
 * What a person may be mailed about (issue 19, docs/notifications.md), each on or off per person in
 * notification_settings (no row, or a null column: the default, on for all but WEEKLY_DIGEST).
 * GOAL_PROGRESS: their goal reached 50, 75 or 100 %; CONTESTS: a contest they are in started or
 * ended; TEAM_RANK: they took or lost #1 on their team's monthly revenue board; WEEKLY_DIGEST: a
 * manager's or admin's weekly digest of their teams (off until they turn it on).
 */
export const NOTIFICATION_KINDS = [
  'GOAL_PROGRESS',
  'GOAL_BEHIND_PACE',
  'BADGE_EARNED',
  'CONTESTS',
  'TEAM_RANK',
  'KUDOS',
  'WEEKLY_DIGEST',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** The roles offered the weekly digest (a REP's or VIEWER's choice reads null and cannot be turned on). */
export const DIGEST_ROLES = ['MANAGER', 'ADMIN'] as const satisfies readonly Role[];
/** The shares of a goal's target that send GOAL_PROGRESS, each once per goal. */
export const GOAL_PROGRESS_STEPS = [50, 75, 100] as const;
export const MAIL_STATUSES = ['PENDING', 'SENT', 'FAILED', 'DROPPED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
