/**
 * The notification kinds and where each person's choice is stored: one column of
 * notification_settings per kind, null (or no row) meaning the default. Every surface that reads
 * or writes a choice (the GraphQL settings, the unsubscribe link, the worker's last check before
 * sending, the SQL that enqueues) goes through this table, so a kind's column and default are
 * written once here (the SQL reads them as coalesce(column, true): every default is on but the
 * weekly digest's, which only its job reads, as coalesce(weekly_digest, false), and which only
 * MANAGERs and ADMINs are offered: DIGEST_ROLES).
 */
import type { notificationSettings } from '../../../schema/db/index.ts';
import {
  DIGEST_ROLES,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type Role,
} from '../../../schema/db/constants.ts';

export { DIGEST_ROLES, NOTIFICATION_KINDS, type NotificationKind };

/** The GraphQL field (and drizzle property) of each kind. */
export const KIND_FIELDS = {
  GOAL_PROGRESS: 'goalProgress',
  GOAL_BEHIND_PACE: 'goalBehindPace',
  BADGE_EARNED: 'badgeEarned',
  CONTESTS: 'contests',
  TEAM_RANK: 'teamRank',
  KUDOS: 'kudos',
  WEEKLY_DIGEST: 'weeklyDigest',
} as const satisfies Record<NotificationKind, keyof typeof notificationSettings.$inferSelect>;

export type KindField = (typeof KIND_FIELDS)[NotificationKind];

/**
 * Every kind is on until its person turns it off, but the weekly digest, a longer mail a manager
 * asks for (docs/notifications.md, Kinds and defaults).
 */
export const DEFAULT_ON: Record<NotificationKind, boolean> = {
  GOAL_PROGRESS: true,
  GOAL_BEHIND_PACE: true,
  BADGE_EARNED: true,
  CONTESTS: true,
  TEAM_RANK: true,
  KUDOS: true,
  WEEKLY_DIGEST: false,
};

/** How each kind is named in mails and on the unsubscribe page. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  GOAL_PROGRESS: 'goal progress (50, 75 and 100 %)',
  GOAL_BEHIND_PACE: 'goals falling behind pace',
  BADGE_EARNED: 'badges earned',
  CONTESTS: 'contests starting and ending',
  TEAM_RANK: 'taking or losing #1 on your team’s monthly board',
  KUDOS: 'kudos from colleagues',
  WEEKLY_DIGEST: 'the weekly digest of your teams',
};

export const isKind = (value: unknown): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly unknown[]).includes(value);

/** Whether a person of this role is offered the kind (the weekly digest: managers and admins). */
export const offeredTo = (kind: NotificationKind, role: Role): boolean =>
  kind !== 'WEEKLY_DIGEST' || (DIGEST_ROLES as readonly Role[]).includes(role);

/** A person's stored row (or none) as a choice per kind, defaults filled in. */
export function choices(
  row: Partial<Record<KindField, boolean | null>> | undefined,
): Record<NotificationKind, boolean> {
  const out = { ...DEFAULT_ON };
  for (const kind of NOTIFICATION_KINDS) out[kind] = row?.[KIND_FIELDS[kind]] ?? DEFAULT_ON[kind];
  return out;
}
