/**
 * Bearer tokens: HS256 JWTs whose subject is the user's email. Signing needs only the secret, never
 * the database (the token CLI must not open an embedded database the server holds). The server
 * checks on every operation that the user exists and is active (context.ts).
 *
 * Every token must carry `exp` and `sub` (jose's requiredClaims): jose checks `exp` only when it is
 * present, so a correctly signed token without it would be valid forever, and nothing short of
 * changing the secret could end it. signToken always sets both; the token CLI cannot leave exp out.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ConfigError, type Config } from '../config.ts';
import { UnauthenticatedError } from './errors.ts';

const ALGORITHM = 'HS256';
const ISSUER = 'pulse';
/** Claims a token must carry, whatever its signature (see the header). */
const REQUIRED_CLAIMS = ['exp', 'sub'];

/** JWT_SECRET, or in embedded mode a secret generated once into DATA_DIR/jwt-secret. */
export function resolveJwtSecret(config: Pick<Config, 'jwtSecret' | 'embedded' | 'dataDir'>): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (!config.embedded) throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

const key = (secret: string): Uint8Array => new TextEncoder().encode(secret);

export async function signToken(secret: string, email: string, expiresIn = '30d'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(email.trim().toLowerCase())
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

export interface TokenClaims {
  email: string;
  /** Seconds since the epoch: every accepted token has one. */
  expiresAt: number;
}

/** The email a token names; UnauthenticatedError when it is malformed, expired or signed with another secret. */
export async function verifyToken(secret: string, token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      requiredClaims: REQUIRED_CLAIMS,
    });
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new UnauthenticatedError('The token names no user.');
    // requiredClaims made jose check that exp is present and a number
    return { email: payload.sub, expiresAt: payload.exp as number };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('The token has expired.');
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.reason === 'missing') {
      throw new UnauthenticatedError(
        error.claim === 'exp'
          ? 'The token has no expiry (exp): get a new one.'
          : `The token has no "${error.claim}" claim.`,
      );
    }
    throw new UnauthenticatedError('The token is not valid.');
  }
}

export interface TokenVerifierOptions {
  /** How long a verified token is remembered. @default 60000 */
  ttlMs?: number;
  /** How many verified tokens are remembered; the oldest go first. @default 10000 */
  maxEntries?: number;
  now?: () => number;
}

/**
 * verifyToken with the tokens that passed remembered by their exact text, for HTTP, where every
 * request carries the same token again: an HMAC through WebCrypto per request was ~10 % of the
 * server's CPU on small queries (BENCHMARKS.md, M5). Only successes are kept, and the expiry is
 * checked again on every use exactly as jose checks it (expired when exp <= the current second),
 * so a remembered token is refused from the same second a fresh verification would refuse it;
 * the signature, issuer and algorithm cannot change for the same text and secret.
 */
export type TokenVerifier = (token: string) => Promise<TokenClaims>;

export function createTokenVerifier(secret: string, options: TokenVerifierOptions = {}): TokenVerifier {
  const { ttlMs = 60_000, maxEntries = 10_000, now = Date.now } = options;
  const verified = new Map<string, { claims: TokenClaims; until: number }>();
  return async (token) => {
    const hit = verified.get(token);
    const at = now();
    if (hit !== undefined && at < hit.until) {
      if (hit.claims.expiresAt <= Math.floor(at / 1000)) {
        verified.delete(token);
        throw new UnauthenticatedError('The token has expired.');
      }
      return hit.claims;
    }
    verified.delete(token);
    const claims = await verifyToken(secret, token);
    if (verified.size >= maxEntries) {
      // Map iteration follows insertion order: drop the oldest tenth in one go
      let drop = Math.max(1, Math.floor(maxEntries / 10));
      for (const key of verified.keys()) {
        verified.delete(key);
        if (--drop === 0) break;
      }
    }
    verified.set(token, { claims, until: at + ttlMs });
    return claims;
  };
}

/** "Bearer abc" -> "abc"; undefined when absent; UnauthenticatedError when malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}
