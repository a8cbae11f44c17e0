import type { PaceState } from '../gql/graphql.ts';
import { PACE_NAMES } from '../lib/goals.ts';

/** Arrows drawn here (SVG), not taken from a font: a kiosk browser without emoji shows them too. */
const PATHS: Record<PaceState, string> = {
  AHEAD: 'M3 11 L11 3 M5 3 H11 V9',
  ON_PACE: 'M2 7 H12 M8 3 L12 7 L8 11',
  BEHIND_PACE: 'M3 3 L11 11 M11 5 V11 H5',
};

/** A goal's pace against expected by now, in words and a drawn arrow (the word carries the meaning). */
export function PaceMark({ state }: { state: PaceState }) {
  return (
    <span className={`badge pace pace-${state.toLowerCase().replace('_', '-')}`} data-pace={state}>
      <svg viewBox="0 0 14 14" width="0.9em" height="0.9em" aria-hidden="true" focusable="false">
        <path d={PATHS[state]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      {PACE_NAMES[state]}
    </span>
  );
}
