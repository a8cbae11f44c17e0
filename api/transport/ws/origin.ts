/**
 * Which browser pages may open a socket (checked at upgrade, before anything else) and which may
 * sign one in with the session cookie. Kept apart from the credential check because the cookie
 * rule is stricter than the upgrade rule: the ALLOWED_ORIGINS wildcard admits any site with a
 * token, never with a person's cookie (cross-site WebSocket hijacking).
 */
import type { IncomingMessage } from 'node:http';

/** Same origin, a listed origin, or no Origin at all (not a browser). */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  return allowed.includes('*') || allowed.includes(origin) || sameHost(origin, request);
}

/**
 * Whether a session cookie may sign this upgrade in: no Origin (not a browser, so no other site
 * is driving it), the server's own origin, or one listed in ALLOWED_ORIGINS by name: the wildcard
 * lets any site read public-ish data with a token, never ride a person's cookie (cross-site
 * WebSocket hijacking).
 */
export function cookieOriginAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  return !origin || (allowed.includes(origin) && origin !== '*') || sameHost(origin, request);
}

function sameHost(origin: string, request: IncomingMessage): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
