/**
 * Service accounts (issue 15): accounts for other apps ("ERP sync"), made by an ADMIN with a role
 * and a team scope, signed in by API tokens only.
 *
 * Invariants: a service account is a users row of kind 'service' (so the directory, scopes, the
 * audit log and deactivation work for it as for anyone) with an address no mailbox has
 * (`service-<uuid>@service.invalid`, RFC 2606); it never sets a password nor gets an invitation
 * or reset link, and never appears on a board or in team figures (performance/sellers.ts). Its
 * first token is made with it, in the answer only; more come from createApiToken(userId).
 */
import { randomUUID } from 'node:crypto';
import { users } from '../../../schema/db/index.ts';
import { audit, auditUser } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { FieldErrors, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { optionalId } from '../../core/graphql/ids.ts';
import { assertRole } from '../../core/permissions.ts';
import { collectInput } from '../../core/validation.ts';
import { z } from 'zod';
import { LIMITS, ROLES } from '../../../schema/db/constants.ts';
import { findTeam } from '../teams/team.queries.ts';
import type { CreateServiceAccountInput, CreatedServiceAccount } from './api-token.type.ts';
import { authOf, mintApiToken } from './api-tokens.ts';

export async function createServiceAccount(
  ctx: AppContext,
  input: CreateServiceAccountInput,
): Promise<CreatedServiceAccount> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins create service accounts.');
  const auth = authOf(ctx);
  if (auth.viaApiToken)
    throw new ForbiddenError('An API token cannot create service accounts: sign in to create one.');
  const now = auth.service.sessions.now();
  const errors = new FieldErrors();
  const values = errors.done(
    collectInput(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .max(LIMITS.name, `at most ${LIMITS.name} characters`),
        role: z.enum(ROLES),
        teamId: z.string().nullish(),
        expiresAt: z
          .date()
          .refine((d) => d.getTime() > now, 'must be in the future')
          .nullish(),
      }),
      input,
      errors,
    ),
  );
  const teamId = optionalId(values.teamId, 'Team');
  if (teamId !== null && !(await findTeam(ctx.db, teamId))) throw new NotFoundError('Team', teamId);
  const [user] = await ctx.db
    .insert(users)
    .values({
      name: values.name,
      email: `service-${randomUUID()}@service.invalid`,
      role: values.role,
      teamId,
      kind: 'service',
    })
    .returning();
  if (!user) throw new Error('insert into users returned nothing');
  ctx.directory?.invalidate();
  await audit(ctx.db, viewer, {
    action: 'serviceAccount.create',
    targetType: 'User',
    targetId: user.id,
    after: { ...auditUser(user), kind: 'service' },
  });
  const first = await mintApiToken(ctx, user.id, values.name, values.expiresAt ?? null);
  return { user, ...first };
}
