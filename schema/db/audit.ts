/**
 * The audit log (issue 15): every change made through the administration surface — people,
 * teams, webhooks, API tokens, sign-in links, sessions ended — with who, what, when, and the
 * record before and after (secrets never: a webhook's secret, a token, a link are not written).
 * Append-only for the application: nothing updates or deletes a row (api/core/audit.ts).
 */

import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './people.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who did it; null once that user is deleted (actor_name keeps the name). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    /** e.g. user.update, team.create, webhook.delete, apiToken.revoke. */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc(), t.id.desc()),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);
export type AuditRow = typeof auditLog.$inferSelect;
