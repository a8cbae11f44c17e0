/**
 * The Screens page's list (issue 15): each paired screen with its layout and health, read in one
 * statement (screen-presence.ts keeps the connections it reads: online, last seen, client,
 * reconnects). An ADMIN sees every screen, a MANAGER the screens of the teams they manage; the
 * writes (screens.ts, screen-layout.ts) answer with the same record, read here.
 */
import { sql } from 'drizzle-orm';
import type { PeriodType } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { ForbiddenError } from '../../core/errors.ts';
import type { ScreenLayout } from '../../core/permissions.ts';
import { rows } from '../../db/client.ts';
import { screenLayoutOf } from '../users/user.queries.ts';
import { authOf } from './api-tokens.ts';
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

export const NO_HEALTH: ScreenHealth = {
  online: false,
  clientVersion: null,
  resolution: null,
  reconnects24h: 0,
  offlineTooLong: false,
};

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
export async function readScreens(
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
    show_contests: boolean | null;
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
          sc.show_goals, sc.show_contests, array_to_string(sc.celebrations, ',') as celebrations,
          sc.sale_amount, sc.sound,
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
        showContests: r.show_contests,
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
