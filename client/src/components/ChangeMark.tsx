/**
 * "▲ 12 % vs November 2025" under a figure (lib/change.ts): the arrow is decoration, the words
 * say it ("up 12 % vs November 2025"), for a screen reader too.
 */
import type { ReactNode } from 'react';
import type { PeriodType } from '../gql/graphql.ts';
import { changeBetween, changeText, comparedLabel, type Change, type ChangeKind } from '../lib/change.ts';

const ARROWS = { up: '▲', down: '▼', same: '=', new: '★' } as const;

export function ChangeMark({ change, vs }: { change: Change | null; vs: string }) {
  if (!change) return null;
  const label = changeText(change, vs);
  return (
    <span className={`change ${change.direction}`} title={label} data-change={change.direction}>
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">
        <span className="change-amount">
          {ARROWS[change.direction]}{' '}
          {change.direction === 'up' || change.direction === 'down'
            ? change.amount
            : change.direction === 'new'
              ? 'new'
              : 'no change'}
        </span>
        <span className="change-vs"> vs {vs}</span>
      </span>
    </span>
  );
}

type Figure = number | string | null;
/** The keys of T whose values are figures. */
type FigureKey<T> = { [K in keyof T]-?: T[K] extends Figure ? K : never }[keyof T];

/**
 * Marks for one set of figures against what the server compares them with (comparedWith: null
 * while there is nothing to compare with, and then no mark): `mark('revenue', 'percent')`.
 */
export function changeMarks<N, C extends { periodStart: string; periodEnd: string }>(
  periodType: PeriodType,
  now: N | undefined,
  compared: C | null | undefined,
): (key: FigureKey<N> & FigureKey<C>, kind: ChangeKind) => ReactNode {
  if (!now || !compared) return () => null;
  const vs = comparedLabel(periodType, compared);
  return (key, kind) => (
    <ChangeMark change={changeBetween(now[key] as Figure, compared[key] as Figure, kind)} vs={vs} />
  );
}
