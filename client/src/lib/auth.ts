/**
 * The bearer token of this browser: kept in localStorage so it survives reloads, exposed as a tiny
 * external store (useSyncExternalStore) so signing in or out re-renders the app at once.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'pulse.token';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (private mode, sandboxed frame): the session lasts one page
  }
}

let current: string | null = typeof localStorage === 'undefined' ? null : read();

export function getToken(): string | null {
  return current;
}

let notice: string | null = null;

/** Why the last session ended, for the sign-in page to say (read once). */
export function takeSignOutNotice(): string | null {
  const text = notice;
  notice = null;
  return text;
}

export function setToken(token: string | null, reason?: string): void {
  current = token?.trim() || null;
  notice = current ? null : (reason ?? null);
  try {
    if (current) localStorage.setItem(KEY, current);
    else localStorage.removeItem(KEY);
  } catch {
    // see read()
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // another tab signed in or out
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) {
      current = event.newValue;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}
