/**
 * A badge's icon. Badges carry their icon from the server as text, usually an emoji ("🏆"): a
 * known one is drawn (Icon); any other emoji is drawn as a generic rosette named by the text (a
 * kiosk without an emoji font would show a box); plain text ("VIP") is shown as it is.
 */
import { Icon, type IconName } from './Icon.tsx';

/** The emoji badges use (demo awards, the rules' defaults) and their drawn icon. */
export const BADGE_ICONS: Readonly<Record<string, IconName>> = {
  '🏆': 'trophy',
  '🚀': 'rocket',
  '📈': 'chart',
  '🤝': 'handshake',
  '🎯': 'target',
  '💰': 'money',
  '💵': 'money',
  '💸': 'money',
  '⭐': 'star',
  '🌟': 'star',
  '🔥': 'flame',
  '👑': 'crown',
  '🏅': 'medal',
  '🥇': 'medal',
  '🥈': 'medal',
  '🥉': 'medal',
  '🎖️': 'badge',
  '🎖': 'badge',
  '📞': 'phone',
  '📅': 'calendar',
  '👥': 'users',
  '✅': 'check',
};

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** The drawn icon for a badge's text, or null when the text is to be shown as it is. */
export function badgeIconName(icon: string): IconName | null {
  const known = BADGE_ICONS[icon.trim()] ?? BADGE_ICONS[icon.trim().replace(/\uFE0F/g, '')];
  if (known) return known;
  return PICTOGRAPHIC.test(icon) ? 'badge' : null;
}

export function BadgeIcon({ icon, className }: { icon: string; className?: string }) {
  const name = badgeIconName(icon);
  if (name === null) return <span className={`badge-text${className ? ` ${className}` : ''}`}>{icon}</span>;
  return <Icon name={name} className={className} />;
}
