import type { GoalStatus } from '../gql/graphql.ts';
import { STATUS_NAMES } from '../lib/goals.ts';
import { Icon, type IconName } from './icons/Icon.tsx';

/** Drawn marks (icons/Icon.tsx): a kiosk without the glyphs would show boxes. */
const ICONS: Record<GoalStatus, IconName> = {
  ACHIEVED: 'check',
  ON_TRACK: 'arrow-up-right',
  BEHIND: 'arrow-right',
  AT_RISK: 'alert',
  MISSED: 'cross',
};

/** A goal's status band, in words and colour (the word carries the meaning; colour only helps). */
export function StatusBadge({ status }: { status: GoalStatus }) {
  return (
    <span className={`badge status status-${status.toLowerCase().replace('_', '-')}`} data-status={status}>
      <Icon name={ICONS[status]} className="status-mark" /> {STATUS_NAMES[status]}
    </span>
  );
}
