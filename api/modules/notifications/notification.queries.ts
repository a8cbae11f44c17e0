/** Each person's notification choices (notification_settings), read and written for one person. */
import { eq, sql } from 'drizzle-orm';
import { notificationSettings, users } from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';
import {
  choices,
  KIND_FIELDS,
  type KindField,
  type NotificationKind,
} from '../../jobs/notifications/kinds.ts';

export type Choices = Record<NotificationKind, boolean>;

/** The person's kind ('person', 'service', 'screen') and choices; null when there is no such user. */
export async function readChoices(
  db: Queryable,
  userId: number,
): Promise<{ kind: string; choices: Choices } | null> {
  const [row] = await db
    .select({ kind: users.kind, settings: notificationSettings })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(users.id, userId));
  return row ? { kind: row.kind, choices: choices(row.settings ?? undefined) } : null;
}

/** Stores the given choices (the others stay as they are); a kind set is stored even if default. */
export async function saveChoices(db: Queryable, userId: number, changes: Partial<Choices>): Promise<void> {
  const values: Partial<Record<KindField, boolean>> = {};
  for (const [kind, on] of Object.entries(changes) as [NotificationKind, boolean | undefined][]) {
    if (on !== undefined) values[KIND_FIELDS[kind]] = on;
  }
  if (Object.keys(values).length === 0) return;
  await db
    .insert(notificationSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...values, updatedAt: sql`now()` } });
}
