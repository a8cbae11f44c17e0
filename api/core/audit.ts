/**
 * Writing the audit log (schema/db/audit.ts): one row per administrative change, with who made
 * it, what it was and the record before and after.
 * Invariants: called with the same database handle as the change (inside its transaction when
 * there is one), so a change and its entry commit together; snapshots are built by the callers
 * from explicit fields (auditUser, ...), so no secret, hash or token can slip in by a new column.
 */
import { sql } from 'drizzle-orm';
import type { UserRow } from '../../schema/db/index.ts';
import { rows, type Queryable } from '../db/client.ts';
import type { Viewer } from './permissions.ts';

export type AuditSnapshot = Record<string, string | number | boolean | null | readonly string[]>;

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | number;
  before?: AuditSnapshot | null;
  after?: AuditSnapshot | null;
}

/** Who made a change: a person (a Viewer), or the system (id null: single sign-on's mapping). */
export type AuditActor = Pick<Viewer, 'name'> & { readonly id: number | null };

export async function audit(db: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const json = (snapshot: AuditSnapshot | null | undefined) => (snapshot ? JSON.stringify(snapshot) : null);
  await rows(
    db,
    sql`insert into audit_log (actor_id, actor_name, action, target_type, target_id, before, after)
        values (${actor.id}, ${actor.name}, ${entry.action}, ${entry.targetType}, ${String(entry.targetId)},
                ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`,
  );
}

/** What the log keeps of a user: never a password, a session or a token. */
export const auditUser = (
  user: Pick<UserRow, 'name' | 'email' | 'role' | 'teamId' | 'active'>,
): AuditSnapshot => ({
  name: user.name,
  email: user.email,
  role: user.role,
  teamId: user.teamId,
  active: user.active,
});

/** The entry for a change to a user (updateUser, single sign-on's mapping): before and after. */
export function auditUserUpdate(
  db: Queryable,
  actor: AuditActor,
  before: Parameters<typeof auditUser>[0] & { id: number },
  after: Parameters<typeof auditUser>[0],
): Promise<void> {
  return audit(db, actor, {
    action: 'user.update',
    targetType: 'User',
    targetId: before.id,
    before: auditUser(before),
    after: auditUser(after),
  });
}
