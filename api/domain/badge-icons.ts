/**
 * A badge rule's icon: one name of the client's drawn set (BADGE_ICON_NAMES), stored on the rule
 * and its badges as the emoji that stands for it ('TROPHY' -> '🏆').
 *
 * Invariant: every name has exactly one emoji and every emoji one name, so a stored badge_icon
 * reads back as the name it was saved with. Why an emoji in the row: badges reach places that have
 * no icon set of ours (Slack and Teams webhooks, the REST API, an ERP reading the table), and the
 * web client already draws these emoji as its SVG icons (client/src/components/icons/BadgeIcon.tsx).
 */
import type { BadgeIconName } from '../../schema/db/constants.ts';

export const BADGE_ICON_EMOJI: Readonly<Record<BadgeIconName, string>> = {
  TROPHY: '🏆',
  ROCKET: '🚀',
  CHART: '📈',
  HANDSHAKE: '🤝',
  TARGET: '🎯',
  MONEY: '💰',
  USERS: '👥',
  STAR: '⭐',
  FLAME: '🔥',
  CROWN: '👑',
  BADGE: '🎖',
  MEDAL: '🏅',
  PHONE: '📞',
  CALENDAR: '📅',
  CHECK: '✅',
};

const BY_EMOJI = new Map(
  Object.entries(BADGE_ICON_EMOJI).map(([name, emoji]) => [emoji, name as BadgeIconName]),
);

/** The icon name a stored badge_icon stands for; null for one outside the set (a manual award's). */
export function badgeIconNameOf(emoji: string): BadgeIconName | null {
  return BY_EMOJI.get(emoji.trim().replace(/\uFE0F/g, '')) ?? null;
}
