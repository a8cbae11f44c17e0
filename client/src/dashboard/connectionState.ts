/**
 * The live connection's state for the dashboard's components: whether pushes can arrive now. A
 * view that waits for a push ("Loading…" until a subscription's first frame) asks this, so it says
 * "offline" instead of waiting forever while the server is unreachable; graphql-ws sends the
 * subscription again once it reconnects, and the view fills in by itself.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConnectionPhase, ConnectionStore } from '../lib/connection.ts';

export const ConnectionContext = createContext<ConnectionStore | null>(null);

const NEVER = () => () => {};

/** The phase of the dashboard's socket ('connected' when there is none, e.g. in a unit test). */
export function useConnectionPhase(): ConnectionPhase {
  const store = useContext(ConnectionContext);
  return useSyncExternalStore(store?.subscribe ?? NEVER, () => store?.getState().phase ?? 'connected');
}

/** Connections made so far: a change means "ask again what failed while offline". */
export function useConnectionEpoch(): number {
  const store = useContext(ConnectionContext);
  return useSyncExternalStore(store?.subscribe ?? NEVER, () => store?.getState().epoch ?? 0);
}
