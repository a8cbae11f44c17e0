import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { roleEnum } from './enums.ts';

export const teams = pgTable(
  'teams',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    managerId: integer('manager_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('teams_name_key').on(sql`lower(${t.name})`),
    check('teams_name_length', sql`char_length(${t.name}) between 1 and 200`),
  ],
);
export type TeamRow = typeof teams.$inferSelect;

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** Stored lower-case; unique. Tokens name the user by email. */
    email: text('email').notNull(),
    role: roleEnum('role').notNull().default('REP'),
    teamId: integer('team_id').references((): AnyPgColumn => teams.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * 'person'; 'service', an account for another app, or 'screen', a paired TV (issue 15):
     * signed in by API tokens only, never on a board or in team figures
     * (api/modules/performance/sellers.ts).
     */
    kind: text('kind', { enum: ['person', 'service', 'screen'] })
      .notNull()
      .default('person'),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_team_idx').on(t.teamId),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('users_kind', sql`${t.kind} in ('person', 'service', 'screen')`),
  ],
);
export type UserRow = typeof users.$inferSelect;
