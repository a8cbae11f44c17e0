/**
 * Managed TV screens over GraphQL (issue 15): pairScreen claims the code a TV shows (ADMIN for
 * any team, a MANAGER for a team they manage), revokeScreen deactivates one (its token ends, its
 * TV shows a new code). Who may manage a screen is decided here (scopeOf, manageable) for every
 * write. The list with health is screen-list.ts; the layout and its stream, screen-layout.ts. The
 * pairing itself, which knows no request context, is screen-pairing.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { LIMITS } from '../../../schema/db/constants.ts';
import { users } from '../../../schema/db/index.ts';
import { audit } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { canWriteForTeam } from '../../core/permissions.ts';
import { rows } from '../../db/client.ts';
import { findTeam } from '../teams/team.queries.ts';
import { screenLayoutOf } from '../users/user.queries.ts';
import { authOf } from './api-tokens.ts';
import { normaliseCode } from './screen-pairing.ts';
import { NO_HEALTH, readScreens, type ScreenRecord } from './screen-list.ts';

const scopeOf = (ctx: AppContext, teamId: number | null) => {
  const viewer = requireViewer(ctx);
  if (!canWriteForTeam(viewer, teamId))
    throw new ForbiddenError('Admins manage every screen; managers the screens of teams they manage.');
  return viewer;
};

/** pairScreen: claims the code a TV shows, as a screen of `teamId` named `name`. */
export async function pairScreen(
  ctx: AppContext,
  input: { code: string; name: string; teamId?: string | null },
): Promise<ScreenRecord> {
  const teamId = optionalId(input.teamId, 'Team');
  const viewer = scopeOf(ctx, teamId);
  authOf(ctx);
  const code = normaliseCode(input.code);
  if (!code) throw BadInputError.one('code', 'must be the 8 letters and digits the screen shows');
  const name = input.name.trim();
  if (name.length < 1 || name.length > LIMITS.name)
    throw BadInputError.one('name', `must be 1 to ${LIMITS.name} characters`);
  if (teamId !== null && !(await findTeam(ctx.db, teamId))) throw new NotFoundError('Team', teamId);
  const now = new Date(authOf(ctx).service.clock.now()).toISOString();
  const screen = await ctx.db.transaction(async (tx) => {
    const [pairing] = await rows<{ id: string }>(
      tx,
      sql`select id from screen_pairings where code = ${code} and screen_user_id is null
            and expires_at > ${now}::timestamptz for update`,
    );
    if (!pairing)
      throw BadInputError.one(
        'code',
        'no screen shows this code now (it may have expired): check the screen',
      );
    const [user] = await tx
      .insert(users)
      .values({
        name,
        email: `screen-${randomUUID()}@screen.invalid`,
        role: 'VIEWER',
        teamId,
        kind: 'screen',
      })
      .returning();
    if (!user) throw new Error('insert into users returned nothing');
    await rows(tx, sql`update screen_pairings set screen_user_id = ${user.id} where id = ${pairing.id}`);
    await rows(tx, sql`insert into screens (user_id) values (${user.id})`);
    await audit(tx, viewer, {
      action: 'screen.pair',
      targetType: 'User',
      targetId: user.id,
      after: { name, teamId, kind: 'screen' },
    });
    return user;
  });
  ctx.directory?.invalidate();
  return {
    id: screen.id,
    name: screen.name,
    teamId: screen.teamId,
    active: true,
    pairedAt: screen.createdAt,
    lastSeenAt: null,
    layout: screenLayoutOf({ boards: null, secondsPerBoard: null, periodType: null, pinned: null }),
    health: NO_HEALTH,
  };
}

/** A screen the caller may manage (ADMIN; a MANAGER for its team), or NOT_FOUND / FORBIDDEN. */
export async function manageable(ctx: AppContext, idArg: string) {
  const id = parseId(idArg, 'Screen');
  const user = await ctx.loaders.userById.load(id);
  if (!user || user.kind !== 'screen') throw new NotFoundError('Screen', id);
  return { id, user, viewer: scopeOf(ctx, user.teamId) };
}

/** revokeScreen: the screen's account deactivated, its token ended, its TV back to pairing. */
export async function revokeScreen(ctx: AppContext, idArg: string): Promise<ScreenRecord> {
  const { id, user, viewer } = await manageable(ctx, idArg);
  await ctx.db.transaction(async (tx) => {
    await rows(tx, sql`update users set active = false where id = ${id}`);
    await audit(tx, viewer, {
      action: 'screen.revoke',
      targetType: 'User',
      targetId: id,
      before: { name: user.name, teamId: user.teamId, active: user.active },
      after: { name: user.name, teamId: user.teamId, active: false },
    });
  });
  authOf(ctx).service.sessions.invalidate();
  ctx.directory?.invalidate();
  const [screen] = await readScreens(ctx, null, id);
  if (!screen) throw new NotFoundError('Screen', id);
  return screen;
}
