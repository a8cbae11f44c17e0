/**
 * Live connection state of one graphql-ws client, as an external store for the reconnect
 * indicator. "connecting" before the first acknowledgement, "connected", then "reconnecting" after a
 * connection was lost (graphql-ws retries forever with backoff), "failed" when the server refused
 * the token (4401 closes are not retried).
 */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ConnectionState {
  readonly phase: ConnectionPhase;
  /** Connections acknowledged so far: a change tells a screen to expect a fresh snapshot. */
  readonly epoch: number;
  /** When the current phase began (ms since the epoch). */
  readonly since: number;
  /** Why the last connection closed, when known. */
  readonly reason: string | null;
}

export interface ConnectionStore {
  readonly getState: () => ConnectionState;
  readonly subscribe: (listener: () => void) => () => void;
  readonly connecting: () => void;
  readonly connected: () => void;
  readonly closed: (code: number | null, reason: string | null) => void;
}

export function createConnectionStore(now: () => number = Date.now): ConnectionStore {
  let state: ConnectionState = { phase: 'connecting', epoch: 0, since: now(), reason: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<ConnectionState>) => {
    if (next.phase !== undefined && next.phase !== state.phase) next = { since: now(), ...next };
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connecting() {
      if (state.phase === 'failed') return;
      set({ phase: state.epoch === 0 ? 'connecting' : 'reconnecting' });
    },
    connected() {
      set({ phase: 'connected', epoch: state.epoch + 1, reason: null });
    },
    closed(code, reason) {
      if (code === 4401 || code === 4403) set({ phase: 'failed', reason: reason || 'Unauthorized' });
      else if (state.phase !== 'failed')
        set({ phase: state.epoch === 0 ? 'connecting' : 'reconnecting', reason: reason || null });
    },
  };
}
