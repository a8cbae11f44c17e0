/**
 * Passwords and sessions over GraphQL (issue 15, first slice): changePassword for the caller, and
 * signOutEverywhere (ADMIN for anyone, everyone for themselves). Signing in and out are the
 * /auth HTTP routes (api/modules/auth/routes.ts): they set and clear the cookie, which GraphQL cannot.
 * Both mutations need the HTTP context's sign-in service (ctx.auth); over the WebSocket they are
 * refused.
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';

function authOf(ctx: AppContext): NonNullable<AppContext['auth']> {
  if (!ctx.auth) throw new ForbiddenError('Passwords and sessions are managed over HTTP.');
  return ctx.auth;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => Int, {
    description:
      'Sets the caller’s password (at least PASSWORD_MIN_LENGTH characters) and ends their other sessions (all of them when called with a token); returns how many ended. currentPassword is required once a password is set.',
  })
  async changePassword(
    @Ctx() ctx: AppContext,
    @Arg('newPassword', () => String) newPassword: string,
    @Arg('currentPassword', () => String, { nullable: true }) currentPassword: string | null,
  ): Promise<number> {
    const viewer = requireViewer(ctx);
    const auth = authOf(ctx);
    return auth.service.changePassword(viewer, auth.sessionId, currentPassword, newPassword);
  }

  @Mutation(() => Int, {
    description:
      'Ends every session of a user at once, the caller’s own included when it is theirs (ADMIN, or the user themselves); returns how many ended.',
  })
  async signOutEverywhere(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID) userIdArg: string,
  ): Promise<number> {
    const viewer = requireViewer(ctx);
    const auth = authOf(ctx);
    const userId = parseId(userIdArg, 'User');
    if (viewer.role !== 'ADMIN' && viewer.id !== userId)
      throw new ForbiddenError('Only admins end other people’s sessions.');
    if (!(await ctx.loaders.userById.load(userId))) throw new NotFoundError('User', userId);
    return auth.service.signOutEverywhere(ctx.db, userId);
  }
}
