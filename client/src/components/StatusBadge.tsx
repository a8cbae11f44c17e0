import type { GoalStatus } from '../gql/graphql.ts';
import { STATUS_NAMES } from '../lib/goals.ts';

const ICONS: Record<GoalStatus, string> = {
  ACHIEVED: '✓',
  ON_TRACK: '↗',
  BEHIND: '→',
  AT_RISK: '!',
  MISSED: '✕',
};

/** A goal's status band, in words and colour (the word carries the meaning; colour only helps). */
export function StatusBadge({ status }: { status: GoalStatus }) {
  return (
    <span className={`badge status status-${status.toLowerCase().replace('_', '-')}`} data-status={status}>
      <span aria-hidden="true">{ICONS[status]} </span>
      {STATUS_NAMES[status]}
    </span>
  );
}
