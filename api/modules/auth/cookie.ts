/**
 * The session cookie: `pulse_session`, HttpOnly (scripts never see it), SameSite=Lax (not sent on
 * cross-site POSTs), Path=/, Secure when the request came over HTTPS (req.secure: TLS, or a
 * trusted proxy's X-Forwarded-Proto: TRUST_PROXY) or when COOKIE_SECURE says so. No
 * Max-Age beyond the session's own expiry.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parse } from 'cookie';

export const SESSION_COOKIE = 'pulse_session';

/** The session token a request's Cookie header carries, if any (a malformed value counts as none). */
export function sessionCookie(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  const value = parse(header)[SESSION_COOKIE];
  return value !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

// written by hand rather than with cookie's serialize: the attribute order is the one the
// tests and the docs show (Path before Max-Age)
export function setSessionCookie(token: string, expiresAt: Date, now: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
