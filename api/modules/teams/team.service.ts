import { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { LIMITS } from '../../../schema/db/constants.ts';
import type { TeamRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, NotFoundError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { assertNotViewer, assertRole } from '../../core/permissions.ts';
import { isUniqueViolation, parseInput } from '../../core/validation.ts';
import { insertTeam, listTeams } from './team.queries.ts';
import type { CreateTeamInput, UpdateTeamInput } from './team.type.ts';
import { eq } from 'drizzle-orm';
import { teams as teamsTable } from '../../../schema/db/index.ts';

export async function teams(ctx: AppContext): Promise<TeamRow[]> {
  assertNotViewer(requireViewer(ctx));
  return listTeams(ctx.db);
}

export async function team(ctx: AppContext, idArg: string): Promise<TeamRow | null> {
  assertNotViewer(requireViewer(ctx));
  return ctx.loaders.teamById.load(parseId(idArg, 'Team'));
}

const createTeamSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(LIMITS.name, `at most ${LIMITS.name} characters`),
  managerId: z.string().nullish(),
});

/** The manager a team may have: a MANAGER or ADMIN person (BAD_USER_INPUT managerId otherwise). */
async function checkManager(ctx: AppContext, managerId: number | null): Promise<void> {
  if (managerId === null) return;
  const manager = await ctx.loaders.userById.load(managerId);
  if (!manager) throw new NotFoundError('User', managerId);
  if ((manager.role !== 'MANAGER' && manager.role !== 'ADMIN') || manager.kind !== 'person') {
    throw BadInputError.one('managerId', 'must be a person with role MANAGER or ADMIN');
  }
}

/** A team name taken: BAD_USER_INPUT on name; anything else rethrown. */
function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'teams_name_key'))
    throw BadInputError.one('name', 'is already used by another team');
  throw error;
}

export async function createTeam(ctx: AppContext, input: CreateTeamInput): Promise<TeamRow> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins create teams.');
  const values = parseInput(createTeamSchema, input);
  const managerId = optionalId(values.managerId, 'User');
  await checkManager(ctx, managerId);
  try {
    const team = await ctx.db.transaction(async (tx) => {
      const inserted = await insertTeam(tx, { name: values.name, managerId });
      const after = { name: inserted.name, managerId: inserted.managerId };
      await audit(tx, viewer, { action: 'team.create', targetType: 'Team', targetId: inserted.id, after });
      return inserted;
    });
    ctx.directory?.invalidate(); // its manager's scope grew: this process's next request knows
    return team;
  } catch (error) {
    return nameTaken(error);
  }
}

const updateTeamSchema = z.object({
  name: createTeamSchema.shape.name.nullish(),
  managerId: z.string().nullish(),
});

/**
 * Renames a team or sets its manager (ADMIN); `managerId: null` leaves it without one. Audited in
 * the same transaction; the old and new managers' scopes follow at once (the directory).
 */
export async function updateTeam(ctx: AppContext, idArg: string, input: UpdateTeamInput): Promise<TeamRow> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins change teams.');
  const id = parseId(idArg, 'Team');
  const values = parseInput(updateTeamSchema, input);
  const managerId = values.managerId === undefined ? undefined : optionalId(values.managerId, 'User');
  if (managerId !== undefined) await checkManager(ctx, managerId);
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(teamsTable).where(eq(teamsTable.id, id)).for('update');
      if (!before) throw new NotFoundError('Team', id);
      const next = {
        name: values.name ?? before.name,
        managerId: managerId === undefined ? before.managerId : managerId,
      };
      const [after] = await tx.update(teamsTable).set(next).where(eq(teamsTable.id, id)).returning();
      if (!after) throw new NotFoundError('Team', id);
      await audit(tx, viewer, {
        action: 'team.update',
        targetType: 'Team',
        targetId: id,
        before: { name: before.name, managerId: before.managerId },
        after: { name: after.name, managerId: after.managerId },
      });
      return after;
    });
    ctx.directory?.invalidate();
    return updated;
  } catch (error) {
    return nameTaken(error);
  }
}
