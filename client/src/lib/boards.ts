/**
 * Leaderboard helpers shared by the dashboard and the TV (no GraphQL documents: each screen asks
 * for what it shows, and the TV page loads no document map, tv/live.ts): keep the newest version
 * (a late, older frame is ignored), remember each person's previous rank for the arrows, and
 * animate rows to their new places (FLIP). All state is bounded by the board's size.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Medal } from '../gql/graphql.ts';

/** The row class of a medal place ("medal-gold"), '' for the others. */
export function medalClass(medal: Medal | null): string {
  return medal ? `medal-${medal.toLowerCase()}` : '';
}

interface Versioned {
  version: string;
  periodStart: string;
}

function newer(a: string, b: string): boolean {
  try {
    return BigInt(a) >= BigInt(b);
  } catch {
    return true;
  }
}

/**
 * The board to show: the incoming one unless it is older than the one shown for the same
 * subscription key (the key changes with metric, team or period, and then anything goes).
 */
export function useLatest<T extends Versioned>(key: string, incoming: T | null | undefined): T | null {
  const [shown, setShown] = useState<{ key: string; board: T } | null>(null);
  if (
    incoming &&
    (shown === null || shown.key !== key || (shown.board !== incoming && acceptable(shown.board, incoming)))
  ) {
    setShown({ key, board: incoming });
  }
  if (shown?.key !== key) return incoming ?? null;
  return shown.board;
}

function acceptable(shown: Versioned, incoming: Versioned): boolean {
  if (incoming.periodStart !== shown.periodStart) return true;
  return newer(incoming.version, shown.version);
}

interface Ranked {
  rank: number;
  user: { id: string };
}

/** Each person's rank on the previous version of this board (undefined on the first one). */
export function usePreviousRanks(
  key: string,
  board: { version: string; entries: readonly Ranked[] } | null,
): ReadonlyMap<string, number> | undefined {
  const [track, setTrack] = useState<{
    key: string;
    version: string | null;
    ranks: Map<string, number>;
    previous: Map<string, number> | undefined;
  }>({ key, version: null, ranks: new Map(), previous: undefined });
  if (board && (track.key !== key || track.version !== board.version)) {
    const sameBoard = track.key === key && track.version !== null;
    setTrack({
      key,
      version: board.version,
      ranks: new Map(board.entries.map((e) => [e.user.id, e.rank])),
      previous: sameBoard ? track.ranks : undefined,
    });
  }
  return track.key === key ? track.previous : undefined;
}

const reducedMotion = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Animates the children of `container` marked data-flip-key from their old positions to the new
 * ones whenever `version` changes.
 */
export function useFlip(container: RefObject<HTMLElement | null>, version: string | null | undefined): void {
  const positions = useRef(new Map<string, number>());
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const rows = root.querySelectorAll<HTMLElement>('[data-flip-key]');
    const next = new Map<string, number>();
    const animate = !reducedMotion();
    rows.forEach((row) => {
      const key = row.dataset.flipKey ?? '';
      const top = row.offsetTop;
      next.set(key, top);
      const before = positions.current.get(key);
      if (animate && before !== undefined && before !== top && typeof row.animate === 'function') {
        row.animate([{ transform: `translateY(${before - top}px)` }, { transform: 'translateY(0)' }], {
          duration: 600,
          easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)',
        });
      }
    });
    positions.current = next; // only the rows on screen: bounded
  }, [container, version]);
}

/**
 * A live board's motion: each person's previous rank (for the arrows) and a container whose
 * [data-flip-key] rows slide to their new places with each version (only while `animate`, e.g.
 * while a TV screen is the one shown).
 */
export function useBoardMotion<E extends HTMLElement>(
  key: string,
  board: { version: string; entries: readonly Ranked[] } | null,
  animate = true,
): { container: RefObject<E | null>; previous: ReadonlyMap<string, number> | undefined } {
  const previous = usePreviousRanks(key, board);
  const container = useRef<E>(null);
  useFlip(container, animate && board ? `${key}|${board.version}` : null);
  return { container, previous };
}
