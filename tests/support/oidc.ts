/**
 * A real OpenID Connect provider for the single sign-on tests (oidc-provider, in-process on a free
 * port of 127.0.0.1): discovery, the authorization endpoint with PKCE, tokens, userinfo and JWKS as
 * any provider serves them. Its one interaction is a minimal login page ("Account" and "Sign in"):
 * the account typed there is signed in and consents at once. Accounts are the test's to change
 * between sign-ins (their e-mail, whether it is verified, their groups).
 *
 * Pulse's address is known only after Pulse starts (and Pulse needs the issuer's to start), so the
 * client's redirect URI is registered afterwards: `allow(pulseUrl)` rebuilds the provider on the
 * same port and keys.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

export const OIDC_CLIENT_ID = 'pulse';
export const OIDC_CLIENT_SECRET = 'pulse-test-client-secret-0123456789';

export interface TestOidcProvider {
  readonly issuer: string;
  /** Accounts by the id typed on the login page. */
  readonly accounts: Map<string, TestAccount>;
  /** The environment Pulse needs for this provider (add OIDC_ROLE_MAP and the like). */
  env(more?: Record<string, string>): Record<string, string>;
  /** Registers `pulseUrl`/auth/oidc/callback as the client's redirect URI. */
  allow(pulseUrl: string): void;
  close(): Promise<void>;
}

const page = (
  uid: string,
  error?: string,
) => `<!doctype html><html><head><title>Test provider</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="account">Account</label> <input id="account" name="account" autofocus>
<button type="submit">Sign in</button>${error ? `<p role="alert">${error}</p>` : ''}
</form></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(accounts: Record<string, TestAccount>): Promise<TestOidcProvider> {
  const known = new Map(Object.entries(accounts));
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let provider: Provider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => unknown) | undefined;

  const interaction = async (req: IncomingMessage, res: ServerResponse, current: Provider): Promise<void> => {
    const uid = /^\/interaction\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '';
    const details = await current.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid));
      return;
    }
    const accountId = (await formBody(req)).get('account')?.trim() ?? '';
    if (!known.has(accountId)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid, 'No such account.'));
      return;
    }
    const clientId = String(details.params.client_id);
    const grant = new current.Grant({ accountId, clientId });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await current.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  const server: Server = createServer((req, res) => {
    if (!provider || !handle) {
      res.writeHead(503).end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res, provider).catch((error: unknown) => {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirects: string[] = [];

  const build = () => {
    const configuration: Configuration = {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          client_secret: OIDC_CLIENT_SECRET,
          redirect_uris: redirects.length ? [...redirects] : [`${issuer}/nowhere`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [jwk] },
      cookies: { keys: ['test-provider-cookie-key-0123456789'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      interactions: { url: (_ctx, details) => `/interaction/${details.uid}` },
      features: { devInteractions: { enabled: false } },
      pkce: { required: () => true },
      // short lifetimes, named so the provider does not warn about its defaults
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        Grant: 600,
        IdToken: 600,
        Interaction: 600,
        Session: 600,
      },
      findAccount: (_ctx, id) => {
        const account = known.get(id);
        return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
      },
    };
    provider = new Provider(issuer, configuration);
    handle = provider.callback();
  };
  build();

  return {
    issuer,
    accounts: known,
    env: (more = {}) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      OIDC_SCOPES: 'openid email profile groups',
      ...more,
    }),
    allow(pulseUrl: string) {
      redirects.push(`${pulseUrl}/auth/oidc/callback`);
      build();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Cookies by origin, as a browser keeps them (paths and expiry beyond Max-Age=0 ignored). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  store(url: URL, response: Response): void {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/;\s*max-age=0\b/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }
  drop(origin: string, name: string): void {
    this.byOrigin.get(origin)?.delete(name);
  }
}

export interface SsoOutcome {
  /** Where Pulse sent the browser at the end: "/" or "/?sso_error=<code>". */
  location: string;
  /** The session cookie Pulse set, if it did. */
  session: string | undefined;
  /** Every Set-Cookie line of Pulse's last answer. */
  setCookies: string[];
}

export interface SsoDriveOptions {
  /** Changes the provider's redirect back to Pulse before it is followed (a wrong state). */
  callback?: (url: URL) => URL;
  /** Forgets Pulse's flow cookie before the callback (a callback in another browser). */
  dropFlowCookie?: boolean;
}

/**
 * Walks Pulse's single sign-on as a browser would, with fetch: GET /auth/oidc/start, the redirects
 * to the provider, its login page (the account typed, "Sign in"), and back to Pulse's callback.
 */
export async function driveSso(
  pulseUrl: string,
  account: string,
  options: SsoDriveOptions = {},
): Promise<SsoOutcome> {
  const jar = new CookieJar();
  const pulse = new URL(pulseUrl).origin;
  let url = new URL('/auth/oidc/start', pulseUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const callback = url.origin === pulse && url.pathname === '/auth/oidc/callback';
    if (callback && options.callback) url = options.callback(url);
    if (callback && options.dropFlowCookie) jar.drop(pulse, 'pulse_oidc');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.store(url, response);
    init = {};
    const location = response.headers.get('location');
    if (url.origin === pulse && !url.pathname.startsWith('/auth/oidc/'))
      throw new Error(`left the flow at ${url.href}`);
    if (callback) {
      if (response.status !== 302 || !location) throw new Error(`callback answered ${response.status}`);
      return {
        location,
        session: jar.get(pulse, 'pulse_session'),
        setCookies: response.headers.getSetCookie(),
      };
    }
    if (location && response.status >= 300 && response.status < 400) {
      if (url.origin === pulse && location.startsWith('/')) {
        // refused before reaching the provider (start)
        return { location, session: undefined, setCookies: response.headers.getSetCookie() };
      }
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`unexpected ${response.status} at ${url.href}: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account }).toString(),
    };
  }
  throw new Error('too many redirects');
}
