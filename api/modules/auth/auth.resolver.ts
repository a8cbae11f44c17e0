/**
 * Passwords and sessions over GraphQL (issue 15, first slice): changePassword for the caller, and
 * signOutEverywhere (ADMIN for anyone, everyone for themselves). Signing in and out are the
 * /auth HTTP routes (api/modules/auth/routes.ts): they set and clear the cookie, which GraphQL cannot.
 * Both mutations need the HTTP context's sign-in service (ctx.auth); over the WebSocket they are
 * refused.
 */
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.ts';
import { CreateUserInput } from '../users/user.type.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { audit } from '../../core/audit.ts';
import { User } from '../users/user.type.ts';
import {
  ApiToken,
  CreateApiTokenInput,
  CreatedApiToken,
  CreatedServiceAccount,
  CreateServiceAccountInput,
} from './api-token.type.ts';
import { createServiceAccount } from './service-accounts.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { inviteUser, issuePasswordLink } from './invitations.ts';

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
    if (auth.viaApiToken)
      throw new ForbiddenError('An API token cannot set a password: sign in to change it.');
    if ((await ctx.loaders.userById.load(viewer.id))?.kind === 'service')
      throw new ForbiddenError('A service account has no password: it signs in with API tokens only.');
    return auth.service.changePassword(viewer, auth.sessionId, currentPassword, newPassword, ctx.db);
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
    const ended = await auth.service.signOutEverywhere(ctx.db, userId);
    const after = { sessionsEnded: ended };
    await audit(ctx.db, viewer, {
      action: 'user.signOutEverywhere',
      targetType: 'User',
      targetId: userId,
      after,
    });
    return ended;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], {
    description:
      'API tokens of the caller, or of userId (ADMIN only); newest first, revoked ones for a day after.',
  })
  apiTokens(
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
  ): Promise<ApiToken[]> {
    return listApiTokens(ctx, userId);
  }

  @Mutation(() => CreatedApiToken, {
    description:
      'Creates an API token for the caller (not with an API token), at most 20 live a person; the token is shown only in this answer.',
  })
  createApiToken(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
  ): Promise<CreatedApiToken> {
    return createApiToken(ctx, input);
  }

  @Mutation(() => CreatedServiceAccount, {
    description:
      'Creates a service account (ADMIN): an account for another app with a role and a team scope, signed in by API tokens only, never on a board; its first token is shown only in this answer.',
  })
  createServiceAccount(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateServiceAccountInput) input: CreateServiceAccountInput,
  ): Promise<CreatedServiceAccount> {
    return createServiceAccount(ctx, input);
  }

  @Mutation(() => ApiToken, {
    description: 'Revokes an API token at once, open sockets included (its owner, or ADMIN).',
  })
  revokeApiToken(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<ApiToken> {
    return revokeApiToken(ctx, id);
  }

  @FieldResolver(() => User, { description: 'Whose token it is: it acts as them.' })
  owner(@Root() token: ApiToken, @Ctx() ctx: AppContext): Promise<UserRow | null> {
    return ctx.loaders.userById.load(token.userId);
  }
}

@ObjectType({ description: 'An invitation or password-reset link just issued (issue 15).' })
export class IssuedLink {
  @Field(() => User, { description: 'Whom it is for.' })
  user!: UserRow;

  @Field(() => String, { description: 'invitation (no password yet) or reset.' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The one-time link to pass on; null when it was e-mailed to the person (SMTP_URL).',
  })
  link!: string | null;

  @Field(() => Boolean, { description: 'Whether the link was e-mailed to the person.' })
  emailed!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@Resolver()
export class LinkResolver {
  @Mutation(() => IssuedLink, {
    description:
      'Creates a user and an invitation to set their password (ADMIN; a MANAGER: a REP into a team they manage). E-mailed with SMTP_URL, else answered to pass on.',
  })
  inviteUser(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<IssuedLink> {
    return inviteUser(ctx, input);
  }

  @Mutation(() => IssuedLink, {
    description:
      'A new invitation (no password yet) or password-reset link for a user, retiring their older one (ADMIN; a MANAGER: REPs of their teams).',
  })
  issuePasswordLink(@Ctx() ctx: AppContext, @Arg('userId', () => ID) userId: string): Promise<IssuedLink> {
    return issuePasswordLink(ctx, userId);
  }
}
