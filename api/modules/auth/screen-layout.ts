/**
 * A screen's layout and settings (issue 15; docs/screens.md): updateScreen writes them (a field
 * left out stays as it is), and myScreen streams them to the screen's own TV. The write does not
 * push: the `screens` row's trigger notifies every process, each drops its directory, and the
 * stream, which reads its layout with its viewer, sends it when it changed.
 */
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
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.ts';
import type { ScreenLayout } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { Mailbox } from '../../live/hub/mailbox.ts';
import { releasing, type StreamScope } from '../subscriptions/subscriptions.streams.ts';
import { rows } from '../../db/client.ts';
import { screenLayoutOf } from '../users/user.queries.ts';
import { readScreens, type ScreenRecord } from './screen-list.ts';
import { manageable } from './screens.ts';

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
    showContests: z.boolean(),
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
      show_contests: boolean;
      celebrations: string;
      sale_amount: number;
      sound: boolean;
    }>(
      tx,
      sql`insert into screens (user_id) values (${id}) on conflict (user_id) do update set user_id = excluded.user_id
          returning array_to_string(boards, ',') as boards, seconds_per_board, period_type, pinned,
            show_goals, show_contests, array_to_string(celebrations, ',') as celebrations, sale_amount, sound`,
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
        showContests: row.show_contests,
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
            show_contests = ${after.showContests},
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
