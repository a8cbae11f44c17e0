/**
 * The LISTEN bridge's decisions, with none of its I/O (bridge.ts runs that): when to register,
 * read the change log, prune, sleep, and tell the hub that messages may have been missed.
 *
 * Invariants: one drain loop at a time (a kick while it runs sets `again`: exactly one more loop
 * after it); the loop ends armed and idle only when no wake-up or registration is pending and every
 * transaction that was in progress when it armed has ended (it may have checked the flag too early
 * to wake us); from a reconnect or a lapsed registration until registered afresh nothing is trusted,
 * and the registration that follows has the hub recompute everything once. Why pure: those flags
 * interleave with the results of statements, and each interleaving is a row of bridge-state.test.ts.
 * The timings (drainMs, doubling up to busyDrainMs, waiting up to MAX_WAIT_MS) are in live-updates.md.
 */
import type { Snapshot } from './messages.ts';

/** Waiting only for transactions in progress at arming: back off up to this interval; also the retry. */
export const MAX_WAIT_MS = 1000;

export interface BridgeConfig {
  /** While woken, how often the change log is read. */
  drainMs: number;
  /** While consecutive drains keep finding rows, the interval doubles up to this. */
  busyDrainMs: number;
}

/** Where the drain loop is: `idle` is no loop; every other phase awaits one result. */
export type BridgePhase =
  | { readonly name: 'idle' }
  /** live_register; `fresh`: after a (re)connect, the previous snapshot is forgotten. */
  | { readonly name: 'registering'; readonly fresh: boolean }
  /** The drain right after registering: its running transactions are waited for. */
  | { readonly name: 'arming'; readonly fresh: boolean }
  | { readonly name: 'draining' }
  | { readonly name: 'pruning'; readonly found: number }
  | { readonly name: 'sleeping' };

export interface BridgeState {
  readonly config: BridgeConfig;
  readonly phase: BridgePhase;
  /** Listener connections so far. */
  readonly connects: number;
  readonly stopped: boolean;
  /** Registered with the writers' flag set: they wake us. */
  readonly armed: boolean;
  /** A wake-up arrived since the last drain: disarm with the next one. */
  readonly woken: boolean;
  /** (Re)connected: register before anything else. */
  readonly register: boolean;
  /** ...and messages may have been missed: the hub recomputes everything. */
  readonly gap: boolean;
  /** Bridge.current: registered and hearing every change. */
  readonly trusted: boolean;
  /** Kicked while the loop ran: run it once more when it ends. */
  readonly again: boolean;
  /** The first registration succeeded or failed (start() has its answer). */
  readonly settled: boolean;
  /** Transactions in progress when this listener armed. */
  readonly waitFor: readonly bigint[];
  /** The current loop's next sleep, and whether its previous drain found rows. */
  readonly wait: number;
  readonly busy: boolean;
}

export type BridgeEvent =
  /** The listening connection (re)connected. */
  | { type: 'connected' }
  /** A writer's wake-up NOTIFY. */
  | { type: 'wake' }
  /** The heartbeat found the registration lapsed. */
  | { type: 'lapsed' }
  /** The heartbeat's echo did not arrive in time. */
  | { type: 'silent' }
  /** The retry timer after a failure fired. */
  | { type: 'retry' }
  | { type: 'registered' }
  | { type: 'drained'; found: number; snapshot: Pick<Snapshot, 'inProgress' | 'running'> }
  | { type: 'pruned' }
  | { type: 'slept' }
  /** A statement of the loop failed. */
  | { type: 'failed'; error: unknown }
  | { type: 'stop' };

export type BridgeEffect =
  /** live_register (`fresh`: forget the previous snapshot first), then report `registered`. */
  | { type: 'register'; fresh: boolean }
  /** live_drain, hand the rows to the hub, report `drained`. */
  | { type: 'drain'; disarm: boolean }
  | { type: 'prune' }
  /** Report `slept` after `ms`, unless cancelled. */
  | { type: 'sleep'; ms: number }
  | { type: 'cancelSleep' }
  /** The first registration: start() resolves. */
  | { type: 'ready' }
  /** Registered again after a gap: the hub recomputes everything. */
  | { type: 'reconnected' }
  /** The first registration failed: start() rejects. */
  | { type: 'startFailed'; error: unknown }
  /** Log the failure; report `retry` after `ms`. */
  | { type: 'retryLater'; error: unknown; ms: number }
  /** Throw the listening connection away and open a new one. */
  | { type: 'reopen' };

export interface BridgeStep {
  state: BridgeState;
  effects: BridgeEffect[];
}

export function initialBridgeState(config: BridgeConfig): BridgeState {
  return {
    config,
    phase: { name: 'idle' },
    connects: 0,
    stopped: false,
    armed: false,
    woken: false,
    register: false,
    gap: false,
    trusted: false,
    again: false,
    settled: false,
    waitFor: [],
    wait: config.drainMs,
    busy: false,
  };
}

type Draft = { -readonly [K in keyof BridgeState]: BridgeState[K] };

export function next(state: BridgeState, event: BridgeEvent): BridgeStep {
  const s: Draft = { ...state };
  const effects: BridgeEffect[] = [];
  const { drainMs, busyDrainMs } = s.config;
  const phase = s.phase;

  /** The loop ends: armed and asleep, or failed; a kick meanwhile starts it again. */
  const end = () => {
    s.phase = { name: 'idle' };
    if (s.again) {
      s.again = false;
      kick();
    }
  };
  /** The top of the loop: register if (re)connected, else read the log. */
  const top = () => {
    if (s.stopped) return end();
    if (s.register) {
      s.register = false;
      s.woken = false;
      s.phase = { name: 'registering', fresh: true };
      effects.push({ type: 'register', fresh: true });
      return;
    }
    const disarm = s.woken;
    s.woken = false;
    if (disarm) s.armed = false;
    s.phase = { name: 'draining' };
    effects.push({ type: 'drain', disarm });
  };
  /** The bottom of the loop: sleep unless something is waiting already. */
  const bottom = () => {
    if (s.woken || s.register) return top();
    s.phase = { name: 'sleeping' };
    effects.push({ type: 'sleep', ms: s.wait });
  };
  const kick = () => {
    if (s.stopped) return;
    if (s.phase.name !== 'idle') {
      s.again = true;
      if (s.phase.name === 'sleeping') {
        effects.push({ type: 'cancelSleep' });
        top();
      }
      return;
    }
    s.wait = drainMs;
    s.busy = false;
    top();
  };
  const done = (): BridgeStep => ({ state: s, effects });
  const ignored = (): BridgeStep => ({ state, effects: [] });

  switch (event.type) {
    case 'connected':
      s.trusted = false;
      s.connects += 1;
      if (s.connects > 1) s.gap = true;
      s.register = true;
      kick();
      return done();
    case 'wake':
      s.woken = true;
      kick();
      return done();
    case 'lapsed':
      if (s.stopped) return ignored();
      s.trusted = false;
      s.gap = true;
      s.register = true;
      kick();
      return done();
    case 'silent':
      if (s.stopped) return ignored();
      s.trusted = false;
      effects.push({ type: 'reopen' });
      return done();
    case 'retry':
      kick();
      return done();
    case 'stop':
      s.stopped = true;
      if (phase.name === 'sleeping') {
        effects.push({ type: 'cancelSleep' });
        top();
      }
      return done();
    case 'registered':
      if (phase.name !== 'registering') return ignored();
      s.armed = true;
      s.phase = { name: 'arming', fresh: phase.fresh };
      effects.push({ type: 'drain', disarm: false });
      return done();
    case 'drained':
      if (phase.name === 'arming') {
        s.waitFor = [...event.snapshot.inProgress];
        if (phase.fresh) {
          if (!s.settled) {
            s.settled = true;
            effects.push({ type: 'ready' });
          }
          if (s.gap) {
            s.gap = false;
            effects.push({ type: 'reconnected' });
          }
          s.trusted = true;
        }
        if (s.waitFor.length === 0 && !s.woken && !s.register)
          end(); // armed, nothing to wait for
        else {
          s.wait = drainMs;
          bottom();
        }
        return done();
      }
      if (phase.name !== 'draining') return ignored();
      s.waitFor = s.waitFor.filter((xid) => event.snapshot.running(xid));
      s.phase = { name: 'pruning', found: event.found };
      effects.push({ type: 'prune' });
      return done();
    case 'pruned': {
      if (phase.name !== 'pruning') return ignored();
      const wasBusy = s.busy;
      s.busy = phase.found > 0;
      if (phase.found > 0 || s.woken) {
        // rows keep coming: read less often, up to busyDrainMs
        s.wait = s.busy && wasBusy ? Math.min(s.wait * 2, busyDrainMs) : drainMs;
      } else if (!s.armed) {
        s.phase = { name: 'registering', fresh: false };
        effects.push({ type: 'register', fresh: false });
        return done();
      } else if (s.waitFor.length === 0) {
        end(); // armed, and every transaction that might not wake us has ended
        return done();
      } else {
        s.wait = Math.min(s.wait * 2, MAX_WAIT_MS);
      }
      bottom();
      return done();
    }
    case 'slept':
      if (phase.name !== 'sleeping') return ignored();
      top();
      return done();
    case 'failed':
      if (phase.name === 'idle' || phase.name === 'sleeping') return ignored();
      if (!s.stopped) {
        if (!s.settled) {
          s.settled = true;
          effects.push({ type: 'startFailed', error: event.error });
        } else {
          // the database is unreachable: retry now and then (the heartbeat reopens the listener,
          // which registers again and has the hub recompute everything)
          s.woken = true;
          effects.push({ type: 'retryLater', error: event.error, ms: MAX_WAIT_MS });
        }
      }
      end();
      return done();
  }
}
