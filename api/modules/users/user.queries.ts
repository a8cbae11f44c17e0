import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { users, type UserRow } from '../../../schema/db/index.ts';
import {
  CELEBRATION_KINDS,
  DEFAULT_PERIOD_TYPE,
  SCREEN_SALE_AMOUNT,
  SCREEN_DEFAULT_BOARDS,
  SCREEN_SECONDS,
  type CelebrationKind,
  type LeaderboardMetric,
  type PeriodType,
  type Role,
} from '../../../schema/db/constants.ts';
import type { ScreenLayout } from '../../core/permissions.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { columnList, fromRawColumns, type RawColumns } from '../../db/raw-columns.ts';

export function listUsers(
  db: Queryable,
  filter: { teamId?: number | null; onlyId?: number },
): Promise<UserRow[]> {
  const conditions = [
    filter.teamId != null ? eq(users.teamId, filter.teamId) : undefined,
    filter.onlyId !== undefined ? eq(users.id, filter.onlyId) : undefined,
  ];
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id));
}

/** A `users` row as raw SQL returns it (database column names, timestamps as Date or text). */
export type RawUserColumns = RawColumns<UserRow>;

/**
 * The select list that yields RawUserColumns from `users` aliased as `alias`, so a statement that
 * reads users anyway can hand them to the DataLoaders (priming) instead of a second statement.
 */
export const rawUserColumns = (alias: string): SQL => columnList(users, alias);

/** A raw users row as drizzle maps it. */
export const toUserRow = (raw: RawUserColumns): UserRow => fromRawColumns(users, raw);

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

/**
 * The user behind a token, with the teams they manage, in one statement. Raw SQL: it runs for
 * every HTTP request and every directory miss, and drizzle's query builder cost more than the
 * statement itself there.
 */
export async function findViewerByEmail(
  db: Queryable,
  email: string,
): Promise<(UserRow & { managedTeamIds: number[]; layout: ScreenLayout | null }) | undefined> {
  const [row] = await rows<
    RawUserColumns & {
      managed: number[] | null;
      screen_boards: string | null;
      screen_seconds: number | null;
      screen_period: PeriodType | null;
      screen_pinned: string | null;
      screen_goals: boolean | null;
      screen_contests: boolean | null;
      screen_celebrations: string | null;
      screen_sale_amount: number | null;
      screen_sound: boolean | null;
    }
  >(
    db,
    sql`select ${rawUserColumns('u')}, array(select t.id from teams t where t.manager_id = u.id) as managed,
          array_to_string(s.boards, ',') as screen_boards, s.seconds_per_board as screen_seconds,
          s.period_type as screen_period, s.pinned as screen_pinned, s.show_goals as screen_goals,
          s.show_contests as screen_contests,          array_to_string(s.celebrations, ',') as screen_celebrations, s.sale_amount as screen_sale_amount,
          s.sound as screen_sound
        from users u left join screens s on s.user_id = u.id and u.kind = 'screen'
        where u.email = ${email.toLowerCase()}`,
  );
  if (!row) return undefined;
  const user = toUserRow(row);
  return {
    ...user,
    managedTeamIds: (row.managed ?? []).map(Number),
    layout:
      user.kind !== 'screen'
        ? null
        : screenLayoutOf({
            boards: row.screen_boards,
            secondsPerBoard: row.screen_seconds,
            periodType: row.screen_period,
            pinned: row.screen_pinned,
            showGoals: row.screen_goals,
            showContests: row.screen_contests,
            celebrations: row.screen_celebrations,
            saleAmount: row.screen_sale_amount,
            sound: row.screen_sound,
          }),
  };
}

/**
 * A screen's layout and settings from its `screens` row's columns; a screen without one (or a
 * column left out) shows the defaults. Celebration kinds this version does not know are ignored.
 */
export function screenLayoutOf(row: {
  boards: string | readonly string[] | null;
  secondsPerBoard: number | null;
  periodType: PeriodType | null;
  pinned: string | null;
  showGoals?: boolean | null;
  showContests?: boolean | null;
  celebrations?: string | readonly string[] | null;
  saleAmount?: number | null;
  sound?: boolean | null;
}): ScreenLayout {
  const boards = typeof row.boards === 'string' ? row.boards.split(',') : row.boards;
  const kinds = typeof row.celebrations === 'string' ? row.celebrations.split(',') : row.celebrations;
  return {
    boards: (boards?.length ? boards : SCREEN_DEFAULT_BOARDS) as LeaderboardMetric[],
    secondsPerBoard: row.secondsPerBoard === null ? SCREEN_SECONDS.default : Number(row.secondsPerBoard),
    periodType: row.periodType ?? DEFAULT_PERIOD_TYPE,
    pinned: (row.pinned as LeaderboardMetric | null) ?? null,
    showGoals: row.showGoals ?? false,
    showContests: row.showContests ?? true,
    celebrations:
      kinds == null
        ? [...CELEBRATION_KINDS]
        : CELEBRATION_KINDS.filter((k: CelebrationKind) => kinds.includes(k)),
    saleAmount: row.saleAmount == null ? SCREEN_SALE_AMOUNT.default : Number(row.saleAmount),
    sound: row.sound ?? false,
  };
}

export async function insertUser(
  db: Queryable,
  values: { name: string; email: string; role: Role; teamId: number | null },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned nothing');
  return row;
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  return (await findUserByEmail(db, email)) !== undefined;
}

/** Ids of the users with these emails (stored lower-case), in one statement. */
export async function userIdsByEmail(db: Queryable, emails: string[]): Promise<Map<string, number>> {
  if (emails.length === 0) return new Map();
  const found = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        emails.map((e) => e.toLowerCase()),
      ),
    );
  return new Map(found.map((u) => [u.email, u.id]));
}

/**
 * How many active admins there are besides `id`, their rows locked (in the caller's transaction):
 * two admins demoting each other at once cannot both see the other one still there.
 */
export async function lockOtherActiveAdmins(tx: Queryable, id: number): Promise<number> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.role} = 'ADMIN' and ${users.active} and ${users.id} <> ${id}`)
    .for('update');
  return others.length;
}
