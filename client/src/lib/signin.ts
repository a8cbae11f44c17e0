/**
 * Signing in with an e-mail and a password (POST /auth/sign-in, docs/sign-in.md) and the one-click
 * demo accounts (POST /demo/sign-in): each answers 200 and sets the HttpOnly session cookie, which
 * this code never sees; the caller then switches to the session (auth.ts sessionStarted). Every
 * refusal becomes one sentence for the form, said in the person's own clock: a lock names its end
 * in local time, not the server's ISO instant. The server's "wrong credentials" answer is the same
 * for every reason (no user enumeration), and so is the sentence shown.
 */
import { useEffect, useState } from 'react';

export type SignInFailure =
  | { kind: 'fields'; fields: { email?: string; password?: string } }
  | { kind: 'credentials' | 'locked' | 'unreachable' | 'server'; message: string };

export type SignInResult = { ok: true } | ({ ok: false } & SignInFailure);

export const UNREACHABLE = 'Could not reach the server. Check your connection and try again.';
const NOT_A_DEMO_ACCOUNT = 'Not a demo account.';
export const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong.';

/** "14:32" today, "Mar 3, 14:32" another day: when a lock ends, in this browser's time zone. */
export function localTime(at: Date, now: Date = new Date()): string {
  const time = at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  const day = at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return `${day}, ${time}`;
}

/** The sentence for a lock: the account (too many failures for this e-mail) or this address. */
export function lockedMessage(kind: 'account' | 'address', until: Date, now: Date = new Date()): string {
  const when = localTime(until, now);
  return kind === 'account'
    ? `Too many failed sign-ins: this account is locked until ${when}. Try again then.`
    : `Too many failed sign-ins from your network: try again after ${when}.`;
}

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    fields?: { field?: unknown; message?: unknown }[];
    locked_until?: unknown;
  };
}

/** A refusal of /auth/sign-in or /demo/sign-in, as the form shows it. */
export async function failureOf(response: Response, now: Date = new Date()): Promise<SignInFailure> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // not JSON: a proxy's error page; the status says enough
  }
  const message = typeof body.error?.message === 'string' ? body.error.message : null;
  if (response.status === 401) return { kind: 'credentials', message: message ?? WRONG_CREDENTIALS };
  if (response.status === 429) {
    const until = new Date(typeof body.error?.locked_until === 'string' ? body.error.locked_until : NaN);
    const kind = message && /address/i.test(message) ? 'address' : 'account';
    if (!Number.isNaN(until.getTime())) return { kind: 'locked', message: lockedMessage(kind, until, now) };
    const retry = Number(response.headers.get('retry-after'));
    if (retry > 0)
      return { kind: 'locked', message: lockedMessage(kind, new Date(now.getTime() + retry * 1000), now) };
    return { kind: 'locked', message: message ?? 'Too many failed sign-ins: try again later.' };
  }
  if (response.status === 400) {
    const fields: { email?: string; password?: string } = {};
    for (const f of body.error?.fields ?? []) {
      if (f.field === 'email' && typeof f.message === 'string')
        fields.email = `The e-mail address ${f.message}.`;
      if (f.field === 'password' && typeof f.message === 'string')
        fields.password = `The password ${f.message}.`;
    }
    if (fields.email || fields.password) return { kind: 'fields', fields };
  }
  if (response.status >= 500)
    return {
      kind: 'server',
      message: `The server could not sign you in (error ${response.status}). Try again in a moment.`,
    };
  return { kind: 'server', message: message ?? `The server answered ${response.status}.` };
}

async function post(path: string, body: unknown, fetchImpl: typeof fetch): Promise<Response | null> {
  try {
    return await fetchImpl(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return null;
  }
}

async function resultOf(response: Response | null): Promise<SignInResult> {
  if (!response) return { ok: false, kind: 'unreachable', message: UNREACHABLE };
  if (response.ok) return { ok: true };
  return { ok: false, ...(await failureOf(response)) };
}

/** POST /auth/sign-in: on success the browser holds the session cookie. */
export async function signInWithPassword(
  email: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<SignInResult> {
  return resultOf(await post('/auth/sign-in', { email, password }, fetchImpl));
}

/**
 * POST /demo/sign-in: a session for a demo account. 'gone': the server offers no demo sign-in
 * (404: not the embedded demo), so the buttons should go.
 */
export async function demoSignIn(
  email: string,
  fetchImpl: typeof fetch = fetch,
): Promise<SignInResult | 'gone'> {
  const response = await post('/demo/sign-in', { email }, fetchImpl);
  if (response?.status !== 404) return resultOf(response);
  const failure = await failureOf(response);
  // the route's own 404 names the account; any other means the route is not there
  return 'message' in failure && failure.message === NOT_A_DEMO_ACCOUNT ? { ok: false, ...failure } : 'gone';
}

export type LinkResult = { ok: true } | { ok: false; field: 'token' | 'password' | null; message: string };

/** POST /auth/set-password: an invitation's or a reset's password; on success the browser holds a session. */
export async function setPasswordWithLink(
  token: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<LinkResult> {
  const response = await post('/auth/set-password', { token, password }, fetchImpl);
  if (!response) return { ok: false, field: null, message: UNREACHABLE };
  if (response.ok) return { ok: true };
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // a proxy's page: the status says enough
  }
  const field = body.error?.fields?.[0];
  const message = typeof field?.message === 'string' ? field.message : null;
  if (field?.field === 'token')
    return { ok: false, field: 'token', message: message ?? 'This link is not valid any more.' };
  if (field?.field === 'password')
    return { ok: false, field: 'password', message: `The password ${message ?? 'was refused'}.` };
  // OIDC_ONLY: no passwords here, and the server says how to sign in instead
  if (response.status === 403 && typeof body.error?.message === 'string')
    return { ok: false, field: null, message: body.error.message };
  return {
    ok: false,
    field: null,
    message: `The server answered ${response.status}. Try again in a moment.`,
  };
}

/**
 * POST /auth/reset-request: "forgot my password". The server answers alike whether or not the
 * address is someone's; without mail set up it says to ask an admin (403).
 */
export async function requestPasswordReset(email: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const response = await post('/auth/reset-request', { email }, fetchImpl);
  if (!response) return UNREACHABLE;
  if (response.status === 202)
    return 'If this address belongs to someone here, a link to choose a new password is on its way. Check your mail.';
  if (response.status === 403)
    return 'This server does not send mail: ask an admin for a link to choose a new password.';
  if (response.status === 429) return 'Too many requests: try again later.';
  return `The server answered ${response.status}. Try again in a moment.`;
}

/** What the server offers (GET /auth/methods): passwords, and single sign-on with its button label. */
export interface SignInMethods {
  password: boolean;
  sso: { label: string; start: string } | null;
}

/** The server's sign-in methods; an older or unreachable server: passwords only. */
export async function loadSignInMethods(
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<SignInMethods> {
  const passwordOnly: SignInMethods = { password: true, sso: null };
  try {
    const response = await fetchImpl('/auth/methods', { signal, headers: { accept: 'application/json' } });
    if (!response.ok) return passwordOnly;
    const body = (await response.json()) as Partial<SignInMethods>;
    const sso =
      body.sso && typeof body.sso.label === 'string' && typeof body.sso.start === 'string' ? body.sso : null;
    return { password: body.password !== false || !sso, sso };
  } catch {
    return passwordOnly;
  }
}

/** The server's sign-in methods, once GET /auth/methods has answered (null until then). */
export function useSignInMethods(): SignInMethods | null {
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void loadSignInMethods(controller.signal).then((loaded) => {
      if (!controller.signal.aborted) setMethods(loaded);
    });
    return () => controller.abort();
  }, []);
  return methods;
}

/** Why single sign-on was refused, by the code the server's redirect carries (/?sso_error=…). */
export const SSO_ERRORS: Readonly<Record<string, string>> = {
  state:
    'Single sign-on did not finish: it was started in another window or browser, or took too long. Try again.',
  provider:
    'Your sign-in provider refused the sign-in or its answer could not be used. Try again, or ask an admin.',
  unverified:
    'Your sign-in provider has not verified your e-mail address, so Pulse cannot tell who you are. Verify it there, then try again.',
  unknown: 'No one here has your e-mail address yet: ask an admin to invite you.',
  inactive: 'Your account here is deactivated: ask an admin.',
  unavailable: 'Your sign-in provider could not be reached. Try again in a moment.',
};

/** The sentence for the `sso_error` in this page's address, if any (no side effect: a render may repeat it). */
export function ssoErrorInAddress(): string | null {
  if (typeof window === 'undefined') return null;
  const code = new URLSearchParams(window.location.search).get('sso_error');
  if (code === null) return null;
  return SSO_ERRORS[code] ?? 'Single sign-on failed. Try again.';
}

/** Takes `sso_error` out of the address once it is shown, so a reload does not say it again. */
export function forgetSsoError(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('sso_error')) return;
  url.searchParams.delete('sso_error');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
