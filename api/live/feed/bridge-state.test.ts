import { describe, expect, it } from 'vitest';
import { playMachine, type MachineRow } from '../../../tests/support/machine.ts';
import {
  initialBridgeState,
  MAX_WAIT_MS,
  next,
  type BridgeEffect,
  type BridgeEvent,
  type BridgeState,
} from './bridge-state.ts';
import { parseSnapshot } from './messages.ts';

const config = { drainMs: 10, busyDrainMs: 25 };

/** A drain result: `found` rows, a snapshot with these transactions in progress (xmax 200). */
const drained = (found: number, ...inProgress: number[]): BridgeEvent => ({
  type: 'drained',
  found,
  snapshot: parseSnapshot(`${inProgress[0] ?? 200}:200:${inProgress.join(',')}`),
});
const ev = (type: Exclude<BridgeEvent['type'], 'drained' | 'failed'>) => ({ type }) as BridgeEvent;
const failed: BridgeEvent = { type: 'failed', error: new Error('down') };

const register = (fresh: boolean): BridgeEffect => ({ type: 'register', fresh });
const drain = (disarm: boolean): BridgeEffect => ({ type: 'drain', disarm });
const prune: BridgeEffect = { type: 'prune' };
const sleep = (ms: number): BridgeEffect => ({ type: 'sleep', ms });
const cancelSleep: BridgeEffect = { type: 'cancelSleep' };

type Row = MachineRow<BridgeState, BridgeEvent, BridgeEffect>;

const play = (rows: Row[], state = initialBridgeState(config)): BridgeState => playMachine(next, rows, state);

/** Started: registered once, armed, idle, trusted. */
const started = () =>
  play([
    [ev('connected'), [register(true)]],
    [ev('registered'), [drain(false)]],
    [drained(0), [{ type: 'ready' }], { phase: { name: 'idle' }, armed: true, trusted: true }],
  ]);

describe('bridge state: registering', () => {
  it('registers on the first connect, is untrusted until the first drain, then idles armed', () => {
    play([
      [ev('connected'), [register(true)], { connects: 1, trusted: false, gap: false }],
      [ev('registered'), [drain(false)], { armed: true, trusted: false }],
      [drained(2), [{ type: 'ready' }], { phase: { name: 'idle' }, trusted: true, settled: true }],
    ]);
  });

  it('waits for transactions in progress at arming, backing off up to MAX_WAIT_MS', () => {
    play([
      [ev('connected'), [register(true)]],
      [ev('registered'), [drain(false)]],
      [drained(0, 150, 160), [{ type: 'ready' }, sleep(10)], { waitFor: [150n, 160n] }],
      [ev('slept'), [drain(false)]],
      [drained(0, 160), [prune], { waitFor: [160n] }],
      [ev('pruned'), [sleep(20)]],
      [ev('slept'), [drain(false)]],
      [drained(0, 160), [prune]],
      [ev('pruned'), [sleep(40)]],
      ...[80, 160, 320, 640, MAX_WAIT_MS, MAX_WAIT_MS].flatMap((ms): Row[] => [
        [ev('slept'), [drain(false)]],
        [drained(0, 160), [prune]],
        [ev('pruned'), [sleep(ms)]],
      ]),
      [ev('slept'), [drain(false)]],
      [drained(0), [prune], { waitFor: [] }],
      [ev('pruned'), [], { phase: { name: 'idle' }, armed: true }],
    ]);
  });

  it('a first registration that fails rejects start and does not retry', () => {
    play([
      [ev('connected'), [register(true)]],
      [
        failed,
        [{ type: 'startFailed', error: new Error('down') }],
        { phase: { name: 'idle' }, settled: true },
      ],
    ]);
  });
});

describe('bridge state: draining', () => {
  it('a wake-up disarms and drains at once; reading less often while rows keep coming, then re-arms', () => {
    const state = play(
      [
        [ev('wake'), [drain(true)], { armed: false, woken: false }],
        [drained(3), [prune]],
        [ev('pruned'), [sleep(10)], { busy: true }], // the first busy drain: drainMs
        [ev('slept'), [drain(false)]],
        [drained(2), [prune]],
        [ev('pruned'), [sleep(20)]], // busy twice: doubled
        [ev('slept'), [drain(false)]],
        [drained(5), [prune]],
        [ev('pruned'), [sleep(25)]], // capped at busyDrainMs
        [ev('slept'), [drain(false)]],
        [drained(1), [prune]],
        [ev('pruned'), [sleep(25)]],
        [ev('slept'), [drain(false)]],
        [drained(0), [prune]],
        [ev('pruned'), [register(false)], { busy: false }], // found nothing, disarmed: arm again
        [ev('registered'), [drain(false)], { armed: true }],
        [drained(0), [], { phase: { name: 'idle' }, trusted: true }],
      ],
      started(),
    );
    expect(state.again).toBe(false);
  });

  it('the back-off resets after a drain that found nothing, and on a wake-up', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [drained(3), [prune]],
        [ev('pruned'), [sleep(10)]],
        [ev('slept'), [drain(false)]],
        [drained(3), [prune]],
        [ev('pruned'), [sleep(20)]],
        [ev('slept'), [drain(false)]],
        [drained(0, 150), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('registered'), [drain(false)]],
        [drained(0, 150), [sleep(10)]], // waiting for 150: from drainMs again
        [ev('slept'), [drain(false)]],
        [drained(4, 150), [prune]],
        [ev('pruned'), [sleep(10)]], // rows after an empty drain: drainMs, not doubled
        [ev('slept'), [drain(false)]],
        [drained(4, 150), [prune]],
        [ev('pruned'), [sleep(20)]],
        [ev('wake'), [cancelSleep, drain(true)], { again: true }],
        [drained(0, 150), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('registered'), [drain(false)]],
        [drained(0), [drain(false)], { again: false }], // the loop ended: `again` runs one more
        [drained(0), [prune]],
        [ev('pruned'), [], { phase: { name: 'idle' } }],
      ],
      started(),
    );
  });

  it('a wake-up during a drain sets `again` and skips the sleep', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [ev('wake'), [], { again: true, woken: true, phase: { name: 'draining' } }],
        [drained(1), [prune]],
        [ev('wake'), [], { again: true }],
        [ev('pruned'), [drain(true)], { woken: false }], // no sleep: read again at once, disarmed
        [drained(0), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('registered'), [drain(false)]],
        [drained(0), [drain(false)], { again: false, phase: { name: 'draining' } }],
        [drained(0), [prune]],
        [ev('pruned'), [], { phase: { name: 'idle' }, armed: true }],
      ],
      started(),
    );
  });

  it('a wake-up during the arming drain keeps the loop going', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [drained(0), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('wake'), [], { again: true }],
        [ev('registered'), [drain(false)]],
        [drained(0), [drain(true)]], // woken: no sleep
        [drained(0), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('registered'), [drain(false)]],
        [drained(0), [drain(false)]], // again
        [drained(0), [prune]],
        [ev('pruned'), [], { phase: { name: 'idle' } }],
      ],
      started(),
    );
  });
});

describe('bridge state: gaps', () => {
  it('a reconnect is untrusted until registered afresh, then the hub recomputes everything once', () => {
    const state = play(
      [
        [ev('connected'), [register(true)], { connects: 2, gap: true, trusted: false }],
        [ev('registered'), [drain(false)], { trusted: false }],
        [drained(0), [{ type: 'reconnected' }], { gap: false, trusted: true, phase: { name: 'idle' } }],
        [ev('wake'), [drain(true)]],
      ],
      started(),
    );
    expect(state.settled).toBe(true);
  });

  it('a reconnect during a drain registers right after it, then drains once more', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [ev('connected'), [], { register: true, trusted: false, again: true }],
        [drained(5), [prune]],
        [ev('pruned'), [register(true)]], // register: no sleep
        [ev('registered'), [drain(false)]],
        [drained(0), [{ type: 'reconnected' }, drain(false)], { trusted: true }], // again
        [drained(0), [prune]],
        [ev('pruned'), [], { phase: { name: 'idle' } }],
      ],
      started(),
    );
  });

  it('a lapsed registration is a gap; a missing echo distrusts and reopens until the reconnect', () => {
    play(
      [
        [ev('lapsed'), [register(true)], { gap: true, trusted: false, connects: 1 }],
        [ev('registered'), [drain(false)]],
        [drained(0), [{ type: 'reconnected' }], { trusted: true }],
        [ev('silent'), [{ type: 'reopen' }], { trusted: false, phase: { name: 'idle' } }],
        [ev('wake'), [drain(true)]],
        [drained(0), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('registered'), [drain(false)]],
        [drained(0), [], { trusted: false }], // re-arming is not a resync
        [ev('connected'), [register(true)]],
        [ev('registered'), [drain(false)]],
        [drained(0), [{ type: 'reconnected' }], { trusted: true }],
      ],
      started(),
    );
  });

  it('a failing read retries after MAX_WAIT_MS, woken, and stays untrusted only if it was', () => {
    const error = new Error('down');
    play(
      [
        [ev('wake'), [drain(true)]],
        [{ type: 'failed', error }, [{ type: 'retryLater', error, ms: MAX_WAIT_MS }], { woken: true }],
        [ev('retry'), [drain(true)], { trusted: true }],
        [drained(0), [prune]],
        [ev('pruned'), [register(false)]],
        [ev('registered'), [drain(false)]],
        [drained(0), [], { phase: { name: 'idle' } }],
      ],
      started(),
    );
  });

  it('a kick while a failing loop runs starts the next loop at once', () => {
    const error = new Error('down');
    play(
      [
        [ev('wake'), [drain(true)]],
        [ev('wake'), [], { again: true }],
        [{ type: 'failed', error }, [{ type: 'retryLater', error, ms: MAX_WAIT_MS }, drain(true)]],
      ],
      started(),
    );
  });
});

describe('bridge state: stopping', () => {
  it('stop while asleep cancels the sleep and ends the loop', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [drained(1), [prune]],
        [ev('pruned'), [sleep(10)]],
        [ev('stop'), [cancelSleep], { stopped: true, phase: { name: 'idle' } }],
        [ev('wake'), [], { phase: { name: 'idle' } }],
        [ev('connected'), [], { trusted: false }],
      ],
      started(),
    );
  });

  it('stop during a drain lets the statement finish, then ends at the top of the loop', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [ev('wake'), [], { again: true }],
        [ev('stop'), [], { stopped: true, phase: { name: 'draining' } }],
        [drained(1), [prune]],
        [ev('pruned'), [], { phase: { name: 'idle' }, again: false }], // woken: no sleep; stopped
      ],
      started(),
    );
    play(
      [
        [ev('wake'), [drain(true)]],
        [ev('stop'), []],
        [drained(1), [prune]],
        [ev('pruned'), [sleep(10)]], // as before the machine: the sleep is not skipped
        [ev('slept'), [], { phase: { name: 'idle' } }],
      ],
      started(),
    );
  });

  it('a failure after stop is silent', () => {
    play(
      [
        [ev('wake'), [drain(true)]],
        [ev('stop'), []],
        [failed, [], { phase: { name: 'idle' }, woken: false }],
        [ev('lapsed'), [], { trusted: true }],
        [ev('silent'), [], { trusted: true }],
      ],
      started(),
    );
  });

  it('ignores results that do not belong to the phase', () => {
    const state = started();
    for (const event of [ev('slept'), ev('pruned'), ev('registered'), drained(3), failed]) {
      expect(next(state, event)).toEqual({ state, effects: [] });
    }
  });
});
