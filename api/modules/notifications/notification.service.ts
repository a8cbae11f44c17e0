/**
 * Each person's e-mail notification choices over GraphQL: everyone signed in as a person reads and
 * changes their own, nobody anyone else's (there is no argument naming a person). Service accounts
 * and paired screens receive no mail: they read null and may not change anything (FORBIDDEN). A
 * choice given as null is BAD_USER_INPUT naming the field: leaving it out keeps it. The weekly
 * digest is offered to managers and admins only: anyone else reads null and turning it on is
 * FORBIDDEN (who they are, not what they typed: as for a service account), naming weeklyDigest;
 * turning it off is accepted from anyone (it is off already). Whether mail goes out at all
 * (SMTP_URL) is read from the database's switch, the one the triggers obey.
 */
import { z } from 'zod';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { ForbiddenError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import type { Role } from '../../../schema/db/constants.ts';
import { NOTIFICATION_KINDS, KIND_FIELDS, offeredTo } from '../../jobs/notifications/kinds.ts';
import { mailEnabled } from '../../jobs/notifications/outbox.ts';
import { readChoices, saveChoices, type Choices } from './notification.queries.ts';
import type { NotificationSettings, UpdateNotificationSettingsInput } from './notification.type.ts';

const choice = z.boolean({ error: 'must be true or false (leave it out to keep it)' }).optional();
const updateSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [KIND_FIELDS[k], choice])) as Record<
    (typeof KIND_FIELDS)[keyof typeof KIND_FIELDS],
    typeof choice
  >,
);

function view(enabled: boolean, c: Choices, role: Role): NotificationSettings {
  return {
    mailEnabled: enabled,
    goalProgress: c.GOAL_PROGRESS,
    goalBehindPace: c.GOAL_BEHIND_PACE,
    badgeEarned: c.BADGE_EARNED,
    contests: c.CONTESTS,
    teamRank: c.TEAM_RANK,
    kudos: c.KUDOS,
    weeklyDigest: offeredTo('WEEKLY_DIGEST', role) ? c.WEEKLY_DIGEST : null,
  };
}

export async function myNotificationSettings(ctx: AppContext): Promise<NotificationSettings | null> {
  const viewer = requireViewer(ctx);
  const mine = await readChoices(ctx.db, viewer.id);
  if (!mine || mine.kind !== 'person') return null;
  return view(await mailEnabled(ctx.db), mine.choices, viewer.role);
}

export async function updateMyNotificationSettings(
  ctx: AppContext,
  input: UpdateNotificationSettingsInput,
): Promise<NotificationSettings> {
  const viewer = requireViewer(ctx);
  const values = parseInput(updateSchema, { ...input });
  const mine = await readChoices(ctx.db, viewer.id);
  if (!mine || mine.kind !== 'person')
    throw new ForbiddenError('Service accounts and screens receive no notifications.');
  if (values.weeklyDigest === true && !offeredTo('WEEKLY_DIGEST', viewer.role))
    throw new ForbiddenError('weeklyDigest: the weekly digest is for managers and admins.');
  const changes: Partial<Choices> = {};
  for (const kind of NOTIFICATION_KINDS) changes[kind] = values[KIND_FIELDS[kind]];
  await saveChoices(ctx.db, viewer.id, changes);
  return view(await mailEnabled(ctx.db), { ...mine.choices, ...stripUndefined(changes) }, viewer.role);
}

const stripUndefined = (c: Partial<Choices>): Partial<Choices> =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
