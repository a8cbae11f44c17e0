/**
 * Reading the audit log (ADMIN only), newest first, a page at a time: `before` is the id of the
 * last entry seen (keyset paging, stable while entries are added); filters by target.
 */
import { sql } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { UserRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { assertRole } from '../../core/permissions.ts';
import { rows } from '../../db/client.ts';
import { User } from '../users/user.type.ts';
import { AuditEntry } from './audit.type.ts';

const PAGE_MAX = 200;

interface AuditRowRaw {
  id: string | number;
  at: string | Date;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
}

const jsonText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => [AuditEntry], {
    description: `Administrative changes, newest first (ADMIN): at most \`first\` (1-${PAGE_MAX}) older than the entry \`before\`, about one record when targetType and targetId are given.`,
  })
  async auditLog(
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => ID, { nullable: true }) before: string | null,
    @Arg('targetType', () => String, { nullable: true }) targetType: string | null,
    @Arg('targetId', () => ID, { nullable: true }) targetId: string | null,
  ): Promise<AuditEntry[]> {
    assertRole(requireViewer(ctx), ['ADMIN'], 'Only admins read the audit log.');
    if (first < 1 || first > PAGE_MAX) throw BadInputError.one('first', `must be between 1 and ${PAGE_MAX}`);
    const beforeId = before == null ? null : parseId(before, 'AuditEntry');
    const found = await rows<AuditRowRaw>(
      ctx.db,
      sql`select id, at, actor_id, actor_name, action, target_type, target_id, before, after
          from audit_log
          where true ${beforeId === null ? sql`` : sql`and id < ${beforeId}`}
            ${targetType == null ? sql`` : sql`and target_type = ${targetType}`}
            ${targetId == null ? sql`` : sql`and target_id = ${targetId}`}
          order by id desc limit ${first}`,
    );
    return found.map((r) => ({
      id: String(r.id),
      at: new Date(r.at),
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      before: jsonText(r.before),
      after: jsonText(r.after),
    }));
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made it; null once that user is deleted.' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return entry.actorId === null ? null : ctx.loaders.userById.load(entry.actorId);
  }
}
