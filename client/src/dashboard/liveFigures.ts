/**
 * Live figures for the summary cards and the Team tab, which are plain queries: they refetch when
 * the period's leaderboard changes instead of polling. The dashboard holds one `leaderboardChanged`
 * subscription (all teams, the selected period type, only its version and a standing): a board
 * that is asked for a standing can show any seller, so the server publishes a new version
 * whenever any seller's revenue, orders, leads or lost opportunities changed (not only those of
 * the ranked top entries), and a refetch follows each change — at most one per THROTTLE_MS,
 * however fast the changes come. While
 * the socket is down nothing is pushed and they poll slowly instead; when it comes back every
 * active query is refetched anyway (Shell's useRefreshAfterReconnect).
 *
 * Known gap: a change the board does not show (only opportunities created, a badge given by hand)
 * waits for the next change that it does show.
 */
import { useSubscription } from '@apollo/client/react';
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { graphql } from '../gql/index.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { useViewer, type PeriodSelection } from './viewer.ts';

const FIGURES_CHANGED = graphql(`
  subscription FiguresChanged($periodType: PeriodType!, $me: ID!) {
    leaderboardChanged(periodType: $periodType, limit: 1) {
      version
      periodType
      periodStart
      standing(userId: $me) {
        rank
      }
    }
  }
`);

/** At most one refetch per this interval. */
export const THROTTLE_MS = 2_000;
/** The poll while the socket is down. */
export const FALLBACK_POLL_MS = 60_000;

export interface LiveFigures {
  /** Changes whenever the figures of the current period changed (null: nothing pushed yet). */
  readonly version: string | null;
  /** Poll interval for a figures query: 0 while changes are pushed. */
  readonly pollInterval: number;
}

const NOT_LIVE: LiveFigures = { version: null, pollInterval: FALLBACK_POLL_MS };

export const LiveFiguresContext = createContext<LiveFigures>(NOT_LIVE);

export function useLiveFigures(): LiveFigures {
  return useContext(LiveFiguresContext);
}

/** The dashboard's feed: subscribed for the current period only (past periods do not move). */
export function useFiguresFeed(
  period: PeriodSelection,
  connection: ConnectionStore,
  enabled: boolean,
): LiveFigures {
  const connected = useSyncExternalStore(
    connection.subscribe,
    () => connection.getState().phase === 'connected',
  );
  const live = enabled && period.offset === 0;
  const me = useViewer().me.id;
  const { data } = useSubscription(FIGURES_CHANGED, {
    variables: { periodType: period.periodType, me },
    skip: !live,
    // only the version matters; nothing to keep in the cache
    fetchPolicy: 'no-cache',
  });
  // (while the subscription moves to another period type, the last frame is the old one's)
  const board = live ? data?.leaderboardChanged : undefined;
  const version =
    board?.periodType === period.periodType
      ? `${board.periodType}|${board.periodStart}|${board.version}`
      : null;
  return { version, pollInterval: connected ? 0 : FALLBACK_POLL_MS };
}

/**
 * Calls `refetch` when `version` changes (not for the first version seen: the query has just
 * loaded), leading and trailing, at most once per `intervalMs`.
 */
export function useRefetchOnChange(
  version: string | null,
  refetch: () => Promise<unknown>,
  intervalMs: number = THROTTLE_MS,
): void {
  const latest = useRef(refetch);
  const state = useRef<{
    seen: string | null;
    last: number;
    timer: ReturnType<typeof setTimeout> | undefined;
  }>({ seen: version, last: 0, timer: undefined });
  useEffect(() => {
    latest.current = refetch;
  }, [refetch]);
  useEffect(() => {
    const s = state.current;
    if (version === null || version === s.seen) return;
    const first = s.seen === null;
    s.seen = version;
    if (first || s.timer !== undefined) return; // a trailing call is already due: it reads the newest
    const run = () => {
      s.timer = undefined;
      s.last = Date.now();
      void latest.current().catch(() => {}); // the query shows its own error
    };
    const wait = s.last + intervalMs - Date.now();
    if (wait <= 0) run();
    else s.timer = setTimeout(run, wait);
  }, [version, intervalMs]);
  useEffect(
    () => () => {
      clearTimeout(state.current.timer);
      state.current.timer = undefined;
    },
    [],
  );
}
