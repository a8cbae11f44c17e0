/**
 * API tokens for other apps and scripts (issue 15), in place of hand-minted JWTs.
 *
 * Invariants:
 * - A token acts as its owner, with the owner's current role and team. A person (not a screen:
 *   VIEWER) creates tokens for themselves, though not with an API token (a leaked token cannot mint others that
 *   outlive its revocation); an ADMIN lists and revokes anyone's, others only their own (someone
 *   else's is NOT_FOUND, as if absent).
 * - Shown once, stored as its SHA-256 in `sessions` (kind 'api', auth/sessions.ts), so revoking
 *   one ends it in every process at the `dir` notification, open sockets included, and
 *   deactivating the owner revokes them (the users_end_sessions trigger).
 * - At most LIMITS.apiTokensPerUser live tokens a person (the owner's row is locked while counting).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { LIMITS } from '../../../schema/db/constants.ts';
import { audit } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { assertRole } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { rows } from '../../db/client.ts';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.type.ts';

interface ApiTokenRow {
  handle: string;
  user_id: number;
  name: string;
  prefix: string;
  created_at: string | Date;
  expires_at: string | Date | null;
  last_used_at: string | Date;
  revoked_at: string | Date | null;
}

const COLUMNS = sql`handle, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const date = (value: string | Date): Date => new Date(value);

function toApiToken(row: ApiTokenRow, now: number): ApiToken {
  const createdAt = date(row.created_at);
  const lastUsedAt = date(row.last_used_at);
  const expiresAt = row.expires_at === null ? null : date(row.expires_at);
  const revokedAt = row.revoked_at === null ? null : date(row.revoked_at);
  return {
    id: row.handle,
    userId: Number(row.user_id),
    name: row.name,
    prefix: row.prefix,
    createdAt,
    expiresAt,
    // written at creation too: the same instant means never used since
    lastUsedAt: lastUsedAt.getTime() === createdAt.getTime() ? null : lastUsedAt,
    revokedAt,
    active: revokedAt === null && (expiresAt === null || expiresAt.getTime() > now),
  };
}

/** The token after `action`, written to the audit log: never the token or its hash. */
async function audited(ctx: AppContext, action: string, t: ApiToken): Promise<ApiToken> {
  const after = {
    ownerId: t.userId,
    name: t.name,
    prefix: t.prefix,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
  await audit(ctx.db, requireViewer(ctx), { action, targetType: 'ApiToken', targetId: t.id, after });
  return t;
}

export function authOf(ctx: AppContext): NonNullable<AppContext['auth']> {
  if (!ctx.auth) throw new ForbiddenError('API tokens are managed over HTTP.');
  return ctx.auth;
}

const tokenInput = (now: number) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(LIMITS.apiTokenName, `at most ${LIMITS.apiTokenName} characters`),
    expiresAt: z
      .date()
      .refine((d) => d.getTime() > now, 'must be in the future')
      .nullish(),
  });

/**
 * A token for the caller, or (ADMIN, `userId`) for a service account: not minted with an API
 * token, nor by a screen.
 */
export async function createApiToken(ctx: AppContext, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const viewer = requireViewer(ctx);
  const auth = authOf(ctx);
  if (auth.viaApiToken)
    throw new ForbiddenError('An API token cannot create API tokens: sign in to create one.');
  assertRole(viewer, ['ADMIN', 'MANAGER', 'REP'], 'Screens (VIEWER) do not create API tokens.');
  const values = parseInput(tokenInput(auth.service.sessions.now()), input);
  let ownerId = viewer.id;
  if (input.userId != null) {
    ownerId = parseId(input.userId, 'User');
    const owner = await ctx.loaders.userById.load(ownerId);
    if (!owner) throw new NotFoundError('User', ownerId);
    if (ownerId !== viewer.id && (viewer.role !== 'ADMIN' || owner.kind !== 'service'))
      throw new ForbiddenError('Admins create tokens for service accounts; people create their own.');
  }
  return mintApiToken(ctx, ownerId, values.name, values.expiresAt ?? null);
}

/** Creates the token (at most LIMITS.apiTokensPerUser live a user) and its audit entry. */
export async function mintApiToken(
  ctx: AppContext,
  ownerId: number,
  name: string,
  expiresAt: Date | null,
): Promise<CreatedApiToken> {
  const viewer = requireViewer(ctx);
  const auth = authOf(ctx);
  const now = auth.service.sessions.now();
  const created = await auth.service.sessions.createApiToken(
    ctx.db,
    ownerId,
    name,
    expiresAt,
    LIMITS.apiTokensPerUser,
  );
  if (!created) {
    throw new ConflictError(
      `${ownerId === viewer.id ? 'You hold' : 'This account holds'} ${LIMITS.apiTokensPerUser} live API tokens already: revoke one no longer used first.`,
    );
  }
  const [row] = await rows<ApiTokenRow>(
    ctx.db,
    sql`select ${COLUMNS} from sessions where handle = ${created.handle}`,
  );
  if (!row) throw new NotFoundError('ApiToken', created.handle);
  const apiToken = await audited(ctx, 'apiToken.create', toApiToken(row, now));
  return { apiToken, token: created.token };
}

/** The caller's tokens, or (ADMIN) anyone's; newest first, revoked ones until they are pruned. */
export async function listApiTokens(ctx: AppContext, userIdArg: string | null): Promise<ApiToken[]> {
  const viewer = requireViewer(ctx);
  const auth = authOf(ctx);
  assertRole(viewer, ['ADMIN', 'MANAGER', 'REP'], 'Screens (VIEWER) have no API tokens.');
  const userId = userIdArg == null ? viewer.id : parseId(userIdArg, 'User');
  if (userId !== viewer.id && viewer.role !== 'ADMIN')
    throw new ForbiddenError('Only admins see other people’s API tokens.');
  const found = await rows<ApiTokenRow>(
    ctx.db,
    sql`select ${COLUMNS} from sessions where user_id = ${userId} and kind = 'api'
        order by created_at desc, handle`,
  );
  const now = auth.service.sessions.now();
  return found.map((row) => toApiToken(row, now));
}

/** Revokes a token at once (its owner, or an ADMIN); revoking a revoked one changes nothing. */
export async function revokeApiToken(ctx: AppContext, id: string): Promise<ApiToken> {
  const viewer = requireViewer(ctx);
  const auth = authOf(ctx);
  if (!UUID.test(id)) throw new NotFoundError('ApiToken', JSON.stringify(id));
  const now = auth.service.sessions.now();
  const [row] = await rows<ApiTokenRow>(
    ctx.db,
    sql`update sessions set revoked_at = coalesce(revoked_at, ${new Date(now).toISOString()}::timestamptz)
        where handle = ${id}::uuid and kind = 'api'
          ${viewer.role === 'ADMIN' ? sql`` : sql`and user_id = ${viewer.id}`}
        returning ${COLUMNS}`,
  );
  if (!row) throw new NotFoundError('ApiToken', id);
  auth.service.sessions.invalidate();
  return audited(ctx, 'apiToken.revoke', toApiToken(row, now));
}
