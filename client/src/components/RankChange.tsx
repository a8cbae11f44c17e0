import { Icon } from './icons/Icon.tsx';

/** How a place on a board moved since the previous version: up, down, new, or unchanged. */
export type Movement = { kind: 'up' | 'down'; by: number } | { kind: 'new' } | { kind: 'same' };

export function movement(previous: number | undefined, current: number): Movement {
  if (previous === undefined) return { kind: 'new' };
  if (current < previous) return { kind: 'up', by: previous - current };
  if (current > previous) return { kind: 'down', by: current - previous };
  return { kind: 'same' };
}

/**
 * The arrow beside a rank. `previous` is undefined for someone who was not on the previous board
 * (shown only when `showNew`, so a first render is not a wall of "new"). `since`: the move is
 * since a period's close ("up 2 since November 2025"), not since the last version of the board,
 * and an unchanged place says so.
 */
export function RankChange({
  previous,
  current,
  showNew = false,
  since,
}: {
  previous: number | undefined;
  current: number;
  showNew?: boolean;
  since?: string;
}) {
  const move = movement(previous, current);
  const tail = since ? ` since ${since}` : '';
  if (move.kind === 'up')
    return (
      <span className="rank-change up" aria-label={`up ${move.by}${tail}`}>
        <Icon name="caret-up" />
        {move.by}
      </span>
    );
  if (move.kind === 'down')
    return (
      <span className="rank-change down" aria-label={`down ${move.by}${tail}`}>
        <Icon name="caret-down" />
        {move.by}
      </span>
    );
  if (move.kind === 'new' && (showNew || since))
    return (
      <span className="rank-change new" aria-label={since ? `not ranked in ${since}` : 'new on the board'}>
        new
      </span>
    );
  if (since)
    return (
      <span className="rank-change held" aria-label={`same place as in ${since}`}>
        =
      </span>
    );
  return (
    <span className="rank-change same" aria-hidden="true">
      ·
    </span>
  );
}
