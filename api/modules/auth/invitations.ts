/**
 * Who may invite whom and issue password links (the GraphQL side of links.ts): an ADMIN for
 * anyone; a MANAGER invites REPs into the teams they manage and issues links for REPs of those
 * teams. Kept apart from links.ts, which knows no request context. With OIDC_ONLY there are no
 * passwords, so no links: both are refused with a message that says how people get in instead.
 */
import { audit, auditUser } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { canWriteForTeam } from '../../core/permissions.ts';
import { rows } from '../../db/client.ts';
import { sql } from 'drizzle-orm';
import { addUser } from '../users/user.service.ts';
import type { CreateUserInput } from '../users/user.type.ts';
import type { IssuedLink, LinkService } from './links.ts';

/**
 * The link service; refused with OIDC_ONLY, where a password link would lead to a password form
 * that is off: people are added with createUser (or by single sign-on itself, OIDC_AUTO_CREATE)
 * and sign in with the provider.
 */
function linksOf(ctx: AppContext): LinkService {
  if (!ctx.auth) throw new ForbiddenError('Invitations are managed over HTTP.');
  const sso = ctx.auth.service.ssoOnlyLabel;
  if (sso !== null)
    throw new ForbiddenError(
      `Password sign-in is off here (OIDC_ONLY): people sign in with ${sso}. ` +
        'Add someone with createUser, or let single sign-on add them (OIDC_AUTO_CREATE).',
    );
  return ctx.auth.service.links;
}

/** inviteUser: a new user (ADMIN; a MANAGER: a REP into a team they manage) and their invitation. */
export async function inviteUser(ctx: AppContext, input: CreateUserInput): Promise<IssuedLink> {
  const links = linksOf(ctx);
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN') {
    const teamId = input.teamId == null ? null : parseId(input.teamId, 'Team');
    if (viewer.role !== 'MANAGER' || input.role !== 'REP' || !canWriteForTeam(viewer, teamId))
      throw new ForbiddenError('Admins invite anyone; managers invite reps into the teams they manage.');
  }
  const user = await addUser(ctx, input);
  const issued = await links.issue(user, 'invitation', viewer.id, ctx.db);
  const after = { ...auditUser(user), emailed: issued.emailed };
  await audit(ctx.db, viewer, { action: 'user.invite', targetType: 'User', targetId: user.id, after });
  return issued;
}

/** issuePasswordLink: an invitation for someone without a password yet, else a reset link. */
export async function issuePasswordLink(ctx: AppContext, userIdArg: string): Promise<IssuedLink> {
  const links = linksOf(ctx);
  const viewer = requireViewer(ctx);
  const userId = parseId(userIdArg, 'User');
  const user = await ctx.loaders.userById.load(userId);
  if (!user) throw new NotFoundError('User', userId);
  const allowed =
    viewer.role === 'ADMIN' || (user.role === 'REP' && canWriteForTeam(viewer, user.teamId ?? null));
  if (!allowed) throw new ForbiddenError('Admins issue links for anyone; managers for reps of their teams.');
  if (!user.active) throw BadInputError.one('userId', 'is deactivated: reactivate them first');
  if (user.kind === 'service')
    throw BadInputError.one('userId', 'is a service account: it signs in with API tokens only');
  const [hasPassword] = await rows(ctx.db, sql`select 1 from user_passwords where user_id = ${userId}`);
  const issued = await links.issue(user, hasPassword ? 'reset' : 'invitation', viewer.id, ctx.db);
  const after = { kind: issued.kind, emailed: issued.emailed };
  await audit(ctx.db, viewer, { action: 'user.passwordLink', targetType: 'User', targetId: user.id, after });
  return issued;
}
