/**
 * Single sign-on with OpenID Connect (openid-client): the authorization code flow with PKCE, state
 * and nonce, ending in the same session cookie a password sign-in gives (routes.ts).
 *
 * Invariants:
 * - The flow's secrets (state, nonce, PKCE verifier) travel in a short-lived cookie, encrypted and
 *   authenticated (A256GCM under a key derived from the JWT secret, apart from the tokens' own), so
 *   any API process can finish a flow another began, and a callback whose `state` is not the one
 *   this browser started is refused (no login CSRF, no injected code).
 * - A person is matched by e-mail only when the provider says it is verified; created only with
 *   OIDC_AUTO_CREATE; an inactive person, a service account or a screen is refused.
 * - With a role or team map, the provider decides: the mapping is re-applied at every sign-in
 *   (audited as `user.update` by "Single sign-on" when it changes something), except that the
 *   last active admin is never demoted (nobody could administer Pulse afterwards).
 * - Every refusal is an SsoRefusal with a code the sign-in page says in words; nothing here
 *   answers a 500.
 *
 * A little over 300 lines: one protocol (flow, its cookie, the claims mapping) read top to bottom.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import { LIMITS } from '../../../schema/db/constants.ts';
import { teams, users, type UserRow } from '../../../schema/db/index.ts';
import type { OidcConfig } from '../../config.ts';
import { audit, auditUser, auditUserUpdate, type AuditActor } from '../../core/audit.ts';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../core/validation.ts';
import type { Role } from '../../../schema/db/constants.ts';
import { findUserByEmail, insertUser, lockOtherActiveAdmins } from '../users/user.queries.ts';
import type { SessionStore } from './sessions.ts';

export const FLOW_COOKIE = 'pulse_oidc';
/** How long a person may take at the provider before the flow is refused as expired. */
export const FLOW_SECONDS = 600;
export const CALLBACK_PATH = '/auth/oidc/callback';
/** The audit log's actor for what the provider's claims change. */
export const SSO_ACTOR: AuditActor = { id: null, name: 'Single sign-on' };

/** Why a sign-in was refused: the sign-in page's `?sso_error=` (client/src/dashboard/SignIn.tsx). */
export type SsoErrorCode = 'state' | 'provider' | 'unverified' | 'unknown' | 'inactive' | 'unavailable';

export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const RANK: Record<Role, number> = { VIEWER: 0, REP: 1, MANAGER: 2, ADMIN: 3 };

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcDeps {
  db: Database;
  sessions: SessionStore;
  /** Told when a person is created or changed, so this process's next request sees it. */
  directory: { invalidate(): void } | undefined;
  settings: OidcConfig;
  jwtSecret: string;
  /** Where people open Pulse (PUBLIC_URL, else http://localhost:<port>), no trailing slash. */
  publicUrl: () => string;
  logger: Logger;
}

/** The values of a claim as strings: a string, a list of strings, else none. */
export function claimValues(claims: Record<string, unknown>, name: string | undefined): string[] {
  const value = name === undefined ? undefined : claims[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The highest role the groups map to; undefined when none does. */
export function mappedRole(groups: readonly string[], map: OidcConfig['roleMap']): Role | undefined {
  let best: Role | undefined;
  for (const [group, role] of map)
    if (groups.includes(group) && (best === undefined || RANK[role] > RANK[best])) best = role;
  return best;
}

export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;
  private readonly key: Uint8Array;

  constructor(private readonly deps: OidcDeps) {
    // its own key: a flow cookie can never pass for a bearer token, nor one for it
    this.key = createHash('sha256').update(`pulse oidc flow\0${deps.jwtSecret}`).digest();
  }

  get settings(): OidcConfig {
    return this.deps.settings;
  }

  /** The provider's metadata, fetched once (again after a failure: the provider may be back). */
  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.deps.settings;
      const insecure = new URL(issuer).protocol === 'http:'; // a loopback provider (config.ts)
      this.configuration = client
        .discovery(
          new URL(issuer),
          clientId,
          clientSecret,
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          insecure ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configuration = undefined;
          this.deps.logger.error({ err: error, issuer }, 'OpenID Connect discovery failed');
          throw new SsoRefusal('unavailable', 'The sign-in provider could not be reached.');
        });
    }
    return this.configuration;
  }

  private redirectUri(): string {
    return `${this.deps.publicUrl()}${CALLBACK_PATH}`;
  }

  /** The provider's authorization URL and the flow cookie's value. */
  async start(): Promise<{ url: string; flow: string }> {
    const configuration = await this.discover();
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: this.deps.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const sealed = await new EncryptJWT({ s: flow.state, n: flow.nonce, v: flow.verifier })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${FLOW_SECONDS}s`)
      .encrypt(this.key);
    return { url: url.href, flow: sealed };
  }

  private async openFlow(sealed: string | undefined): Promise<Flow | undefined> {
    if (!sealed) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key);
      const { s, n, v } = payload;
      return typeof s === 'string' && typeof n === 'string' && typeof v === 'string'
        ? { state: s, nonce: n, verifier: v }
        : undefined;
    } catch {
      return undefined; // expired, tampered with, or sealed under another secret
    }
  }

  /**
   * The provider's answer at the callback (`search`: its query string): the code exchanged, the ID
   * token and user info checked, the person found (or created) and their mapping applied.
   */
  async finish(search: string, sealedFlow: string | undefined): Promise<UserRow> {
    const flow = await this.openFlow(sealedFlow);
    const query = new URLSearchParams(search);
    const state = query.get('state');
    if (!flow || state === null || !sameText(state, flow.state))
      throw new SsoRefusal('state', 'The sign-in did not start here, or took too long.');
    if (query.has('error')) {
      const reason = `${query.get('error')}: ${query.get('error_description') ?? ''}`.slice(0, 300);
      this.deps.logger.warn({ reason }, 'the OpenID provider refused a sign-in');
      throw new SsoRefusal('provider', 'The sign-in provider refused the sign-in.');
    }
    const configuration = await this.discover();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(
        configuration,
        new URL(`${this.redirectUri()}?${query.toString()}`),
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
      );
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = { ...idClaims };
      if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token)
        claims = {
          ...claims,
          ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)),
        };
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'OpenID Connect code exchange failed');
      throw new SsoRefusal('provider', 'The sign-in provider’s answer could not be used.');
    }
    return this.person(claims);
  }

  /** The person the claims name, created or updated as the settings say. */
  private async person(claims: Record<string, unknown>): Promise<UserRow> {
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // some providers send the flag as a string
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    if (!email || !verified)
      throw new SsoRefusal('unverified', 'The sign-in provider has not verified your e-mail address.');
    const { settings } = this.deps;
    const role = settings.roleMap.length
      ? (mappedRole(claimValues(claims, settings.roleClaim), settings.roleMap) ?? 'REP')
      : undefined;
    const teamId = settings.teamMap.length
      ? await this.mappedTeam(claimValues(claims, settings.teamClaim))
      : undefined;
    let user = await findUserByEmail(this.deps.db, email);
    if (!user && settings.autoCreate && email.length <= LIMITS.email)
      user = await this.create(claims, email, role, teamId);
    if (!user || user.kind !== 'person')
      throw new SsoRefusal('unknown', 'No one here has this e-mail address: ask an admin to invite you.');
    if (!user.active) throw new SsoRefusal('inactive', 'Your account here is deactivated: ask an admin.');
    return this.apply(user.id, role, teamId);
  }

  /** The first team (in OIDC_TEAM_MAP's order) the groups name that exists; null: none. */
  private async mappedTeam(groups: readonly string[]): Promise<number | null> {
    for (const [group, name] of this.deps.settings.teamMap) {
      if (!groups.includes(group)) continue;
      const [team] = await this.deps.db
        .select({ id: teams.id })
        .from(teams)
        .where(sql`lower(${teams.name}) = ${name.toLowerCase()}`);
      if (team) return team.id;
      this.deps.logger.warn({ group, team: name }, 'OIDC_TEAM_MAP names a team that does not exist');
    }
    return null;
  }

  private async create(
    claims: Record<string, unknown>,
    email: string,
    role: Role | undefined,
    teamId: number | null | undefined,
  ): Promise<UserRow | undefined> {
    const given = [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ');
    const named = typeof claims.name === 'string' && claims.name.trim() ? claims.name : given;
    const name = (named.trim() || email.split('@')[0] || email).slice(0, LIMITS.name);
    try {
      return await this.deps.db.transaction(async (tx) => {
        const user = await insertUser(tx, { name, email, role: role ?? 'REP', teamId: teamId ?? null });
        await audit(tx, SSO_ACTOR, {
          action: 'user.create',
          targetType: 'User',
          targetId: user.id,
          after: auditUser(user),
        });
        return user;
      });
    } catch (error) {
      // the same person's first sign-in in two tabs at once: the other made them
      if (isUniqueViolation(error, 'users_email_key')) return findUserByEmail(this.deps.db, email);
      throw error;
    } finally {
      this.deps.directory?.invalidate();
    }
  }

  /** Applies the mapped role and team (undefined: not mapped), audited when something changes. */
  private async apply(
    id: number,
    role: Role | undefined,
    teamId: number | null | undefined,
  ): Promise<UserRow> {
    const user = await this.deps.db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!before) throw new SsoRefusal('unknown', 'Your account was removed while you signed in.');
      let nextRole = role ?? before.role;
      if (before.role === 'ADMIN' && nextRole !== 'ADMIN') {
        if ((await lockOtherActiveAdmins(tx, id)) === 0) {
          this.deps.logger.warn({ userId: id }, 'single sign-on kept the last active admin an admin');
          nextRole = 'ADMIN';
        }
      }
      const nextTeam = teamId === undefined ? before.teamId : teamId;
      if (nextRole === before.role && nextTeam === before.teamId) return before;
      const [after] = await tx
        .update(users)
        .set({ role: nextRole, teamId: nextTeam })
        .where(eq(users.id, id))
        .returning();
      if (!after) throw new SsoRefusal('unknown', 'Your account was removed while you signed in.');
      await auditUserUpdate(tx, SSO_ACTOR, before, after);
      return after;
    });
    this.deps.directory?.invalidate();
    return user;
  }

  /** A new session for the person (routes.ts hands it over as the sign-in does). */
  session(user: UserRow, userAgent: string | undefined) {
    return this.deps.sessions.create(this.deps.db, user.id, userAgent);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
