import { describe, expect, it } from 'vitest';
import { playMachine, type MachineRow } from '../../../tests/support/machine.ts';
import {
  FAILED_ROUND_RETRY_MS,
  initialWorkerState,
  next,
  type WorkerEffect,
  type WorkerEvent,
  type WorkerState,
} from './worker-state.ts';

const config = { pollMs: 30_000 };

const start: WorkerEvent = { type: 'start' };
const stop: WorkerEvent = { type: 'stop' };
const timer: WorkerEvent = { type: 'timer' };
const slotFreed: WorkerEvent = { type: 'slotFreed' };
const notified = (reason: string): WorkerEvent => ({ type: 'notified', reason });
const done = (sleep: number | undefined): WorkerEvent => ({ type: 'roundDone', sleep });
const error = new Error('down');
const failed: WorkerEvent = { type: 'roundFailed', error };

const cancelTimer: WorkerEffect = { type: 'cancelTimer' };
const round = (syncRanks: boolean): WorkerEffect[] => [cancelTimer, { type: 'round', syncRanks }];
const schedule = (ms: number): WorkerEffect => ({ type: 'schedule', ms });

type Row = MachineRow<WorkerState, WorkerEvent, WorkerEffect>;

const play = (rows: Row[], state = initialWorkerState(config)): WorkerState => playMachine(next, rows, state);

describe('webhook worker state', () => {
  it('starts with a round that syncs the rank watcher, listens, then sleeps until the next due row', () => {
    play([
      [start, [...round(true), { type: 'listen' }], { phase: { name: 'running' }, syncRanks: false }],
      [start, [], { phase: { name: 'running' } }], // already running
      [done(1200), [schedule(1200)], { phase: { name: 'waiting', ms: 1200 } }],
      [timer, round(true)], // the timer's round re-checks the webhooks
      [done(30_000), [schedule(30_000)]],
    ]);
  });

  it('a wake-up during a round runs exactly one more right after it', () => {
    play([
      [start, [...round(true), { type: 'listen' }]],
      [notified('outbox'), [], { again: true, syncRanks: false }],
      [slotFreed, [], { again: true }],
      [notified('webhooks'), [], { again: true, syncRanks: true }],
      [done(5000), round(true), { again: false }], // no timer: straight into the next round
      [done(5000), [schedule(5000)]],
    ]);
  });

  it('enqueued rows wake a round without re-checking the webhooks; a webhook change re-checks', () => {
    const waiting = play([
      [start, [...round(true), { type: 'listen' }]],
      [done(30_000), [schedule(30_000)]],
    ]);
    play(
      [
        [notified('outbox'), round(false)],
        [done(undefined), [], { phase: { name: 'idle' } }], // every slot busy: no timer
        [slotFreed, round(false)],
        [done(30_000), [schedule(30_000)]],
        [notified('webhook'), round(true)],
      ],
      waiting,
    );
  });

  it('a failed round is retried after min(pollMs, 1 s)', () => {
    play([
      [start, [...round(true), { type: 'listen' }]],
      [failed, [{ type: 'logFailure', error }, schedule(FAILED_ROUND_RETRY_MS)]],
      [timer, round(true)],
      [failed, [{ type: 'logFailure', error }, schedule(1000)]],
    ]);
    play(
      [
        [start, [...round(true), { type: 'listen' }]],
        [failed, [{ type: 'logFailure', error }, schedule(200)]],
      ],
      initialWorkerState({ pollMs: 200 }),
    );
  });

  it('stop cancels the timer; a round in flight ends without another, and nothing starts after', () => {
    play([
      [start, [...round(true), { type: 'listen' }]],
      [done(1000), [schedule(1000)]],
      [stop, [cancelTimer], { stopped: true, phase: { name: 'idle' } }],
      [notified('outbox'), []],
      [start, []],
      [timer, [], { syncRanks: true }],
    ]);
    play([
      [start, [...round(true), { type: 'listen' }]],
      [slotFreed, [], { again: true }],
      [stop, [cancelTimer], { phase: { name: 'running' } }],
      [failed, [], { phase: { name: 'idle' } }], // not logged after stop, not retried
      [slotFreed, []],
    ]);
  });

  it('ignores a round result when no round runs', () => {
    const state = initialWorkerState(config);
    expect(next(state, done(5))).toEqual({ state, effects: [] });
    expect(next(state, failed)).toEqual({ state, effects: [] });
  });
});
