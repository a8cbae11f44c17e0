/** GraphQL enums, built from the same as-const lists as the Postgres enums (schema/db/constants.ts). */
import { registerEnumType } from 'type-graphql';
import {
  ACTIVITY_KINDS,
  BADGE_ICON_NAMES,
  CONTEST_FORMATS,
  CONTEST_GOAL_METRICS,
  CONTEST_METRICS,
  CONTEST_STATUSES,
  CELEBRATION_KINDS,
  DELIVERY_STATUSES,
  GOAL_METRICS,
  GOAL_STATUSES,
  LEADERBOARD_METRICS,
  MEDALS,
  PACE_BASES,
  PACE_STATES,
  PERIOD_TYPES,
  ROLES,
  RULE_METRICS,
  WEBHOOK_EVENTS,
} from '../../../schema/db/constants.ts';

type EnumObject<T extends readonly string[]> = { [K in T[number]]: K };
const enumObject = <T extends readonly string[]>(values: T): EnumObject<T> =>
  Object.fromEntries(values.map((v) => [v, v])) as EnumObject<T>;

export const RoleEnum = enumObject(ROLES);
export const PeriodTypeEnum = enumObject(PERIOD_TYPES);
export const ActivityKindEnum = enumObject(ACTIVITY_KINDS);
export const GoalMetricEnum = enumObject(GOAL_METRICS);
export const GoalStatusEnum = enumObject(GOAL_STATUSES);
export const LeaderboardMetricEnum = enumObject(LEADERBOARD_METRICS);
export const MedalEnum = enumObject(MEDALS);
export const RuleMetricEnum = enumObject(RULE_METRICS);
export const BadgeIconNameEnum = enumObject(BADGE_ICON_NAMES);
export const WebhookEventEnum = enumObject(WEBHOOK_EVENTS);
export const DeliveryStatusEnum = enumObject(DELIVERY_STATUSES);
export const ContestMetricEnum = enumObject(CONTEST_METRICS);
export const ContestGoalMetricEnum = enumObject(CONTEST_GOAL_METRICS);
export const ContestFormatEnum = enumObject(CONTEST_FORMATS);
export const ContestStatusEnum = enumObject(CONTEST_STATUSES);

registerEnumType(ContestMetricEnum, {
  name: 'ContestMetric',
  description:
    'What a contest ranks by, inside its window: revenue, orders won, calls, meetings, an activity count (every kind, or activityKind), conversion rate (orders won ÷ leads × 100), or GOAL_PERCENT (the participant’s goalMetric in the window as a % of their own goal’s target).',
});
registerEnumType(ContestGoalMetricEnum, {
  name: 'ContestGoalMetric',
  description: 'The goals a GOAL_PERCENT contest compares against.',
});
registerEnumType(ContestFormatEnum, {
  name: 'ContestFormat',
  description:
    'INDIVIDUAL: one ranking of people. TEAM_TOTAL: teams by their members’ sum. TEAM_AVERAGE: teams by their members’ average (unequal teams compete fairly). HEAD_TO_HEAD: each person against an assigned opponent.',
});
registerEnumType(ContestStatusEnum, {
  name: 'ContestStatus',
  description: 'UPCOMING before its start, RUNNING inside its window, ENDED (results frozen) after it.',
});
export const CelebrationKindEnum = enumObject(CELEBRATION_KINDS);
export const PaceStateEnum = enumObject(PACE_STATES);
export const PaceBasisEnum = enumObject(PACE_BASES);

registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'What a user may do: ADMIN everything; MANAGER their teams; REP their own data; VIEWER screens.',
});
registerEnumType(PeriodTypeEnum, {
  name: 'PeriodType',
  description: "Period lengths; boundaries in the organisation's time zone, weeks start on Monday.",
});
registerEnumType(ActivityKindEnum, { name: 'ActivityKind', description: 'Kinds of sales activity.' });
registerEnumType(GoalMetricEnum, {
  name: 'GoalMetric',
  description: 'What a goal measures; every metric but CUSTOM is tracked from recorded activity.',
});
registerEnumType(GoalStatusEnum, { name: 'GoalStatus', description: 'Progress band of a goal.' });
registerEnumType(LeaderboardMetricEnum, {
  name: 'LeaderboardMetric',
  description: 'What a leaderboard ranks by.',
});
registerEnumType(MedalEnum, { name: 'Medal', description: 'Medals for ranks 1, 2 and 3.' });
registerEnumType(RuleMetricEnum, {
  name: 'RuleMetric',
  description: 'What an achievement rule watches: a count or revenue summed over its period.',
});
registerEnumType(BadgeIconNameEnum, {
  name: 'BadgeIconName',
  description:
    'An icon of the web client’s drawn set for a badge rule; its badges carry the emoji standing for it (TROPHY 🏆, ROCKET 🚀, CHART 📈, HANDSHAKE 🤝, TARGET 🎯, MONEY 💰, USERS 👥, STAR ⭐, FLAME 🔥, CROWN 👑, BADGE 🎖, MEDAL 🏅, PHONE 📞, CALENDAR 📅, CHECK ✅).',
});
registerEnumType(WebhookEventEnum, {
  name: 'WebhookEvent',
  description: 'What a webhook is told about.',
  valuesConfig: {
    GOAL_ACHIEVED: { description: 'A goal reached 100 % (created so, or moved there).' },
    GOAL_MISSED: { description: 'A goal’s period ended below 100 %.' },
    ACHIEVEMENT_UNLOCKED: { description: 'A badge was awarded, by a rule or by hand.' },
    RANK_CHANGED: { description: 'Who holds ranks 1-3 of this month’s revenue board changed.' },
    GOAL_BEHIND_PACE: {
      description:
        'A goal fell behind pace by more than PACE_ALERT_PERCENT % of its target: once a day at most, again only after it recovered.',
    },
    CONTEST_STARTED: { description: 'A contest’s window began.' },
    CONTEST_ENDED: { description: 'A contest ended: its frozen podium and winners.' },
  },
});
registerEnumType(DeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until a 2xx answer (DELIVERED) or until the attempts run out (FAILED).',
});
registerEnumType(CelebrationKindEnum, {
  name: 'CelebrationKind',
  description:
    'What interrupts a screen’s rotation with a card: a sale of at least its amount, a goal achieved, a new #1 on a board it shows, a badge.',
});
registerEnumType(PaceStateEnum, {
  name: 'PaceState',
  description:
    'A goal against where it should be by now: AHEAD above 105 % of expectedValue, BEHIND_PACE below 95 %, ON_PACE in between.',
});
registerEnumType(PaceBasisEnum, {
  name: 'PaceBasis',
  description:
    'What "by now" counts: the period’s real duration (CALENDAR_DAYS) or its Monday–Friday days (WORKING_DAYS).',
});
