/**
 * Managed TV screens over GraphQL (issue 15): pairScreen claims the code a TV shows (ADMIN for
 * any team, a MANAGER for a team they manage), screens lists them with their layout and health
 * (screen-presence.ts: online, last seen, client, reconnects), updateScreen changes the layout
 * and settings (showGoals, celebrations: docs/screens.md; the `screens` row's trigger notifies
 * every process, and the screen's `myScreen` stream, which reads its layout with its viewer,
 * pushes it), revokeScreen deactivates one (its token ends, its TV shows a new code). The pairing
 * itself, which knows no request context, is screen-pairing.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  CELEBRATION_KINDS,
  LEADERBOARD_METRICS,
  LIMITS,
  PERIOD_TYPES,
  SCREEN_SALE_AMOUNT,
  SCREEN_SECONDS,
  type PeriodType,
} from '../../../schema/db/constants.ts';
import { users } from '../../../schema/db/index.ts';
import { audit } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { canWriteForTeam, type ScreenLayout } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { Mailbox } from '../../live/hub/mailbox.ts';
import { releasing, type StreamScope } from '../subscriptions/subscriptions.streams.ts';
import { rows } from '../../db/client.ts';
import { findTeam } from '../teams/team.queries.ts';
import { screenLayoutOf } from '../users/user.queries.ts';
import { authOf } from './api-tokens.ts';
import { normaliseCode } from './screen-pairing.ts';
import { HISTORY_MS, ONLINE_WITHIN_MS } from './screen-presence.ts';

export interface ScreenRecord {
  id: number;
  name: string;
  teamId: number | null;
  active: boolean;
  pairedAt: Date;
  lastSeenAt: Date | null;
  layout: ScreenLayout;
  health: ScreenHealth;
}

export interface ScreenHealth {
  online: boolean;
  clientVersion: string | null;
  resolution: string | null;
  reconnects24h: number;
  /** Active, not online, and not seen (or never, since pairing) for SCREEN_OFFLINE_AFTER. */
  offlineTooLong: boolean;
}

const NO_HEALTH: ScreenHealth = {
  online: false,
  clientVersion: null,
  resolution: null,
  reconnects24h: 0,
  offlineTooLong: false,
};

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

/** The screens the caller manages (ADMIN: all), with their layout and health. */
export async function listScreens(ctx: AppContext): Promise<ScreenRecord[]> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')
    throw new ForbiddenError('Admins and managers see screens.');
  return readScreens(ctx, viewer.role === 'ADMIN' ? null : viewer.managedTeamIds);
}

/**
 * Screens with their layout and health, in one statement: of these teams (null: all). Last seen:
 * the latest of its sockets' last sign of life and its token's last use.
 */
async function readScreens(
  ctx: AppContext,
  teams: readonly number[] | null,
  only: number | null = null,
): Promise<ScreenRecord[]> {
  const auth = authOf(ctx);
  const now = auth.service.clock.now();
  const at = new Date(now).toISOString();
  const found = await rows<{
    id: number;
    name: string;
    team_id: number | null;
    active: boolean;
    created_at: string | Date;
    last_seen: string | Date | null;
    boards: string | null;
    seconds_per_board: number | null;
    period_type: PeriodType | null;
    pinned: string | null;
    show_goals: boolean | null;
    celebrations: string | null;
    sale_amount: number | null;
    sound: boolean | null;
    online: boolean | null;
    client_version: string | null;
    resolution: string | null;
    reconnects: number | string | null;
  }>(
    ctx.db,
    sql`select u.id, u.name, u.team_id, u.active, u.created_at,
          greatest(c.last_seen,
            (select max(s.last_used_at) from sessions s where s.user_id = u.id and s.kind = 'api')) as last_seen,
          array_to_string(sc.boards, ',') as boards, sc.seconds_per_board, sc.period_type, sc.pinned,
          sc.show_goals, array_to_string(sc.celebrations, ',') as celebrations, sc.sale_amount, sc.sound,
          c.online, c.client_version, c.resolution, c.reconnects
        from users u
        left join screens sc on sc.user_id = u.id
        left join lateral (
          select max(coalesce(k.disconnected_at, k.seen_at)) as last_seen,
            bool_or(k.disconnected_at is null
              and k.seen_at > ${at}::timestamptz - make_interval(secs => ${ONLINE_WITHIN_MS / 1000})) as online,
            (array_agg(k.client_version order by k.connected_at desc))[1] as client_version,
            (array_agg(k.resolution order by k.connected_at desc))[1] as resolution,
            count(*) filter (where k.connected_at > ${at}::timestamptz - make_interval(secs => ${HISTORY_MS / 1000})
              and k.connected_at > sc.first_connected_at) as reconnects
          from screen_connections k where k.screen_user_id = u.id
        ) c on true
        where u.kind = 'screen'
          ${teams === null ? sql`` : sql`and u.team_id = any(${`{${teams.join(',')}}`}::int[])`}
          ${only === null ? sql`` : sql`and u.id = ${only}`}
        order by u.active desc, u.name, u.id`,
  );
  const offlineAfter = auth.service.screenOfflineAfterMs;
  return found.map((r) => {
    const pairedAt = new Date(r.created_at);
    const lastSeenAt = r.last_seen === null ? null : new Date(r.last_seen);
    const online = r.online === true;
    return {
      id: Number(r.id),
      name: r.name,
      teamId: r.team_id === null ? null : Number(r.team_id),
      active: r.active,
      pairedAt,
      lastSeenAt,
      layout: screenLayoutOf({
        boards: r.boards,
        secondsPerBoard: r.seconds_per_board,
        periodType: r.period_type,
        pinned: r.pinned,
        showGoals: r.show_goals,
        celebrations: r.celebrations,
        saleAmount: r.sale_amount,
        sound: r.sound,
      }),
      health: {
        online,
        clientVersion: r.client_version,
        resolution: r.resolution,
        reconnects24h: Number(r.reconnects ?? 0),
        offlineTooLong: r.active && !online && now - (lastSeenAt ?? pairedAt).getTime() > offlineAfter,
      },
    };
  });
}

/** A screen the caller may manage (ADMIN; a MANAGER for its team), or NOT_FOUND / FORBIDDEN. */
async function manageable(ctx: AppContext, idArg: string) {
  const id = parseId(idArg, 'Screen');
  const user = await ctx.loaders.userById.load(id);
  if (!user || user.kind !== 'screen') throw new NotFoundError('Screen', id);
  return { id, user, viewer: scopeOf(ctx, user.teamId) };
}

const updateInput = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(LIMITS.name, `at most ${LIMITS.name} characters`),
    boards: z
      .array(z.enum(LEADERBOARD_METRICS))
      .min(1, 'must name at least one board')
      .refine((b) => new Set(b).size === b.length, 'must name each board once'),
    secondsPerBoard: z
      .number()
      .int('must be a whole number of seconds')
      .min(SCREEN_SECONDS.min, `at least ${SCREEN_SECONDS.min} seconds`)
      .max(SCREEN_SECONDS.max, `at most ${SCREEN_SECONDS.max} seconds`),
    periodType: z.enum(PERIOD_TYPES),
    pinned: z.enum(LEADERBOARD_METRICS).nullable(),
    showGoals: z.boolean(),
    celebrations: z
      .array(z.enum(CELEBRATION_KINDS))
      .refine((k) => new Set(k).size === k.length, 'must name each kind once'),
    saleAmount: z
      .number()
      .int('must be a whole amount')
      .min(SCREEN_SALE_AMOUNT.min, `at least ${SCREEN_SALE_AMOUNT.min}`)
      .max(SCREEN_SALE_AMOUNT.max, `at most ${SCREEN_SALE_AMOUNT.max}`),
    sound: z.boolean(),
  })
  .partial();

export type UpdateScreenFields = z.input<typeof updateInput>;

/**
 * updateScreen: a field left out stays as it is; `pinned: null` unpins. The layout goes to the
 * screen's TV at once (its `myScreen` subscription), in every process. Audit: screen.update.
 */
export async function updateScreen(
  ctx: AppContext,
  idArg: string,
  input: UpdateScreenFields,
): Promise<ScreenRecord> {
  const fields = parseInput(updateInput, input);
  const { id, user, viewer } = await manageable(ctx, idArg);
  if (!user.active) throw new ConflictError('This screen was revoked: pair the TV again.');
  await ctx.db.transaction(async (tx) => {
    const [row] = await rows<{
      boards: string;
      seconds_per_board: number;
      period_type: PeriodType;
      pinned: string | null;
      show_goals: boolean;
      celebrations: string;
      sale_amount: number;
      sound: boolean;
    }>(
      tx,
      sql`insert into screens (user_id) values (${id}) on conflict (user_id) do update set user_id = excluded.user_id
          returning array_to_string(boards, ',') as boards, seconds_per_board, period_type, pinned,
            show_goals, array_to_string(celebrations, ',') as celebrations, sale_amount, sound`,
    );
    if (!row) throw new Error('upsert into screens returned nothing');
    const before = {
      name: user.name,
      ...screenLayoutOf({
        boards: row.boards,
        secondsPerBoard: row.seconds_per_board,
        periodType: row.period_type,
        pinned: row.pinned,
        showGoals: row.show_goals,
        celebrations: row.celebrations,
        saleAmount: row.sale_amount,
        sound: row.sound,
      }),
    };
    const after = { ...before, ...fields };
    await rows(
      tx,
      sql`update screens set boards = ${`{${after.boards.join(',')}}`}::text[],
            seconds_per_board = ${after.secondsPerBoard}, period_type = ${after.periodType}::period_type,
            pinned = ${after.pinned}, show_goals = ${after.showGoals},
            celebrations = ${`{${after.celebrations.join(',')}}`}::text[], sale_amount = ${after.saleAmount},
            sound = ${after.sound}, updated_at = now()
          where user_id = ${id}`,
    );
    if (after.name !== user.name) await rows(tx, sql`update users set name = ${after.name} where id = ${id}`);
    await audit(tx, viewer, { action: 'screen.update', targetType: 'User', targetId: id, before, after });
  });
  // this process at once; the others on the trigger's notification
  ctx.directory?.invalidate();
  const [screen] = await readScreens(ctx, null, id);
  if (!screen) throw new NotFoundError('Screen', id);
  return screen;
}

/**
 * myScreen: the layout of the screen whose credential signs the socket in, at once and after each
 * change (no argument: a screen subscribes to its own screen only; anyone else is FORBIDDEN). It
 * reads the layout with the viewer (the directory, cached), when the directory is dropped: on a
 * users, teams or screens change, never per board event.
 */
export const myScreenStream = (ctx: AppContext) => releasing((scope) => myScreenGen(ctx, scope));

async function* myScreenGen(ctx: AppContext, scope: StreamScope): AsyncGenerator<ScreenLayout> {
  const session = ctx.session;
  const directory = ctx.directory;
  if (!session || !directory)
    throw new UnauthenticatedError('Subscriptions run over WebSocket with a token.');
  const first = await session.viewer();
  if (!first.screen) throw new ForbiddenError('Only a paired screen’s own credential follows its layout.');
  // tracked: an unsubscribe ends the wait at once (a quiet screen may wait for days)
  const changes = scope.track(new Mailbox<true>({ mode: 'latest', onClose: () => unlisten() }));
  const unlisten = directory.onInvalidate(() => changes.push(true));
  try {
    let last = JSON.stringify(first.screen);
    yield first.screen;
    for await (const _ of changes) {
      const viewer = await session.viewer();
      if (!viewer.screen)
        throw new ForbiddenError('Only a paired screen’s own credential follows its layout.');
      const next = JSON.stringify(viewer.screen);
      if (next === last) continue;
      last = next;
      yield viewer.screen;
    }
  } finally {
    unlisten();
    await changes.return();
  }
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
