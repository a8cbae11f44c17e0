/**
 * Kudos (docs/kudos.md): rules and authorization; SQL in kudos.queries.ts.
 *
 * Invariants:
 * - A person (users.kind 'person', any role but VIEWER) gives kudos to another active person, never
 *   to themselves; a sale or goal it names is the recipient's (a goal: theirs or their team's).
 * - At most `org.kudos.perHour` kudos per giver in any rolling hour, removed ones included: the
 *   giver's gives are serialised by an advisory lock, so two at once cannot both pass the count.
 * - Only the giver edits, and only until KUDOS_EDIT_WINDOW_MS after giving; the giver, an ADMIN or a
 *   MANAGER of the recipient's team removes. Times come from `org.kudos.clock` (tests move it).
 * - A removal by someone other than the giver (a manager or an admin, by their role) is an
 *   administrative change: audited as `kudos.remove`, with the kudos as it was, in the removal's
 *   transaction. The giver taking back their own is not: the audit log keeps administrative
 *   changes (core/audit.ts), and a person withdrawing their own message, like giving or editing
 *   it, acts on nobody else's record (its deleted_at stays in the kudos table).
 * - Everyone signed in reads the feed (public recognition, like badges); a screen only its team's.
 *   A private message is shown only to those `canReadMessage` allows (never a screen).
 */
import { z } from 'zod';
import { KUDOS_EDIT_WINDOW_MS, LIMITS } from '../../../schema/db/constants.ts';
import { audit } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, DomainError, ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { optionalId, parseId } from '../../core/graphql/ids.ts';
import { assertNotViewer, assertScreenReads, canWriteForTeam, type Viewer } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { toKudos } from './kudos.mapping.ts';
import {
  activityOwner,
  goalOwner,
  insertKudos,
  kudosByIds,
  listKudos,
  lockGiver,
  lockKudos,
  recentGiven,
  removeKudosRow,
  updateKudosRow,
} from './kudos.queries.ts';
import type { GiveKudosInput, Kudos, KudosPage, UpdateKudosInput } from './kudos.type.ts';

const HOUR_MS = 3_600_000;

/** Too many kudos given in the last hour (KUDOS_PER_HOUR): FORBIDDEN with when to try again. */
export class KudosRateLimitError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(
    readonly perHour: number,
    readonly retryAt: Date,
  ) {
    super(`You gave ${perHour} kudos within the last hour: give more after ${retryAt.toISOString()}.`);
  }
  override extensions(): Record<string, unknown> {
    return { retryAt: this.retryAt.toISOString(), limit: this.perHour };
  }
}

/** Whether the viewer may read the message of a private kudos. */
export function canReadMessage(
  viewer: Viewer,
  k: Pick<Kudos, 'giverId' | 'recipientId' | 'recipientTeamId'>,
) {
  if (viewer.role === 'VIEWER') return false;
  return viewer.id === k.giverId || viewer.id === k.recipientId || canWriteForTeam(viewer, k.recipientTeamId);
}

/** A message as the client typed it, trimmed; its length in characters (code points), as Postgres counts. */
const message = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((m) => [...m].length <= LIMITS.kudosMessage, `at most ${LIMITS.kudosMessage} characters`);

const giveSchema = z.object({
  recipientId: z.string(),
  message,
  private: z.boolean().nullish(),
  activityId: z.string().nullish(),
  goalId: z.string().nullish(),
});

const updateSchema = z.strictObject({
  message: message.optional(),
  private: z.boolean({ error: 'must be true or false (leave it out to keep it)' }).optional(),
});

const now = (ctx: AppContext) => new Date(ctx.org.kudos.clock.now());

async function assertPersonGiver(ctx: AppContext, viewer: Viewer): Promise<void> {
  assertNotViewer(viewer);
  const me = await ctx.loaders.userById.load(viewer.id);
  if (me?.kind !== 'person') throw new ForbiddenError('Kudos are given by people, not by service accounts.');
}

async function checkLinks(
  ctx: AppContext,
  recipient: { id: number; teamId: number | null },
  activityArg: string | null | undefined,
  goalArg: string | null | undefined,
): Promise<{ activityId: number | null; goalId: number | null }> {
  let activityId: number | null = null;
  let goalId: number | null = null;
  if (activityArg != null) {
    const id = /^[1-9]\d{0,14}$/.test(activityArg) ? Number(activityArg) : null;
    if (id === null || (await activityOwner(ctx.db, id)) !== recipient.id)
      throw BadInputError.one('activityId', 'is not one of the recipient’s activities');
    activityId = id;
  }
  if (goalArg != null) {
    const id = /^[1-9]\d{0,9}$/.test(goalArg) ? Number(goalArg) : null;
    const owner = id === null || id > 2_147_483_647 ? null : await goalOwner(ctx.db, id);
    const theirs =
      owner !== null &&
      (owner.userId === recipient.id || (owner.teamId !== null && owner.teamId === recipient.teamId));
    if (!theirs || id === null)
      throw BadInputError.one('goalId', 'is not the recipient’s or their team’s goal');
    goalId = id;
  }
  return { activityId, goalId };
}

async function readOne(ctx: AppContext, id: number): Promise<Kudos> {
  const [row] = await kudosByIds(ctx.db, [id]);
  if (!row) throw new NotFoundError('Kudos', id);
  return toKudos(row);
}

export async function giveKudos(ctx: AppContext, input: GiveKudosInput): Promise<Kudos> {
  const viewer = requireViewer(ctx);
  await assertPersonGiver(ctx, viewer);
  const values = parseInput(giveSchema, { ...input });
  const recipientId = parseId(values.recipientId, 'User');
  if (recipientId === viewer.id) throw BadInputError.one('recipientId', 'is you: kudos go to a colleague');
  const recipient = await ctx.loaders.userById.load(recipientId);
  if (!recipient || !recipient.active || recipient.kind !== 'person')
    throw new NotFoundError('User', recipientId);
  const links = await checkLinks(ctx, recipient, values.activityId, values.goalId);
  const at = now(ctx);
  const { perHour } = ctx.org.kudos;
  const id = await ctx.db.transaction(async (tx) => {
    await lockGiver(tx, viewer.id);
    const recent = await recentGiven(tx, viewer.id, new Date(at.getTime() - HOUR_MS), perHour);
    const oldest = recent[perHour - 1];
    if (oldest) throw new KudosRateLimitError(perHour, new Date(oldest.getTime() + HOUR_MS));
    return insertKudos(tx, {
      giverId: viewer.id,
      recipientId,
      message: values.message,
      private: values.private ?? false,
      ...links,
      createdAt: at,
      updatedAt: at,
    });
  });
  return readOne(ctx, id);
}

export async function updateKudos(ctx: AppContext, idArg: string, input: UpdateKudosInput): Promise<Kudos> {
  const viewer = requireViewer(ctx);
  assertNotViewer(viewer);
  const id = parseId(idArg, 'Kudos');
  const values = parseInput(updateSchema, { ...input });
  const at = now(ctx);
  await ctx.db.transaction(async (tx) => {
    const found = await lockKudos(tx, id);
    if (!found) throw new NotFoundError('Kudos', id);
    if (found.giverId !== viewer.id) throw new ForbiddenError('Only its giver edits kudos.');
    const until = new Date(found.createdAt.getTime() + KUDOS_EDIT_WINDOW_MS);
    if (at > until)
      throw new ForbiddenError(
        `Kudos can be edited for a minute after giving: this one until ${until.toISOString()}.`,
      );
    await updateKudosRow(tx, id, found.recipientId, {
      message: values.message ?? found.message,
      private: values.private ?? found.private,
      updatedAt: at,
    });
  });
  return readOne(ctx, id);
}

export async function removeKudos(ctx: AppContext, idArg: string): Promise<string> {
  const viewer = requireViewer(ctx);
  assertNotViewer(viewer);
  const id = parseId(idArg, 'Kudos');
  const at = now(ctx);
  await ctx.db.transaction(async (tx) => {
    const found = await lockKudos(tx, id);
    if (!found) throw new NotFoundError('Kudos', id);
    if (found.giverId !== viewer.id && !canWriteForTeam(viewer, found.recipientTeamId))
      throw new ForbiddenError(
        'Kudos are removed by their giver, a manager of the recipient’s team or an admin.',
      );
    await removeKudosRow(tx, id, found.recipientId, at);
    if (found.giverId !== viewer.id)
      await audit(tx, viewer, {
        action: 'kudos.remove',
        targetType: 'Kudos',
        targetId: id,
        before: {
          giverId: found.giverId,
          recipientId: found.recipientId,
          recipientTeamId: found.recipientTeamId,
          message: found.message,
          private: found.private,
          activityId: found.activityId,
          goalId: found.goalId,
          createdAt: found.createdAt.toISOString(),
        },
      });
  });
  return String(id);
}

/** A cursor: base64url of "k<id>" (the feed is ordered by id, newest first). */
const encodeCursor = (id: number) => Buffer.from(`k${id}`, 'utf8').toString('base64url');

function decodeCursor(text: string): number {
  const plain = text.length <= 40 ? Buffer.from(text, 'base64url').toString('utf8') : '';
  const m = /^k([1-9]\d{0,9})$/.exec(plain);
  const id = m ? Number(m[1]) : NaN;
  if (!(id <= 2_147_483_647) || encodeCursor(id) !== text)
    throw BadInputError.one('after', 'is not a cursor of this list: pass an endCursor it gave');
  return id;
}

export async function kudosFeed(
  ctx: AppContext,
  args: { userId: string | null; teamId: string | null; first: number; after: string | null | undefined },
): Promise<KudosPage> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > LIMITS.kudosPage)
    throw BadInputError.one('first', `must be between 1 and ${LIMITS.kudosPage}`);
  const userId = optionalId(args.userId, 'User');
  const teamId = optionalId(args.teamId, 'Team');
  assertScreenReads(viewer, teamId, userId);
  const beforeId = args.after == null ? null : decodeCursor(args.after);
  if (userId !== null && !(await ctx.loaders.userById.load(userId))) throw new NotFoundError('User', userId);
  if (teamId !== null && !(await ctx.loaders.teamById.load(teamId))) throw new NotFoundError('Team', teamId);
  const found = await listKudos(ctx.db, { userId, teamId, beforeId, take: args.first + 1 });
  const shown = found.slice(0, args.first).map(toKudos);
  const last = shown.at(-1);
  return {
    nodes: shown,
    hasNextPage: found.length > args.first,
    endCursor: last ? encodeCursor(last.id) : null,
  };
}
