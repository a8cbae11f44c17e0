/**
 * Table-driven tests of a pure state machine (`next(state, event) -> { state, effects }`): each row
 * is an event, the effects it must produce and, optionally, fields its new state must have. The
 * row's index is in every failure, so a broken table names its row.
 */
import { expect } from 'vitest';

export type MachineRow<S, E, F> = [E, F[], Partial<S>?];

/** Feeds the events in order, checking each step's effects and (optionally) fields of its state. */
export function playMachine<S, E extends { type: string }, F>(
  next: (state: S, event: E) => { state: S; effects: readonly F[] },
  rows: MachineRow<S, E, F>[],
  initial: S,
): S {
  let state = initial;
  rows.forEach(([event, effects, fields], index) => {
    const step = next(state, event);
    expect({ index, event: event.type, effects: step.effects }).toEqual({
      index,
      event: event.type,
      effects,
    });
    if (fields) expect(step.state).toMatchObject(fields);
    state = step.state;
  });
  return state;
}
