/**
 * Who appears on boards and in team figures: active people who sell (REP, MANAGER). Service
 * accounts (users.kind 'service', issue 15) never do, whatever their role. One definition for
 * every query that lists sellers, SQL and drizzle alike.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { users } from '../../../schema/db/index.ts';

/** The condition on a users row aliased `u`. */
export const SELLER_U: SQL = sql`u.active and u.role in ('REP', 'MANAGER') and u.kind = 'person'`;

/** The same on the users table, for drizzle's query builder. */
export const sellerCondition = (): SQL | undefined =>
  and(eq(users.active, true), inArray(users.role, ['REP', 'MANAGER']), eq(users.kind, 'person'));
