/**
 * How this browser is signed in, as a tiny external store (useSyncExternalStore) so signing in or
 * out re-renders the app at once. Two credentials:
 * - a session (the normal way): the server's HttpOnly `pulse_session` cookie, which scripts never
 *   see. Requests go same-origin with credentials and no Authorization header, so the browser sends
 *   the cookie; whether one exists is learnt by asking (`{ me }` without a token: 401 = none), and
 *   until the answer the state is "checking", so neither the sign-in page nor the dashboard flashes.
 * - a bearer token (pasted API tokens, the TV's URL): kept in localStorage so it survives reloads;
 *   when one is stored it wins and no question is asked.
 * Invariant: at most one credential at a time; every way out (sign-out, a refusal, the socket's
 * 4401) goes through `signedOut`, which forgets both and leaves the notice the sign-in page shows.
 */
import { useEffect, useSyncExternalStore } from 'react';

export type Credential =
  | { readonly kind: 'token'; readonly token: string }
  /** `id` numbers this page's sign-ins: a new session gets a new client (and an empty cache). */
  | { readonly kind: 'session'; readonly id: number };

export function sameCredential(a: Credential, b: Credential): boolean {
  return a.kind === 'token'
    ? b.kind === 'token' && a.token === b.token
    : b.kind === 'session' && a.id === b.id;
}

export type AuthState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'signed-out' }
  | { readonly phase: 'signed-in'; readonly credential: Credential };

const KEY = 'pulse.token';
/** Written on every session sign-in and sign-out: another tab's `storage` event says to ask again. */
const SESSION_EVENT_KEY = 'pulse.session-event';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (private mode, sandboxed frame): the session lasts one page
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // see read()
  }
}

const stored = typeof localStorage === 'undefined' ? null : read();
let state: AuthState = stored
  ? { phase: 'signed-in', credential: { kind: 'token', token: stored } }
  : { phase: 'checking' };
let sessions = 0;
let notice: string | null = null;
/** The session being signed out on purpose: its socket's 4401 is no news. */
let leaving: Credential | null = null;

function set(next: AuthState, reason: string | null = null): void {
  state = next;
  notice = next.phase === 'signed-out' ? reason : null;
  for (const listener of listeners) listener();
}

export function getAuth(): AuthState {
  return state;
}

/** The stored bearer token, if the browser is signed in with one (the TV and the exports). */
export function getToken(): string | null {
  return state.phase === 'signed-in' && state.credential.kind === 'token' ? state.credential.token : null;
}

/** Why the last session ended, for the sign-in page to say (read once). */
export function takeSignOutNotice(): string | null {
  const text = notice;
  notice = null;
  return text;
}

/** Signs in with a bearer token (checked by the caller), or signs out of it (null). */
export function setToken(token: string | null, reason?: string): void {
  const trimmed = token?.trim() || null;
  write(KEY, trimmed);
  if (trimmed) set({ phase: 'signed-in', credential: { kind: 'token', token: trimmed } });
  else set({ phase: 'signed-out' }, reason ?? null);
}

/** The server has just set a session cookie (POST /auth/sign-in or /demo/sign-in answered 200). */
export function sessionStarted(): void {
  write(KEY, null);
  write(SESSION_EVENT_KEY, String(Date.now()));
  set({ phase: 'signed-in', credential: { kind: 'session', id: ++sessions } });
}

/** Forgets the credential (the server already ended it, or refused it) and says why. */
export function signedOut(reason: string | null = null): void {
  write(KEY, null);
  set({ phase: 'signed-out' }, reason);
}

/** The server refused `credential`: signed out, unless that credential is no longer the current one. */
export function credentialRefused(credential: Credential, reason: string): void {
  if (state.phase !== 'signed-in' || !sameCredential(state.credential, credential)) return;
  if (leaving && sameCredential(leaving, credential)) return;
  signedOut(reason);
}

export const SIGNED_OUT = 'You have signed out.';

/**
 * Signing out: a session is ended on the server (POST /auth/sign-out, which clears the cookie); a
 * token is only forgotten (it stays valid until it expires: it was never this page's to revoke).
 */
export async function signOut(fetchImpl: typeof fetch = fetch): Promise<void> {
  if (state.phase !== 'signed-in') return;
  const credential = state.credential;
  if (credential.kind === 'token') {
    setToken(null, SIGNED_OUT);
    return;
  }
  leaving = credential;
  let reason = SIGNED_OUT;
  try {
    const response = await fetchImpl('/auth/sign-out', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
  } catch {
    reason =
      'Signed out in this window, but the server could not be reached to end your session: ' +
      'sign in and out again once it is back.';
  } finally {
    leaving = null;
  }
  write(SESSION_EVENT_KEY, String(Date.now()));
  if (state.phase === 'signed-in' && state.credential === credential) signedOut(reason);
}

/**
 * Runs `work`, which ends the current session on the server (signOutEverywhere), without taking its
 * socket's 4401 for an end from elsewhere; the caller then signs out with its own notice.
 */
export async function endingSession<T>(work: () => Promise<T>): Promise<T> {
  const credential = state.phase === 'signed-in' ? state.credential : null;
  leaving = credential;
  try {
    return await work();
  } finally {
    if (leaving === credential) leaving = null;
  }
}

export type SessionCheck = 'session' | 'none' | 'unreachable';

/** Whether the browser's cookie names a live session: `{ me }` without a token. */
export async function checkSession(fetchImpl: typeof fetch = fetch): Promise<SessionCheck> {
  try {
    const response = await fetchImpl('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    if (response.status === 401) return 'none';
    const body = (await response.json()) as { data?: { me?: { id: string } | null } | null };
    return response.ok && body.data?.me ? 'session' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

export const UNREACHABLE_ON_LOAD =
  'Could not reach the server to find out whether you are signed in. Sign in when it is back.';

let checking: Promise<void> | null = null;

/** Asks the server once whether a session exists (only while nothing else is known). */
function ensureChecked(): void {
  if (state.phase !== 'checking' || checking) return;
  checking = checkSession().then((answer) => {
    checking = null;
    if (state.phase !== 'checking') return; // signed in meanwhile (another tab, a token)
    if (answer === 'session') set({ phase: 'signed-in', credential: { kind: 'session', id: ++sessions } });
    else signedOut(answer === 'unreachable' ? UNREACHABLE_ON_LOAD : null);
  });
}

/** Another tab signed in or out. */
function onStorage(event: StorageEvent): void {
  if (event.key === KEY) {
    if (event.newValue) set({ phase: 'signed-in', credential: { kind: 'token', token: event.newValue } });
    else if (state.phase === 'signed-in' && state.credential.kind === 'token') signedOut();
  } else if (event.key === SESSION_EVENT_KEY && state.phase === 'signed-out') {
    // asked in the background: the sign-in page stays as it is (perhaps half filled in) unless
    // the other tab's sign-in counts here too
    void checkSession().then((answer) => {
      if (answer === 'session' && state.phase === 'signed-out')
        set({ phase: 'signed-in', credential: { kind: 'session', id: ++sessions } });
    });
  }
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** The dashboard's view of the sign-in; asks the server about a session on first use. */
export function useAuth(): AuthState {
  const current = useSyncExternalStore(subscribe, getAuth, getAuth);
  useEffect(ensureChecked, [current]);
  return current;
}

/** The stored token only (the TV: a session does not sign a screen in). */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}
