/**
 * A TV's own credential from pairing (issue 15, docs/sign-in.md "TV screens"): the REST calls
 * (POST /auth/screen-pairings for a code and a secret, POST /auth/screen-pairings/poll with the
 * secret until someone claims the code) and the screen token they end with, kept in localStorage
 * under a key of its own — never the dashboard's `pulse.token`, never in the URL. Invariant: the
 * stored screen token is forgotten only as that token (`forgetScreenToken(token)`), so a refusal
 * of an old token never drops a newer one; the store is a tiny external store (useSyncExternalStore)
 * so pairing and forgetting re-render the TV at once.
 */
import { useSyncExternalStore } from 'react';

export const SCREEN_TOKEN_KEY = 'pulse.tv.screen-token';

const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(SCREEN_TOKEN_KEY) || null;
  } catch {
    return null; // storage disabled: the pairing lasts this page only
  }
}

let current: string | null = typeof localStorage === 'undefined' ? null : read();

function set(token: string | null): void {
  current = token;
  try {
    if (token) localStorage.setItem(SCREEN_TOKEN_KEY, token);
    else localStorage.removeItem(SCREEN_TOKEN_KEY);
  } catch {
    // see read()
  }
  for (const listener of listeners) listener();
}

export const getScreenToken = (): string | null => current;

export function saveScreenToken(token: string): void {
  set(token.trim() || null);
}

/** Forgets the stored screen token if it is still `token` (the server refused it: revoked). */
export function forgetScreenToken(token: string): void {
  if (current === token) set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useScreenToken(): string | null {
  return useSyncExternalStore(subscribe, getScreenToken, () => null);
}

export interface Pairing {
  code: string;
  secret: string;
  /** When the code stops working, by this screen's clock (the server's expiry less its own time). */
  deadline: number;
  pollMs: number;
}

export type StartAnswer =
  | { kind: 'pairing'; pairing: Pairing }
  /** Too many pairings from this address: ask again after this long (Retry-After). */
  | { kind: 'busy'; retryMs: number }
  | { kind: 'unreachable' };

export type PollAnswer =
  | { kind: 'waiting' }
  | { kind: 'paired'; token: string; name: string }
  /** Expired or already used: start a new pairing. */
  | { kind: 'over' }
  | { kind: 'unreachable' };

/** The longest a code is believed to last, whatever the clocks say (the server's is 10 minutes). */
const MAX_VALID_MS = 60 * 60_000;
const MIN_POLL_MS = 1_000;

/**
 * The server's expiry on this screen's clock: the time left by the server's own clock (its Date
 * header), so a TV whose clock is wrong still counts down the right time. The header is in whole
 * seconds, cut down: taken as the end of its second, the code is never said to last longer than
 * it does.
 */
export function deadlineOf(expiresAt: string, serverDate: string | null, now: number): number {
  const expires = Date.parse(expiresAt);
  const serverNow = serverDate ? Date.parse(serverDate) + 999 : Number.NaN;
  const left = expires - (Number.isFinite(serverNow) ? serverNow : now);
  return now + Math.min(MAX_VALID_MS, Math.max(0, Number.isFinite(left) ? left : 0));
}

const post = (fetchImpl: typeof fetch, path: string, body: unknown, signal?: AbortSignal) =>
  fetchImpl(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });

export async function startPairing(
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<StartAnswer> {
  try {
    const response = await post(fetchImpl, '/auth/screen-pairings', {}, signal);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return { kind: 'busy', retryMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000 };
    }
    if (response.status !== 201) return { kind: 'unreachable' };
    const body = (await response.json()) as {
      code: string;
      secret: string;
      expires_at: string;
      poll_ms: number;
    };
    return {
      kind: 'pairing',
      pairing: {
        code: body.code,
        secret: body.secret,
        deadline: deadlineOf(body.expires_at, response.headers.get('date'), now()),
        pollMs: Math.max(MIN_POLL_MS, Number(body.poll_ms) || 0),
      },
    };
  } catch {
    return { kind: 'unreachable' };
  }
}

export async function pollPairing(
  secret: string,
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<PollAnswer> {
  try {
    const response = await post(fetchImpl, '/auth/screen-pairings/poll', { secret }, signal);
    if (response.status === 404) return { kind: 'over' };
    if (!response.ok) return { kind: 'unreachable' };
    const body = (await response.json()) as { status?: string; token?: string; screen?: { name?: string } };
    if (body.status === 'paired' && body.token)
      return { kind: 'paired', token: body.token, name: body.screen?.name ?? '' };
    return { kind: 'waiting' };
  } catch {
    return { kind: 'unreachable' };
  }
}
