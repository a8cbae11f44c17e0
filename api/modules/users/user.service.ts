import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { LIMITS } from '../../../schema/db/constants.ts';
import type { UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, FieldErrors, NotFoundError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { assertNotViewer, assertRole } from '../../core/permissions.ts';
import { collectInput, isUniqueViolation } from '../../core/validation.ts';
import { findTeam } from '../teams/team.queries.ts';
import { emailTaken, insertUser, listUsers, lockOtherActiveAdmins } from './user.queries.ts';
import type { CreateUserInput, UpdateUserInput } from './user.type.ts';
import { users as usersTable } from '../../../schema/db/index.ts';
import { audit, auditUser, auditUserUpdate } from '../../core/audit.ts';
import { ConflictError } from '../../core/errors.ts';

/** The caller. */
export async function me(ctx: AppContext): Promise<UserRow> {
  const viewer = requireViewer(ctx);
  const user = await ctx.loaders.userById.load(viewer.id);
  if (!user) throw new NotFoundError('User', viewer.id);
  return user;
}

/** The directory (names, roles, teams): every role but VIEWER. Figures are scoped elsewhere. */
export async function users(ctx: AppContext, teamIdArg: string | null | undefined): Promise<UserRow[]> {
  assertNotViewer(requireViewer(ctx));
  const teamId = optionalId(teamIdArg, 'Team');
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  return listUsers(ctx.db, { teamId });
}

export async function user(ctx: AppContext, idArg: string): Promise<UserRow | null> {
  assertNotViewer(requireViewer(ctx));
  return ctx.loaders.userById.load(parseId(idArg, 'User'));
}

const createUserSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(LIMITS.name, `at most ${LIMITS.name} characters`),
  email: z
    .string()
    .trim()
    .max(LIMITS.email, `at most ${LIMITS.email} characters`)
    .email('must be an email address')
    .transform((e) => e.toLowerCase()),
  role: z.enum(['ADMIN', 'MANAGER', 'REP', 'VIEWER']),
  teamId: z.string().nullish(),
});

export async function createUser(ctx: AppContext, input: CreateUserInput): Promise<UserRow> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins create users.');
  const user = await addUser(ctx, input);
  await audit(ctx.db, viewer, {
    action: 'user.create',
    targetType: 'User',
    targetId: user.id,
    after: auditUser(user),
  });
  return user;
}

/** Checks and inserts a user; who may is the caller's to decide (createUser, auth/links.ts inviteUser). */
export async function addUser(ctx: AppContext, input: CreateUserInput): Promise<UserRow> {
  const errors = new FieldErrors();
  const parsed = collectInput(createUserSchema, input, errors);
  const taken = 'is already used by another user';
  if (parsed && (await emailTaken(ctx.db, parsed.email))) errors.add('email', taken);
  const values = errors.done(parsed);
  const teamId = optionalId(values.teamId, 'Team');
  if (teamId !== null && !(await findTeam(ctx.db, teamId))) throw new NotFoundError('Team', teamId);
  try {
    const user = await insertUser(ctx.db, {
      name: values.name,
      email: values.email,
      role: values.role,
      teamId,
    });
    ctx.directory?.invalidate(); // this process's next request knows the user (directory.ts)
    return user;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw BadInputError.one('email', taken);
    throw error;
  }
}

const updateUserSchema = z.object({
  name: createUserSchema.shape.name.nullish(),
  role: createUserSchema.shape.role.nullish(),
  teamId: z.string().nullish(),
  active: z.boolean().nullish(),
});

/**
 * Changes a user's name, role, team or active flag (ADMIN), with an audit entry in the same
 * transaction. The last active admin cannot be demoted or deactivated (nobody could administer
 * the organisation afterwards). Deactivation ends their sessions and API tokens (a trigger).
 */
export async function updateUser(ctx: AppContext, idArg: string, input: UpdateUserInput): Promise<UserRow> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins change users.');
  const id = parseId(idArg, 'User');
  const errors = new FieldErrors();
  const parsed = collectInput(updateUserSchema, input, errors);
  const values = errors.done(parsed);
  const teamId = values.teamId === undefined ? undefined : optionalId(values.teamId, 'Team');
  if (teamId != null && !(await findTeam(ctx.db, teamId))) throw new NotFoundError('Team', teamId);
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(usersTable).where(eq(usersTable.id, id)).for('update');
    if (!before) throw new NotFoundError('User', id);
    const next = {
      name: values.name ?? before.name,
      role: values.role ?? before.role,
      teamId: teamId === undefined ? before.teamId : teamId,
      active: values.active ?? before.active,
    };
    if (before.role === 'ADMIN' && before.active && (next.role !== 'ADMIN' || !next.active)) {
      // the other admins are locked too: two admins demoting each other at once cannot both pass
      if ((await lockOtherActiveAdmins(tx, id)) === 0)
        throw new ConflictError('This is the last active admin: make someone else an admin first.');
    }
    const [after] = await tx.update(usersTable).set(next).where(eq(usersTable.id, id)).returning();
    if (!after) throw new NotFoundError('User', id);
    await auditUserUpdate(tx, viewer, before, after);
    return after;
  });
  ctx.directory?.invalidate();
  return updated;
}
