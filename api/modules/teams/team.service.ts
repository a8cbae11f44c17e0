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
import type { CreateTeamInput } from './team.type.ts';

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

export async function createTeam(ctx: AppContext, input: CreateTeamInput): Promise<TeamRow> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins create teams.');
  const values = parseInput(createTeamSchema, input);
  const managerId = optionalId(values.managerId, 'User');
  if (managerId !== null) {
    const manager = await ctx.loaders.userById.load(managerId);
    if (!manager) throw new NotFoundError('User', managerId);
    if (manager.role !== 'MANAGER' && manager.role !== 'ADMIN') {
      throw BadInputError.one('managerId', 'must be a user with role MANAGER or ADMIN');
    }
  }
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
    if (isUniqueViolation(error, 'teams_name_key'))
      throw BadInputError.one('name', 'is already used by another team');
    throw error;
  }
}
